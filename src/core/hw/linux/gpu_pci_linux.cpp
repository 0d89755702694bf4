// GPU enumeration: PCI devices of class 0x03 (display controllers), cross-checked with
// /sys/class/drm. Vendor probes enrich these entries later, matched by PCI address.
#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "hw/device_table.h"
#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"
#include "hw/pci_ids.h"
#include "util/strings.h"

namespace canrun::hw {

namespace {

constexpr std::string_view kPciDevices = "/sys/bus/pci/devices";

// Display adapters with no compute for LLMs: emulated VGA in VMs and server BMC graphics.
constexpr std::array<std::uint16_t, 7> kNoComputeVendors = {
    0x1234,  // QEMU standard VGA
    0x1af4,  // virtio-gpu
    0x15ad,  // VMware SVGA
    0x1414,  // Hyper-V synthetic video
    0x1a03,  // ASPEED BMC
    0x102b,  // Matrox G200 (server BMC)
    0x1013,  // Cirrus Logic (emulated)
};

std::optional<std::uint32_t> pcie_generation(std::string_view speed) {
    // "16.0 GT/s PCIe" -> 4: transfer rate per lane of each PCIe generation.
    const auto gts = parse_double(split(trim(speed), ' ').front());
    if (!gts) {
        return std::nullopt;
    }
    constexpr std::array<double, 6> kRates = {2.5, 5.0, 8.0, 16.0, 32.0, 64.0};
    for (std::size_t i = 0; i < kRates.size(); ++i) {
        if (*gts <= kRates[i] + 0.01) {
            return static_cast<std::uint32_t>(i + 1);
        }
    }
    return std::nullopt;
}

std::optional<GpuInfo> read_pci_gpu(const ProbeContext& ctx, const std::string& addr,
                                    HardwareReport& r) {
    const std::string dir = fmt::format("{}/{}", kPciDevices, addr);
    const auto cls = read_hex(ctx, dir + "/class");
    if (!cls || (*cls >> 16U) != 0x03) {
        return std::nullopt;
    }
    const auto vendor = read_hex(ctx, dir + "/vendor");
    const auto device = read_hex(ctx, dir + "/device");
    if (!vendor || !device || *vendor > 0xFFFF || *device > 0xFFFF) {
        r.warn("gpu-pci", "gpu-pci.unreadable_ids", {addr});
        return std::nullopt;
    }
    const auto vid = static_cast<std::uint16_t>(*vendor);
    const auto did = static_cast<std::uint16_t>(*device);
    const auto rev = read_hex(ctx, dir + "/revision");
    const auto revision = rev && *rev <= 0xFF ? std::optional<std::uint8_t>(*rev) : std::nullopt;
    const bool huawei_bmc = vid == 0x19e5 && did == 0x1711;  // Hi171x BMC VGA on Huawei servers
    if (huawei_bmc ||
        std::find(kNoComputeVendors.begin(), kNoComputeVendors.end(), vid) != kNoComputeVendors.end()) {
        r.note("gpu-pci", "gpu-pci.no_compute", {addr, pci_device_name(ctx, vid, did, revision)});
        return std::nullopt;
    }
    GpuInfo g;
    g.pci = addr;
    g.pci_vendor_id = vid;
    g.pci_device_id = did;
    g.pci_revision = revision;
    g.vendor = gpu_vendor_from_pci(vid);
    g.name = pci_device_name(ctx, vid, did, revision);
    g.driver = link_name(ctx, dir + "/driver").value_or("");
    if (const auto* known = find_known_device(vid, did, revision)) {
        g.kind = known->kind;
        g.gfx_target = std::string(known->gfx_target);
    }
    if (g.vendor == GpuVendor::Intel && addr.size() == 12 && addr.substr(5) == "00:02.0") {
        g.kind = GpuKind::Integrated;  // Intel integrated graphics always sit at 00:02.0
    }
    g.link.generation = pcie_generation(ctx.read_line(dir + "/max_link_speed").value_or(""));
    const auto width = read_u64(ctx, dir + "/current_link_width");
    if (width && *width > 0 && *width <= 32) {
        g.link.width = static_cast<std::uint32_t>(*width);
    }
    g.sources.emplace_back("pci");
    return g;
}

void cross_check_drm(const ProbeContext& ctx, HardwareReport& r) {
    for (const auto& card : ctx.list("/sys/class/drm")) {
        if (card.rfind("card", 0) != 0 || card.find('-') != std::string::npos) {
            continue;
        }
        const auto target = ctx.link(fmt::format("/sys/class/drm/{}/device", card));
        const std::string addr = target ? pci_address_in(*target) : std::string();
        auto it = std::find_if(r.gpus.begin(), r.gpus.end(), [&](const GpuInfo& g) { return !addr.empty() && g.pci == addr; });
        if (it != r.gpus.end()) {
            it->sources.emplace_back("drm");
        } else if (addr.empty()) {
            const auto driver = link_name(ctx, fmt::format("/sys/class/drm/{}/device/driver", card));
            r.note("gpu-pci", "gpu-pci.not_pci", {card, driver.value_or("?")});
        }
    }
}

}  // namespace

void probe_gpu_pci_linux(const ProbeContext& ctx, HardwareReport& r) {
    const auto devices = ctx.list(kPciDevices);
    if (devices.empty()) {
        r.note("gpu-pci", "gpu-pci.no_pci_devices");
    }
    for (const auto& addr : devices) {
        if (auto g = read_pci_gpu(ctx, addr, r)) {
            r.gpus.push_back(std::move(*g));
        }
    }
    cross_check_drm(ctx, r);
}

}  // namespace canrun::hw
