// `canrun scan`: what was found on disk, each model's fit on the machine, and a running Ollama's
// loaded models against canrun's estimate. Rendered by scan_json (--json) and scan_text (en/zh).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "estimate/machine.h"
#include "report/lang.h"
#include "scan/found_model.h"
#include "scan/model_fit.h"
#include "scan/ollama_client.h"

namespace canrun::report {

struct ScanEntry {
    const scan::FoundModel* model = nullptr;
    std::optional<scan::ModelFit> fit;  // nullopt: not estimable
};

struct LoadedEntry {
    const scan::OllamaLoaded* loaded = nullptr;
    const scan::FoundModel* model = nullptr;  // the same model on disk, if found
    std::optional<scan::ModelFit> estimate;   // canrun's, at the context Ollama loaded it with
};

struct ScanView {
    const scan::ScanResult* result = nullptr;
    std::vector<ScanEntry> entries;
    const estimate::Machine* machine = nullptr;
    const scan::OllamaStatus* ollama = nullptr;  // null: --no-ollama
    std::vector<LoadedEntry> loaded;
    bool explain = false;
};

std::string scan_to_json(const ScanView& v);
std::string scan_to_text(const ScanView& v, Lang lang);

// Text of a scan note id (en / zh-CN); the id itself when unknown.
std::string scan_note_text(const std::string& id, Lang lang);

}  // namespace canrun::report
