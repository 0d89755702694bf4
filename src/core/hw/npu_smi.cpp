#include "hw/npu_smi.h"

#include "util/strings.h"

namespace canrun::hw {

namespace {

std::vector<std::string> cells(std::string_view line) {
    std::vector<std::string> out;
    for (const auto& c : split(line, '|')) {
        out.emplace_back(trim(c));
    }
    return out;
}

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    for (const auto& w : split(s, ' ')) {
        if (!trim(w).empty()) {
            out.emplace_back(trim(w));
        }
    }
    return out;
}

bool is_bus_id(std::string_view s) {
    return s.size() == 12 && s[4] == ':' && s[7] == ':' && s[10] == '.';
}

}  // namespace

std::vector<NpuSmiChip> parse_npu_smi_info(std::string_view text) {
    std::vector<NpuSmiChip> out;
    std::string last_name;
    for (const auto& line : split(text, '\n')) {
        const auto c = cells(line);
        if (c.size() < 4) {
            continue;
        }
        const auto first = words(c[1]);
        if (!is_bus_id(c[2])) {
            // "| 0     910B3 | OK | ..." : NPU id and name
            if (first.size() == 2 && parse_uint(first[0])) {
                last_name = first[1];
            }
            continue;
        }
        const auto w = words(c[3]);
        // The last "used / total" pair is HBM, in MB (MiB).
        if (w.size() < 3 || w[w.size() - 2] != "/") {
            continue;
        }
        const auto used = parse_uint(w[w.size() - 3]);
        const auto total = parse_uint(w.back());
        if (!used || !total) {
            continue;
        }
        out.push_back({last_name, to_lower(c[2]), *used * 1024 * 1024, *total * 1024 * 1024});
    }
    return out;
}

}  // namespace canrun::hw
