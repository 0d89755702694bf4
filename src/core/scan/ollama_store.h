// Ollama's model store: manifests/<host>/<namespace>/<model>/<tag> are JSON image manifests whose
// layer of mediaType "application/vnd.ollama.image.model" names the GGUF blob, stored as
// blobs/sha256-<hex> (ollama server/images.go, server/modelpath.go).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "scan/found_model.h"
#include "util/result.h"

namespace canrun::scan {

struct OllamaEntry {
    std::string name;  // what `ollama run` takes: "qwen2.5:7b", "user/model:tag", "hf.co/org/repo:Q4_K_M"
    std::filesystem::path blob;
    std::filesystem::path manifest;
    std::uint64_t declared_bytes = 0;  // the layer's size as the manifest says
};

// The name Ollama shows for a manifest path relative to manifests/ (host/namespace/model/tag).
std::string ollama_name(const std::filesystem::path& relative);

// Reads one manifest's text; fails on broken JSON or a manifest without a model layer.
Result<OllamaEntry> parse_ollama_manifest(std::string_view text, const std::filesystem::path& root,
                                          const std::filesystem::path& relative);

// Every tag under root/manifests, sorted by name. Broken manifests and missing blobs are notes.
std::vector<OllamaEntry> read_ollama_store(const std::filesystem::path& root,
                                           std::vector<ScanNote>& notes);

}  // namespace canrun::scan
