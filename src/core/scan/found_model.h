// What `canrun scan` finds: each model once (by the real file behind it), where it lives, what
// its header says, plus duplicate copies and notes about what could not be read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/model_catalog.h"
#include "gguf/model_facts.h"

namespace canrun::scan {

enum class StoreKind { Ollama, LmStudio, HfCache, ModelScope, LlamaCache, Gpt4All, Dir };

// Stable id used in JSON: "ollama", "lm_studio", "hf_cache", "modelscope", "llama_cache",
// "gpt4all", "dir".
const char* store_id(StoreKind k);

enum class ModelFormat { Gguf, Safetensors };

struct FoundModel {
    std::string path;  // the GGUF file (first shard of a split set) or the safetensors folder
    StoreKind store = StoreKind::Dir;
    ModelFormat format = ModelFormat::Gguf;
    std::string name;        // Ollama "name:tag", HF "org/name", else general.name or file name
    std::string ollama_tag;  // Ollama models: what `ollama run` takes
    std::string hf_repo;     // HF cache / safetensors: "org/name"
    std::string arch;
    std::string quant;       // "Q4_K_M"; safetensors: the dominant dtype ("BF16")
    std::uint64_t params = 0;
    std::uint64_t file_bytes = 0;  // on disk (all shards / all safetensors files)
    std::uint32_t shards = 1;
    std::uint32_t n_ctx_train = 0;
    std::optional<gguf::ModelFacts> facts;  // nullopt: not estimable (a note says why)
    std::optional<catalog::Checkpoint> checkpoint;  // safetensors: how config.json says it is stored
    std::vector<std::string> aliases;       // other names for the same file (Ollama tags)
    std::vector<std::string> also_at;       // other paths reaching the same file (links)
    std::vector<std::string> notes;         // stable ids
    // The real file behind the path (first file of the model), for deduplication.
    std::uint64_t dev = 0;
    std::uint64_t ino = 0;
};

// Separate copies of the same model (different files with the same content, by the heuristic
// named in `evidence`): all but one are wasted space.
struct Duplicate {
    std::vector<std::string> paths;  // the kept one first
    std::uint64_t file_bytes = 0;    // one copy
    std::uint64_t wasted_bytes = 0;  // file_bytes * (copies - 1)
    std::string evidence;            // "same_size_and_sampled_hash"
};

struct ScanNote {
    std::string id;      // stable: "scan.unreadable", "scan.symlink_loop", ...
    std::string path;
    std::string detail;  // English, one line (the reader's error), may be empty
};

struct ScanResult {
    std::vector<FoundModel> models;  // in the order found (stores in a fixed order, names sorted)
    std::vector<Duplicate> duplicates;
    std::vector<ScanNote> notes;
    std::vector<std::string> roots;  // store directories and DIRs that were looked at
    std::uint64_t files_seen = 0;
};

}  // namespace canrun::scan
