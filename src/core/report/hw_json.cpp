#include "report/hw_json.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "report/hw_notes.h"

namespace canrun::report {

namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json opt(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

Json rounded(const std::optional<double>& v, double scale) {
    return v ? Json(std::round(*v * scale) / scale) : Json(nullptr);
}

Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json system_json(const hw::SystemInfo& s) {
    return Json{{"os", s.os},
                {"board", text_or_null(s.board)},
                {"vendor", text_or_null(s.vendor)},
                {"form_factor", hw::to_string(s.form_factor)},
                {"battery", s.battery},
                {"virtualization", text_or_null(s.virtualization)},
                {"container", text_or_null(s.container)},
                {"wsl", s.wsl}};
}

Json cpu_json(const hw::CpuInfo& c) {
    return Json{{"model", c.model},
                {"vendor", text_or_null(c.vendor)},
                {"arch", text_or_null(c.arch)},
                {"sockets", opt(c.sockets)},
                {"physical_cores", opt(c.physical_cores)},
                {"logical_cores", opt(c.logical_cores)},
                {"performance_cores", opt(c.performance_cores)},
                {"efficiency_cores", opt(c.efficiency_cores)},
                {"features", c.features},
                {"l2_bytes", opt(c.l2_bytes)},
                {"l3_bytes", opt(c.l3_bytes)},
                {"max_ghz", rounded(c.max_ghz, 100.0)}};
}

Json memory_json(const hw::MemoryInfo& m) {
    return Json{{"total_bytes", m.total_bytes},
                {"available_bytes", opt(m.available_bytes)},
                {"bandwidth_gbps", rounded(m.bandwidth_gbps, 10.0)},
                {"bandwidth_source", text_or_null(m.bandwidth_source)},
                {"swap_total_bytes", opt(m.swap_total_bytes)},
                {"swap_free_bytes", opt(m.swap_free_bytes)},
                {"type", text_or_null(m.type)},
                {"speed_mts", opt(m.speed_mts)},
                {"modules", opt(m.modules)},
                {"channels", opt(m.channels)}};
}

Json gpu_json(const hw::GpuInfo& g) {
    Json pci_id = nullptr;
    if (g.pci_vendor_id && g.pci_device_id) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04x:%04x", *g.pci_vendor_id, *g.pci_device_id);
        pci_id = buf;
    }
    return Json{{"vendor", hw::to_string(g.vendor)},
                {"name", g.name},
                {"vram_total_bytes", opt(g.vram_total_bytes)},
                {"vram_free_bytes", opt(g.vram_free_bytes)},
                {"unified", g.kind != hw::GpuKind::Discrete},
                {"bandwidth_gbps", rounded(g.bandwidth_gbps, 10.0)},
                {"pci", text_or_null(g.pci)},
                {"kind", hw::to_string(g.kind)},
                {"pci_id", pci_id},
                {"driver", text_or_null(g.driver)},
                {"driver_version", text_or_null(g.driver_version)},
                {"vram_used_by_others_bytes", opt(g.vram_used_by_others_bytes)},
                {"vram_visible_bytes", opt(g.vram_visible_bytes)},
                {"gtt_total_bytes", opt(g.gtt_total_bytes)},
                {"memory_bus_bits", opt(g.memory_bus_bits)},
                {"memory_clock_mhz", opt(g.memory_clock_mhz)},
                {"bandwidth_source", text_or_null(g.bandwidth_source)},
                {"compute_capability", text_or_null(g.compute_capability)},
                {"gfx_target", text_or_null(g.gfx_target)},
                {"pcie", Json{{"generation", opt(g.link.generation)}, {"width", opt(g.link.width)}}},
                {"sources", g.sources}};
}

Json npu_json(const hw::NpuInfo& n) {
    return Json{{"vendor", n.vendor},
                {"name", n.name},
                {"driver", text_or_null(n.driver)},
                {"pci", text_or_null(n.pci)},
                {"memory_total_bytes", opt(n.memory_total_bytes)},
                {"memory_free_bytes", opt(n.memory_free_bytes)},
                {"sources", n.sources}};
}

Json disk_json(const hw::DiskInfo& d) {
    return Json{{"path", d.path},
                {"mount", d.mount},
                {"device", text_or_null(d.device)},
                {"fs_type", text_or_null(d.fs_type)},
                {"kind", hw::to_string(d.kind)},
                {"total_bytes", opt(d.total_bytes)},
                {"free_bytes", opt(d.free_bytes)}};
}

}  // namespace

std::string hw_to_json(const hw::HardwareReport& r) {
    Json j;
    j["cpu"] = cpu_json(r.cpu);
    j["memory"] = memory_json(r.memory);
    j["gpus"] = Json::array();
    for (const auto& g : r.gpus) {
        j["gpus"].push_back(gpu_json(g));
    }
    j["npus"] = Json::array();
    for (const auto& n : r.npus) {
        j["npus"].push_back(npu_json(n));
    }
    j["disks"] = Json::array();
    for (const auto& d : r.disks) {
        j["disks"].push_back(disk_json(d));
    }
    j["system"] = system_json(r.system);
    j["tier"] = nullptr;  // reference classes come later (advise/)
    j["notes"] = Json::array();
    for (const auto& n : r.notes) {
        j["notes"].push_back(Json{{"probe", n.probe},
                                  {"severity", n.severity == hw::NoteSeverity::Warning ? "warning" : "info"},
                                  {"message", hw_note_text(n, Lang::En)},
                                  {"id", n.id},
                                  {"params", n.params}});
    }
    return j.dump(2) + "\n";
}

}  // namespace canrun::report
