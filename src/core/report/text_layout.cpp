#include "report/text_layout.h"

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

}  // namespace canrun::report
