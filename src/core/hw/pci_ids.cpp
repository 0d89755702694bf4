#include "hw/pci_ids.h"

#include <fmt/format.h>

#include "hw/device_table.h"
#include "util/strings.h"

namespace canrun::hw {

namespace {

constexpr std::string_view kPciIdsPaths[] = {"/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids"};

bool is_hex4_at(std::string_view line, std::size_t pos, std::string_view id) {
    return line.size() >= pos + 4 && to_lower(line.substr(pos, 4)) == id;
}

}  // namespace

std::optional<std::string> find_pci_ids_name(std::string_view text, std::uint16_t vendor_id,
                                             std::uint16_t device_id) {
    const std::string vendor = fmt::format("{:04x}", vendor_id);
    const std::string device = fmt::format("{:04x}", device_id);
    bool in_vendor = false;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        if (line.front() != '\t') {
            if (in_vendor) {
                return std::nullopt;  // past our vendor's block
            }
            in_vendor = is_hex4_at(line, 0, vendor);
            continue;
        }
        if (in_vendor && line.size() > 1 && line[1] != '\t' && is_hex4_at(line, 1, device)) {
            return std::string(trim(line.substr(5)));
        }
    }
    return std::nullopt;
}

std::string marketing_name(std::string_view vendor, std::string_view line) {
    std::string_view name = line;
    const auto open = line.find('[');
    const auto close = line.rfind(']');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open + 1) {
        name = trim(line.substr(open + 1, close - open - 1));
    }
    if (vendor.empty() || starts_with_ci(name, vendor)) {
        return std::string(name);
    }
    return fmt::format("{} {}", vendor, name);
}

std::string pci_device_name(const ProbeContext& ctx, std::uint16_t vendor_id,
                            std::uint16_t device_id, std::optional<std::uint8_t> revision) {
    if (const auto* known = find_known_device(vendor_id, device_id, revision)) {
        return std::string(known->name);
    }
    const std::string key = fmt::format("pci-name:{:04x}:{:04x}", vendor_id, device_id);
    std::optional<std::string> line;
    if (ctx.is_replay()) {
        line = ctx.answer(key, nullptr);
    } else {
        for (const auto path : kPciIdsPaths) {
            if (const auto text = ctx.read_unrecorded(path)) {
                line = find_pci_ids_name(*text, vendor_id, device_id);
                break;
            }
        }
        if (line) {
            ctx.record_answer(key, *line);
        }
    }
    const auto vendor = vendor_short_name(vendor_id);
    if (line) {
        return marketing_name(vendor, *line);
    }
    return fmt::format("{} device {:04x}:{:04x}", vendor.empty() ? "PCI" : vendor, vendor_id,
                       device_id);
}

}  // namespace canrun::hw
