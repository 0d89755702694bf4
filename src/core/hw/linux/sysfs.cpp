#include "hw/linux/sysfs.h"

#include <cctype>

#include "util/strings.h"

namespace canrun::hw {

std::optional<std::uint64_t> read_u64(const ProbeContext& ctx, std::string_view path) {
    const auto line = ctx.read_line(path);
    if (!line) {
        return std::nullopt;
    }
    return parse_uint(*line);
}

std::optional<std::uint64_t> read_hex(const ProbeContext& ctx, std::string_view path) {
    const auto line = ctx.read_line(path);
    if (!line) {
        return std::nullopt;
    }
    std::string_view s = *line;
    if (starts_with_ci(s, "0x")) {
        s.remove_prefix(2);
    }
    if (s.empty() || s.size() > 16) {
        return std::nullopt;
    }
    std::uint64_t v = 0;
    for (const char c : s) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) {
            return std::nullopt;
        }
        const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                                                                      : std::tolower(c) - 'a' + 10;
        v = v * 16 + static_cast<std::uint64_t>(digit);
    }
    return v;
}

std::optional<std::string> link_name(const ProbeContext& ctx, std::string_view path) {
    auto target = ctx.link(path);
    if (!target) {
        return std::nullopt;
    }
    while (!target->empty() && target->back() == '/') {
        target->pop_back();
    }
    const auto slash = target->rfind('/');
    return slash == std::string::npos ? *target : target->substr(slash + 1);
}

std::vector<std::uint32_t> parse_cpu_list(std::string_view text) {
    std::vector<std::uint32_t> out;
    for (const auto& part : split(trim(text), ',')) {
        if (trim(part).empty()) {
            continue;
        }
        const auto dash = part.find('-');
        const auto lo = parse_uint(trim(std::string_view(part).substr(0, dash)));
        const auto hi = dash == std::string::npos ? lo : parse_uint(trim(std::string_view(part).substr(dash + 1)));
        if (!lo || !hi || *hi < *lo || *hi - *lo > 65536 || out.size() > 65536) {
            return {};
        }
        for (auto c = *lo; c <= *hi; ++c) {
            out.push_back(static_cast<std::uint32_t>(c));
        }
    }
    return out;
}

std::optional<std::string> find_field(std::string_view text, std::string_view key, char sep) {
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        const auto pos = line.find(sep);
        if (pos != std::string_view::npos && trim(line.substr(0, pos)) == key) {
            return std::string(trim(line.substr(pos + 1)));
        }
    }
    return std::nullopt;
}

std::string pci_address_in(std::string_view path) {
    // The last component shaped like dddd:bb:dd.f
    std::string found;
    for (const auto& part : split(path, '/')) {
        if (part.size() == 12 && part[4] == ':' && part[7] == ':' && part[10] == '.') {
            found = to_lower(part);
        }
    }
    return found;
}

}  // namespace canrun::hw
