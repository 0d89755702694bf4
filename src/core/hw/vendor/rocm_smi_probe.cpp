// AMD enrichment through ROCm SMI (librocm_smi64), opened with dlopen: VRAM, visible VRAM and
// GTT totals and use per GPU, matched by PCI address. It reads the same driver counters as
// amdgpu sysfs, and still answers where /sys is hidden (some containers). The query runs on a
// worker thread (vendor/bounded_call.h), abandoned after the context's timeout.
#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "hw/vendor/bounded_call.h"
#include "hw/vendor/dynamic_library.h"
#include "hw/vendor/rocm_smi_api.h"
#include "hw/vendor/rocm_smi_reading.h"
#include "hw/vendor/vendor_probes.h"

namespace canrun::hw {

namespace {

struct RocmCalls {
    rocm_smi::InitFn* init = nullptr;
    rocm_smi::ShutDownFn* shut_down = nullptr;
    rocm_smi::StatusStringFn* status_string = nullptr;
    rocm_smi::CountFn* count = nullptr;
    rocm_smi::PciIdFn* pci_id = nullptr;
    rocm_smi::NameFn* name = nullptr;
    rocm_smi::MemoryFn* total = nullptr;
    rocm_smi::MemoryFn* usage = nullptr;
};

RocmCalls resolve(const DynamicLibrary& lib) {
    RocmCalls c;
    c.init = lib.function<rocm_smi::InitFn>("rsmi_init");
    c.shut_down = lib.function<rocm_smi::ShutDownFn>("rsmi_shut_down");
    c.status_string = lib.function<rocm_smi::StatusStringFn>("rsmi_status_string");
    c.count = lib.function<rocm_smi::CountFn>("rsmi_num_monitor_devices");
    c.pci_id = lib.function<rocm_smi::PciIdFn>("rsmi_dev_pci_id_get");
    c.name = lib.function<rocm_smi::NameFn>("rsmi_dev_name_get");
    c.total = lib.function<rocm_smi::MemoryFn>("rsmi_dev_memory_total_get");
    c.usage = lib.function<rocm_smi::MemoryFn>("rsmi_dev_memory_usage_get");
    return c;
}

std::string error_text(const RocmCalls& c, rocm_smi::Status rc) {
    const char* s = nullptr;
    if (c.status_string != nullptr && c.status_string(rc, &s) == rocm_smi::kSuccess && s != nullptr) {
        return fmt::format("{} (code {})", s, rc);
    }
    return fmt::format("code {}", rc);
}

std::optional<std::uint64_t> memory(rocm_smi::MemoryFn* fn, std::uint32_t i, std::uint32_t type) {
    std::uint64_t v = 0;
    return fn != nullptr && fn(i, type, &v) == rocm_smi::kSuccess ? std::optional(v) : std::nullopt;
}

RocmSmiGpu read_device(const RocmCalls& c, std::uint32_t i, RocmSmiReading& out) {
    RocmSmiGpu g;
    std::uint64_t bdfid = 0;
    if (const auto rc = c.pci_id(i, &bdfid); rc == rocm_smi::kSuccess) {
        g.pci = rocm_bdfid_to_pci(bdfid);
    } else {
        out.notes.push_back(fmt::format("GPU {}: no PCI address: {}", i, error_text(c, rc)));
    }
    std::array<char, 128> name{};
    if (c.name != nullptr && c.name(i, name.data(), name.size() - 1) == rocm_smi::kSuccess) {
        g.name = name.data();
    }
    std::uint64_t total = 0;
    if (const auto rc = c.total(i, rocm_smi::kMemVram, &total); rc == rocm_smi::kSuccess) {
        g.vram_total = total;
    } else {
        out.notes.push_back(fmt::format("GPU {}: VRAM total failed: {}", i, error_text(c, rc)));
    }
    g.vram_used = memory(c.usage, i, rocm_smi::kMemVram);
    g.vis_vram_total = memory(c.total, i, rocm_smi::kMemVisVram);
    g.gtt_total = memory(c.total, i, rocm_smi::kMemGtt);
    g.gtt_used = memory(c.usage, i, rocm_smi::kMemGtt);
    return g;
}

// Runs on the worker thread: everything ROCm SMI says, or why it could not.
RocmSmiReading query(const DynamicLibrary& lib) {
    RocmSmiReading out;
    const auto c = resolve(lib);
    if (c.init == nullptr || c.shut_down == nullptr || c.count == nullptr || c.pci_id == nullptr ||
        c.total == nullptr) {
        out.error = "librocm_smi64 lacks a required call (rsmi_init/rsmi_shut_down/"
                    "rsmi_num_monitor_devices/rsmi_dev_pci_id_get/rsmi_dev_memory_total_get)";
        return out;
    }
    if (const auto rc = c.init(0); rc != rocm_smi::kSuccess) {
        out.error = fmt::format("rsmi_init failed: {}; is the amdgpu driver loaded?", error_text(c, rc));
        return out;
    }
    if (c.usage == nullptr) {
        out.notes.emplace_back("library lacks rsmi_dev_memory_usage_get (free VRAM unknown)");
    }
    std::uint32_t count = 0;
    if (const auto rc = c.count(&count); rc != rocm_smi::kSuccess) {
        out.error = fmt::format("rsmi_num_monitor_devices failed: {}", error_text(c, rc));
    }
    for (std::uint32_t i = 0; i < count && i < 64; ++i) {
        out.gpus.push_back(read_device(c, i, out));
    }
    c.shut_down();
    return out;
}

std::vector<std::string> rocm_candidates(const ProbeContext& ctx) {
    if (!ctx.vendor.rocm_smi_library.empty()) {
        return {ctx.vendor.rocm_smi_library};
    }
    return {"librocm_smi64.so.7", "librocm_smi64.so.6", "librocm_smi64.so",
            "/opt/rocm/lib/librocm_smi64.so.7", "/opt/rocm/lib/librocm_smi64.so.6",
            "/opt/rocm/lib/librocm_smi64.so"};
}

}  // namespace

std::optional<std::string> query_rocm_smi_live(const ProbeContext& ctx) {
    auto lib = DynamicLibrary::open(rocm_candidates(ctx));
    if (!lib) {
        RocmSmiReading missing;
        if (ctx.vendor.rocm_smi_library.empty()) {
            missing.absent = lib.error().message;
        } else {
            missing.error = "ROCm SMI not available (" + lib.error().message + ")";
        }
        return format_rocm_smi_reading(missing);
    }
    auto reading = call_bounded(std::move(*lib), ctx.vendor.timeout, query);
    if (!reading) {
        return format_rocm_smi_reading(
            {.error = fmt::format("ROCm SMI gave no answer within {} ms; abandoned", ctx.vendor.timeout.count())});
    }
    return format_rocm_smi_reading(*reading);
}

void probe_rocm_smi(const ProbeContext& ctx, HardwareReport& r) {
    const bool explicit_lib = !ctx.vendor.rocm_smi_library.empty();
    const bool any_amd = std::any_of(r.gpus.begin(), r.gpus.end(), [](const GpuInfo& g) {
        return g.vendor == GpuVendor::Amd && !g.pci.empty() && g.driver == "amdgpu";
    });
    if (!any_amd && !explicit_lib) {
        return;  // no AMD GPU under amdgpu: nothing to ask ROCm SMI about
    }
    if (!ctx.vendor.use_vendor_libraries && !ctx.is_replay()) {
        r.note("rocm-smi", "vendor.disabled", {"ROCm SMI"});
        return;
    }
    std::optional<std::string> text;
    if (explicit_lib && !ctx.is_replay()) {
        text = query_rocm_smi_live(ctx);
        ctx.record_answer("rocm-smi", text.value_or(""));
    } else {
        text = ctx.answer("rocm-smi", [&] { return query_rocm_smi_live(ctx); });
    }
    if (!text) {
        return;  // a sysroot or snapshot without ROCm SMI answers: sysfs said what it could
    }
    apply_rocm_smi_reading(parse_rocm_smi_reading(*text), r);
}

}  // namespace canrun::hw
