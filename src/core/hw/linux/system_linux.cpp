// System probe: form factor (DMI chassis, battery), virtual machine, container and WSL.
#include <array>
#include <fmt/format.h>

#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"
#include "util/strings.h"

namespace canrun::hw {

namespace {

// SMBIOS chassis types, DMTF DSP0134 section 7.4.1.
FormFactor form_factor_of_chassis(std::uint64_t type) {
    switch (type) {
        case 3: case 4: case 5: case 6: case 7: case 13: case 15: case 16: case 24: case 35:
            return FormFactor::Desktop;
        case 8: case 9: case 10: case 14: case 31: case 32:
            return FormFactor::Laptop;
        case 11: case 30:
            return FormFactor::Handheld;
        case 17: case 23: case 25: case 28: case 29:
            return FormFactor::Server;
        default:
            return FormFactor::Unknown;
    }
}

struct VmSignature {
    std::string_view text;  // found in DMI sys_vendor or product_name (case-insensitive)
    std::string_view name;
};

constexpr std::array<VmSignature, 9> kVmSignatures = {{
    {"qemu", "qemu"}, {"kvm", "kvm"}, {"vmware", "vmware"}, {"virtualbox", "virtualbox"},
    {"innotek", "virtualbox"}, {"xen", "xen"}, {"amazon ec2", "aws"}, {"google compute", "gce"},
    {"virtual machine", "hyperv"},
}};

std::string vm_from_dmi(const std::string& vendor, const std::string& product) {
    const auto text = to_lower(vendor + " " + product);
    for (const auto& s : kVmSignatures) {
        if (text.find(s.text) != std::string::npos) {
            return std::string(s.name);
        }
    }
    return {};
}

std::string container_of(const ProbeContext& ctx) {
    if (ctx.read("/.dockerenv")) {
        return "docker";
    }
    if (ctx.read("/run/.containerenv")) {
        return "podman";
    }
    const auto cgroup = ctx.read("/proc/1/cgroup").value_or("");
    for (const auto* name : {"docker", "kubepods", "lxc", "containerd"}) {
        if (cgroup.find(name) != std::string::npos) {
            return name;
        }
    }
    return {};
}

bool has_battery(const ProbeContext& ctx) {
    for (const auto& psu : ctx.list("/sys/class/power_supply")) {
        if (ctx.read_line("/sys/class/power_supply/" + psu + "/type").value_or("") == "Battery") {
            return true;
        }
    }
    return false;
}

}  // namespace

void probe_system_linux(const ProbeContext& ctx, HardwareReport& r) {
    auto& s = r.system;
    s.os = "linux";
    s.vendor = ctx.read_line("/sys/class/dmi/id/sys_vendor").value_or("");
    const auto product = ctx.read_line("/sys/class/dmi/id/product_name").value_or("");
    s.board = product;
    s.battery = has_battery(ctx);
    if (const auto chassis = read_u64(ctx, "/sys/class/dmi/id/chassis_type")) {
        s.form_factor = form_factor_of_chassis(*chassis);
    }
    if (s.form_factor == FormFactor::Unknown && s.battery) {
        s.form_factor = FormFactor::Laptop;
    }
    s.virtualization = vm_from_dmi(s.vendor, product);
    if (s.virtualization.empty()) {
        s.virtualization = ctx.read_line("/sys/hypervisor/type").value_or("");
    }
    s.container = container_of(ctx);
    const auto version = to_lower(ctx.read_line("/proc/version").value_or(""));
    s.wsl = version.find("microsoft") != std::string::npos || version.find("wsl") != std::string::npos;
    if (s.wsl) {
        r.note("system", "system.wsl");
    }
}

}  // namespace canrun::hw
