#include "catalog/name_resolver.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "util/strings.h"

namespace canrun::catalog {

namespace {

constexpr std::string_view kQuantNames[] = {
    "q2_k_s", "q2_k", "q3_k_s", "q3_k_m", "q3_k_l", "q4_0", "q4_1", "q4_k_s", "q4_k_m", "q5_0",
    "q5_1", "q5_k_s", "q5_k_m", "q6_k", "q8_0", "iq1_s", "iq1_m", "iq2_xxs", "iq2_xs", "iq2_s",
    "iq2_m", "iq3_xxs", "iq3_xs", "iq3_s", "iq3_m", "iq4_nl", "iq4_xs", "f16", "fp16", "bf16",
    "f32", "mxfp4", "mxfp4_moe",
};

// Words that name a variant rather than a model, dropped when comparing.
constexpr std::string_view kVariantWords[] = {"-instruct", "-chat", "-it", "-gguf", "-hf"};

// Splits a trailing quantization off a name: "qwen2.5:14b-instruct-q4_K_M" -> ("qwen2.5:14b-
// instruct", "Q4_K_M"); also "-Q4_K_M.gguf" and "-GGUF:Q4_K_M" forms.
std::pair<std::string, std::string> split_quant(std::string_view query) {
    std::string q = to_lower(trim(query));
    if (q.size() > 5 && q.compare(q.size() - 5, 5, ".gguf") == 0) {
        q.resize(q.size() - 5);
    }
    for (const auto name : kQuantNames) {
        if (q.size() <= name.size() + 1 || q.compare(q.size() - name.size(), name.size(), name) != 0) {
            continue;
        }
        const char sep = q[q.size() - name.size() - 1];
        if (sep != '-' && sep != ':' && sep != '.' && sep != '_') {
            continue;
        }
        std::string quant(name == "fp16" ? "f16" : name);
        std::transform(quant.begin(), quant.end(), quant.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return {q.substr(0, q.size() - name.size() - 1), quant};
    }
    return {q, ""};
}

std::string strip_variants(std::string key) {
    bool changed = true;
    while (changed) {
        changed = false;
        for (const auto w : kVariantWords) {
            if (key.size() > w.size() && key.compare(key.size() - w.size(), w.size(), w) == 0) {
                key.resize(key.size() - w.size());
                changed = true;
            }
        }
    }
    return key;
}

std::string repo_name(std::string_view repo) {
    const auto slash = repo.rfind('/');
    return std::string(slash == std::string_view::npos ? repo : repo.substr(slash + 1));
}

// Every key a record answers to, strongest first.
std::vector<std::string> keys_of(const CatalogModel& m) {
    std::vector<std::string> keys{model_key(m.id)};
    for (const auto& a : m.aliases) keys.push_back(model_key(a));
    if (m.ollama) keys.push_back(model_key(m.ollama->ref()));
    for (const auto* repo : {&m.hf_original, &m.hf_gguf, &m.modelscope}) {
        if (!repo->empty()) {
            keys.push_back(model_key(*repo));
            keys.push_back(strip_variants(model_key(repo_name(*repo))));
        }
    }
    keys.push_back(strip_variants(model_key(m.name)));
    return keys;
}

// Every record's keys, worked out once per query.
struct KeyIndex {
    explicit KeyIndex(const ModelCatalog& c) : catalog(c) {
        keys.reserve(c.models.size());
        for (const auto& m : c.models) keys.push_back(keys_of(m));
    }
    const ModelCatalog& catalog;
    std::vector<std::vector<std::string>> keys;  // parallel to catalog.models
};

const CatalogModel* find_by_key(const KeyIndex& index, const std::string& key) {
    for (std::size_t i = 0; i < index.keys.size(); ++i) {
        const auto& keys = index.keys[i];
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
            return &index.catalog.models[i];
        }
    }
    return nullptr;
}

// "llama3.1" with no tag: the record Ollama pulls by default.
const CatalogModel* find_default_tag(const ModelCatalog& catalog, const std::string& name) {
    for (const auto& m : catalog.models) {
        if (m.ollama && m.ollama->is_default && model_key(m.ollama->name) == name) {
            return &m;
        }
    }
    return nullptr;
}

const CatalogModel* lookup(const KeyIndex& index, const std::string& key) {
    if (const auto* m = find_by_key(index, key)) return m;
    if (const auto* m = find_by_key(index, strip_variants(key))) return m;
    if (const auto* m = find_default_tag(index.catalog, key)) return m;
    // "qwen2.5:14b-instruct" -> "qwen2.5:14b": drop tag words after the size one at a time.
    std::string k = key;
    while (true) {
        const auto dash = k.rfind('-');
        if (dash == std::string::npos || dash == 0) break;
        k.resize(dash);
        if (const auto* m = find_by_key(index, k)) return m;
    }
    return nullptr;
}

}  // namespace

std::string model_key(std::string_view text) {
    std::string k = to_lower(trim(text));
    for (char& c : k) {
        if (c == ':' || c == '/' || c == '_' || c == ' ') c = '-';
    }
    return k;
}

Result<ResolvedModel> resolve_model(const ModelCatalog& catalog, std::string_view query) {
    const KeyIndex index(catalog);
    auto [rest, quant] = split_quant(query);
    if (!quant.empty()) {
        if (const auto* m = lookup(index, model_key(rest))) {
            return ResolvedModel{m, quant};
        }
    }
    if (const auto* m = lookup(index, model_key(query))) {
        return ResolvedModel{m, ""};
    }
    const auto near = suggest_models(catalog, query);
    if (near.empty()) {
        return fail(fmt::format("unknown model \"{}\"; run canrun models to list the catalog, "
                                "or give the path of a .gguf file",
                                query));
    }
    return fail(fmt::format("unknown model \"{}\"; did you mean {}?", query,
                            fmt::join(near, ", ")));
}

std::vector<std::string> suggest_models(const ModelCatalog& catalog, std::string_view query,
                                        std::size_t max) {
    const std::string q = strip_variants(model_key(split_quant(query).first));
    struct Scored {
        std::size_t score;
        const CatalogModel* model;
    };
    std::vector<Scored> scored;
    for (const auto& m : catalog.models) {
        std::size_t best = SIZE_MAX;
        for (const auto& key : keys_of(m)) {
            std::size_t d = edit_distance(q, key);
            if (q.size() >= 3 && key.find(q) != std::string::npos) {
                d = std::min<std::size_t>(d, 1 + (key.size() - q.size()) / 4);
            }
            best = std::min(best, d);
        }
        scored.push_back({best, &m});
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const Scored& a, const Scored& b) { return a.score < b.score; });
    const std::size_t limit = std::max<std::size_t>(2, q.size() / 3);
    std::vector<std::string> out;
    for (const auto& s : scored) {
        if (out.size() >= max || s.score > limit) break;
        out.push_back(s.model->id);
    }
    return out;
}

}  // namespace canrun::catalog
