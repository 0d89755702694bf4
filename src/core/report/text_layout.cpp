#include "report/text_layout.h"

#include <algorithm>

#include "util/strings.h"

namespace canrun::report {

std::string hanging(std::string_view text, std::size_t indent, std::size_t width) {
    const std::size_t room = width > indent + 10 ? width - indent : 10;
    std::string out;
    bool first = true;
    for (const auto& line : wrap_text(text, room)) {
        out += (first ? "" : std::string(indent, ' ')) + line + "\n";
        first = false;
    }
    return out;
}

namespace {

// Words of a command line, split at spaces outside single or double quotes; a flag and its
// value ("-c 8192") stay together as one unit.
std::vector<std::string> shell_units(std::string_view command) {
    std::vector<std::string> words;
    std::string word;
    char quote = 0;
    for (const char c : command) {
        if (quote == 0 && c == ' ') {
            if (!word.empty()) {
                words.push_back(std::move(word));
                word.clear();
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = quote == 0 ? c : (quote == c ? 0 : quote);
        }
        word += c;
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    std::vector<std::string> units;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool flag_with_value =
            words[i].starts_with("-") && i + 1 < words.size() && !words[i + 1].starts_with("-");
        units.push_back(flag_with_value ? words[i] + " " + words[i + 1] : words[i]);
        i += flag_with_value ? 1 : 0;
    }
    return units;
}

}  // namespace

std::string shell_line(std::string_view command, std::size_t indent, std::size_t width) {
    if (indent + display_width(command) <= width) {
        return std::string(indent, ' ') + std::string(command) + "\n";
    }
    std::string out;
    std::string line(indent, ' ');
    std::size_t line_words = 0;
    for (const auto& word : shell_units(command)) {
        // Room for " word" plus the " \\" that ends a broken line.
        if (line_words > 0 && display_width(line) + 1 + display_width(word) + 2 > width) {
            out += line + " \\\n";
            line = std::string(indent + 4, ' ');
            line_words = 0;
        }
        line += (line_words > 0 ? " " : "") + word;
        ++line_words;
    }
    return out + line + "\n";
}

std::string pad(std::string_view s, std::size_t width, Align align) {
    const std::size_t w = display_width(s);
    const std::string fill(w < width ? width - w : 0, ' ');
    return align == Align::Right ? fill + std::string(s) : std::string(s) + fill;
}

std::string table_row(const std::vector<Column>& columns, const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& c = columns[i];
        if (i > 0) {
            line += std::string(c.gap, ' ');
        }
        line += pad(i < cells.size() ? cells[i] : std::string(), c.width, c.align);
    }
    while (!line.empty() && line.back() == ' ') {
        line.pop_back();
    }
    return line + "\n";
}

std::size_t column_width(std::string_view header, const std::vector<std::string>& cells) {
    std::size_t w = display_width(header);
    for (const auto& c : cells) {
        w = std::max(w, display_width(c));
    }
    return w;
}

}  // namespace canrun::report
