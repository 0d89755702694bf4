// check_text FILE color|plain|any: fails (exit 1, one line on stderr) when a line of FILE is
// wider than 80 terminal columns (escapes take none, CJK characters two), or when FILE has ANSI
// escapes and `plain` was asked for, or none and `color` was. Carriage returns (from a pty) are
// ignored. For the --color and --explain CLI tests (color_tests.cmake).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "report/style.h"
#include "report/text_layout.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: check_text FILE color|plain|any\n");
        return 2;
    }
    std::ifstream in(argv[1]);
    std::stringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    std::erase(text, '\r');
    const std::string want = argv[2];
    const bool has_escapes = text.find('\x1b') != std::string::npos;
    if ((want == "color" && !has_escapes) || (want == "plain" && has_escapes)) {
        std::fprintf(stderr, "check_text: %s: expected %s output\n", argv[1], want.c_str());
        return 1;
    }
    if (text.size() < 40) {
        std::fprintf(stderr, "check_text: %s: almost empty output\n", argv[1]);
        return 1;
    }
    std::istringstream lines(text);
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n) {
        const auto w = canrun::report::visible_width(line);
        if (w > canrun::report::kTerminalWidth) {
            std::fprintf(stderr, "check_text: %s:%d: %zu columns: %s\n", argv[1], n, w, line.c_str());
            return 1;
        }
    }
    return 0;
}
