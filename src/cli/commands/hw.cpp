// canrun hw: detect this machine (or a --sysroot tree, or a --snapshot) and print it.
//
// Environment, for tests and bug hunts:
//   CANRUN_NVML_LIB=PATH          open this NVML library instead of libnvidia-ml.so.1 (also
//                                 with --sysroot, where vendor libraries are otherwise not used)
//   CANRUN_VENDOR_TIMEOUT_MS=N    abandon a vendor library call after N ms (default 2000)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "commands.h"
#include "commands/hw_list_devices.h"
#include "hw/probe.h"
#include "hw/probe_context.h"
#include "hw/snapshot.h"
#include "report/hw_json.h"
#include "report/hw_text.h"
#include "report/lang.h"
#include "util/strings.h"

namespace canrun::cli {

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
}

void configure(hw::ProbeContext& ctx, const HardwareOverride& h) {
    ctx.vendor.use_vendor_libraries = !h.no_vendor_libs;
    ctx.vendor.nvml_library = env("CANRUN_NVML_LIB");
    if (const auto ms = parse_uint(env("CANRUN_VENDOR_TIMEOUT_MS")); ms && *ms > 0 && *ms < 600000) {
        ctx.vendor.timeout = std::chrono::milliseconds(*ms);
    }
    if (ctx.is_this_machine()) {
        // The disk reported is the one holding the models: Ollama's store, else the home dir.
        const std::string models = env("OLLAMA_MODELS");
        ctx.model_dir = !models.empty() ? models : (!env("HOME").empty() ? env("HOME") : "/");
    }
}

int print_report(const hw::HardwareReport& r, const Options& o) {
    if (o.global.json) {
        std::fputs(report::hw_to_json(r).c_str(), stdout);
        return 0;
    }
    const auto lang = report::pick_lang(o.global.lang, env("LC_ALL"), env("LC_MESSAGES"), env("LANG"));
    std::fputs(report::hw_to_text(r, lang, o.global.verbose).c_str(), stdout);
    return 0;
}

}  // namespace

int run_hw(const Options& o) {
    const auto& h = o.hw.hardware;
    if (o.hw.list_devices) {
        return run_hw_list_devices(o);  // the devices from data/hardware.json (hwdata helper)
    }
    hw::Snapshot recorded;
    std::optional<hw::ProbeContext> ctx;
    if (!h.snapshot.empty()) {
        auto snap = hw::load_snapshot(h.snapshot);
        if (!snap) {
            std::fprintf(stderr, "canrun: %s\n", snap.error().message.c_str());
            return 3;
        }
        ctx.emplace(std::move(*snap));
    } else {
        std::error_code ec;
        if (!std::filesystem::is_directory(h.sysroot, ec)) {
            std::fprintf(stderr, "canrun: %s: --sysroot is not a directory (pass a recorded "
                                 "machine's root, e.g. tests/fixtures/sysroots/desktop_rtx4090)\n",
                         h.sysroot.c_str());
            return 3;
        }
        ctx.emplace(std::filesystem::path(h.sysroot));
    }
    configure(*ctx, h);
    if (!o.hw.save_snapshot.empty()) {
        ctx->record_into(&recorded);
    }
    const auto report = hw::detect_hardware(*ctx);
    if (!o.hw.save_snapshot.empty()) {
        if (auto saved = hw::save_snapshot(recorded, o.hw.save_snapshot); !saved) {
            std::fprintf(stderr, "canrun: %s\n", saved.error().message.c_str());
            return 3;
        }
    }
    return print_report(report, o);
}

}  // namespace canrun::cli
