// The llama_ftype table. Ids: llama.cpp include/llama.h (enum llama_ftype). Default tensor type
// of each mix: llama.cpp src/llama-quant.cpp (llama_ftype_get_default_type); see
// memory-model.md §1.3 and §2.2.
#include "gguf/llama_ftype.h"

#include <array>
#include <cctype>

namespace canrun::gguf {
namespace {

// ggml type ids (ggml_type.h) used as default types below.
constexpr std::uint32_t kF32 = 0, kF16 = 1, kQ4_0 = 2, kQ4_1 = 3, kQ5_0 = 6, kQ5_1 = 7,
                        kQ8_0 = 8, kQ2_K = 10, kQ3_K = 11, kQ4_K = 12, kQ5_K = 13, kQ6_K = 14,
                        kIQ2_XXS = 16, kIQ2_XS = 17, kIQ3_XXS = 18, kIQ1_S = 19, kIQ4_NL = 20,
                        kIQ3_S = 21, kIQ2_S = 22, kIQ4_XS = 23, kIQ1_M = 29, kBF16 = 30,
                        kTQ1_0 = 34, kTQ2_0 = 35, kMXFP4 = 39, kNVFP4 = 40, kQ1_0 = 41,
                        kQ2_0 = 42;

using F = LlamaFtype;
constexpr std::array kFtypes = {
    LlamaFtypeInfo{F::AllF32, "F32", kF32},        LlamaFtypeInfo{F::F16, "F16", kF16},
    LlamaFtypeInfo{F::Q4_0, "Q4_0", kQ4_0},        LlamaFtypeInfo{F::Q4_1, "Q4_1", kQ4_1},
    LlamaFtypeInfo{F::Q8_0, "Q8_0", kQ8_0},        LlamaFtypeInfo{F::Q5_0, "Q5_0", kQ5_0},
    LlamaFtypeInfo{F::Q5_1, "Q5_1", kQ5_1},        LlamaFtypeInfo{F::Q2_K, "Q2_K", kQ2_K},
    LlamaFtypeInfo{F::Q3_K_S, "Q3_K_S", kQ3_K},    LlamaFtypeInfo{F::Q3_K_M, "Q3_K_M", kQ3_K},
    LlamaFtypeInfo{F::Q3_K_L, "Q3_K_L", kQ3_K},    LlamaFtypeInfo{F::Q4_K_S, "Q4_K_S", kQ4_K},
    LlamaFtypeInfo{F::Q4_K_M, "Q4_K_M", kQ4_K},    LlamaFtypeInfo{F::Q5_K_S, "Q5_K_S", kQ5_K},
    LlamaFtypeInfo{F::Q5_K_M, "Q5_K_M", kQ5_K},    LlamaFtypeInfo{F::Q6_K, "Q6_K", kQ6_K},
    LlamaFtypeInfo{F::IQ2_XXS, "IQ2_XXS", kIQ2_XXS}, LlamaFtypeInfo{F::IQ2_XS, "IQ2_XS", kIQ2_XS},
    LlamaFtypeInfo{F::Q2_K_S, "Q2_K_S", kQ2_K},    LlamaFtypeInfo{F::IQ3_XS, "IQ3_XS", kIQ3_S},
    LlamaFtypeInfo{F::IQ3_XXS, "IQ3_XXS", kIQ3_XXS}, LlamaFtypeInfo{F::IQ1_S, "IQ1_S", kIQ1_S},
    LlamaFtypeInfo{F::IQ4_NL, "IQ4_NL", kIQ4_NL},  LlamaFtypeInfo{F::IQ3_S, "IQ3_S", kIQ3_S},
    LlamaFtypeInfo{F::IQ3_M, "IQ3_M", kIQ3_S},     LlamaFtypeInfo{F::IQ2_S, "IQ2_S", kIQ2_XS},
    LlamaFtypeInfo{F::IQ2_M, "IQ2_M", kIQ2_S},     LlamaFtypeInfo{F::IQ4_XS, "IQ4_XS", kIQ4_XS},
    LlamaFtypeInfo{F::IQ1_M, "IQ1_M", kIQ1_M},     LlamaFtypeInfo{F::BF16, "BF16", kBF16},
    LlamaFtypeInfo{F::TQ1_0, "TQ1_0", kTQ1_0},     LlamaFtypeInfo{F::TQ2_0, "TQ2_0", kTQ2_0},
    LlamaFtypeInfo{F::MXFP4_MOE, "MXFP4_MOE", kMXFP4}, LlamaFtypeInfo{F::NVFP4, "NVFP4", kNVFP4},
    LlamaFtypeInfo{F::Q1_0, "Q1_0", kQ1_0},        LlamaFtypeInfo{F::Q2_0, "Q2_0", kQ2_0},
};

bool same_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::span<const LlamaFtypeInfo> llama_ftypes() { return kFtypes; }

std::optional<LlamaFtypeInfo> llama_ftype_info(std::uint32_t id) {
    for (const auto& info : kFtypes) {
        if (static_cast<std::uint32_t>(info.ftype) == id) {
            return info;
        }
    }
    return std::nullopt;
}

std::optional<std::string_view> llama_ftype_name(std::uint32_t ftype) {
    const auto info = llama_ftype_info(ftype);
    return info ? std::optional<std::string_view>(info->name) : std::nullopt;
}

std::optional<LlamaFtypeInfo> llama_ftype_by_name(std::string_view name) {
    for (const auto& info : kFtypes) {
        if (same_ci(info.name, name)) {
            return info;
        }
    }
    return std::nullopt;
}

}  // namespace canrun::gguf
