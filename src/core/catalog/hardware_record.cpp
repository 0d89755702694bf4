#include "catalog/hardware_record.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace canrun::catalog {

namespace {

const std::vector<std::string> kDeviceFields = {
    "id", "vendor", "name", "aliases", "pci_ids", "variant_of", "memory_gb", "memory_options_gb",
    "memory_type", "bus_width_bits", "bandwidth_gbps", "fp16_tflops", "int8_tops", "tdp_w",
    "form_factor", "kind", "unified_memory", "gpu_cores", "launch_year", "backend", "note",
    "source", "price"};
const std::vector<std::string> kPlatformFields = {
    "id", "name", "aliases", "memory_type", "transfer_mts", "bus_width_bits", "bandwidth_gbps",
    "memory_options_gb", "form_factor", "note", "source"};

constexpr std::array<std::pair<std::string_view, DeviceKind>, 5> kKinds = {{
    {"gpu", DeviceKind::Gpu}, {"apu", DeviceKind::Apu}, {"soc", DeviceKind::Soc},
    {"npu", DeviceKind::Npu}, {"accelerator", DeviceKind::Accelerator}}};
constexpr std::array<std::pair<std::string_view, FormFactor>, 6> kForms = {{
    {"desktop", FormFactor::Desktop}, {"laptop", FormFactor::Laptop},
    {"server", FormFactor::Server}, {"soc", FormFactor::Soc}, {"sbc", FormFactor::Sbc},
    {"workstation", FormFactor::Workstation}}};
constexpr std::array<std::pair<std::string_view, BackendHint>, 8> kBackends = {{
    {"cuda", BackendHint::Cuda}, {"rocm", BackendHint::Rocm}, {"metal", BackendHint::Metal},
    {"vulkan", BackendHint::Vulkan}, {"sycl", BackendHint::Sycl}, {"cann", BackendHint::Cann},
    {"musa", BackendHint::Musa}, {"cpu", BackendHint::Cpu}}};

template <typename Enum, std::size_t N>
Enum pick(HardwareRecordReader& r, const char* field,
          const std::array<std::pair<std::string_view, Enum>, N>& table) {
    const std::string value = r.text(field, true);
    for (const auto& [name, e] : table) {
        if (name == value) {
            return e;
        }
    }
    if (!value.empty()) {
        std::string allowed;
        for (const auto& entry : table) {
            allowed += (allowed.empty() ? "" : " | ") + std::string(entry.first);
        }
        r.problem(field, fmt::format("\"{}\" is not one of {}", value, allowed));
    }
    return table[0].second;
}

bool is_kebab_id(const std::string& id) {
    return !id.empty() && id.front() != '-' && id.back() != '-' &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
           });
}

void read_memory(HardwareRecordReader& r, HardwareSpec& s, bool cpu_platform) {
    const auto one = cpu_platform ? std::nullopt : r.number("memory_gb", false, 0.25, 4096);
    std::vector<double> options = r.numbers("memory_options_gb", 0.25, 4096);
    if (one && !options.empty()) {
        r.problem("memory_gb", "give memory_gb or memory_options_gb, not both");
    } else if (one) {
        options = {*one};
    } else if (options.empty()) {
        r.problem(cpu_platform ? "memory_options_gb" : "memory_gb",
                  "missing: give memory_gb (one size) or memory_options_gb (sizes sold)");
    }
    std::sort(options.begin(), options.end());
    s.memory_gb = options;
}

void read_device_fields(HardwareRecordReader& r, HardwareSpec& s) {
    s.vendor = r.text("vendor", true);
    s.pci_ids = r.texts("pci_ids");
    s.variant_of = r.text("variant_of", false);
    s.fp16_tflops = r.number("fp16_tflops", false, 0.01, 100000);
    s.int8_tops = r.number("int8_tops", false, 0.01, 100000);
    s.tdp_w = r.number("tdp_w", false, 1, 5000);
    s.kind = pick(r, "kind", kKinds);
    s.unified_memory = r.boolean("unified_memory", true).value_or(false);
    s.gpu_cores = r.integer("gpu_cores", false, 1, 100000);
    s.launch_year = r.integer("launch_year", true, 2010, 2030);
    s.backend = pick(r, "backend", kBackends);
    for (std::string& pci : s.pci_ids) {
        const bool ok = pci.size() == 9 && pci[4] == ':' &&
                        std::all_of(pci.begin(), pci.end(), [](char c) {
                            return c == ':' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                        });
        if (!ok) {
            r.problem("pci_ids", fmt::format("\"{}\" is not vendor:device in lower-case hex "
                                             "(e.g. \"10de:2882\")", pci));
        }
    }
}

}  // namespace

HardwareSpec read_hardware_record(const nlohmann::json& rec, bool cpu_platform,
                                  const std::string& path, std::vector<std::string>& problems) {
    HardwareSpec s;
    const auto id = rec.find("id");
    s.id = (id != rec.end() && id->is_string()) ? id->get<std::string>() : std::string();
    const char* list = cpu_platform ? "cpu platform" : "device";
    HardwareRecordReader r(rec, fmt::format("{}: {} {}", path, list, s.id.empty() ? "?" : s.id),
                           problems);
    r.check_known(cpu_platform ? kPlatformFields : kDeviceFields);
    if (!is_kebab_id(s.id)) {
        r.problem("id", "needs a lower-case kebab-case string like \"rtx-4060-laptop\"");
    }
    s.name = r.text("name", true);
    s.aliases = r.texts("aliases");
    read_memory(r, s, cpu_platform);
    s.memory_type = r.text("memory_type", true);
    s.bus_width_bits = r.integer("bus_width_bits", cpu_platform, 8, 16384);
    s.bandwidth_gbps = r.number("bandwidth_gbps", true, 0.1, 100000).value_or(0);
    s.form_factor = pick(r, "form_factor", kForms);
    s.note = r.text("note", false);
    s.source = r.text("source", true);
    if (cpu_platform) {
        s.vendor = "generic";
        s.kind = DeviceKind::CpuPlatform;
        s.backend = BackendHint::Cpu;
        s.transfer_mts = r.integer("transfer_mts", true, 100, 100000);
    } else {
        read_device_fields(r, s);
        if (const auto price = rec.find("price"); price != rec.end()) {
            s.price = read_price(*price, fmt::format("{}: device {}", path, s.id), "price", problems);
        }
    }
    return s;
}

}  // namespace canrun::catalog
