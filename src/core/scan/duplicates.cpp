#include "scan/duplicates.h"

#include <fstream>
#include <map>
#include <optional>
#include <utility>

namespace canrun::scan {

namespace {

constexpr std::uint64_t kSample = 64ULL << 10;  // the weights at the end tell fine-tunes apart

void fnv1a(std::uint64_t& h, const char* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        h ^= static_cast<unsigned char>(p[i]);
        h *= 1099511628211ULL;
    }
}

// Hash of the first and last kSample bytes; nullopt when the file cannot be read.
std::optional<std::uint64_t> sampled_hash(const std::string& path, std::uint64_t size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string buf(static_cast<std::size_t>(std::min(size, kSample)), '\0');
    std::uint64_t h = 14695981039346656037ULL;
    if (!in.read(buf.data(), static_cast<std::streamsize>(buf.size()))) return std::nullopt;
    fnv1a(h, buf.data(), buf.size());
    if (size > kSample) {
        in.seekg(static_cast<std::streamoff>(size - kSample));
        const auto n = in.read(buf.data(), static_cast<std::streamsize>(buf.size())).gcount();
        fnv1a(h, buf.data(), static_cast<std::size_t>(n));
    }
    return h;
}

}  // namespace

std::vector<Duplicate> take_duplicates(std::vector<FoundModel>& models) {
    std::map<std::uint64_t, std::vector<std::size_t>> by_size;
    for (std::size_t i = 0; i < models.size(); ++i) {
        if (models[i].format == ModelFormat::Gguf && models[i].shards == 1) {
            by_size[models[i].file_bytes].push_back(i);
        }
    }
    std::map<std::size_t, Duplicate> groups;  // by the index of the kept copy
    std::vector<bool> drop(models.size(), false);
    for (const auto& [size, idx] : by_size) {
        if (idx.size() < 2) continue;
        std::map<std::uint64_t, std::size_t> first_by_hash;
        for (const auto i : idx) {
            const auto h = sampled_hash(models[i].path, size);
            if (!h) continue;
            const auto [it, fresh] = first_by_hash.emplace(*h, i);
            if (fresh) continue;
            auto& g = groups[it->second];
            if (g.paths.empty()) g = {{models[it->second].path}, size, 0, kDuplicateEvidence};
            g.paths.push_back(models[i].path);
            g.wasted_bytes += size;
            drop[i] = true;
        }
    }
    std::vector<FoundModel> kept;
    for (std::size_t i = 0; i < models.size(); ++i) {
        if (groups.count(i) != 0) models[i].notes.emplace_back("scan.has_copies");
        if (!drop[i]) kept.push_back(std::move(models[i]));
    }
    models = std::move(kept);
    std::vector<Duplicate> out;
    for (auto& [i, g] : groups) out.push_back(std::move(g));
    return out;
}

}  // namespace canrun::scan
