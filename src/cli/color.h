// Whether this run's text is painted (report/style.h): --color, the terminal, NO_COLOR, TERM.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <unistd.h>

#include "environment.h"
#include "options.h"
#include "report/style.h"

namespace canrun::cli {

inline std::optional<std::string> env_if_set(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? std::optional<std::string>(v) : std::nullopt;
}

inline bool color_of(const GlobalOptions& g) {
    const auto mode = report::color_mode_by_name(g.color).value_or(report::ColorMode::Auto);
    report::Terminal t;
    t.stdout_is_tty = isatty(fileno(stdout)) == 1;
    t.no_color = env_if_set("NO_COLOR");
    t.term = env_if_set("TERM");
    return report::use_color(mode, t);
}

}  // namespace canrun::cli
