#include "scan/scanner.h"

#include <sys/stat.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <system_error>
#include <utility>

#include "gguf/split_set.h"
#include "scan/duplicates.h"
#include "scan/file_walker.h"
#include "scan/model_probe.h"
#include "scan/ollama_store.h"
#include "scan/store_roots.h"
#include "util/strings.h"

namespace canrun::scan {

namespace fs = std::filesystem;

namespace {

// Files without a .gguf name are read for the magic only when this large (old .bin GGUFs,
// blobs): small files are configs and tokenizers.
constexpr std::uint64_t kSniffMinBytes = 16ULL << 20;

bool ends_with_ci(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && to_lower(std::string_view(s).substr(s.size() - tail.size())) == tail;
}

// The reader's message without the path it starts with (the note carries the path).
std::string without_path(const std::string& message, const std::string& path) {
    const auto prefix = path + ": ";
    return message.compare(0, prefix.size(), prefix) == 0 ? message.substr(prefix.size()) : message;
}

class Scanner {
public:
    explicit Scanner(const ScanRequest& req) : req_(req), walker_(result_.notes) {
        walker_.set_on_dir([this](const fs::path& dir, const std::vector<std::string>& names) {
            return nested_store(dir, names);
        });
    }

    ScanResult run();

private:
    using Key = std::pair<std::uint64_t, std::uint64_t>;
    void scan_root(const fs::path& root, StoreKind kind);
    void scan_ollama(const fs::path& root);
    void scan_hf(const fs::path& hub);
    void on_file(const FileEntry& f, StoreKind kind, const std::string& repo, const fs::path& root);
    void on_config(const FileEntry& f, StoreKind kind, const std::string& repo);
    bool nested_store(const fs::path& dir, const std::vector<std::string>& names);
    bool seen(Key key, const std::string& path, const std::string& name);
    void add(FoundModel m, Key key);
    void progress() {
        if (req_.progress) req_.progress(result_.files_seen, result_.models.size());
    }

