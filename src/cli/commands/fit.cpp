#include <cstdio>

#include "commands.h"

namespace canrun::cli {

int run_fit(const Options& /*o*/) {
    std::fprintf(stderr, "canrun: fit is being built\n");
    return 70;
}

}  // namespace canrun::cli
