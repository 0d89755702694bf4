// data/quants.json: llama.cpp quantization mixes with their quality cost.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/data_source.h"
#include "util/result.h"

namespace canrun::catalog {

// Quality cost measured on Llama 3 8B against FP16 (llama.cpp tools/perplexity/README.md).
struct QuantCost {
    double size_gib = 0;
    double ppl_delta = 0;
    double ppl_ratio = 1;
    double mean_kld = 0;
    bool imatrix = false;
    std::string source;
};

struct QuantInfo {
    std::string name;        // "Q4_K_M"
    std::uint32_t ftype = 0; // llama_ftype id
    std::string bulk_type;   // ggml type of most weights, "Q4_K"
    double bulk_bpw = 0;     // bits per weight of that type
    double nominal_bpw = 0;  // whole-file bits per weight on Llama 3 8B (or the help string's)
    bool needs_imatrix = false;
    std::optional<QuantCost> llama3_8b;
    std::string note;
    std::string source;
};

struct QuantsCatalog {
    std::string path;
    std::vector<QuantInfo> quants;

    // Case-insensitive: "q4_k_m", "Q4_K_M"; "Q4_K" and "Q5_K" and "Q3_K" as llama-quantize's
    // aliases for the _M mixes; "fp16" for F16.
    const QuantInfo* find(std::string_view name) const;
};

Result<QuantsCatalog> parse_quants_catalog(const DataJson& data);
Result<QuantsCatalog> load_quants_catalog(const DataSourceOptions& options);

}  // namespace canrun::catalog
