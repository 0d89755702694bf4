#include "scan/ollama_store.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

#include <nlohmann/json.hpp>

#include "scan/file_walker.h"

namespace canrun::scan {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxManifestBytes = 1ULL << 20;  // real ones are under 2 KB
constexpr std::string_view kModelLayer = "application/vnd.ollama.image.model";
constexpr std::string_view kDefaultHost = "registry.ollama.ai";

// "sha256:<64 hex>" -> "sha256-<64 hex>"; empty when malformed.
std::string blob_file_name(const std::string& digest) {
    constexpr std::string_view kPrefix = "sha256:";
    if (digest.size() != kPrefix.size() + 64 || digest.compare(0, kPrefix.size(), kPrefix) != 0) {
        return {};
    }
    const auto hex = std::string_view(digest).substr(kPrefix.size());
    const bool ok = std::all_of(hex.begin(), hex.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    return ok ? "sha256-" + std::string(hex) : std::string();
}

std::string json_text(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<std::string> read_small(const fs::path& p) {
    std::error_code ec;
    const auto size = fs::file_size(p, ec);
    if (ec) return fail(ec.message());
    if (size > kMaxManifestBytes) return fail("larger than 1 MiB");
    std::ifstream in(p, std::ios::binary);
    if (!in) return fail("cannot be opened");
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

std::string ollama_name(const fs::path& relative) {
    std::vector<std::string> parts;
    for (const auto& p : relative) parts.push_back(p.string());
    if (parts.size() < 2) return relative.string();
    const std::string tag = parts.back();
    parts.pop_back();
    std::size_t first = 0;
    if (parts.size() >= 3 && parts[0] == kDefaultHost) {
        first = parts[1] == "library" ? 2 : 1;
    }
    std::string name;
    for (std::size_t i = first; i < parts.size(); ++i) {
        name += (name.empty() ? "" : "/") + parts[i];
    }
    return name + ":" + tag;
}

Result<OllamaEntry> parse_ollama_manifest(std::string_view text, const fs::path& root,
                                          const fs::path& relative) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return fail("not JSON");
    const auto layers = j.find("layers");
    if (layers == j.end() || !layers->is_array()) return fail("no \"layers\" array");
    for (const auto& l : *layers) {
        if (!l.is_object() || json_text(l, "mediaType") != kModelLayer) continue;
        const auto file = blob_file_name(json_text(l, "digest"));
        if (file.empty()) return fail("the model layer's digest is not sha256:<64 hex>");
        OllamaEntry e;
        e.name = ollama_name(relative);
        e.blob = root / "blobs" / file;
        e.manifest = root / "manifests" / relative;
        const auto size = l.find("size");
        e.declared_bytes = size != l.end() && size->is_number_unsigned() ? size->get<std::uint64_t>() : 0;
        return e;
    }
    return fail("no layer of type application/vnd.ollama.image.model");
}

std::vector<OllamaEntry> read_ollama_store(const fs::path& root, std::vector<ScanNote>& notes) {
    std::vector<OllamaEntry> out;
    const auto manifests = root / "manifests";
    FileWalker walker(notes, 6);
    walker.walk(manifests, [&](const FileEntry& f) {
        const auto relative = f.path.lexically_relative(manifests);
        auto text = read_small(f.path);
        auto entry = text ? parse_ollama_manifest(*text, root, relative)
                          : Result<OllamaEntry>(tl::unexpected(text.error()));
        if (!entry) {
            notes.push_back({"scan.broken_manifest", f.path.string(), entry.error().message});
            return;
        }
        std::error_code ec;
        if (!fs::exists(entry->blob, ec)) {
            notes.push_back({"scan.missing_blob", entry->blob.string(), entry->name});
            return;
        }
        out.push_back(std::move(*entry));
    });
    std::sort(out.begin(), out.end(),
              [](const OllamaEntry& a, const OllamaEntry& b) { return a.name < b.name; });
    return out;
}

}  // namespace canrun::scan
