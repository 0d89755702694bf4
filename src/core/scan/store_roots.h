// Where each store keeps its models on this machine, from HOME and the stores' variables; and
// which layout a directory given on the command line has.
#pragma once

#include <filesystem>
#include <vector>

#include "scan/found_model.h"
#include "scan/scan_environment.h"

namespace canrun::scan {

struct StoreRoot {
    std::filesystem::path path;
    StoreKind kind = StoreKind::Dir;
};

// Every store's directory, in a fixed order (Ollama, LM Studio, HF, ModelScope, llama.cpp,
// GPT4All), without repeats. They need not exist.
std::vector<StoreRoot> default_store_roots(const ScanEnvironment& env);

// A directory given as DIR: an Ollama store (manifests/ and blobs/), a Hugging Face cache
// (models--org--name folders) or a plain directory.
StoreKind layout_of(const std::filesystem::path& dir);

}  // namespace canrun::scan
