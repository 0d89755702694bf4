#include "advise/tier_input.h"

#include <cctype>
#include <string_view>

#include "util/units.h"

namespace canrun::advise {

namespace {

// True when `key` stands in `name` as a model number: not preceded by a letter or digit, not
// followed by a digit ("A10" matches "NVIDIA A10G" but not "RTX A1000").
bool has_model(const std::string& name, std::string_view key) {
    for (auto pos = name.find(key); pos != std::string::npos; pos = name.find(key, pos + 1)) {
        const bool start_ok = pos == 0 || std::isalnum(static_cast<unsigned char>(name[pos - 1])) == 0;
        const auto end = pos + key.size();
        const bool end_ok = end == name.size() || std::isdigit(static_cast<unsigned char>(name[end])) == 0;
        if (start_ok && end_ok) {
            return true;
        }
    }
    return false;
}

// Data-centre parts by name: the classes name A100, H100, A800, H800; the rest of that family
// shares the naming (Volta to Blackwell data-centre SKUs, AMD Instinct).
bool data_centre_name(const std::string& name) {
    for (const std::string_view key : {"A100", "A800", "H100", "H800", "H200", "H20", "B200", "B100",
                                       "GB200", "L40", "L40S", "L20", "L4", "A40", "A30", "A10",
                                       "V100", "Instinct", "MI210", "MI250", "MI300", "MI325"}) {
        if (has_model(name, key)) {
            return true;
        }
    }
    return false;
}

bool workstation_name(const std::string& name) {
    return name.find("RTX 6000") != std::string::npos ||
           name.find("RTX PRO") != std::string::npos || name.find("W7900") != std::string::npos ||
           name.find("RTX A6000") != std::string::npos;
}

TierGpu tier_gpu(const hw::GpuInfo& g) {
    TierGpu t;
    t.name = g.name;
    t.discrete = g.kind == hw::GpuKind::Discrete;
    t.unified = g.kind == hw::GpuKind::Unified;
    t.apple = g.vendor == hw::GpuVendor::Apple;
    t.data_centre = t.discrete && data_centre_name(g.name);
    t.workstation = t.discrete && workstation_name(g.name);
    t.memory_gib = g.vram_total_bytes ? to_gib(*g.vram_total_bytes) : 0;
    t.bandwidth_gbps = g.bandwidth_gbps.value_or(0);
    return t;
}

}  // namespace

TierInput tier_input_from(const hw::HardwareReport& r) {
    TierInput in;
    in.arm = r.cpu.arch == "aarch64" || r.cpu.arch == "arm64" || r.cpu.arch.rfind("arm", 0) == 0;
    in.sbc = r.system.form_factor == hw::FormFactor::Sbc;
    in.laptop = r.system.form_factor == hw::FormFactor::Laptop;
    in.server = r.system.form_factor == hw::FormFactor::Server;
    in.ram_gib = to_gib(r.memory.total_bytes);
    for (const auto& n : r.npus) {
        in.accelerator_gib += n.memory_total_bytes ? to_gib(*n.memory_total_bytes) : 0;
    }
    for (const auto& g : r.gpus) {
        // An integrated GPU that is not a unified-memory budget does not change the class.
        if (g.kind == hw::GpuKind::Integrated) {
            continue;
        }
        in.gpus.push_back(tier_gpu(g));
    }
    return in;
}

// A device from the data (--hw NAME) and the machine built from it.
TierInput tier_input_from(const catalog::HardwareSpec& s, const estimate::Machine& m) {
    TierInput in;
    in.arm = s.vendor == "apple" || s.form_factor == catalog::FormFactor::Sbc ||
             s.vendor == "qualcomm" || s.vendor == "raspberry-pi";
    in.sbc = s.form_factor == catalog::FormFactor::Sbc;
    in.laptop = s.form_factor == catalog::FormFactor::Laptop;
    in.server = s.form_factor == catalog::FormFactor::Server;
    in.ram_gib = to_gib(m.cpu.ram_total_bytes);
    if (s.kind == catalog::DeviceKind::Npu || s.kind == catalog::DeviceKind::Accelerator) {
        in.accelerator_gib = to_gib(s.memory_bytes()) * static_cast<double>(std::max<std::size_t>(1, m.gpus.size()));
    }
    for (const auto& g : m.gpus) {
        TierGpu t;
        t.name = g.name;
        t.discrete = !g.unified;
        t.unified = g.unified;
        t.apple = s.vendor == "apple";
        t.data_centre = s.form_factor == catalog::FormFactor::Server;
        t.workstation = s.form_factor == catalog::FormFactor::Workstation;
        t.memory_gib = to_gib(g.memory_total_bytes);
        t.bandwidth_gbps = g.bandwidth_gbps;
        in.gpus.push_back(t);
    }
    return in;
}

}  // namespace canrun::advise
