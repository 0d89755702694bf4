// The ggml type table. Block sizes and bytes per block are the sizes of the block structs in
// ggml-common.h (static_assert lines) and the blck_size/type_size of ggml.c type_traits; see
// shared research memory-model.md §2.1. QK_K = 256. Ids 4, 5 (Q4_2, Q4_3), 31-33 (Q4_0_4_4,
// Q4_0_4_8, Q4_0_8_8) and 36-38 (IQ4_NL_4_4, IQ4_NL_4_8, IQ4_NL_8_8) were removed from ggml.
#include "gguf/ggml_type.h"

#include <array>
#include <cctype>

namespace canrun::gguf {
namespace {

constexpr std::array kTypes = {
    // id, name, elements per block, bytes per block, quantized
    GgmlTypeInfo{0, "F32", 1, 4, false},        // float
    GgmlTypeInfo{1, "F16", 1, 2, false},        // ggml_half
    GgmlTypeInfo{2, "Q4_0", 32, 18, true},      // block_q4_0: half d; u8 qs[16]
    GgmlTypeInfo{3, "Q4_1", 32, 20, true},      // block_q4_1: half d, m; u8 qs[16]
    GgmlTypeInfo{6, "Q5_0", 32, 22, true},      // block_q5_0: half d; u8 qh[4]; u8 qs[16]
    GgmlTypeInfo{7, "Q5_1", 32, 24, true},      // block_q5_1: half d, m; u8 qh[4]; u8 qs[16]
    GgmlTypeInfo{8, "Q8_0", 32, 34, true},      // block_q8_0: half d; i8 qs[32]
    GgmlTypeInfo{9, "Q8_1", 32, 36, true},      // block_q8_1: half d, s; i8 qs[32]
    GgmlTypeInfo{10, "Q2_K", 256, 84, true},    // block_q2_K: u8 scales[16]; u8 qs[64]; half d, dmin
    GgmlTypeInfo{11, "Q3_K", 256, 110, true},   // block_q3_K: u8 hmask[32]; u8 qs[64]; u8 scales[12]; half d
    GgmlTypeInfo{12, "Q4_K", 256, 144, true},   // block_q4_K: half d, dmin; u8 scales[12]; u8 qs[128]
    GgmlTypeInfo{13, "Q5_K", 256, 176, true},   // block_q5_K: half d, dmin; u8 scales[12]; qh[32]; qs[128]
    GgmlTypeInfo{14, "Q6_K", 256, 210, true},   // block_q6_K: u8 ql[128]; u8 qh[64]; i8 scales[16]; half d
    GgmlTypeInfo{15, "Q8_K", 256, 292, true},   // block_q8_K: float d; i8 qs[256]; i16 bsums[16]
    GgmlTypeInfo{16, "IQ2_XXS", 256, 66, true}, // block_iq2_xxs: half d; u16 qs[32]
    GgmlTypeInfo{17, "IQ2_XS", 256, 74, true},  // block_iq2_xs: half d; u16 qs[32]; u8 scales[8]
    GgmlTypeInfo{18, "IQ3_XXS", 256, 98, true}, // block_iq3_xxs: half d; u8 qs[96]
    GgmlTypeInfo{19, "IQ1_S", 256, 50, true},   // block_iq1_s: half d; u8 qs[32]; u16 qh[8]
    GgmlTypeInfo{20, "IQ4_NL", 32, 18, true},   // block_iq4_nl: half d; u8 qs[16]
    GgmlTypeInfo{21, "IQ3_S", 256, 110, true},  // block_iq3_s: half d; qs[64]; qh[8]; signs[32]; scales[4]
    GgmlTypeInfo{22, "IQ2_S", 256, 82, true},   // block_iq2_s: half d; u8 qs[64]; u8 qh[8]; u8 scales[8]
    GgmlTypeInfo{23, "IQ4_XS", 256, 136, true}, // block_iq4_xs: half d; u16 scales_h; u8 scales_l[4]; qs[128]
    GgmlTypeInfo{24, "I8", 1, 1, false},        // int8_t
    GgmlTypeInfo{25, "I16", 1, 2, false},       // int16_t
    GgmlTypeInfo{26, "I32", 1, 4, false},       // int32_t
    GgmlTypeInfo{27, "I64", 1, 8, false},       // int64_t
    GgmlTypeInfo{28, "F64", 1, 8, false},       // double
    GgmlTypeInfo{29, "IQ1_M", 256, 56, true},   // block_iq1_m: u8 qs[32]; u8 qh[16]; u8 scales[8]
    GgmlTypeInfo{30, "BF16", 1, 2, false},      // ggml_bf16_t
    GgmlTypeInfo{34, "TQ1_0", 256, 54, true},   // block_tq1_0: u8 qs[48]; u8 qh[4]; half d
    GgmlTypeInfo{35, "TQ2_0", 256, 66, true},   // block_tq2_0: u8 qs[64]; half d
    GgmlTypeInfo{39, "MXFP4", 32, 17, true},    // block_mxfp4: u8 e (e8m0); u8 qs[16]
    GgmlTypeInfo{40, "NVFP4", 64, 36, true},    // block_nvfp4: u8 d[4] (e4m3); u8 qs[32]
    GgmlTypeInfo{41, "Q1_0", 128, 18, true},    // block_q1_0: half d; u8 qs[16]
    GgmlTypeInfo{42, "Q2_0", 64, 18, true},     // block_q2_0: half d; u8 qs[16]
};

bool equal_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto ca = std::tolower(static_cast<unsigned char>(a[i]));
        const auto cb = std::tolower(static_cast<unsigned char>(b[i]));
        if (ca != cb) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::span<const GgmlTypeInfo> ggml_types() { return kTypes; }

std::optional<GgmlTypeInfo> ggml_type_info(std::uint32_t id) {
    for (const auto& type : kTypes) {
        if (type.id == id) {
            return type;
        }
    }
    return std::nullopt;
}

std::optional<GgmlTypeInfo> ggml_type_by_name(std::string_view name) {
    for (const auto& type : kTypes) {
        if (equal_ci(type.name, name)) {
            return type;
        }
    }
    return std::nullopt;
}

std::optional<std::uint64_t> ggml_row_bytes(const GgmlTypeInfo& type, std::uint64_t n) {
    if (type.block_elems == 0 || n % type.block_elems != 0) {
        return std::nullopt;
    }
    const std::uint64_t blocks = n / type.block_elems;
    if (blocks > UINT64_MAX / type.block_bytes) {
        return std::nullopt;
    }
    return blocks * type.block_bytes;
}

}  // namespace canrun::gguf
