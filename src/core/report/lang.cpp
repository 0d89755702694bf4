#include "report/lang.h"

#include "util/strings.h"

namespace canrun::report {

namespace {

Lang from_locale(std::string_view v) { return starts_with_ci(v, "zh") ? Lang::Zh : Lang::En; }

}  // namespace

Lang pick_lang(std::string_view flag, std::string_view lc_all, std::string_view lc_messages,
               std::string_view lang_env) {
    if (!flag.empty()) {
        return from_locale(flag);
    }
    for (const std::string_view v : {lc_all, lc_messages, lang_env}) {
        if (!v.empty() && v != "C" && v != "POSIX") {
            return from_locale(v);
        }
    }
    return Lang::En;
}

}  // namespace canrun::report
