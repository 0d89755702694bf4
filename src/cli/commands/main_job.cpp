// `canrun` with no command: this machine, its reference class, the best picks, the commands.
// `canrun recommend`: the same picks, as a ranked table.
#include <cstdio>

#include "answer.h"
#include "color.h"
#include "commands.h"

namespace canrun::cli {

namespace {

using TextFn = std::string (*)(const report::RecommendView&, report::Lang);

int print_answer(const Options& o, TextFn text) {
    auto a = answer(o);
    if (!a) {
        std::fprintf(stderr, "canrun: %s\n", a.error().message.c_str());
        return static_cast<int>(a.error().code);
    }
    (*a)->view.color = color_of(o.global);
    const auto& v = (*a)->view;
    std::fputs(o.global.json ? report::recommend_json(v).c_str() : text(v, (*a)->lang).c_str(),
               stdout);
    return v.picks.empty() ? static_cast<int>(ExitCode::DoesNotFit) : 0;
}

}  // namespace

int run_main(const Options& o) { return print_answer(o, report::main_text); }

int run_recommend(const Options& o) { return print_answer(o, report::recommend_text); }

}  // namespace canrun::cli
