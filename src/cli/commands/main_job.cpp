// `canrun` with no command: this machine, its reference class, the best picks, the commands.
#include <cstdio>

#include "answer.h"
#include "commands.h"

namespace canrun::cli {

int run_main(const Options& o) {
    auto a = answer(o);
    if (!a) {
        std::fprintf(stderr, "canrun: %s\n", a.error().message.c_str());
        return static_cast<int>(a.error().code);
    }
    const auto& v = (*a)->view;
    std::fputs(o.global.json ? report::recommend_json(v).c_str()
                             : report::main_text(v, (*a)->lang).c_str(),
               stdout);
    return v.picks.empty() ? static_cast<int>(ExitCode::DoesNotFit) : 0;
}

int run_recommend(const Options& o) {
    auto a = answer(o);
    if (!a) {
        std::fprintf(stderr, "canrun: %s\n", a.error().message.c_str());
        return static_cast<int>(a.error().code);
    }
    const auto& v = (*a)->view;
    std::fputs(o.global.json ? report::recommend_json(v).c_str()
                             : report::recommend_text(v, (*a)->lang).c_str(),
               stdout);
    return v.picks.empty() ? static_cast<int>(ExitCode::DoesNotFit) : 0;
}

}  // namespace canrun::cli
