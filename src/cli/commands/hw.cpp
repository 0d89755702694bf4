// canrun hw: detect this machine (or a --sysroot tree, or a --snapshot) and print it, with its
// reference class.
//
// Environment, for tests and bug hunts:
//   CANRUN_NVML_LIB=PATH          open this NVML library instead of libnvidia-ml.so.1 (also
//                                 with --sysroot, where vendor libraries are otherwise not used)
//   CANRUN_ROCM_SMI_LIB=PATH      the same for ROCm SMI instead of librocm_smi64.so.7/.6
//   CANRUN_VENDOR_TIMEOUT_MS=N    abandon a vendor library call after N ms (default 2000)
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "advise/tier_input.h"
#include "answer.h"
#include "catalog/tiers_catalog.h"
#include "commands.h"
#include "commands/hw_list_devices.h"
#include "hw/snapshot.h"
#include "machine_source.h"
#include "report/hw_json.h"
#include "report/hw_text.h"

namespace canrun::cli {

namespace {

// design.md §5: hw's JSON carries the machine's reference class {"id", "name", ...}.
std::string with_tier(const std::string& hw_json, const hw::HardwareReport& r,
                      const GlobalOptions& g) {
    auto j = nlohmann::ordered_json::parse(hw_json);
    const auto tiers = catalog::load_tiers(data_options(g));
    if (tiers) {
        const auto choice = advise::classify_tier(advise::tier_input_from(r));
        for (const auto& t : *tiers) {
            if (t.id == choice.id) {
                j["tier"] = {{"id", t.id},          {"name", t.name.en}, {"name_zh", t.name.zh},
                             {"exact", choice.exact}, {"reason", choice.reason_en}};
            }
        }
    }
    return j.dump(2) + "\n";
}

}  // namespace

int run_hw(const Options& o) {
    if (o.hw.list_devices) {
        return run_hw_list_devices(o);  // the devices from data/hardware.json
    }
    hw::Snapshot recorded;
    const bool save = !o.hw.save_snapshot.empty();
    const auto report = detect_machine(o.hw.hardware, save ? &recorded : nullptr);
    if (!report) {
        std::fprintf(stderr, "canrun: %s\n", report.error().message.c_str());
        return static_cast<int>(report.error().code);
    }
    if (save) {
        if (auto saved = hw::save_snapshot(recorded, o.hw.save_snapshot); !saved) {
            std::fprintf(stderr, "canrun: %s\n", saved.error().message.c_str());
            return static_cast<int>(ExitCode::BadInput);
        }
    }
    if (o.global.json) {
        std::fputs(with_tier(report::hw_to_json(*report), *report, o.global).c_str(), stdout);
        return 0;
    }
    std::fputs(report::hw_to_text(*report, lang_of(o.global), o.global.verbose).c_str(), stdout);
    return 0;
}

}  // namespace canrun::cli
