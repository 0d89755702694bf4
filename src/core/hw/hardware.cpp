#include "hw/hardware.h"

namespace canrun::hw {

std::string_view to_string(GpuVendor v) {
    switch (v) {
        case GpuVendor::Nvidia: return "nvidia";
        case GpuVendor::Amd: return "amd";
        case GpuVendor::Intel: return "intel";
        case GpuVendor::Apple: return "apple";
        case GpuVendor::Huawei: return "huawei";
        case GpuVendor::Other: return "other";
    }
    return "other";
}

std::string_view to_string(GpuKind k) {
    switch (k) {
        case GpuKind::Discrete: return "discrete";
        case GpuKind::Integrated: return "integrated";
        case GpuKind::Unified: return "unified";
    }
    return "discrete";
}

std::string_view to_string(DiskKind k) {
    switch (k) {
        case DiskKind::Nvme: return "nvme";
        case DiskKind::Ssd: return "ssd";
        case DiskKind::Hdd: return "hdd";
        case DiskKind::Flash: return "flash";
        case DiskKind::Network: return "network";
        case DiskKind::Virtual: return "virtual";
        case DiskKind::Unknown: return "unknown";
    }
    return "unknown";
}

std::string_view to_string(FormFactor f) {
    switch (f) {
        case FormFactor::Unknown: return "unknown";
        case FormFactor::Desktop: return "desktop";
        case FormFactor::Laptop: return "laptop";
        case FormFactor::Server: return "server";
        case FormFactor::Sbc: return "sbc";
        case FormFactor::Handheld: return "handheld";
    }
    return "unknown";
}

}  // namespace canrun::hw