    const ScanRequest& req_;
    ScanResult result_;
    FileWalker walker_;
    std::map<Key, std::size_t> by_file_;
    std::set<std::string> orphan_sets_;  // split sets whose first shard is missing, noted once
};

ScanResult Scanner::run() {
    if (req_.dirs.empty()) {
        for (const auto& r : default_store_roots(req_.env)) {
            std::error_code ec;
            if (fs::is_directory(r.path, ec)) scan_root(r.path, r.kind);
        }
    } else {
        for (const auto& d : req_.dirs) {
            std::error_code ec;
            if (!fs::exists(d, ec)) {
                result_.notes.push_back({"scan.missing_dir", d, {}});
                continue;
            }
            scan_root(d, fs::is_directory(d, ec) ? layout_of(d) : StoreKind::Dir);
        }
    }
    result_.duplicates = take_duplicates(result_.models);
    return std::move(result_);
}

void Scanner::scan_root(const fs::path& root, StoreKind kind) {
    result_.roots.push_back(root.string());
    if (kind == StoreKind::Ollama) return scan_ollama(root);
    if (kind == StoreKind::HfCache) return scan_hf(root);
    walker_.walk(root, [&](const FileEntry& f) { on_file(f, kind, {}, root); });
}

void Scanner::scan_ollama(const fs::path& root) {
    for (const auto& e : read_ollama_store(root, result_.notes)) {
        ++result_.files_seen;
        struct stat st {};
        if (::stat(e.blob.c_str(), &st) != 0) continue;
        const Key key{st.st_dev, st.st_ino};
        if (seen(key, e.blob.string(), e.name)) continue;
        auto m = probe_gguf(e.blob);
        if (!m) {
            result_.notes.push_back({"scan.bad_gguf", e.blob.string(), without_path(m.error().message, e.blob.string())});
            continue;
        }
        m->path = e.blob.string();
        m->store = StoreKind::Ollama;
        m->name = e.name;
        m->ollama_tag = e.name;
        add(std::move(*m), key);
    }
}

void Scanner::scan_hf(const fs::path& hub) {
    std::vector<fs::path> repos;
    std::error_code ec;
    for (fs::directory_iterator it(hub, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().rfind("models--", 0) == 0) repos.push_back(it->path());
    }
    std::sort(repos.begin(), repos.end());
    for (const auto& r : repos) {
        // models--org--name -> org/name
        std::string repo = r.filename().string().substr(8);
        if (const auto at = repo.find("--"); at != std::string::npos) repo.replace(at, 2, "/");
        walker_.walk(r / "snapshots", [&](const FileEntry& f) { on_file(f, StoreKind::HfCache, repo, hub); });
    }
}

// A store met inside a folder tree (`canrun scan ~`) is read by its layout: Ollama by its
// manifests (tag names, no bare blobs), a Hugging Face cache by its snapshots (repo names).
bool Scanner::nested_store(const fs::path& dir, const std::vector<std::string>& names) {
    const auto has = [&](const char* n) { return std::binary_search(names.begin(), names.end(), n); };
    if (has("manifests") && has("blobs")) {
        result_.roots.push_back(dir.string());
        scan_ollama(dir);
        return true;
    }
    const bool hf = std::any_of(names.begin(), names.end(),
                                [](const std::string& n) { return n.rfind("models--", 0) == 0; });
    if (hf) {
        result_.roots.push_back(dir.string());
        scan_hf(dir);
        return true;
    }
    return false;
}

bool Scanner::seen(Key key, const std::string& path, const std::string& name) {
    const auto it = by_file_.find(key);
    if (it == by_file_.end()) return false;
    auto& m = result_.models[it->second];
    if (!name.empty() && name != m.name) m.aliases.push_back(name);
    if (path != m.path && name.empty()) m.also_at.push_back(path);
    return true;
}

void Scanner::add(FoundModel m, Key key) {
    m.dev = key.first;
    m.ino = key.second;
    by_file_.emplace(key, result_.models.size());
    result_.models.push_back(std::move(m));
    progress();
}

// LM Studio keeps models as <root>/<publisher>/<repo>/<file>.gguf.
std::string lm_studio_name(const fs::path& file, const fs::path& root) {
    const auto rel = file.parent_path().lexically_relative(root);
    return std::distance(rel.begin(), rel.end()) == 2 ? rel.generic_string() : std::string();
}

void Scanner::on_file(const FileEntry& f, StoreKind kind, const std::string& repo, const fs::path& root) {
    ++result_.files_seen;
    if (result_.files_seen % 64 == 0) progress();
    const std::string file = f.path.filename().string();
    if (file == "config.json") return on_config(f, kind, repo);
    const bool named = ends_with_ci(file, ".gguf");
    if (gguf::is_byte_split_part(f.path)) {
        result_.notes.push_back({"scan.byte_split", f.path.string(), {}});
        return;
    }
    if (!named && (f.size < kSniffMinBytes || f.path.has_extension())) {
        if (!ends_with_ci(file, ".bin") || f.size < kSniffMinBytes) return;
    }
    if (const auto split = gguf::parse_split_name(f.path); split && split->index != 1) {
        // The set is read through its first shard; without it the set cannot be loaded at all.
        const auto first = gguf::split_shard_path(f.path, *split, 1);
        std::error_code ec;
        if (!fs::exists(first, ec) && orphan_sets_.insert(first.string()).second) {
            result_.notes.push_back({"scan.split_first_missing", first.string(), {}});
        }
        return;
    }
    const Key key{f.dev, f.ino};
    if (seen(key, f.path.string(), {})) return;
    if (!has_gguf_magic(f.path)) {
        if (named) result_.notes.push_back({"scan.not_gguf", f.path.string(), {}});
        return;
    }
    auto m = probe_gguf(f.path);
    if (!m) {
        result_.notes.push_back({"scan.bad_gguf", f.path.string(), without_path(m.error().message, f.path.string())});
        return;
    }
    m->path = f.path.string();
    m->store = kind;
    m->hf_repo = repo;
    const auto lms = kind == StoreKind::LmStudio ? lm_studio_name(f.path, root) : std::string();
    m->name = !repo.empty() ? repo : !lms.empty() ? lms : !m->name.empty() ? m->name : f.path.stem().string();
    add(std::move(*m), key);
}

void Scanner::on_config(const FileEntry& f, StoreKind kind, const std::string& repo) {
    const auto dir = f.path.parent_path();
    auto m = probe_safetensors_folder(dir);
    if (!m) {
        if (m.error().message.find("no .safetensors") == std::string::npos) {
            result_.notes.push_back({"scan.bad_safetensors", dir.string(), m.error().message});  // names the file
        }
        return;
    }
    struct stat st {};
    const auto first = dir / "model.safetensors";
    const Key key = ::stat(first.c_str(), &st) == 0 ? Key{st.st_dev, st.st_ino} : Key{f.dev, f.ino};
    if (seen(key, dir.string(), {})) return;
    m->path = dir.string();
    m->store = kind;
    m->hf_repo = repo;
    m->name = !repo.empty() ? repo : dir.filename().string();
    add(std::move(*m), key);
}

}  // namespace

ScanResult scan_models(const ScanRequest& request) { return Scanner(request).run(); }

}  // namespace canrun::scan
