// NPUs: /sys/class/accel (Intel NPU, AMD XDNA), Huawei Ascend on PCI (with npu-smi for HBM),
// and Rockchip RKNPU from the device tree.
#include <algorithm>
#include <array>
#include <cstdio>
#include <fmt/format.h>

#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"
#include "hw/npu_smi.h"
#include "util/strings.h"

namespace canrun::hw {

namespace {

struct KnownNpu {
    std::uint16_t vendor_id;
    std::uint16_t device_id;
    std::string_view vendor;
    std::string_view name;
};

// Device IDs from the kernel drivers (drivers/accel/ivpu/ivpu_drv.h, amdxdna) and pci.ids.
constexpr std::array<KnownNpu, 12> kNpus = {{
    {0x8086, 0x7d1d, "Intel", "Intel AI Boost NPU (Meteor Lake)"},
    {0x8086, 0xad1d, "Intel", "Intel AI Boost NPU (Arrow Lake)"},
    {0x8086, 0x643e, "Intel", "Intel AI Boost NPU (Lunar Lake)"},
    {0x8086, 0xb03e, "Intel", "Intel NPU (Panther Lake)"},
    {0x8086, 0xfd3e, "Intel", "Intel NPU (Wildcat Lake)"},
    {0x8086, 0xd71d, "Intel", "Intel NPU (Nova Lake)"},
    {0x1022, 0x1502, "AMD", "AMD XDNA NPU (Phoenix / Hawk Point)"},
    {0x1022, 0x17f0, "AMD", "AMD XDNA 2 NPU (Strix)"},
    {0x19e5, 0xd100, "Huawei", "Huawei Ascend 310"},
    {0x19e5, 0xd500, "Huawei", "Huawei Ascend 310P"},
    {0x19e5, 0xd801, "Huawei", "Huawei Ascend 910"},
    {0x19e5, 0xd802, "Huawei", "Huawei Ascend 910B"},
}};

const KnownNpu* find_npu(std::uint64_t vendor, std::uint64_t device) {
    for (const auto& n : kNpus) {
        if (n.vendor_id == vendor && n.device_id == device) {
            return &n;
        }
    }
    return nullptr;
}

void probe_accel(const ProbeContext& ctx, HardwareReport& r) {
    for (const auto& node : ctx.list("/sys/class/accel")) {
        const std::string dev = fmt::format("/sys/class/accel/{}/device", node);
        const auto target = ctx.link(dev);
        const auto vendor = read_hex(ctx, dev + "/vendor").value_or(0);
        const auto device = read_hex(ctx, dev + "/device").value_or(0);
        const auto* known = find_npu(vendor, device);
        NpuInfo n;
        n.pci = target ? pci_address_in(*target) : "";
        n.driver = link_name(ctx, dev + "/driver").value_or("");
        n.vendor = known                    ? std::string(known->vendor)
                   : n.driver == "intel_vpu" ? "Intel"
                   : n.driver == "amdxdna"   ? "AMD"
                   : n.driver == "rocket"    ? "Rockchip"  // mainline Rockchip NPU driver (Linux 6.18)
                                             : "";
        n.name = known                 ? std::string(known->name)
                 : n.driver == "rocket" ? "Rockchip NPU (rocket driver)"
                                        : fmt::format("NPU {:04x}:{:04x} ({})", vendor, device, n.driver);
        n.sources.emplace_back("accel");
        r.npus.push_back(std::move(n));
    }
}

std::optional<std::string> run_npu_smi() {
    // Only on this machine itself; bounded by coreutils timeout so a hung driver cannot stall us.
    std::FILE* p = ::popen("timeout 2 npu-smi info 2>/dev/null", "r");
    if (!p) {
        return std::nullopt;
    }
    std::string out;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0 && out.size() < (1U << 20U)) {
        out.append(buf, n);
    }
    const int rc = ::pclose(p);
    return rc == 0 && !out.empty() ? std::optional<std::string>(out) : std::nullopt;
}

void probe_ascend(const ProbeContext& ctx, HardwareReport& r) {
    std::vector<NpuInfo> found;
    for (const auto& addr : ctx.list("/sys/bus/pci/devices")) {
        const std::string dir = "/sys/bus/pci/devices/" + addr;
        if (read_hex(ctx, dir + "/vendor").value_or(0) != 0x19e5 ||
            (read_hex(ctx, dir + "/class").value_or(0) >> 16U) != 0x12) {
            continue;
        }
        const auto* known = find_npu(0x19e5, read_hex(ctx, dir + "/device").value_or(0));
        NpuInfo n{"Huawei", known ? std::string(known->name) : "Huawei Ascend NPU",
                  link_name(ctx, dir + "/driver").value_or(""), addr, {}, {}, {"pci"}};
        found.push_back(std::move(n));
    }
    if (found.empty()) {
        return;
    }
    const auto smi = ctx.answer("cmd:npu-smi-info", run_npu_smi);
    const auto chips = smi ? parse_npu_smi_info(*smi) : std::vector<NpuSmiChip>{};
    if (chips.empty()) {
        r.note("npu", "npu.ascend_no_smi");
    }
    for (auto& n : found) {
        for (const auto& c : chips) {
            if (c.pci == n.pci) {
                n.name = "Huawei Ascend " + c.name;
                n.memory_total_bytes = c.hbm_total_bytes;
                n.memory_free_bytes = c.hbm_total_bytes - std::min(c.hbm_used_bytes, c.hbm_total_bytes);
                n.sources.emplace_back("npu-smi");
            }
        }
        r.npus.push_back(std::move(n));
    }
}

void probe_rknpu(const ProbeContext& ctx, HardwareReport& r) {
    const auto compatible = ctx.read("/proc/device-tree/compatible").value_or("");
    if (compatible.find("rockchip,rk3588") == std::string::npos) {
        return;
    }
    const bool mainline = std::any_of(r.npus.begin(), r.npus.end(), [](const NpuInfo& n) { return n.driver == "rocket"; });
    if (mainline) {
        return;  // already listed from /sys/class/accel
    }
    if (ctx.list("/sys/module/rknpu").empty() && !ctx.read("/sys/module/rknpu/version")) {
        r.note("npu", "npu.rknpu_not_loaded");
        return;
    }
    r.npus.push_back({"Rockchip", "Rockchip RK3588 NPU (6 TOPS INT8)", "rknpu", "", {}, {},
                      {"device-tree"}});
}

}  // namespace

void probe_npu_linux(const ProbeContext& ctx, HardwareReport& r) {
    probe_accel(ctx, r);
    probe_ascend(ctx, r);
    probe_rknpu(ctx, r);
}

}  // namespace canrun::hw
