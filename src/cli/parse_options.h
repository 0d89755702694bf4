#pragma once

#include <string>

#include "options.h"

namespace canrun::cli {

struct ParseOutcome {
    int exit_code = 0;
    bool done = false;    // help, version or an error: exit with exit_code
    std::string error;    // one line for stderr, when the arguments were wrong
};

ParseOutcome parse_options(int argc, char** argv, Options& out);

}  // namespace canrun::cli
