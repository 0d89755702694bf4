#include "catalog/hardware_lookup.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "util/strings.h"
#include "util/units.h"

namespace canrun::catalog {

namespace {

const HardwareSpec* find_exact(const HardwareCatalog& catalog, const std::string& key) {
    for (const HardwareSpec& s : catalog.devices) {
        const auto keys = hardware_match_keys(s);
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
            return &s;
        }
    }
    return nullptr;
}

// "m4max40core128gb" -> {"m4max40core", 128}; nullopt when the key has no size at its end.
std::optional<std::pair<std::string, double>> split_memory_suffix(const std::string& key) {
    std::size_t end = key.size();
    if (end >= 2 && key.compare(end - 2, 2, "gb") == 0) {
        end -= 2;
    } else if (end >= 1 && key.back() == 'g') {
        end -= 1;
    } else {
        return std::nullopt;
    }
    std::size_t start = end;
    while (start > 0 && key[start - 1] >= '0' && key[start - 1] <= '9') {
        --start;
    }
    if (start == end || start == 0) {
        return std::nullopt;
    }
    const auto gb = parse_uint(std::string_view(key).substr(start, end - start));
    if (!gb) {
        return std::nullopt;
    }
    return std::make_pair(key.substr(0, start), static_cast<double>(*gb));
}

std::string memory_list(const HardwareSpec& s) {
    std::string out;
    for (const double gb : s.memory_gb) {
        out += fmt::format("{}{:g} GB", out.empty() ? "" : ", ", gb);
    }
    return out;
}

Error unknown_name(const HardwareCatalog& catalog, std::string_view name) {
    const auto close = suggest_hardware(catalog, name);
    std::string text = fmt::format("--hw \"{}\": no such device in {}", name, catalog.path);
    for (std::size_t i = 0; i < close.size(); ++i) {
        text += fmt::format("{}\"{}\"", i == 0 ? "; did you mean " : ", ", close[i]->name);
    }
    text += close.empty() ? "; see canrun hw --list-devices" : "? (canrun hw --list-devices lists all)";
    return Error{ExitCode::Usage, text};
}

}  // namespace

Result<HardwareMatch> find_hardware(const HardwareCatalog& catalog, std::string_view name) {
    const std::string key = hardware_match_key(name);
    if (key.empty()) {
        return fail("--hw needs a device name; see canrun hw --list-devices", ExitCode::Usage);
    }
    if (const HardwareSpec* s = find_exact(catalog, key)) {
        return HardwareMatch{s, std::nullopt};
    }
    if (const auto split = split_memory_suffix(key)) {
        if (const HardwareSpec* s = find_exact(catalog, split->first)) {
            if (!s->sells_memory(split->second)) {
                return fail(fmt::format("--hw \"{}\": {} is sold with {}, not {:g} GB", name,
                                        s->name, memory_list(*s), split->second),
                            ExitCode::Usage);
            }
            return HardwareMatch{s, split->second};
        }
    }
    return tl::unexpected(unknown_name(catalog, name));
}

std::vector<const HardwareSpec*> suggest_hardware(const HardwareCatalog& catalog,
                                                  std::string_view name, std::size_t limit) {
    const std::string key = hardware_match_key(name);
    // (containment miss, distance, id) per device: the best of its keys.
    std::vector<std::tuple<bool, std::size_t, const HardwareSpec*>> ranked;
    for (const HardwareSpec& s : catalog.devices) {
        std::tuple<bool, std::size_t> best{true, static_cast<std::size_t>(-1)};
        for (const std::string& k : hardware_match_keys(s)) {
            const bool contains = !key.empty() && k.find(key) != std::string::npos;
            best = std::min(best, std::make_tuple(!contains, edit_distance(key, k)));
        }
        ranked.emplace_back(std::get<0>(best), std::get<1>(best), &s);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)->id) <
               std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b)->id);
    });
    // Far-off names are noise: keep names holding the query and those within a third of its length.
    const std::size_t max_distance = std::max<std::size_t>(2, key.size() / 3);
    std::vector<const HardwareSpec*> out;
    for (const auto& [miss, distance, spec] : ranked) {
        if (out.size() == limit || (miss && distance > max_distance)) {
            break;
        }
        out.push_back(spec);
    }
    return out;
}

const HardwareSpec* find_hardware_by_pci(const HardwareCatalog& catalog, std::string_view pci_id,
                                         std::optional<std::uint64_t> memory_bytes) {
    std::string id = to_lower(trim(pci_id));
    id.erase(std::remove(id.begin(), id.end(), 'x'), id.end());  // "0x10de:0x2684"
    if (id.size() == 11 && id.compare(0, 1, "0") == 0 && id[5] == ':') {
        id.erase(6, 1).erase(0, 1);
    }
    const auto base = std::find_if(catalog.devices.begin(), catalog.devices.end(),
                                   [&](const HardwareSpec& s) {
                                       return std::find(s.pci_ids.begin(), s.pci_ids.end(), id) !=
                                              s.pci_ids.end();
                                   });
    if (base == catalog.devices.end()) {
        return nullptr;
    }
    if (!memory_bytes) {
        return &*base;
    }
    const auto gap = [&](const HardwareSpec& s) {
        return std::fabs(static_cast<double>(s.memory_bytes()) - static_cast<double>(*memory_bytes));
    };
    const HardwareSpec* best = &*base;
    for (const HardwareSpec& s : catalog.devices) {
        if (s.variant_of == base->id && gap(s) < gap(*best)) {
            best = &s;
        }
    }
    return best;
}

std::vector<const HardwareSpec*> search_hardware(const HardwareCatalog& catalog,
                                                 std::string_view text) {
    const std::string key = hardware_match_key(text);
    std::vector<const HardwareSpec*> out;
    for (const HardwareSpec& s : catalog.devices) {
        const auto keys = hardware_match_keys(s);
        if (key.empty() || std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
                return k.find(key) != std::string::npos;
            })) {
            out.push_back(&s);
        }
    }
    return out;
}

}  // namespace canrun::catalog
