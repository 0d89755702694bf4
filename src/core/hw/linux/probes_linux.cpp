// The Linux probe table, in the order they run: system and CPU first, then memory, then the
// PCI/DRM enumeration of GPUs, then per-vendor sysfs enrichment, boards, NPUs and disks.
#include <array>

#include "hw/linux/linux_probes.h"
#include "hw/probe.h"

namespace canrun::hw {

namespace {

constexpr std::array kProbes = {
    Probe{"system", "OS, form factor, virtual machine, container, WSL", probe_system_linux},
    Probe{"cpu", "CPU model, cores, ISA features, caches, clock", probe_cpu_linux},
    Probe{"memory", "RAM, swap, DMI memory type and speed", probe_memory_linux},
    Probe{"gpu-pci", "GPUs from PCI class 0x03 and /sys/class/drm", probe_gpu_pci_linux},
    Probe{"gpu-amd", "amdgpu sysfs: VRAM, GTT, visible VRAM", probe_gpu_amd_linux},
    Probe{"gpu-intel", "i915/xe: integrated or discrete Arc memory", probe_gpu_intel_linux},
    Probe{"board", "device tree: Raspberry Pi, Jetson and other boards", probe_board_linux},
    Probe{"npu", "/sys/class/accel, Rockchip RKNPU, Huawei Ascend", probe_npu_linux},
    Probe{"disk", "the filesystem holding the model directory", probe_disk_linux},
};

}  // namespace

std::span<const Probe> platform_probes() { return kProbes; }

}  // namespace canrun::hw
