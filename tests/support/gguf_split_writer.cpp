// write_split_set: a model written as llama-gguf-split would, one builder per shard.
#include <fmt/format.h>

#include "support/gguf_builder.h"

namespace canrun::testing {
namespace {

GgufBuilder shard_builder(const GgufBuilder& model, std::uint32_t index, std::uint32_t count,
                          std::uint64_t n_tensors, SplitCorruption corruption) {
    GgufBuilder b;
    bool has_alignment = false;
    for (const auto& kv : model.metadata()) {
        if (kv.key == "general.alignment") {
            has_alignment = true;
        } else if (index == 0) {
            b.kv(kv.key, kv.value);
        }
    }
    if (has_alignment) {
        b.alignment(model.alignment_value());
    }
    if (corruption == SplitCorruption::NoSplitKeys && index == 1) {
        return b;
    }
    const bool second = index == 1;
    const bool bad_no = second && corruption == SplitCorruption::WrongSplitNo;
    const bool bad_count = second && corruption == SplitCorruption::WrongSplitCount;
    const bool bad_total = corruption == SplitCorruption::WrongTensorsCount;
    b.kv_u16("split.no", static_cast<std::uint16_t>(bad_no ? 0 : index));
    b.kv_u16("split.count", static_cast<std::uint16_t>(bad_count ? count + 1 : count));
    b.kv_i32("split.tensors.count", static_cast<std::int32_t>(n_tensors + (bad_total ? 1 : 0)));
    return b;
}

}  // namespace

std::vector<std::filesystem::path> write_split_set(const GgufBuilder& model,
                                                   const std::filesystem::path& dir,
                                                   std::string_view stem, std::uint32_t count,
                                                   SplitCorruption corruption) {
    const auto tensors = model.tensors();
    std::vector<std::filesystem::path> paths;
    for (std::uint32_t i = 0; i < count; ++i) {
        auto b = shard_builder(model, i, count, tensors.size(), corruption);
        const std::size_t begin = tensors.size() * i / count;
        const std::size_t end = tensors.size() * (i + 1) / count;
        for (std::size_t t = begin; t < end; ++t) {
            b.tensor(tensors[t].name, tensors[t].type, tensors[t].shape);
        }
        auto path = dir / fmt::format("{}-{:05}-of-{:05}.gguf", stem, i + 1, count);
        const bool skip = corruption == SplitCorruption::MissingShard && i + 1 == count;
        if (!skip && !b.write_file(path)) {
            return {};
        }
        paths.push_back(std::move(path));
    }
    return paths;
}

}  // namespace canrun::testing
