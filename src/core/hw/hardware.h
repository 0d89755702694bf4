// The detected hardware as plain structs: what decides which models run (design.md §3).
// Every field a probe may fail to learn is std::optional; what it could not learn is a note.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace canrun::hw {

struct CpuInfo {
    std::string model;  // "AMD Ryzen 9 7950X 16-Core Processor"; empty when unknown
    std::string vendor;  // "GenuineIntel", "AuthenticAMD", "ARM", "Apple", ...
    std::string arch;    // "x86_64", "aarch64"
    std::optional<std::uint32_t> sockets;
    std::optional<std::uint32_t> physical_cores;
    std::optional<std::uint32_t> logical_cores;
    std::optional<std::uint32_t> performance_cores;  // hybrid CPUs, where the kernel says
    std::optional<std::uint32_t> efficiency_cores;
    std::vector<std::string> features;  // inference-relevant ISA features, sorted
    std::optional<std::uint64_t> l2_bytes;  // per core
    std::optional<std::uint64_t> l3_bytes;  // total
    std::optional<double> max_ghz;
};

struct MemoryInfo {
    std::uint64_t total_bytes = 0;
    std::optional<std::uint64_t> available_bytes;
    std::optional<std::uint64_t> swap_total_bytes;
    std::optional<std::uint64_t> swap_free_bytes;
    std::string type;  // "DDR5", "LPDDR5X", ... from DMI; empty when unknown
    std::optional<std::uint32_t> speed_mts;  // configured speed, MT/s
    std::optional<std::uint32_t> modules;    // populated memory devices
    std::optional<std::uint32_t> channels;   // assumed channels used for the bandwidth
    std::optional<double> bandwidth_gbps;    // peak, GB/s (10^9 bytes/s)
    std::string bandwidth_source;            // "dmi", "board", "apple-soc", ...
};

enum class GpuVendor { Nvidia, Amd, Intel, Apple, Huawei, Other };
enum class GpuKind { Discrete, Integrated, Unified };

struct PciLink {
    std::optional<std::uint32_t> generation;
    std::optional<std::uint32_t> width;
};

struct GpuInfo {
    GpuVendor vendor = GpuVendor::Other;
    std::string name;
    GpuKind kind = GpuKind::Discrete;
    std::string pci;  // "0000:01:00.0"; empty when not a PCI device (Apple, Jetson)
    std::optional<std::uint16_t> pci_vendor_id;
    std::optional<std::uint16_t> pci_device_id;
    std::optional<std::uint8_t> pci_revision;
    std::string driver;          // kernel driver: nvidia, amdgpu, i915, xe, ...
    std::string driver_version;  // from NVML
    std::optional<std::uint64_t> vram_total_bytes;  // unified: the GPU's usable budget
    std::optional<std::uint64_t> vram_free_bytes;
    std::optional<std::uint64_t> vram_used_by_others_bytes;
    std::optional<std::uint64_t> vram_visible_bytes;  // CPU-visible VRAM (AMD, without ReBAR)
    std::optional<std::uint64_t> gtt_total_bytes;     // AMD: system memory the GPU may map
    std::optional<std::uint32_t> memory_bus_bits;
    std::optional<std::uint32_t> memory_clock_mhz;
    std::optional<double> bandwidth_gbps;
    std::string bandwidth_source;  // "nvml", "table", "system-memory"
    std::string compute_capability;  // NVIDIA "8.9"
    std::string gfx_target;          // AMD "gfx1100"
    PciLink link;
    std::vector<std::string> sources;  // which probes contributed: "pci", "drm", "nvml", ...
};

struct NpuInfo {
    std::string vendor;  // "Intel", "AMD", "Rockchip", "Huawei"
    std::string name;
    std::string driver;  // intel_vpu, amdxdna, rknpu, davinci
    std::string pci;
    std::optional<std::uint64_t> memory_total_bytes;  // Ascend HBM
    std::optional<std::uint64_t> memory_free_bytes;
    std::vector<std::string> sources;
};

enum class DiskKind { Nvme, Ssd, Hdd, Flash, Network, Virtual, Unknown };

struct DiskInfo {
    std::string path;    // the directory asked about (the model directory)
    std::string mount;   // its mount point
    std::string device;  // "nvme0n1", "sda"
    std::string fs_type;
    DiskKind kind = DiskKind::Unknown;
    std::optional<std::uint64_t> total_bytes;
    std::optional<std::uint64_t> free_bytes;
};

enum class FormFactor { Unknown, Desktop, Laptop, Server, Sbc, Handheld };

struct SystemInfo {
    std::string os;  // "linux", "macos", "windows"
    std::string board;  // device-tree model or DMI product: "Raspberry Pi 5 Model B Rev 1.0"
    std::string vendor;  // DMI system vendor
    FormFactor form_factor = FormFactor::Unknown;
    bool battery = false;
    std::string virtualization;  // "", "kvm", "qemu", "vmware", "hyperv", ...
    std::string container;       // "", "docker", "podman", "lxc", ...
    bool wsl = false;
};

enum class NoteSeverity { Info, Warning };

// A probe's note: a stable id ("gpu-amd.apu_budget") and its parameters, in the order the
// sentence uses them. report/hw_notes.h renders it in English or Chinese.
struct ProbeNote {
    std::string probe;    // "nvml", "cpu", "gpu-amd", ...
    NoteSeverity severity = NoteSeverity::Info;
    std::string id;
    std::vector<std::string> params;
};

struct HardwareReport {
    SystemInfo system;
    CpuInfo cpu;
    MemoryInfo memory;
    std::vector<GpuInfo> gpus;  // sorted by PCI address, then name
    std::vector<NpuInfo> npus;
    std::vector<DiskInfo> disks;
    std::vector<ProbeNote> notes;

    void note(std::string probe, std::string id, std::vector<std::string> params = {},
              NoteSeverity s = NoteSeverity::Info) {
        notes.push_back({std::move(probe), s, std::move(id), std::move(params)});
    }
    void warn(std::string probe, std::string id, std::vector<std::string> params = {}) {
        note(std::move(probe), std::move(id), std::move(params), NoteSeverity::Warning);
    }
};

std::string_view to_string(GpuVendor v);
std::string_view to_string(GpuKind k);
std::string_view to_string(DiskKind k);
std::string_view to_string(FormFactor f);

}  // namespace canrun::hw
