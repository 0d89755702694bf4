#include "hw/device_table.h"

#include <array>

#include "util/units.h"

namespace canrun::hw {

namespace {

constexpr auto D = GpuKind::Discrete;
constexpr auto I = GpuKind::Integrated;

// Bandwidths are the vendors' published peak figures (spec pages cited per row).
constexpr std::array kDevices = {
    KnownDevice{0x10de, 0x2684, {}, "NVIDIA GeForce RTX 4090", D, 24 * kGiB, 1008.0, "",
                "nvidia.com RTX 4090 specs: 384-bit GDDR6X 21 Gbps"},
    KnownDevice{0x10de, 0x2204, {}, "NVIDIA GeForce RTX 3090", D, 24 * kGiB, 936.2, "",
                "nvidia.com RTX 3090 specs: 384-bit GDDR6X 19.5 Gbps"},
    KnownDevice{0x10de, 0x2503, {}, "NVIDIA GeForce RTX 3060", D, 12 * kGiB, 360.0, "",
                "nvidia.com RTX 3060 specs: 192-bit GDDR6 15 Gbps"},
    KnownDevice{0x10de, 0x2504, {}, "NVIDIA GeForce RTX 3060", D, 12 * kGiB, 360.0, "",
                "nvidia.com RTX 3060 specs: 192-bit GDDR6 15 Gbps"},
    KnownDevice{0x10de, 0x28e0, {}, "NVIDIA GeForce RTX 4060 Laptop GPU", D, 8 * kGiB, 256.0, "",
                "nvidia.com RTX 40 laptop specs: 128-bit GDDR6 16 Gbps"},
    KnownDevice{0x10de, 0x28a0, {}, "NVIDIA GeForce RTX 4060 Laptop GPU", D, 8 * kGiB, 256.0, "",
                "nvidia.com RTX 40 laptop specs: 128-bit GDDR6 16 Gbps"},
    KnownDevice{0x10de, 0x2330, {}, "NVIDIA H100 80GB HBM3", D, 80 * kGiB, 3352.0, "",
                "nvidia.com H100 datasheet: SXM5 3.35 TB/s"},
    KnownDevice{0x10de, 0x2331, {}, "NVIDIA H100 PCIe", D, 80 * kGiB, 2039.0, "",
                "nvidia.com H100 datasheet: PCIe 2 TB/s"},
    KnownDevice{0x10de, 0x20f3, {}, "NVIDIA A800-SXM4-80GB", D, 80 * kGiB, 2039.0, "",
                "nvidia.com A800 datasheet: 2,039 GB/s"},
    KnownDevice{0x1002, 0x744c, 0xc8, "AMD Radeon RX 7900 XTX", D, 24 * kGiB, 960.0, "gfx1100",
                "amd.com RX 7900 XTX specs: 384-bit GDDR6 20 Gbps"},
    KnownDevice{0x1002, 0x744c, 0xcc, "AMD Radeon RX 7900 XT", D, 20 * kGiB, 800.0, "gfx1100",
                "amd.com RX 7900 XT specs: 320-bit GDDR6 20 Gbps"},
    KnownDevice{0x1002, 0x1586, {}, "AMD Radeon 8060S (Strix Halo)", I, 0, 256.0, "gfx1151",
                "amd.com Ryzen AI Max+ 395: 256-bit LPDDR5X-8000"},
    KnownDevice{0x1002, 0x15bf, {}, "AMD Radeon 780M (Phoenix)", I, 0, 0.0, "gfx1103",
                "amd.com Ryzen 7040 series"},
    KnownDevice{0x1002, 0x150e, {}, "AMD Radeon 890M (Strix Point)", I, 0, 0.0, "gfx1150",
                "amd.com Ryzen AI 300 series"},
    KnownDevice{0x1002, 0x164e, {}, "AMD Radeon Graphics (Raphael iGPU)", I, 0, 0.0, "gfx1036",
                "amd.com Ryzen 7000 desktop: 2 CU RDNA 2 graphics"},
    KnownDevice{0x8086, 0x4680, {}, "Intel UHD Graphics 770 (Alder Lake-S)", I, 0, 0.0, "",
                "pci.ids 4680 AlderLake-S GT1"},
    KnownDevice{0x8086, 0xa780, {}, "Intel UHD Graphics 770 (Raptor Lake-S)", I, 0, 0.0, "",
                "pci.ids a780 Raptor Lake-S GT1 [UHD Graphics 770]"},
    KnownDevice{0x8086, 0x9a49, {}, "Intel Iris Xe Graphics (Tiger Lake)", I, 0, 0.0, "",
                "pci.ids 9a49 TigerLake-LP GT2 [Iris Xe Graphics]"},
    KnownDevice{0x8086, 0xa7a0, {}, "Intel Iris Xe Graphics (Raptor Lake)", I, 0, 0.0, "",
                "pci.ids a7a0 Raptor Lake-P [Iris Xe Graphics]"},
    KnownDevice{0x8086, 0x7d55, {}, "Intel Arc Graphics (Meteor Lake)", I, 0, 0.0, "",
                "intel.com Core Ultra series 1"},
    KnownDevice{0x8086, 0x56a0, {}, "Intel Arc A770", D, 0, 560.0, "",
                "intel.com Arc A770: 256-bit GDDR6 17.5 Gbps (8 or 16 GB)"},
    KnownDevice{0x8086, 0x56a1, {}, "Intel Arc A750", D, 8 * kGiB, 512.0, "",
                "intel.com Arc A750: 8 GB 256-bit GDDR6 16 Gbps"},
    KnownDevice{0x8086, 0xe20b, {}, "Intel Arc B580", D, 12 * kGiB, 456.0, "",
                "intel.com Arc B580: 12 GB 192-bit GDDR6 19 Gbps"},
};

}  // namespace

const KnownDevice* find_known_device(std::uint16_t vendor_id, std::uint16_t device_id,
                                     std::optional<std::uint8_t> revision) {
    for (const auto& d : kDevices) {
        if (d.vendor_id != vendor_id || d.device_id != device_id) {
            continue;
        }
        if (!d.revision) {
            return &d;
        }
        if (revision && *d.revision == *revision) {
            return &d;
        }
    }
    // A row that needs a revision never matches without it: one ID, several products.
    return nullptr;
}

std::string_view vendor_short_name(std::uint16_t vendor_id) {
    switch (vendor_id) {
        case 0x10de: return "NVIDIA";
        case 0x1002: return "AMD";
        case 0x8086: return "Intel";
        case 0x19e5: return "Huawei";
        case 0x106b: return "Apple";
        case 0x1af4: return "Red Hat (virtio)";
        case 0x1234: return "QEMU";
        case 0x15ad: return "VMware";
        case 0x1414: return "Microsoft";
        case 0x1a03: return "ASPEED";
        case 0x102b: return "Matrox";
        default: return "";
    }
}

GpuVendor gpu_vendor_from_pci(std::uint16_t vendor_id) {
    switch (vendor_id) {
        case 0x10de: return GpuVendor::Nvidia;
        case 0x1002: return GpuVendor::Amd;
        case 0x8086: return GpuVendor::Intel;
        case 0x19e5: return GpuVendor::Huawei;
        case 0x106b: return GpuVendor::Apple;
        default: return GpuVendor::Other;
    }
}

}  // namespace canrun::hw
