// canrun's entry point: parse, dispatch, and the one try/catch of the program.
#include <cstdio>
#include <exception>
#include <string_view>

#include "commands.h"
#include "parse_options.h"

namespace {

struct Command {
    std::string_view name;
    int (*run)(const canrun::cli::Options&);
};

constexpr Command kCommands[] = {
    {"", canrun::cli::run_main},
    {"fit", canrun::cli::run_fit},
    {"recommend", canrun::cli::run_recommend},
    {"table", canrun::cli::run_table},
    {"hw", canrun::cli::run_hw},
    {"bench", canrun::cli::run_bench},
    {"models", canrun::cli::run_models},
    {"scan", canrun::cli::run_scan},
#if CANRUN_WEB
    {"serve", canrun::cli::run_serve},  // serve helper
#endif
    {"plan", canrun::cli::run_plan},  // plan helper
};

}  // namespace

int main(int argc, char** argv) {
    try {
        canrun::cli::Options options;
        const auto parsed = canrun::cli::parse_options(argc, argv, options);
        if (parsed.done) {
            if (!parsed.error.empty()) {
                std::fprintf(stderr, "%s\n", parsed.error.c_str());
            }
            return parsed.exit_code;
        }
        for (const auto& c : kCommands) {
            if (c.name == options.command) {
                return c.run(options);
            }
        }
        std::fprintf(stderr, "canrun: unknown command %s\n", options.command.c_str());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "canrun: internal error: %s (please report it)\n", e.what());
        return 70;
    }
}
