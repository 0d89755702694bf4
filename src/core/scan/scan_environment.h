// The environment a scan reads (HOME and the stores' variables), passed in as a plain struct so
// the core never calls getenv and tests can point HOME at a temporary directory.
#pragma once

#include <string>

namespace canrun::scan {

struct ScanEnvironment {
    std::string home;              // HOME
    std::string ollama_models;     // OLLAMA_MODELS
    std::string hf_hub_cache;      // HF_HUB_CACHE (or the older HUGGINGFACE_HUB_CACHE)
    std::string hf_home;           // HF_HOME
    std::string modelscope_cache;  // MODELSCOPE_CACHE
    std::string llama_cache;       // LLAMA_CACHE
    std::string xdg_cache_home;    // XDG_CACHE_HOME
    std::string xdg_data_home;     // XDG_DATA_HOME
    // The Linux service's store (install.sh runs Ollama as the user "ollama"); tests clear it.
    std::string system_ollama_models = "/usr/share/ollama/.ollama/models";
};

}  // namespace canrun::scan
