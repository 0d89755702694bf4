// Split GGUF models as llama-gguf-split writes them: "<stem>-00001-of-00003.gguf", ...
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace canrun::gguf {

struct SplitName {
    std::string stem;          // "model" for "model-00002-of-00003.gguf"
    std::uint32_t index = 0;   // 1-based, as in the name
    std::uint32_t count = 0;
};

// Parses a split shard's file name; nullopt if it does not follow the pattern.
std::optional<SplitName> parse_split_name(const std::filesystem::path& path);

// The path of shard `index` (1-based) of the set `path` belongs to.
std::filesystem::path split_shard_path(const std::filesystem::path& path, const SplitName& name,
                                       std::uint32_t index);

// True for pieces of a file cut with split(1): "x.gguf-split-a", "x.gguf.part1of2".
bool is_byte_split_part(const std::filesystem::path& path);

}  // namespace canrun::gguf
