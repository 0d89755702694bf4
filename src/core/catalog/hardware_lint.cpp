#include "catalog/hardware_lint.h"

#include <cmath>

#include <fmt/format.h>

namespace canrun::catalog {

namespace {

struct Range {
    double min;
    double max;
};

// Peak memory bandwidth, GB/s, by class. The low ends are real parts: GeForce MX150 (48 GB/s),
// NVIDIA A2 (200 GB/s), Jetson Nano (25.6 GB/s), single-channel DDR4-2133 (17 GB/s).
Range bandwidth_range(const HardwareSpec& s) {
    if (s.kind == DeviceKind::CpuPlatform) return {10, 800};
    switch (s.form_factor) {
    case FormFactor::Sbc: return {5, 40};
    case FormFactor::Soc: return {20, 1000};
    case FormFactor::Laptop: return s.unified_memory ? Range{40, 300} : Range{40, 1000};
    case FormFactor::Desktop: return s.unified_memory ? Range{40, 400} : Range{60, 2000};
    case FormFactor::Workstation: return {150, 2000};
    case FormFactor::Server: return {150, 10000};
    }
    return {0, 0};
}

// Dense FP16 TFLOPS by class.
Range tflops_range(const HardwareSpec& s) {
    switch (s.form_factor) {
    case FormFactor::Server: return {5, 5000};
    case FormFactor::Sbc: return {0.01, 5};
    default: return {0.5, 1000};
    }
}

// Memory sizes (GiB) by class.
Range memory_range(const HardwareSpec& s) {
    if (s.unified_memory || s.kind == DeviceKind::CpuPlatform) return {1, 1024};
    switch (s.form_factor) {
    case FormFactor::Laptop: return {1, 24};
    case FormFactor::Desktop: return {1, 48};
    case FormFactor::Workstation: return {4, 128};
    case FormFactor::Server: return {8, 512};
    default: return {1, 1024};
    }
}

class Linter {
public:
    Linter(const HardwareCatalog& c, std::vector<std::string>& out) : cat_(c), out_(out) {}

    void check(const HardwareSpec& s) {
        in_range(s, "bandwidth_gbps", s.bandwidth_gbps, bandwidth_range(s));
        if (s.fp16_tflops) in_range(s, "fp16_tflops", *s.fp16_tflops, tflops_range(s));
        if (s.int8_tops && s.fp16_tflops && *s.int8_tops < *s.fp16_tflops * 0.99) {
            bad(s, "int8_tops", "below fp16_tflops; INT8 is never slower than FP16");
        }
        for (const double gb : s.memory_gb) in_range(s, "memory_gb", gb, memory_range(s));
        if (s.tdp_w && s.form_factor == FormFactor::Laptop) in_range(s, "tdp_w", *s.tdp_w, {5, 200});
        if (s.launch_year) in_range(s, "launch_year", *s.launch_year, {2014, 2027});
        if (s.source.size() < 8) bad(s, "source", "too short to find again; give a URL or document title");
        const bool shared = s.kind == DeviceKind::Apu || s.kind == DeviceKind::Soc;
        if (shared != s.unified_memory) {
            bad(s, "unified_memory", "APUs and SoCs share memory, discrete parts do not");
        }
        if (s.kind == DeviceKind::CpuPlatform && s.transfer_mts && s.bus_width_bits) {
            const double expected = *s.transfer_mts * *s.bus_width_bits / 8000.0;
            if (std::fabs(expected - s.bandwidth_gbps) > expected * 0.01) {
                bad(s, "bandwidth_gbps", fmt::format("transfer_mts x bus_width_bits / 8 gives {:.1f}", expected));
            }
        }
    }

private:
    void in_range(const HardwareSpec& s, const char* field, double v, Range r) {
        if (v < r.min || v > r.max) {
            bad(s, field, fmt::format("{:g} is outside {:g}..{:g} for a {} {}", v, r.min, r.max,
                                      form_factor_name(s.form_factor), kind_name(s.kind)));
        }
    }
    void bad(const HardwareSpec& s, const char* field, const std::string& what) {
        out_.push_back(fmt::format("{}: device {}: field \"{}\": {}", cat_.path, s.id, field, what));
    }

    const HardwareCatalog& cat_;
    std::vector<std::string>& out_;
};

}  // namespace

std::vector<std::string> lint_hardware(const HardwareCatalog& catalog) {
    std::vector<std::string> problems;
    Linter linter(catalog, problems);
    for (const HardwareSpec& s : catalog.devices) {
        linter.check(s);
    }
    return problems;
}

}  // namespace canrun::catalog
