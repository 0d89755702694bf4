// The macOS probe table: the thin OS layer. It only gathers what `sysctl` and `system_profiler`
// print (recorded as answers, so snapshots replay); parsing is portable (macos_report).
#include <array>
#include <cstdio>

#include "hw/macos/system_profiler_displays.h"
#include "hw/probe.h"

namespace canrun::hw {

namespace {

std::optional<std::string> run(const char* command) {
    std::FILE* p = ::popen(command, "r");
    if (p == nullptr) {
        return std::nullopt;
    }
    std::string out;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0 && out.size() < (4U << 20U)) {
        out.append(buf, n);
    }
    ::pclose(p);
    return out.empty() ? std::nullopt : std::optional<std::string>(out);
}

void probe_macos(const ProbeContext& ctx, HardwareReport& r) {
    const auto sysctl = ctx.answer("cmd:sysctl", [] { return run("sysctl hw machdep iogpu 2>/dev/null"); });
    const auto displays = ctx.answer("cmd:system_profiler-displays",
                                     [] { return run("system_profiler SPDisplaysDataType -json 2>/dev/null"); });
    auto mac = macos_report(sysctl.value_or(""), displays.value_or(""));
    mac.notes.insert(mac.notes.begin(), r.notes.begin(), r.notes.end());
    r = std::move(mac);
}

constexpr std::array kProbes = {
    Probe{"macos", "sysctl and system_profiler: CPU, memory, Apple GPU budget", probe_macos},
};

}  // namespace

std::span<const Probe> platform_probes() { return kProbes; }

}  // namespace canrun::hw
