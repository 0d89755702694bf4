#include "report/hw_notes.h"

#include <array>
#include <fmt/args.h>
#include <fmt/format.h>

namespace canrun::report {

namespace {

struct NoteText {
    std::string_view id;
    std::string_view en;
    std::string_view zh;
};

// Parameters are filled in order ({}); they are addresses, names, sizes or the words of a
// driver library, never sentences of ours.
constexpr std::array kNotes = {
    NoteText{"system.wsl", "WSL: GPUs appear through /dev/dxg; sysfs shows no PCI GPU, NVML still works",
             "WSL：显卡经由 /dev/dxg 出现；sysfs 中看不到 PCI 显卡，NVML 仍可用"},
    NoteText{"system.unsupported_os", "hardware detection is not supported on this OS; use --hw, --vram and --ram",
             "此操作系统不支持硬件检测；请用 --hw、--vram 和 --ram"},
    NoteText{"cpu.no_cpuinfo", "/proc/cpuinfo missing or unreadable; CPU model and features unknown",
             "/proc/cpuinfo 缺失或不可读；CPU 型号和指令集未知"},
    NoteText{"cpu.no_topology", "CPU topology not readable; physical cores assumed equal to logical cores",
             "无法读取 CPU 拓扑；物理核数按逻辑核数计"},
    NoteText{"memory.no_meminfo", "/proc/meminfo missing or unreadable; memory size unknown",
             "/proc/meminfo 缺失或不可读；内存大小未知"},
    NoteText{"memory.no_smbios",
             "no SMBIOS memory records (/sys/firmware/dmi/entries/17-*, root only on some systems); "
             "memory type, speed and bandwidth unknown",
             "没有 SMBIOS 内存记录（/sys/firmware/dmi/entries/17-*，部分系统仅 root 可读）；"
             "内存类型、频率和带宽未知"},
    NoteText{"memory.smbios_incomplete", "SMBIOS memory records lack speed or width; bandwidth unknown",
             "SMBIOS 内存记录缺少频率或位宽；带宽未知"},
    NoteText{"memory.bandwidth_from_dmi",
             "bandwidth {} GB/s = {} MT/s x {} x 64-bit channels (channels assumed from the populated modules)",
             "带宽 {} GB/s = {} MT/s x {} 个 64 位通道（通道数按已插的内存条推断）"},
    NoteText{"gpu-pci.no_pci_devices", "no PCI devices listed (/sys/bus/pci/devices); GPUs may be missing",
             "未列出 PCI 设备（/sys/bus/pci/devices）；可能漏掉显卡"},
    NoteText{"gpu-pci.unreadable_ids", "{}: display controller with unreadable vendor/device IDs",
             "{}：显示控制器的厂商/设备 ID 不可读"},
    NoteText{"gpu-pci.no_compute", "{}: {} is a display adapter without compute; ignored",
             "{}：{} 是没有计算能力的显示适配器；已忽略"},
    NoteText{"gpu-pci.not_pci", "{} ({}): not a PCI GPU; left to the board probe",
             "{}（{}）：不是 PCI 显卡；交给主板探测"},
    NoteText{"gpu-amd.no_vram_file",
             "{}: mem_info_vram_total missing or garbage (amdgpu driver not loaded?); VRAM unknown",
             "{}：mem_info_vram_total 缺失或无效（amdgpu 驱动未加载？）；显存未知"},
    NoteText{"gpu-amd.not_amdgpu", "{}: driver is '{}', not amdgpu; memory unknown",
             "{}：驱动是 '{}' 而不是 amdgpu；显存未知"},
    NoteText{"gpu-amd.apu_budget",
             "{}: APU; budget = VRAM carve-out {} + GTT {} (system memory the GPU can map)",
             "{}：APU；可用预算 = 显存划分 {} + GTT {}（GPU 可映射的系统内存）"},
    NoteText{"gpu-intel.integrated_budget",
             "{}: integrated; shares system memory, budget 3/4 of RAM as Mesa's Vulkan driver offers",
             "{}：集成显卡；与系统共用内存，预算按 Mesa Vulkan 驱动提供的内存的 3/4 计"},
    NoteText{"gpu-intel.lmem_from_driver", "{}: local memory {} from the {} driver",
             "{}：本地显存 {}，来自 {} 驱动"},
    NoteText{"gpu-intel.lmem_from_bar", "{}: local memory {} from the resizable BAR; free memory unknown",
             "{}：本地显存 {} 取自可调整大小的 BAR；空闲显存未知"},
    NoteText{"gpu-intel.lmem_unknown", "{}: local memory size not exposed (resizable BAR off?); use --vram",
             "{}：未暴露本地显存大小（可调整大小的 BAR 未开启？）；请用 --vram"},
    NoteText{"gpu-intel.no_driver", "{}: no i915/xe driver bound ('{}'); not usable for compute",
             "{}：未绑定 i915/xe 驱动（'{}'）；无法用于计算"},
    NoteText{"gpu-apple.budget_wired_limit", "GPU budget {} from iogpu.wired_limit_mb",
             "GPU 预算 {}，取自 iogpu.wired_limit_mb"},
    NoteText{"gpu-apple.budget_default",
             "GPU budget {} = Metal's default working-set limit (2/3 of RAM up to 36 GiB, 3/4 above); "
             "raise it with sudo sysctl iogpu.wired_limit_mb=N",
             "GPU 预算 {} = Metal 默认工作集上限（内存 36 GiB 及以下取 2/3，以上取 3/4）；"
             "可用 sudo sysctl iogpu.wired_limit_mb=N 调高"},
    NoteText{"gpu-apple.no_displays_json", "system_profiler SPDisplaysDataType gave no JSON; GPUs unknown",
             "system_profiler SPDisplaysDataType 未返回 JSON；显卡未知"},
    NoteText{"gpu.memory_from_table", "{}: memory {} from canrun's device table (the driver did not say); "
             "free memory unknown",
             "{}：显存 {} 取自 canrun 的设备表（驱动未提供）；空闲显存未知"},
    NoteText{"gpu.memory_unknown", "{} ({}): memory size unknown; pass --vram GIB to estimate",
             "{}（{}）：显存大小未知；请用 --vram GIB 指定后估算"},
    NoteText{"vendor.disabled", "{}: vendor libraries disabled (--no-vendor-libs)",
             "{}：已禁用厂商库（--no-vendor-libs）"},
    NoteText{"nvml.unavailable", "{}", "NVIDIA 管理库（NVML）不可用：{}"},
    NoteText{"nvml.partial", "{}", "NVML 部分查询失败：{}"},
    NoteText{"nvml.added_gpu", "{} ({}) not seen on PCI; added from NVML",
             "{}（{}）在 PCI 上未见；按 NVML 添加"},
    NoteText{"rocm-smi.absent", "ROCm SMI not installed ({}); AMD memory from amdgpu sysfs only",
             "未安装 ROCm SMI（{}）；AMD 显存仅取自 amdgpu sysfs"},
    NoteText{"rocm-smi.unavailable", "{}", "ROCm SMI 不可用：{}"},
    NoteText{"rocm-smi.partial", "{}", "ROCm SMI 部分查询失败：{}"},
    NoteText{"rocm-smi.added_gpu", "{} ({}) not seen on PCI; added from ROCm SMI",
             "{}（{}）在 PCI 上未见；按 ROCm SMI 添加"},
    NoteText{"board.jetson_unified", "Jetson: the GPU shares all system memory; budget = RAM",
             "Jetson：GPU 与系统共用全部内存；预算 = 内存"},
    NoteText{"board.bandwidth_from_spec", "memory bandwidth {} GB/s from the board's spec ({})",
             "内存带宽 {} GB/s，取自主板规格（{}）"},
    NoteText{"npu.ascend_no_smi", "Ascend NPUs found but npu-smi gave no answer; HBM size unknown",
             "发现昇腾 NPU，但 npu-smi 无应答；HBM 大小未知"},
    NoteText{"npu.rknpu_not_loaded", "RK3588 found but the rknpu driver is not loaded; its NPU is not usable",
             "发现 RK3588，但 rknpu 驱动未加载；其 NPU 不可用"},
    NoteText{"disk.no_mounts", "/proc/self/mounts missing; the model disk is unknown",
             "/proc/self/mounts 缺失；模型所在磁盘未知"},
    NoteText{"disk.device_mapper", "{} is a device-mapper volume; its disk type is not traced",
             "{} 是 device-mapper 卷；未追溯其磁盘类型"},
    NoteText{"disk.device_mapper_spans", "{} spans {} devices; its type is taken from the first, {}",
             "{} 跨 {} 个设备；类型按第一个设备 {} 计"},
    NoteText{"disk.free_unknown", "free space of {} unknown", "{} 的空闲空间未知"},
};

const NoteText* find(std::string_view id) {
    for (const auto& n : kNotes) {
        if (n.id == id) {
            return &n;
        }
    }
    return nullptr;
}

int count_params(std::string_view s) {
    int n = 0;
    for (auto pos = s.find("{}"); pos != std::string_view::npos; pos = s.find("{}", pos + 2)) {
        ++n;
    }
    return n;
}

std::string fallback(const hw::ProbeNote& note) {
    return note.params.empty() ? note.id : fmt::format("{}: {}", note.id, fmt::join(note.params, ", "));
}

}  // namespace

std::string hw_note_text(const hw::ProbeNote& note, Lang lang) {
    const auto* n = find(note.id);
    if (n == nullptr) {
        return fallback(note);
    }
    const std::string_view text = lang == Lang::Zh ? n->zh : n->en;
    if (count_params(text) != static_cast<int>(note.params.size())) {
        return fallback(note);
    }
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const auto& p : note.params) {
        args.push_back(p);
    }
    try {
        return fmt::vformat(text, args);
    } catch (const fmt::format_error&) {
        return fallback(note);
    }
}

std::vector<std::string_view> hw_note_ids() {
    std::vector<std::string_view> out;
    for (const auto& n : kNotes) {
        out.push_back(n.id);
    }
    return out;
}

int hw_note_param_count(std::string_view id, Lang lang) {
    const auto* n = find(id);
    return n == nullptr ? -1 : count_params(lang == Lang::Zh ? n->zh : n->en);
}

}  // namespace canrun::report
