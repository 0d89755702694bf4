// What the CLI reads from the environment: one copy for every command.
#pragma once

#include <cstdlib>
#include <string>

#include "options.h"
#include "report/lang.h"

namespace canrun::cli {

// The variable's value, or "" when unset.
inline std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
}

// --lang, else LC_ALL / LC_MESSAGES / LANG.
inline report::Lang lang_of(const GlobalOptions& g) {
    return report::pick_lang(g.lang, env("LC_ALL"), env("LC_MESSAGES"), env("LANG"));
}

}  // namespace canrun::cli
