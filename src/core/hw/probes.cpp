#include <algorithm>

#include "hw/finish_report.h"
#include "hw/probe.h"

namespace canrun::hw {

HardwareReport detect_hardware(const ProbeContext& ctx) {
    HardwareReport report;
    for (const auto& p : platform_probes()) {
        p.run(ctx, report);
    }
    for (const auto& p : vendor_probes()) {
        p.run(ctx, report);
    }
    finish_report(report);
    return report;
}

}  // namespace canrun::hw
