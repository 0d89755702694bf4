// llama_ftype: the "file type" a GGUF records in general.file_type, i.e. which quantization mix
// llama.cpp's quantizer applied (Q4_K_M, Q8_0, ...). Ids are llama.h's llama_ftype values, which
// differ from ggml's own ggml_ftype numbering (memory-model.md §1.3).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace canrun::gguf {

enum class LlamaFtype : std::uint32_t {
    AllF32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q8_0 = 7, Q5_0 = 8, Q5_1 = 9,
    Q2_K = 10, Q3_K_S = 11, Q3_K_M = 12, Q3_K_L = 13, Q4_K_S = 14, Q4_K_M = 15,
    Q5_K_S = 16, Q5_K_M = 17, Q6_K = 18, IQ2_XXS = 19, IQ2_XS = 20, Q2_K_S = 21,
    IQ3_XS = 22, IQ3_XXS = 23, IQ1_S = 24, IQ4_NL = 25, IQ3_S = 26, IQ3_M = 27,
    IQ2_S = 28, IQ2_M = 29, IQ4_XS = 30, IQ1_M = 31, BF16 = 32, TQ1_0 = 36, TQ2_0 = 37,
    MXFP4_MOE = 38, NVFP4 = 39, Q1_0 = 40, Q2_0 = 41,
};

struct LlamaFtypeInfo {
    LlamaFtype ftype = LlamaFtype::AllF32;
    std::string_view name;           // as llama-quantize and file names spell it: "Q4_K_M"
    std::uint32_t default_type = 0;  // ggml type id of the bulk of the weights (Q4_K for Q4_K_M)
};

// Every ftype llama.cpp can still write, in id order. Removed ids (4-6, 33-35) are absent.
std::span<const LlamaFtypeInfo> llama_ftypes();

// nullopt for unknown or removed ids (and for 1024, LLAMA_FTYPE_GUESSED, which no file stores).
std::optional<LlamaFtypeInfo> llama_ftype_info(std::uint32_t id);
inline std::optional<LlamaFtypeInfo> llama_ftype_info(LlamaFtype ftype) {
    return llama_ftype_info(static_cast<std::uint32_t>(ftype));
}

// "Q4_K_M" for 15; nullopt for numbers that are unknown or were removed.
std::optional<std::string_view> llama_ftype_name(std::uint32_t ftype);

// Case-insensitive: "Q4_K_M", "q4_k_m", "f16", "mxfp4_moe"; "F32" is ALL_F32.
std::optional<LlamaFtypeInfo> llama_ftype_by_name(std::string_view name);

}  // namespace canrun::gguf
