#include "report/assumption_notes.h"

#include <cmath>

#include <fmt/format.h>

namespace canrun::report {

Bilingual assumption_note(std::string_view key, double value) {
    if (key == "host_ram_gib") {
        return {fmt::format("host RAM assumed to be {:g} GiB (set it with --ram)", value),
                fmt::format("假定主机内存为 {:g} GiB（可用 --ram 指定）", value)};
    }
    if (key == "host_bandwidth_gbps") {
        return {fmt::format("host memory bandwidth assumed to be {:g} GB/s", value),
                fmt::format("假定主机内存带宽为 {:g} GB/s", value)};
    }
    if (key == "host_cpu_cores") {
        return {fmt::format("host CPU assumed to have {:g} cores", value),
                fmt::format("假定主机 CPU 为 {:g} 核", value)};
    }
    if (key == "memory_gib") {
        return {fmt::format("memory assumed to be {:g} GiB, the smallest size sold (set it with "
                            "--ram)",
                            value),
                fmt::format("假定内存为在售最小容量 {:g} GiB（可用 --ram 指定）", value)};
    }
    if (key == "gpu_budget_fraction") {
        const double pct = std::round(value * 100);
        return {fmt::format("the GPU may use {:g}% of the unified memory (the driver's default "
                            "limit)",
                            pct),
                fmt::format("GPU 可用统一内存的 {:g}%（驱动默认上限）", pct)};
    }
    if (key == "backend_approximated") {
        return {"this accelerator's llama.cpp backend is sized like CUDA's",
                "此加速器的 llama.cpp 后端按 CUDA 后端估算"};
    }
    return {fmt::format("assumed {} = {:g}", key, value),
            fmt::format("假定 {} = {:g}", key, value)};
}

Bilingual override_note(Override what, double value, const std::string& gpu_name) {
    switch (what) {
    case Override::Gpus:
        return {fmt::format("--gpus: {:g} x {}", value, gpu_name),
                fmt::format("--gpus：{:g} 块 {}", value, gpu_name)};
    case Override::Vram:
        return {fmt::format("--vram: {:g} GiB per GPU", value),
                fmt::format("--vram：每块 GPU {:g} GiB", value)};
    case Override::Ram:
        return {fmt::format("--ram: {:g} GiB", value), fmt::format("--ram：{:g} GiB", value)};
    case Override::Bandwidth:
        return {fmt::format("--bandwidth: {:g} GB/s", value),
                fmt::format("--bandwidth：{:g} GB/s", value)};
    }
    return {};
}

}  // namespace canrun::report
