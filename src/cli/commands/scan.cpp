// `canrun scan [DIR...]`: models already on disk (Ollama, LM Studio, HF and ModelScope caches,
// llama.cpp's cache, GPT4All, or the DIRs given), each with its fit on this machine (or --hw),
// and what a running Ollama has loaded against canrun's estimate. Thin: the work is in
// core/scan (finding, identifying, deduplicating), advise (fit) and report/scan_* (output).
#include <unistd.h>

#include <cstdio>
#include <string>

#include "bench/bench_store.h"
#include "bench/calibration.h"
#include "catalog/speed_tuning.h"
#include "commands.h"
#include "environment.h"
#include "machine_source.h"
#include "report/scan_report.h"
#include "scan/scanner.h"

namespace canrun::cli {

namespace {

scan::ScanEnvironment scan_environment() {
    scan::ScanEnvironment e;
    e.home = env("HOME");
    e.ollama_models = env("OLLAMA_MODELS");
    e.hf_hub_cache = env("HF_HUB_CACHE").empty() ? env("HUGGINGFACE_HUB_CACHE") : env("HF_HUB_CACHE");
    e.hf_home = env("HF_HOME");
    e.modelscope_cache = env("MODELSCOPE_CACHE");
    e.llama_cache = env("LLAMA_CACHE");
    e.xdg_cache_home = env("XDG_CACHE_HOME");
    e.xdg_data_home = env("XDG_DATA_HOME");
    return e;
}

// One self-overwriting line on a terminal's stderr.
void show_progress(std::uint64_t files, std::uint64_t models) {
    std::fprintf(stderr, "\rcanrun: scanning... %llu files, %llu models", static_cast<unsigned long long>(files),
                 static_cast<unsigned long long>(models));
}

// "qwen2.5" and "qwen2.5:latest" are one model to Ollama.
std::string full_tag(const std::string& name) {
    return name.find(':') == std::string::npos ? name + ":latest" : name;
}

const scan::FoundModel* find_ollama_model(const scan::ScanResult& r, const std::string& name) {
    const auto want = full_tag(name);
    for (const auto& m : r.models) {
        if (!m.ollama_tag.empty() && full_tag(m.ollama_tag) == want) return &m;
        for (const auto& a : m.aliases) {
            if (full_tag(a) == want) return &m;
        }
    }
    return nullptr;
}

std::optional<scan::OllamaStatus> ask_ollama(const ScanOptions& s) {
    if (s.no_ollama) return std::nullopt;
    const auto value = !s.ollama_host.empty() ? s.ollama_host : env("OLLAMA_HOST");
    const auto endpoint = scan::parse_ollama_host(value);
    if (!endpoint) {
        scan::OllamaStatus bad;
        bad.host = value;
        bad.error = "OLLAMA_HOST / --ollama-host is not host:port";
        return bad;
    }
    return scan::query_ollama(*endpoint);
}

Result<scan::FitSetting> fit_setting(const Options& o, MachineView& machine, estimate::SpeedTuning& tuning) {
    const auto data = data_options(o.global);
    auto t = catalog::load_speed_tuning(data);
    if (!t) return tl::unexpected(t.error());
    tuning = std::move(*t);
    scan::FitSetting s;
    s.machine = &machine.machine;
    s.tuning = &tuning;
    s.cpu_only = o.scan.hardware.cpu_only;
    const auto& h = o.scan.hardware;
    if (!machine.profile && h.sysroot == "/" && h.snapshot.empty()) {
        const auto path = bench::bench_record_path(env("XDG_CONFIG_HOME"), env("HOME"));
        if (auto cal = bench::calibrate_from_file(path, tuning, machine.machine)) s.speed.cpu_rates = cal->rates;
    }
    return s;
}

}  // namespace

int run_scan(const Options& o) {
    auto machine = resolve_machine(o.scan.hardware, data_options(o.global));
    if (!machine) {
        std::fprintf(stderr, "canrun: %s\n", machine.error().message.c_str());
        return static_cast<int>(machine.error().code);
    }
    estimate::SpeedTuning tuning;
    const auto setting = fit_setting(o, *machine, tuning);
    if (!setting) {
        std::fprintf(stderr, "canrun: %s\n", setting.error().message.c_str());
        return static_cast<int>(setting.error().code);
    }
    scan::ScanRequest req;
    req.env = scan_environment();
    req.dirs = o.scan.dirs;
    const bool progress = !o.global.json && ::isatty(2) != 0;
    if (progress) req.progress = show_progress;
    const auto result = scan::scan_models(req);
    if (progress) std::fputs("\r\033[K", stderr);

    report::ScanView view;
    view.result = &result;
    view.machine = &machine->machine;
    view.explain = o.global.explain;
    for (const auto& m : result.models) view.entries.push_back({&m, scan::fit_found_model(m, *setting)});
    const auto ollama = ask_ollama(o.scan);
    if (ollama) {
        view.ollama = &*ollama;
        for (const auto& l : ollama->loaded) {
            report::LoadedEntry e{&l, find_ollama_model(result, l.name), std::nullopt};
            if (e.model != nullptr) e.estimate = scan::fit_found_model(*e.model, *setting, l.context_length, false);
            view.loaded.push_back(std::move(e));
        }
    }
    const auto text = o.global.json ? report::scan_to_json(view) : report::scan_to_text(view, lang_of(o.global));
    std::fputs(text.c_str(), stdout);
    return 0;
}

}  // namespace canrun::cli
