#include "scan/store_roots.h"

#include <string>
#include <system_error>

namespace canrun::scan {

namespace fs = std::filesystem;

namespace {

// $VAR if set, else HOME/fallback ("" when neither is known).
fs::path var_or_home(const std::string& var, const std::string& home, const char* fallback) {
    if (!var.empty()) return var;
    if (home.empty()) return {};
    return fs::path(home) / fallback;
}

fs::path cache_dir(const ScanEnvironment& e) {
    return var_or_home(e.xdg_cache_home, e.home, ".cache");
}

void add(std::vector<StoreRoot>& roots, const fs::path& p, StoreKind kind) {
    if (p.empty()) return;
    const auto clean = p.lexically_normal();
    for (const auto& r : roots) {
        if (r.path == clean) return;
    }
    roots.push_back({clean, kind});
}

fs::path hf_hub(const ScanEnvironment& e) {
    if (!e.hf_hub_cache.empty()) return e.hf_hub_cache;
    if (!e.hf_home.empty()) return fs::path(e.hf_home) / "hub";
    const auto cache = cache_dir(e);
    return cache.empty() ? fs::path() : cache / "huggingface" / "hub";
}

}  // namespace

const char* store_id(StoreKind k) {
    switch (k) {
        case StoreKind::Ollama: return "ollama";
        case StoreKind::LmStudio: return "lm_studio";
        case StoreKind::HfCache: return "hf_cache";
        case StoreKind::ModelScope: return "modelscope";
        case StoreKind::LlamaCache: return "llama_cache";
        case StoreKind::Gpt4All: return "gpt4all";
        case StoreKind::Dir: return "dir";
    }
    return "dir";
}

std::vector<StoreRoot> default_store_roots(const ScanEnvironment& e) {
    std::vector<StoreRoot> roots;
    add(roots, var_or_home(e.ollama_models, e.home, ".ollama/models"), StoreKind::Ollama);
    add(roots, e.system_ollama_models, StoreKind::Ollama);
    if (!e.home.empty()) add(roots, fs::path(e.home) / ".lmstudio" / "models", StoreKind::LmStudio);
    const auto cache = cache_dir(e);
    if (!cache.empty()) add(roots, cache / "lm-studio" / "models", StoreKind::LmStudio);
    add(roots, hf_hub(e), StoreKind::HfCache);
    add(roots, !e.modelscope_cache.empty() ? fs::path(e.modelscope_cache)
               : cache.empty()             ? fs::path()
                                           : cache / "modelscope" / "hub",
        StoreKind::ModelScope);
    add(roots, !e.llama_cache.empty() ? fs::path(e.llama_cache)
               : cache.empty()        ? fs::path()
                                      : cache / "llama.cpp",
        StoreKind::LlamaCache);
    const auto data = var_or_home(e.xdg_data_home, e.home, ".local/share");
    if (!data.empty()) add(roots, data / "nomic.ai" / "GPT4All", StoreKind::Gpt4All);
    return roots;
}

StoreKind layout_of(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir / "manifests", ec) && fs::is_directory(dir / "blobs", ec)) {
        return StoreKind::Ollama;
    }
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().rfind("models--", 0) == 0) {
            return StoreKind::HfCache;
        }
    }
    return StoreKind::Dir;
}

}  // namespace canrun::scan
