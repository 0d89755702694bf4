// Boards from the device tree: Raspberry Pi and other SBCs (model, memory bandwidth) and
// NVIDIA Jetson, whose integrated GPU shares all of RAM (a unified budget).
#include <array>
#include <fmt/format.h>

#include "hw/linux/linux_probes.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::hw {

namespace {

struct KnownBoard {
    std::string_view model_prefix;  // device-tree model starts with this
    double bandwidth_gbps;          // peak memory bandwidth; 0 = unknown
    std::string_view jetson_gpu;    // non-empty: a Jetson, with this GPU name
    std::string_view source;
    std::uint64_t max_ram_gib = 0;  // non-zero: the row applies only up to this much RAM
};

constexpr std::array<KnownBoard, 10> kBoards = {{
    {"Raspberry Pi 5", 17.1, "", "raspberrypi.com Pi 5 brief: LPDDR4X-4267, 32-bit"},
    {"Raspberry Pi 4", 12.8, "", "raspberrypi.com Pi 4 brief: LPDDR4-3200, 32-bit"},
    {"NVIDIA Jetson AGX Orin", 204.8, "NVIDIA Jetson AGX Orin GPU (Ampere)",
     "nvidia.com Jetson AGX Orin datasheet: 256-bit LPDDR5, 204.8 GB/s"},
    {"NVIDIA Jetson Orin NX", 102.4, "NVIDIA Jetson Orin NX GPU (Ampere)",
     "nvidia.com Jetson Orin NX datasheet: 128-bit LPDDR5, 102.4 GB/s"},
    {"NVIDIA Jetson Orin Nano", 34.0, "NVIDIA Jetson Orin Nano GPU (Ampere)",
     "nvidia.com Jetson Orin Nano datasheet (4GB): 64-bit LPDDR5, 34 GB/s", 6},
    {"NVIDIA Jetson Orin Nano", 68.0, "NVIDIA Jetson Orin Nano GPU (Ampere)",
     "nvidia.com Jetson Orin Nano datasheet (8GB): 128-bit LPDDR5, 68 GB/s"},
    {"NVIDIA Orin Nano", 68.0, "NVIDIA Jetson Orin Nano GPU (Ampere)",
     "nvidia.com Jetson Orin Nano datasheet (8GB): 128-bit LPDDR5, 68 GB/s"},
    {"NVIDIA Jetson Xavier NX", 59.7, "NVIDIA Jetson Xavier NX GPU (Volta)",
     "nvidia.com Jetson Xavier NX datasheet: 128-bit LPDDR4x, 59.7 GB/s"},
    {"NVIDIA Jetson Nano", 25.6, "NVIDIA Jetson Nano GPU (Maxwell)",
     "nvidia.com Jetson Nano datasheet: 64-bit LPDDR4, 25.6 GB/s"},
    {"NVIDIA Jetson", 0.0, "NVIDIA Jetson GPU", "device tree model"},
}};

std::string dt_string(const ProbeContext& ctx, std::string_view path) {
    auto text = ctx.read(path).value_or("");
    while (!text.empty() && (text.back() == '\0' || text.back() == '\n')) {
        text.pop_back();
    }
    return text;
}

void add_jetson_gpu(const KnownBoard& b, HardwareReport& r) {
    GpuInfo g;
    g.vendor = GpuVendor::Nvidia;
    g.name = std::string(b.jetson_gpu);
    g.kind = GpuKind::Unified;
    g.driver = "nvgpu";
    if (r.memory.total_bytes > 0) {
        g.vram_total_bytes = r.memory.total_bytes;
        g.vram_free_bytes = r.memory.available_bytes;
    }
    if (b.bandwidth_gbps > 0) {
        g.bandwidth_gbps = b.bandwidth_gbps;
        g.bandwidth_source = "board";
    }
    g.sources.emplace_back("device-tree");
    r.gpus.push_back(std::move(g));
    r.note("board", "board.jetson_unified");
}

}  // namespace

void probe_board_linux(const ProbeContext& ctx, HardwareReport& r) {
    const std::string model = dt_string(ctx, "/proc/device-tree/model");
    if (model.empty()) {
        return;  // not a device-tree machine (x86 PCs, most servers)
    }
    r.system.board = model;
    if (r.system.form_factor == FormFactor::Unknown) {
        r.system.form_factor = FormFactor::Sbc;
    }
    for (const auto& b : kBoards) {
        if (model.rfind(b.model_prefix, 0) != 0 ||
            (b.max_ram_gib > 0 && r.memory.total_bytes > b.max_ram_gib * kGiB)) {
            continue;
        }
        if (b.bandwidth_gbps > 0 && !r.memory.bandwidth_gbps) {
            r.memory.bandwidth_gbps = b.bandwidth_gbps;
            r.memory.bandwidth_source = "board";
            r.note("board", "board.bandwidth_from_spec",
                   {fmt::format("{:.1f}", b.bandwidth_gbps), std::string(b.source)});
        }
        if (!b.jetson_gpu.empty()) {
            add_jetson_gpu(b, r);
        }
        return;
    }
}

}  // namespace canrun::hw
