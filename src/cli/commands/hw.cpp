#include <cstdio>

#include "commands.h"

namespace canrun::cli {

int run_hw(const Options& /*o*/) {
    std::fprintf(stderr, "canrun: hw is being built\n");
    return 70;
}

}  // namespace canrun::cli
