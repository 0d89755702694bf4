#include "catalog/hardware_catalog.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "catalog/hardware_record.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::catalog {

namespace {

constexpr int kSchemaVersion = 1;
const std::vector<std::string> kTopFields = {"schema_version", "data_version", "units",
                                             "devices", "cpu_platforms"};

// Leading words that people add or leave out: "NVIDIA GeForce RTX 4090", "AMD Radeon RX 7900 XTX".
constexpr std::array<std::string_view, 6> kVendorWords = {"nvidia", "amd", "intel",
                                                          "qualcomm", "huawei", "geforce"};

void read_list(const DataJson& data, const char* list, bool cpu_platform,
               std::vector<HardwareSpec>& out, std::vector<std::string>& problems) {
    const auto it = data.json.find(list);
    if (it == data.json.end() || !it->is_array()) {
        problems.push_back(fmt::format("{}: needs a \"{}\" array", data.file.path, list));
        return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& rec = (*it)[i];
        if (!rec.is_object()) {
            problems.push_back(fmt::format("{}: {}[{}] is not an object", data.file.path, list, i));
            continue;
        }
        out.push_back(read_hardware_record(rec, cpu_platform, data.file.path, problems));
    }
}

void check_unique(const HardwareCatalog& cat, std::vector<std::string>& problems) {
    std::map<std::string, std::string> ids;
    std::map<std::string, std::string> pcis;
    std::map<std::string, std::string> keys;
    for (const HardwareSpec& s : cat.devices) {
        if (!ids.emplace(s.id, s.id).second) {
            problems.push_back(fmt::format("{}: device {}: field \"id\": used twice", cat.path, s.id));
        }
        for (const std::string& pci : s.pci_ids) {
            const auto [at, fresh] = pcis.emplace(pci, s.id);
            if (!fresh) {
                problems.push_back(fmt::format("{}: device {}: field \"pci_ids\": {} is also on {}",
                                               cat.path, s.id, pci, at->second));
            }
        }
        for (const std::string& key : hardware_match_keys(s)) {
            const auto [at, fresh] = keys.emplace(key, s.id);
            if (!fresh && at->second != s.id) {
                problems.push_back(fmt::format(
                    "{}: device {}: field \"aliases\": \"{}\" also names {}; names must be unique",
                    cat.path, s.id, key, at->second));
            }
        }
    }
}

void check_variants(const HardwareCatalog& cat, std::vector<std::string>& problems) {
    for (const HardwareSpec& s : cat.devices) {
        if (s.variant_of.empty()) {
            continue;
        }
        const auto base = std::find_if(cat.devices.begin(), cat.devices.end(),
                                       [&](const HardwareSpec& b) { return b.id == s.variant_of; });
        if (base == cat.devices.end() || base->pci_ids.empty() || !base->variant_of.empty()) {
            problems.push_back(fmt::format(
                "{}: device {}: field \"variant_of\": \"{}\" is not a device with PCI ids",
                cat.path, s.id, s.variant_of));
        } else if (base->memory_gb == s.memory_gb) {
            problems.push_back(fmt::format(
                "{}: device {}: field \"variant_of\": same memory as {}, so it cannot be told apart",
                cat.path, s.id, s.variant_of));
        }
    }
}

}  // namespace

std::string_view kind_name(DeviceKind kind) {
    switch (kind) {
    case DeviceKind::Gpu: return "gpu";
    case DeviceKind::Apu: return "apu";
    case DeviceKind::Soc: return "soc";
    case DeviceKind::Npu: return "npu";
    case DeviceKind::Accelerator: return "accelerator";
    case DeviceKind::CpuPlatform: return "cpu-platform";
    }
    return "gpu";
}

std::string_view form_factor_name(FormFactor form) {
    switch (form) {
    case FormFactor::Desktop: return "desktop";
    case FormFactor::Laptop: return "laptop";
    case FormFactor::Server: return "server";
    case FormFactor::Soc: return "soc";
    case FormFactor::Sbc: return "sbc";
    case FormFactor::Workstation: return "workstation";
    }
    return "desktop";
}

std::string_view backend_name(BackendHint backend) {
    switch (backend) {
    case BackendHint::Cuda: return "cuda";
    case BackendHint::Rocm: return "rocm";
    case BackendHint::Metal: return "metal";
    case BackendHint::Vulkan: return "vulkan";
    case BackendHint::Sycl: return "sycl";
    case BackendHint::Cann: return "cann";
    case BackendHint::Musa: return "musa";
    case BackendHint::Cpu: return "cpu";
    }
    return "cpu";
}

std::uint64_t HardwareSpec::memory_bytes() const {
    return memory_gb.empty() ? 0 : static_cast<std::uint64_t>(std::llround(memory_gb.front() * kGiB));
}

bool HardwareSpec::sells_memory(double gb) const {
    return std::any_of(memory_gb.begin(), memory_gb.end(),
                       [gb](double m) { return std::fabs(m - gb) < 1e-6; });
}

std::string hardware_match_key(std::string_view text) {
    std::string key = normalize_key(text);
    bool stripped = true;
    while (stripped) {
        stripped = false;
        for (const std::string_view word : kVendorWords) {
            if (key.size() > word.size() && key.compare(0, word.size(), word) == 0) {
                key.erase(0, word.size());
                stripped = true;
            }
        }
    }
    if (key.size() > 3 && key.compare(key.size() - 3, 3, "gpu") == 0) {
        key.erase(key.size() - 3);
    }
    return key;
}

std::vector<std::string> hardware_match_keys(const HardwareSpec& spec) {
    std::vector<std::string> keys = {hardware_match_key(spec.id), hardware_match_key(spec.name)};
    for (const std::string& alias : spec.aliases) {
        keys.push_back(hardware_match_key(alias));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

Result<HardwareCatalog> parse_hardware(const DataJson& data) {
    HardwareCatalog cat;
    cat.path = data.file.path;
    cat.data_version = data.data_version;
    std::vector<std::string> problems;
    if (data.schema_version != kSchemaVersion) {
        problems.push_back(fmt::format("{}: schema_version {} is not supported (expected {}); "
                                       "use data made for this canrun version",
                                       data.file.path, data.schema_version, kSchemaVersion));
    }
    for (const auto& item : data.json.items()) {
        if (std::find(kTopFields.begin(), kTopFields.end(), item.key()) == kTopFields.end()) {
            problems.push_back(fmt::format("{}: unknown top-level field \"{}\"", data.file.path,
                                           item.key()));
        }
    }
    read_list(data, "devices", false, cat.devices, problems);
    read_list(data, "cpu_platforms", true, cat.devices, problems);
    check_unique(cat, problems);
    check_variants(cat, problems);
    if (!problems.empty()) {
        // One problem per line; the CLI prefixes the first with "canrun: ", so the rest get it too.
        std::string message = problems.front();
        for (std::size_t i = 1; i < problems.size(); ++i) {
            message += "\ncanrun: " + problems[i];
        }
        return fail(message);
    }
    return cat;
}

Result<HardwareCatalog> load_hardware(const DataSourceOptions& options) {
    auto data = load_data_json("hardware.json", options);
    if (!data) {
        return tl::unexpected(data.error());
    }
    return parse_hardware(*data);
}

}  // namespace canrun::catalog
