// A running Ollama server, read-only: GET /api/tags (models it has), GET /api/ps (models
// loaded, their size and VRAM share) and POST /api/show (architecture, parameters) — never
// pull, delete, create or load. Short timeouts: an absent server costs ~0.3 s and is a note.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace canrun::scan {

struct OllamaLoaded {
    std::string name;          // "qwen2.5:7b"
    std::uint64_t size_bytes = 0;       // memory the loaded model takes (RAM + VRAM)
    std::uint64_t size_vram_bytes = 0;  // of which on GPUs
    std::uint32_t context_length = 0;   // context it was loaded with (0: not reported)
    std::string expires_at;
    std::string quant;           // details.quantization_level
    std::string parameter_size;  // details.parameter_size, "7.6B"
    std::string family;          // details.family
    std::string arch;            // /api/show model_info general.architecture
    std::uint64_t params = 0;    // /api/show model_info general.parameter_count
};

struct OllamaStatus {
    std::string host;      // "127.0.0.1:11434"
    bool reachable = false;
    std::string error;     // why not, when unreachable
    std::vector<std::string> models;  // /api/tags names, sorted
    std::vector<OllamaLoaded> loaded;  // /api/ps, in its order
};

struct OllamaEndpoint {
    std::string host = "127.0.0.1";
    int port = 11434;
    bool https = false;
};

// OLLAMA_HOST as Ollama reads it (envconfig.Host): "host", "host:port", "http://host:port",
// ":port"; empty = 127.0.0.1:11434; 0.0.0.0 (listen on all) is reached at 127.0.0.1.
std::optional<OllamaEndpoint> parse_ollama_host(std::string_view value);

// JSON bodies of the API (public for tests).
std::vector<std::string> parse_tags(std::string_view body);
std::vector<OllamaLoaded> parse_ps(std::string_view body);
void apply_show(std::string_view body, OllamaLoaded& loaded);

struct OllamaTimeouts {
    int connect_ms = 300;
    int read_ms = 2000;
};

OllamaStatus query_ollama(const OllamaEndpoint& endpoint, const OllamaTimeouts& timeouts = {});

}  // namespace canrun::scan
