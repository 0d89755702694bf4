#include "environment.h"
#include "machine_source.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "advise/tier_input.h"
#include "catalog/hardware_catalog.h"
#include "catalog/hardware_lookup.h"
#include "catalog/hardware_profile.h"
#include "hw/probe.h"
#include "hw/probe_context.h"
#include "hw/to_machine.h"
#include "report/assumption_notes.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::cli {

namespace {


void configure(hw::ProbeContext& ctx, const HardwareOverride& h) {
    ctx.vendor.use_vendor_libraries = !h.no_vendor_libs;
    ctx.vendor.nvml_library = env("CANRUN_NVML_LIB");
    ctx.vendor.rocm_smi_library = env("CANRUN_ROCM_SMI_LIB");
    if (const auto ms = parse_uint(env("CANRUN_VENDOR_TIMEOUT_MS")); ms && *ms > 0 && *ms < 600000) {
        ctx.vendor.timeout = std::chrono::milliseconds(*ms);
    }
    if (ctx.is_this_machine()) {
        // The disk reported is the one holding the models: Ollama's store, else the home dir.
        const std::string models = env("OLLAMA_MODELS");
        ctx.model_dir = !models.empty() ? models : (!env("HOME").empty() ? env("HOME") : "/");
    }
}

Result<MachineView> from_profile(const HardwareOverride& h, const catalog::DataSourceOptions& data) {
    auto hardware = catalog::load_hardware(data);
    if (!hardware) {
        return tl::unexpected(hardware.error());
    }
    auto match = catalog::find_hardware(*hardware, h.hw);
    if (!match) {
        return tl::unexpected(match.error());
    }
    catalog::ProfileRequest req;
    req.gpus = h.gpus.value_or(1);
    req.memory_gb = match->memory_gb;
    req.ram_gib = h.ram_gib;
    auto profile = catalog::build_hardware_profile(*match->spec, req);
    if (!profile) {
        return tl::unexpected(profile.error());
    }
    MachineView v;
    v.profile = true;
    v.machine = std::move(profile->machine);
    for (const auto& a : profile->assumptions) {
        v.notes.push_back(report::assumption_note(a.key, a.value));
    }
    v.tier_input = advise::tier_input_from(*match->spec, v.machine);
    if (v.machine.cpu.physical_cores == 0) {
        // The device says nothing of its host CPU: a desktop's 8 cores (threads for CPU layers).
        v.machine.cpu.physical_cores = 8;
        v.machine.cpu.logical_cores = 16;
        v.notes.push_back(report::assumption_note("host_cpu_cores", 8));
    }
    if (v.machine.cpu.features.empty() && !v.tier_input.arm) {
        v.machine.cpu.features = {"avx2", "fma"};  // every x86 desktop CPU of the last ten years
    }
    return v;
}

}  // namespace

catalog::DataSourceOptions data_options(const GlobalOptions& g) {
    return catalog::default_data_source(g.data_dir);
}

Result<hw::HardwareReport> detect_machine(const HardwareOverride& h, hw::Snapshot* record) {
    std::optional<hw::ProbeContext> ctx;
    if (!h.snapshot.empty()) {
        auto snap = hw::load_snapshot(h.snapshot);
        if (!snap) {
            return tl::unexpected(snap.error());
        }
        ctx.emplace(std::move(*snap));
    } else {
        std::error_code ec;
        if (!std::filesystem::is_directory(h.sysroot, ec)) {
            return fail(h.sysroot + ": --sysroot is not a directory (pass a recorded machine's "
                                    "root, e.g. tests/fixtures/sysroots/desktop_rtx4090)");
        }
        ctx.emplace(std::filesystem::path(h.sysroot));
    }
    configure(*ctx, h);
    if (record != nullptr) {
        ctx->record_into(record);
    }
    return hw::detect_hardware(*ctx);
}

