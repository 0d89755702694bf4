// read_gguf_model: one file, or every shard of a split set merged into one GgufFile.
// Split keys (llama.cpp LLM_KV_SPLIT_*): split.no (u16, 0-based), split.count (u16),
// split.tensors.count (i32, tensors in the whole set).
#include "gguf/split_set.h"

#include <regex>
#include <unordered_set>

#include <fmt/format.h>

#include "gguf/gguf_file.h"
#include "util/strings.h"

namespace canrun::gguf {

std::optional<SplitName> parse_split_name(const std::filesystem::path& path) {
    static const std::regex kPattern(R"(^(.+)-(\d{5})-of-(\d{5})\.gguf$)");
    const std::string file = path.filename().string();
    std::smatch m;
    if (!std::regex_match(file, m, kPattern)) {
        return std::nullopt;
    }
    const auto index = parse_uint(m[2].str());
    const auto count = parse_uint(m[3].str());
    if (!index || !count || *index == 0 || *count == 0 || *index > *count) {
        return std::nullopt;
    }
    return SplitName{m[1].str(), static_cast<std::uint32_t>(*index), static_cast<std::uint32_t>(*count)};
}

std::filesystem::path split_shard_path(const std::filesystem::path& path, const SplitName& name,
                                       std::uint32_t index) {
    return path.parent_path() / fmt::format("{}-{:05}-of-{:05}.gguf", name.stem, index, name.count);
}

namespace {

constexpr std::string_view kRedo = "download every part of the split model again";

// Checks that shard `index` (1-based) says it is that shard of a set of `count`.
Result<void> check_shard_keys(const GgufFile& shard, const std::string& shown, std::uint32_t index,
                              std::uint32_t count) {
    const auto no = shard.get_uint("split.no");
    const auto n = shard.get_uint("split.count");
    if (!no || !n) {
        return fail(fmt::format("{}: shard {} of {} has no split.no / split.count metadata; {}", shown,
                                index, count, kRedo));
    }
    if (*n != count || *no + 1 != index) {
        return fail(fmt::format("{}: the metadata says shard {} of {} but the name says shard {} of {}; "
                                "keep the file names llama-gguf-split gave the shards",
                                shown, *no + 1, *n, index, count));
    }
    return {};
}

Result<void> add_shard(GgufFile& model, GgufFile shard, std::uint32_t shard_index,
                       std::unordered_set<std::string>& names, const std::string& shown) {
    for (auto& t : shard.tensors) {
        if (!names.insert(t.name).second) {
            return fail(fmt::format("{}: tensor '{}' is in more than one shard; {}", shown, t.name, kRedo));
        }
        t.shard = shard_index;
        model.tensors.push_back(std::move(t));
    }
    model.file_bytes += shard.file_bytes;
    return {};
}

Result<GgufFile> read_split(const std::filesystem::path& path, const SplitName& name,
                            const ReadLimits& limits) {
    GgufFile model;
    std::optional<std::uint64_t> expected;  // split.tensors.count of the first shard
    std::unordered_set<std::string> names;
    for (std::uint32_t i = 1; i <= name.count; ++i) {
        const auto shard_path = split_shard_path(path, name, i);
        const std::string shown = shard_path.string();
        std::error_code ec;
        if (!std::filesystem::exists(shard_path, ec)) {
            return fail(fmt::format("{}: shard {} of {} is missing; put all {} parts of the split "
                                    "model in the same folder",
                                    shown, i, name.count, name.count));
        }
        auto shard = read_gguf(shard_path, limits);
        if (!shard) {
            return tl::unexpected(shard.error());
        }
        if (auto ok = check_shard_keys(*shard, shown, i, name.count); !ok) {
            return tl::unexpected(ok.error());
        }
        if (i == 1) {
            expected = shard->get_uint("split.tensors.count");
            model.version = shard->version;
            model.alignment = shard->alignment;
            model.data_offset = shard->data_offset;
            model.metadata = std::move(shard->metadata);
        }
        if (auto ok = add_shard(model, std::move(*shard), i - 1, names, shown); !ok) {
            return tl::unexpected(ok.error());
        }
    }
    model.shard_count = name.count;
    if (expected && *expected != model.tensors.size()) {
        return fail(fmt::format("{}: split.tensors.count says {} tensors but the {} shards hold {}; {}",
                                path.string(), *expected, name.count, model.tensors.size(), kRedo));
    }
    return model;
}

}  // namespace

bool is_byte_split_part(const std::filesystem::path& path) {
    // Files cut with split(1), as some model repositories ship them: x.gguf-split-a, x.gguf.part1of2
    static const std::regex kPart(R"(\.gguf(-split-[a-z]+|\.part\d+of\d+)$)", std::regex::icase);
    return std::regex_search(path.filename().string(), kPart);
}

Result<GgufFile> read_gguf_model(const std::filesystem::path& path, const ReadLimits& limits) {
    if (const auto name = parse_split_name(path); name && name->count > 1) {
        return read_split(path, *name, limits);
    }
    if (is_byte_split_part(path)) {
        return fail(fmt::format("{}: this is one piece of a .gguf file cut into parts; join the parts "
                                "in order into one .gguf file first (cat)",
                                path.string()));
    }
    auto file = read_gguf(path, limits);
    if (!file) {
        return file;
    }
    if (const auto count = file->get_uint("split.count"); count && *count > 1) {
        return fail(fmt::format("{}: this is one shard of a model split into {} files, but its name "
                                "does not end in -0000N-of-{:05}.gguf; keep the file names "
                                "llama-gguf-split gave the shards",
                                path.string(), *count, *count));
    }
    return file;
}

}  // namespace canrun::gguf
