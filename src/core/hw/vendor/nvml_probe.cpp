// NVIDIA enrichment through NVML, opened with dlopen. The query runs on a worker thread
// (vendor/bounded_call.h); if it does not answer within the context's timeout (about 2 s) it
// is abandoned and noted.
#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "hw/vendor/bounded_call.h"
#include "hw/vendor/dynamic_library.h"
#include "hw/vendor/nvml_api.h"
#include "hw/vendor/nvml_reading.h"
#include "hw/vendor/vendor_probes.h"

namespace canrun::hw {

namespace {

struct NvmlCalls {
    nvml::InitFn* init = nullptr;
    nvml::ShutdownFn* shutdown = nullptr;
    nvml::ErrorStringFn* error_string = nullptr;
    nvml::DriverVersionFn* driver_version = nullptr;
    nvml::CountFn* count = nullptr;
    nvml::HandleFn* handle = nullptr;
    nvml::NameFn* name = nullptr;
    nvml::PciInfoFn* pci = nullptr;
    nvml::MemoryFn* memory = nullptr;
    nvml::UintFn* bus_width = nullptr;
    nvml::ClockFn* max_clock = nullptr;
    nvml::CapabilityFn* capability = nullptr;
    nvml::UintFn* pcie_gen = nullptr;
    nvml::UintFn* pcie_width = nullptr;
};

template <typename Fn>
Fn* versioned(const DynamicLibrary& lib, const char* v, const char* plain) {
    auto* f = lib.function<Fn>(v);
    return f != nullptr ? f : lib.function<Fn>(plain);
}

NvmlCalls resolve(const DynamicLibrary& lib) {
    NvmlCalls c;
    c.init = versioned<nvml::InitFn>(lib, "nvmlInit_v2", "nvmlInit");
    c.shutdown = lib.function<nvml::ShutdownFn>("nvmlShutdown");
    c.error_string = lib.function<nvml::ErrorStringFn>("nvmlErrorString");
    c.driver_version = lib.function<nvml::DriverVersionFn>("nvmlSystemGetDriverVersion");
    c.count = versioned<nvml::CountFn>(lib, "nvmlDeviceGetCount_v2", "nvmlDeviceGetCount");
    c.handle = versioned<nvml::HandleFn>(lib, "nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex");
    c.name = lib.function<nvml::NameFn>("nvmlDeviceGetName");
    c.pci = lib.function<nvml::PciInfoFn>("nvmlDeviceGetPciInfo_v3");
    c.memory = lib.function<nvml::MemoryFn>("nvmlDeviceGetMemoryInfo");
    c.bus_width = lib.function<nvml::UintFn>("nvmlDeviceGetMemoryBusWidth");
    c.max_clock = lib.function<nvml::ClockFn>("nvmlDeviceGetMaxClockInfo");
    c.capability = lib.function<nvml::CapabilityFn>("nvmlDeviceGetCudaComputeCapability");
    c.pcie_gen = lib.function<nvml::UintFn>("nvmlDeviceGetMaxPcieLinkGeneration");
    c.pcie_width = lib.function<nvml::UintFn>("nvmlDeviceGetMaxPcieLinkWidth");
    return c;
}

std::string error_text(const NvmlCalls& c, nvml::Return rc) {
    const char* s = c.error_string != nullptr ? c.error_string(rc) : nullptr;
    return s != nullptr ? fmt::format("{} (code {})", s, rc) : fmt::format("code {}", rc);
}

void read_optional(const NvmlCalls& c, nvml::Device d, NvmlGpu& g) {
    unsigned int v = 0;
    if (c.bus_width != nullptr && c.bus_width(d, &v) == nvml::kSuccess) g.bus_width_bits = v;
    if (c.max_clock != nullptr && c.max_clock(d, nvml::kClockMem, &v) == nvml::kSuccess) g.max_mem_clock_mhz = v;
    if (c.pcie_gen != nullptr && c.pcie_gen(d, &v) == nvml::kSuccess) g.pcie_generation = v;
    if (c.pcie_width != nullptr && c.pcie_width(d, &v) == nvml::kSuccess) g.pcie_width = v;
    int major = 0;
    int minor = 0;
    if (c.capability != nullptr && c.capability(d, &major, &minor) == nvml::kSuccess) {
        g.compute_capability = fmt::format("{}.{}", major, minor);
    }
}

std::optional<NvmlGpu> read_device(const NvmlCalls& c, unsigned int i, NvmlReading& out) {
    nvml::Device d = nullptr;
    if (const auto rc = c.handle(i, &d); rc != nvml::kSuccess) {
        out.notes.push_back(fmt::format("GPU {}: no handle: {}", i, error_text(c, rc)));
        return std::nullopt;
    }
    NvmlGpu g;
    std::array<char, 96> name{};
    if (c.name(d, name.data(), name.size()) == nvml::kSuccess) g.name = name.data();
    nvml::PciInfo pci{};
    if (c.pci != nullptr && c.pci(d, &pci) == nvml::kSuccess) {
        pci.bus_id[sizeof pci.bus_id - 1] = '\0';
        g.pci = normalize_nvml_bus_id(pci.bus_id);
    }
    nvml::Memory mem{};
    if (const auto rc = c.memory(d, &mem); rc == nvml::kSuccess) {
        g.total_bytes = mem.total;
        g.free_bytes = mem.free;
        g.used_bytes = mem.used;
    } else {
        out.notes.push_back(fmt::format("GPU {}: memory info failed: {}", i, error_text(c, rc)));
    }
    read_optional(c, d, g);
    return g;
}

void note_missing_optional(const NvmlCalls& c, NvmlReading& out) {
    const std::array<std::pair<const void*, const char*>, 5> optional = {{
        {reinterpret_cast<const void*>(c.bus_width), "nvmlDeviceGetMemoryBusWidth (bandwidth unknown)"},
        {reinterpret_cast<const void*>(c.max_clock), "nvmlDeviceGetMaxClockInfo (bandwidth unknown)"},
        {reinterpret_cast<const void*>(c.capability), "nvmlDeviceGetCudaComputeCapability"},
        {reinterpret_cast<const void*>(c.pcie_gen), "nvmlDeviceGetMaxPcieLinkGeneration"},
        {reinterpret_cast<const void*>(c.pci), "nvmlDeviceGetPciInfo_v3 (cannot match GPUs by PCI address)"},
    }};
    for (const auto& [fn, what] : optional) {
        if (fn == nullptr) {
            out.notes.push_back(fmt::format("library lacks {}", what));
        }
    }
}

// Runs on the worker thread: everything NVML says, or why it could not.
NvmlReading query(const DynamicLibrary& lib) {
    NvmlReading out;
    const auto c = resolve(lib);
    if (c.init == nullptr || c.shutdown == nullptr || c.count == nullptr || c.handle == nullptr ||
        c.name == nullptr || c.memory == nullptr) {
        out.error = "libnvidia-ml lacks a required call (nvmlInit/nvmlDeviceGetCount/"
                    "GetHandleByIndex/GetName/GetMemoryInfo); NVIDIA details unknown";
        return out;
    }
    if (const auto rc = c.init(); rc != nvml::kSuccess) {
        out.error = fmt::format("nvmlInit failed: {}; is the NVIDIA driver loaded?", error_text(c, rc));
        return out;
    }
    note_missing_optional(c, out);
    std::array<char, 96> version{};
    if (c.driver_version != nullptr && c.driver_version(version.data(), version.size()) == nvml::kSuccess) {
        out.driver_version = version.data();
    }
    unsigned int count = 0;
    if (const auto rc = c.count(&count); rc != nvml::kSuccess) {
        out.error = fmt::format("nvmlDeviceGetCount failed: {}", error_text(c, rc));
    }
    for (unsigned int i = 0; i < count && i < 64; ++i) {
        if (auto g = read_device(c, i, out)) out.gpus.push_back(std::move(*g));
    }
    c.shutdown();
    return out;
}

std::vector<std::string> nvml_candidates(const ProbeContext& ctx) {
    if (!ctx.vendor.nvml_library.empty()) {
        return {ctx.vendor.nvml_library};
    }
    return {"libnvidia-ml.so.1", "libnvidia-ml.so", "/usr/lib/wsl/lib/libnvidia-ml.so.1"};
}

}  // namespace

std::optional<std::string> query_nvml_live(const ProbeContext& ctx) {
    auto lib = DynamicLibrary::open(nvml_candidates(ctx));
    if (!lib) {
        return format_nvml_reading({.error = "NVML not available (" + lib.error().message + ")"});
    }
    auto reading = call_bounded(std::move(*lib), ctx.vendor.timeout, query);
    if (!reading) {
        return format_nvml_reading({.error = fmt::format("NVML gave no answer within {} ms; abandoned",
                                                         ctx.vendor.timeout.count())});
    }
    return format_nvml_reading(*reading);
}

void probe_nvml(const ProbeContext& ctx, HardwareReport& r) {
    const bool explicit_lib = !ctx.vendor.nvml_library.empty();
    if (!ctx.vendor.use_vendor_libraries && !ctx.is_replay()) {
        r.note("nvml", "vendor.disabled", {"NVML"});
        return;
    }
    const bool any_nvidia = std::any_of(r.gpus.begin(), r.gpus.end(), [](const GpuInfo& g) {
        return g.vendor == GpuVendor::Nvidia && !g.pci.empty();
    });
    if (!any_nvidia && !explicit_lib && !r.system.wsl && !ctx.is_replay()) {
        return;  // no NVIDIA GPU on PCI: nothing to ask NVML about
    }
    std::optional<std::string> text;
    if (explicit_lib && !ctx.is_replay()) {
        text = query_nvml_live(ctx);
        ctx.record_answer("nvml", text.value_or(""));
    } else {
        text = ctx.answer("nvml", [&] { return query_nvml_live(ctx); });
    }
    if (!text) {
        return;  // a sysroot or snapshot without NVML answers: nothing to add
    }
    apply_nvml_reading(parse_nvml_reading(*text), r);
}

}  // namespace canrun::hw
