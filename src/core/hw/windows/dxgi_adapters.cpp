#include "hw/windows/dxgi_adapters.h"

#include <map>

#include "hw/device_table.h"
#include "util/strings.h"
#include "util/units.h"

namespace canrun::hw {

namespace {

constexpr std::uint64_t kSoftwareFlag = 2;  // DXGI_ADAPTER_FLAG_SOFTWARE

std::optional<std::uint64_t> number(const std::map<std::string, std::string>& f, const std::string& key) {
    const auto it = f.find(key);
    if (it == f.end()) {
        return std::nullopt;
    }
    if (starts_with_ci(it->second, "0x")) {
        std::uint64_t v = 0;
        for (const char c : it->second.substr(2)) {
            const int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                                          : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (d < 0) {
                return std::nullopt;
            }
            v = v * 16 + static_cast<std::uint64_t>(d);
        }
        return v;
    }
    return parse_uint(it->second);
}

std::optional<GpuInfo> adapter(const std::map<std::string, std::string>& f) {
    const auto vendor = number(f, "vendor").value_or(0);
    if ((number(f, "flags").value_or(0) & kSoftwareFlag) != 0 || vendor == 0x1414) {
        return std::nullopt;
    }
    GpuInfo g;
    g.name = f.count("description") ? f.at("description") : "";
    g.pci_vendor_id = static_cast<std::uint16_t>(vendor);
    g.pci_device_id = static_cast<std::uint16_t>(number(f, "device").value_or(0));
    g.vendor = gpu_vendor_from_pci(*g.pci_vendor_id);
    const auto dedicated = number(f, "dedicated").value_or(0);
    const auto budget = number(f, "budget");
    const auto usage = number(f, "usage");
    g.sources = {"dxgi"};
    if (dedicated < 512 * kMiB) {
        g.kind = GpuKind::Integrated;
        g.vram_total_bytes = number(f, "shared");
    } else {
        g.vram_total_bytes = dedicated;
    }
    if (budget && usage && *usage <= *budget) {
        g.vram_free_bytes = *budget - *usage;  // what the OS lets this process use now
        g.vram_used_by_others_bytes = g.vram_total_bytes && *g.vram_total_bytes > *budget
                                          ? std::optional<std::uint64_t>(*g.vram_total_bytes - *budget)
                                          : std::nullopt;
    }
    return g;
}

}  // namespace

std::vector<GpuInfo> parse_dxgi_adapters(std::string_view text) {
    std::vector<GpuInfo> out;
    for (const auto& line : split(text, '\n')) {
        const auto fields = split(trim(line), '\t');
        if (fields.empty() || fields[0] != "adapter") {
            continue;
        }
        std::map<std::string, std::string> f;
        for (std::size_t i = 1; i < fields.size(); ++i) {
            const auto eq = fields[i].find('=');
            if (eq != std::string::npos) {
                f[fields[i].substr(0, eq)] = fields[i].substr(eq + 1);
            }
        }
        if (auto g = adapter(f)) {
            out.push_back(std::move(*g));
        }
    }
    return out;
}

}  // namespace canrun::hw
