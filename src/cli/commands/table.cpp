// `canrun table`: the nine reference classes, this machine's marked.
#include <cstdio>

#include "answer.h"
#include "commands.h"
#include "report/table_report.h"

namespace canrun::cli {

int run_table(const Options& o) {
    auto a = classify(o);
    if (!a) {
        std::fprintf(stderr, "canrun: %s\n", a.error().message.c_str());
        return static_cast<int>(a.error().code);
    }
    const auto& tiers = (*a)->tiers;
    const auto& choice = (*a)->tier_choice;
    std::fputs(o.global.json ? report::table_json(tiers, &choice).c_str()
                             : report::table_text(tiers, &choice, (*a)->lang).c_str(),
               stdout);
    return 0;
}

}  // namespace canrun::cli
