// `canrun` with no command: for now, point at the commands that exist.
#include <cstdio>

#include "commands.h"

namespace canrun::cli {

int run_main(const Options& /*o*/) {
    std::printf(
        "canrun: which local LLMs this computer runs, how fast, and how to start them.\n"
        "  canrun fit MODEL.gguf   memory a model needs (weights, KV cache, compute)\n"
        "  canrun hw               the hardware canrun sees\n"
        "  canrun --help           every option\n");
    return 0;
}

}  // namespace canrun::cli