namespace {

void override_gpus(MachineView& v, const HardwareOverride& h) {
    auto& gpus = v.machine.gpus;
    if (h.vram_gib && gpus.empty()) {
        estimate::GpuDevice g;
        g.name = fmt::format("GPU with {:g} GiB", *h.vram_gib);
        gpus.push_back(g);
        v.tier_input.gpus.push_back(advise::TierGpu{g.name});
    }
    if (h.gpus && !v.profile && !gpus.empty()) {
        gpus.resize(static_cast<std::size_t>(*h.gpus), gpus.front());
        v.tier_input.gpus.resize(gpus.size(), v.tier_input.gpus.front());
        v.notes.push_back(
            report::override_note(report::Override::Gpus, *h.gpus, gpus.front().name));
    }
    if (h.vram_gib) {
        const auto bytes = static_cast<std::uint64_t>(*h.vram_gib * static_cast<double>(kGiB));
        for (auto& g : gpus) {
            g.memory_total_bytes = bytes;
            g.memory_free_bytes = bytes;
        }
        for (auto& t : v.tier_input.gpus) {
            t.memory_gib = *h.vram_gib;
        }
        v.notes.push_back(report::override_note(report::Override::Vram, *h.vram_gib));
    }
}

void apply_overrides(MachineView& v, const HardwareOverride& h) {
    override_gpus(v, h);
    if (h.ram_gib && !v.profile) {
        const auto bytes = static_cast<std::uint64_t>(*h.ram_gib * static_cast<double>(kGiB));
        v.machine.cpu.ram_total_bytes = bytes;
        v.machine.cpu.ram_available_bytes = bytes;
        v.tier_input.ram_gib = *h.ram_gib;
        v.notes.push_back(report::override_note(report::Override::Ram, *h.ram_gib));
    }
    if (h.bandwidth_gbps) {
        if (v.machine.gpus.empty()) {
            v.machine.cpu.bandwidth_gbps = *h.bandwidth_gbps;
        }
        for (auto& g : v.machine.gpus) {
            g.bandwidth_gbps = *h.bandwidth_gbps;
        }
        v.notes.push_back(report::override_note(report::Override::Bandwidth, *h.bandwidth_gbps));
    }
}

}  // namespace

namespace {

// The data's record for a detected GPU of this name: by its PCI id (and memory, for variants
// sharing one) when the report has it.
const catalog::HardwareSpec* spec_by_pci(const catalog::HardwareCatalog& hardware,
                                         const hw::HardwareReport* report, const std::string& name) {
    if (report == nullptr) {
        return nullptr;
    }
    for (const auto& g : report->gpus) {
        if (g.name == name && g.pci_vendor_id && g.pci_device_id) {
            const auto id = fmt::format("{:04x}:{:04x}", *g.pci_vendor_id, *g.pci_device_id);
            return catalog::find_hardware_by_pci(hardware, id, g.vram_total_bytes);
        }
    }
    return nullptr;
}

}  // namespace

void fill_gpu_compute(estimate::Machine& m, const catalog::HardwareCatalog& hardware,
                      const hw::HardwareReport* report) {
    for (auto& g : m.gpus) {
        if (g.fp16_tflops > 0) {
            continue;
        }
        const catalog::HardwareSpec* spec = spec_by_pci(hardware, report, g.name);
        if (spec == nullptr) {
            if (auto match = catalog::find_hardware(hardware, g.name)) {
                spec = match->spec;
            }
        }
        if (spec != nullptr && spec->fp16_tflops) {
            g.fp16_tflops = *spec->fp16_tflops;
        }
    }
}

Result<MachineView> resolve_machine(const HardwareOverride& h,
                                    const catalog::DataSourceOptions& data) {
    MachineView v;
    if (!h.hw.empty()) {
        auto p = from_profile(h, data);
        if (!p) {
            return tl::unexpected(p.error());
        }
        v = std::move(*p);
    } else {
        auto report = detect_machine(h, nullptr);
        if (!report) {
            return tl::unexpected(report.error());
        }
        v.machine = hw::to_machine(*report);
        v.machine.name = "this machine";
        if (!v.machine.gpus.empty()) {
            if (auto hardware = catalog::load_hardware(data)) {
                fill_gpu_compute(v.machine, *hardware, &*report);
            }
        }
        v.tier_input = advise::tier_input_from(*report);
        v.report = std::move(*report);
    }
    apply_overrides(v, h);
    return v;
}

}  // namespace canrun::cli
