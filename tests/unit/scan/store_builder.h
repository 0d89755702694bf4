// Model stores for the scan tests, built at run time: GGUF files from the test GgufBuilder
// (sparse), laid out as Ollama, the Hugging Face cache and LM Studio lay them out.
// Shared by the unit tests, the golden-fixture maker (tests/cli) and the scan benchmark.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/gguf_builder.h"

namespace canrun::testing {

// A small llama-shaped model: `layers` blocks of width `embd` (multiple of 256), a vocabulary
// of `vocab` tokens (multiple of 32), Q4_K_M mix.
GgufBuilder tiny_llama_gguf(const std::string& name, std::uint32_t layers, std::uint64_t embd,
                            std::uint64_t vocab = 4096);

// A 64-hex-digit digest made from `seed` (stands in for a sha256; canrun does not verify it).
std::string fake_digest(const std::string& seed);

// Writes the model's blob (once) and a manifest at manifests/<host>/<ns>/<model>/<tag>, as
// `ollama pull` leaves them. `name` is "registry.ollama.ai/library/tiny/latest" style.
bool add_ollama_tag(const std::filesystem::path& root, const std::string& name,
                    const GgufBuilder& model, const std::string& digest_hex);

// Writes blobs/<hash> of repo models--org--name and links snapshots/<rev>/<file> to it
// (relative link "../../blobs/<hash>", as huggingface_hub does).
bool add_hf_file(const std::filesystem::path& hub, const std::string& repo,
                 const std::string& revision, const std::string& file, const GgufBuilder& model,
                 const std::string& blob_hash);

struct StTensor {
    std::string name;
    std::string dtype;  // "BF16"
    std::vector<std::uint64_t> shape;
};

// A .safetensors file: header + zero data (sparse).
bool write_safetensors(const std::filesystem::path& path, const std::vector<StTensor>& tensors);

bool write_text_file(const std::filesystem::path& path, const std::string& text);

}  // namespace canrun::testing
