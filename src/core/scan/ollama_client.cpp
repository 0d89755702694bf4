// The HTTP side of ollama_client.h (cpp-httplib). Without cpp-httplib (CANRUN_WEB=OFF) the
// server is reported unreachable.
#include "scan/ollama_client.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#ifdef CANRUN_SCAN_HTTP
#include <httplib.h>
#endif

namespace canrun::scan {

#ifdef CANRUN_SCAN_HTTP

namespace {

std::optional<std::string> get(httplib::Client& c, const char* path, std::string& error) {
    auto r = c.Get(path);
    if (!r) {
        error = r.error() == httplib::Error::Connection ? std::string("nothing is listening there")
                                                         : httplib::to_string(r.error());
        return std::nullopt;
    }
    if (r->status != 200) {
        error = fmt::format("{} answered HTTP {}", path, r->status);
        return std::nullopt;
    }
    return r->body;
}

}  // namespace

OllamaStatus query_ollama(const OllamaEndpoint& e, const OllamaTimeouts& t) {
    OllamaStatus s;
    s.host = fmt::format("{}:{}", e.host, e.port);
    if (e.https) {
        s.error = "https is not supported; canrun only reads a local Ollama over http";
        return s;
    }
    httplib::Client c(e.host, e.port);
    c.set_connection_timeout(0, t.connect_ms * 1000);
    c.set_read_timeout(t.read_ms / 1000, (t.read_ms % 1000) * 1000);
    c.set_write_timeout(t.read_ms / 1000, (t.read_ms % 1000) * 1000);
    const auto tags = get(c, "/api/tags", s.error);
    if (!tags) return s;
    s.reachable = true;
    s.models = parse_tags(*tags);
    std::string ps_error;
    if (const auto ps = get(c, "/api/ps", ps_error)) s.loaded = parse_ps(*ps);
    for (auto& l : s.loaded) {
        const std::string body = nlohmann::json{{"model", l.name}}.dump();
        if (auto r = c.Post("/api/show", body, "application/json"); r && r->status == 200) {
            apply_show(r->body, l);
        }
    }
    return s;
}

#else

OllamaStatus query_ollama(const OllamaEndpoint& e, const OllamaTimeouts&) {
    OllamaStatus s;
    s.host = fmt::format("{}:{}", e.host, e.port);
    s.error = "this canrun was built without HTTP support (CANRUN_WEB=OFF)";
    return s;
}

#endif

}  // namespace canrun::scan
