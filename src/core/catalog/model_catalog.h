// The model catalog: data/models.json parsed and checked. A record carries the architecture
// facts the GGUF reader would extract (so canrun can predict a file it has never seen), the
// parameter counts from the model card, where to get it (Ollama, Hugging Face, ModelScope) and
// what it is good for.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/data_source.h"
#include "util/result.h"

namespace canrun::catalog {

struct ModelArch {
    std::string gguf_arch;  // general.architecture: "llama", "qwen3moe", "deepseek2", ...
    std::uint32_t n_layer = 0;
    std::uint32_t n_embd = 0;
    std::uint32_t n_ff = 0;
    std::uint32_t n_head = 0;
    std::uint32_t n_head_kv = 0;
    std::uint32_t head_dim = 0;    // K (and V unless head_dim_v)
    std::uint32_t head_dim_v = 0;  // 0 = head_dim
    std::uint32_t n_vocab = 0;
    std::uint32_t n_ctx_train = 0;
    bool tied_embeddings = false;
    bool attn_bias = false;
    bool qk_norm = false;
    bool gated_ffn = true;  // "ffn": "gated" (SwiGLU/GeGLU, 3 matrices) or "plain" (2)
    // Mixture of experts (n_expert = 0: dense).
    std::uint32_t n_expert = 0;
    std::uint32_t n_expert_used = 0;
    std::uint32_t n_expert_shared = 0;
    std::uint32_t n_ff_exp = 0;
    std::uint32_t n_ff_shexp = 0;
    std::uint32_t n_layer_dense_lead = 0;
    std::uint32_t moe_every = 1;  // every Nth layer is MoE (Llama 4 Maverick: 2)
    // Sliding window: window tokens; pattern N = every Nth layer is global (0 = all local).
    std::uint32_t swa_window = 0;
    std::uint32_t swa_pattern = 0;
    // Multi-head latent attention.
    std::uint32_t q_lora_rank = 0;
    std::uint32_t kv_lora_rank = 0;
    std::uint32_t qk_rope_head_dim = 0;
    std::uint32_t qk_nope_head_dim = 0;
    std::uint32_t v_head_dim = 0;
    // Gemma 3n per-layer embeddings.
    std::uint32_t per_layer_embd = 0;
    std::uint32_t n_vocab_per_layer = 0;
    std::string note;
};

struct OllamaTag {
    std::string name;  // "qwen2.5"
    std::string tag;   // "14b"
    bool is_default = false;  // what `ollama pull <name>` gets
    std::optional<double> size_gb;  // download size as ollama.com lists it (GB = 10^9 bytes)
    // The tag's quantization. Library tags default to Q4_K_M (ollama.com, each model's "tags"
    // page); a record says `quant` where its tag is something else.
    std::string quant = "Q4_K_M";
    std::string ref() const { return name + ":" + tag; }
};

struct Quality {
    std::string metric;  // e.g. "MMLU 5-shot, base model"
    double score = 0;
    std::string source;
};

// How the model's published checkpoint (`hf.original`) stores its weights: what vLLM loads.
// Absent = 16-bit throughout. Embeddings, the output head and norms stay 16-bit in every
// checkpoint listed (DeepSeek and Kimi keep them BF16; gpt-oss too).
struct Checkpoint {
    std::string dtype = "bf16";  // the layers' weight matrices: one of kCheckpointDtypes
    std::string experts_dtype;   // routed experts when stored otherwise; empty = dtype
    std::string source;          // config.json `quantization_config` or model card URL
};

// The dtype names models.json may use.
inline constexpr std::string_view kCheckpointDtypes[] = {"bf16", "fp16", "fp8", "mxfp4"};

// Bytes per parameter of a checkpoint dtype, block scales included: bf16/fp16 2; fp8 (E4M3,
// one fp32 scale per 128x128 block, DeepSeek-V3 README_WEIGHTS) 1 + 4/16384; mxfp4 (4-bit
// values, one 8-bit scale per 32, OCP MX spec) 4.25/8. Unknown names: nullopt.
std::optional<double> checkpoint_dtype_bytes(std::string_view dtype);

struct CatalogModel {
    std::string id;  // "qwen2.5:14b"
    std::string name;
    std::string family;
    ModelArch arch;
    std::uint64_t params = 0;
    std::uint64_t active_params = 0;
    std::uint64_t vision_params = 0;  // of params, in a separate encoder (mmproj), not the GGUF
    std::optional<OllamaTag> ollama;
    std::string hf_original;
    std::string hf_gguf;
    std::string modelscope;
    std::string license;
    std::string released;  // YYYY-MM-DD
    std::vector<std::string> tasks;
    std::vector<std::string> languages;
    bool zh_strong = false;
    std::vector<std::string> aliases;
    std::optional<Quality> quality;
    std::optional<Checkpoint> checkpoint;
    std::string note;
    std::string source;

    bool has_task(std::string_view task) const;
    // The GGUF quantization people run it at unless they choose: Q4_K_M, or MXFP4_MOE for a
    // model published with MXFP4 experts (gpt-oss: llama.cpp keeps them MXFP4, and its GGUF
    // repos hold that build only).
    std::string_view default_quant() const;
};

struct ModelCatalog {
    int schema_version = 0;
    std::string data_version;
    std::string path;  // where it was read from
    std::vector<CatalogModel> models;

    const CatalogModel* find_id(std::string_view id) const;
};

inline constexpr std::uint32_t kMaxContext = 10U * 1024U * 1024U;

// Parses and checks every record; on any problem returns them all (exit 3), never a partial
// catalog.
Result<ModelCatalog> parse_model_catalog(const DataJson& data);

Result<ModelCatalog> load_model_catalog(const DataSourceOptions& options);

}  // namespace canrun::catalog
