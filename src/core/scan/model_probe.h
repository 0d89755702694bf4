// What a file or folder holds, read from its content: a GGUF header (any shard of a split set
// reads the whole set) or a safetensors folder (config.json + the safetensors headers).
#pragma once

#include <filesystem>

#include "scan/found_model.h"
#include "util/result.h"

namespace canrun::scan {

// True when the file starts with the GGUF magic.
bool has_gguf_magic(const std::filesystem::path& path);

// True when the GGUF is a model by itself (not a vision projector, "clip", or an adapter).
bool is_runnable_arch(std::string_view arch);

// The model a GGUF file is (or the split set it opens). path, name and store are left to the
// caller; fails when the header cannot be read or is not a model.
Result<FoundModel> probe_gguf(const std::filesystem::path& path);

// The model a folder holding config.json and *.safetensors is. When config.json describes an
// architecture canrun cannot lay out, the model is still returned, without facts and with a
// note. Fails when a safetensors header is broken or there is no safetensors file.
Result<FoundModel> probe_safetensors_folder(const std::filesystem::path& dir);

}  // namespace canrun::scan
