// Parsing OLLAMA_HOST and the JSON of /api/tags, /api/ps and /api/show (docs.ollama.com/api).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "scan/ollama_client.h"
#include "util/strings.h"

namespace canrun::scan {

namespace {

using Json = nlohmann::json;

std::uint64_t u64(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

std::string str(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Json models_of(std::string_view body) {
    const auto j = Json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Json::array();
    const auto it = j.find("models");
    return it != j.end() && it->is_array() ? *it : Json::array();
}

}  // namespace

std::optional<OllamaEndpoint> parse_ollama_host(std::string_view value) {
    OllamaEndpoint e;
    std::string_view v = trim(value);
    if (starts_with_ci(v, "https://")) {
        e.https = true;
        e.port = 443;
        v.remove_prefix(8);
    } else if (starts_with_ci(v, "http://")) {
        e.port = 80;
        v.remove_prefix(7);
    }
    if (const auto slash = v.find('/'); slash != std::string_view::npos) v = v.substr(0, slash);
    if (const auto colon = v.rfind(':'); colon != std::string_view::npos) {
        const auto port = parse_uint(v.substr(colon + 1));
        if (!port || *port == 0 || *port > 65535) return std::nullopt;
        e.port = static_cast<int>(*port);
        v = v.substr(0, colon);
    }
    if (!v.empty() && v != "0.0.0.0") e.host = std::string(v);
    return e;
}

std::vector<std::string> parse_tags(std::string_view body) {
    std::vector<std::string> names;
    for (const auto& m : models_of(body)) {
        if (!m.is_object()) continue;
        auto n = str(m, "name");
        if (n.empty()) n = str(m, "model");
        if (!n.empty()) names.push_back(std::move(n));
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<OllamaLoaded> parse_ps(std::string_view body) {
    std::vector<OllamaLoaded> out;
    for (const auto& m : models_of(body)) {
        if (!m.is_object()) continue;
        OllamaLoaded l;
        l.name = str(m, "name");
        if (l.name.empty()) l.name = str(m, "model");
        l.size_bytes = u64(m, "size");
        l.size_vram_bytes = u64(m, "size_vram");
        l.context_length = static_cast<std::uint32_t>(std::min<std::uint64_t>(u64(m, "context_length"), 1U << 30));
        l.expires_at = str(m, "expires_at");
        const auto d = m.find("details");
        if (d != m.end() && d->is_object()) {
            l.quant = str(*d, "quantization_level");
            l.parameter_size = str(*d, "parameter_size");
            l.family = str(*d, "family");
        }
        if (!l.name.empty()) out.push_back(std::move(l));
    }
    return out;
}

void apply_show(std::string_view body, OllamaLoaded& loaded) {
    const auto j = Json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return;
    const auto info = j.find("model_info");
    if (info == j.end() || !info->is_object()) return;
    loaded.arch = str(*info, "general.architecture");
    loaded.params = u64(*info, "general.parameter_count");
}

}  // namespace canrun::scan
