#include "util/strings.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <numeric>

namespace canrun {

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && to_lower(s.substr(0, prefix.size())) == to_lower(prefix);
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.emplace_back(s.substr(start));
            return out;
        }
        out.emplace_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

std::string normalize_key(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        if (c == ' ' || c == '-' || c == '_' || c == '.' || c == '\t') {
            continue;
        }
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::optional<long long> parse_int(std::string_view s) {
    s = trim(s);
    long long v = 0;
    const auto* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || ptr != end || s.empty()) {
        return std::nullopt;
    }
    return v;
}

std::optional<unsigned long long> parse_uint(std::string_view s) {
    s = trim(s);
    unsigned long long v = 0;
    const auto* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || ptr != end || s.empty()) {
        return std::nullopt;
    }
    return v;
}

std::optional<double> parse_double(std::string_view s) {
    s = trim(s);
    if (s.empty()) {
        return std::nullopt;
    }
    const std::string copy(s);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size()) {
        return std::nullopt;
    }
    return v;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1);
    std::vector<std::size_t> cur(b.size() + 1);
    std::iota(prev.begin(), prev.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace canrun

namespace canrun {

namespace {

// Length of the UTF-8 sequence starting with byte `c` (1 for stray continuation bytes).
std::size_t utf8_len(unsigned char c) {
    if (c >= 0xF0) {
        return 4;
    }
    if (c >= 0xE0) {
        return 3;
    }
    return c >= 0xC0 ? 2 : 1;
}

bool is_wide_lead(std::string_view s, std::size_t i) {
    // U+2E80 and above in the BMP (CJK, kana, hangul, full-width forms) are 3-byte sequences
    // starting at 0xE2 0xBA; treat every 3-byte sequence from 0xE2 0xBA on, and 4-byte ones, as
    // wide. Box-drawing, arrows and the like (0xE2 0x80-0xB9) stay narrow.
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) {
        return true;
    }
    if (c > 0xE2 && c < 0xF0) {
        return c != 0xEF || (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xBD);
    }
    return c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xBA;
}

}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size(); i += utf8_len(static_cast<unsigned char>(s[i]))) {
        w += is_wide_lead(s, i) ? 2 : 1;
    }
    return w;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
    std::vector<std::string> lines(1);
    std::size_t line_w = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        // The next unit: a run of narrow non-space characters, a space, or one wide character.
        std::size_t j = i;
        if (text[i] == ' ') {
            j = i + 1;
        } else if (is_wide_lead(text, i)) {
            j = std::min(text.size(), i + utf8_len(static_cast<unsigned char>(text[i])));
        } else {
            while (j < text.size() && text[j] != ' ' && !is_wide_lead(text, j)) {
                j += utf8_len(static_cast<unsigned char>(text[j]));
            }
            j = std::min(j, text.size());
        }
        const auto unit = text.substr(i, j - i);
        const std::size_t w = display_width(unit);
        if (line_w + w > width && line_w > 0) {
            lines.emplace_back();
            line_w = 0;
        }
        if (!(line_w == 0 && unit == " ")) {
            lines.back() += unit;
            line_w += w;
        }
        i = j;
    }
    for (auto& l : lines) {
        while (!l.empty() && l.back() == ' ') {
            l.pop_back();
        }
    }
    return lines;
}

}  // namespace canrun
