// Which language text is shown in: --lang, else LC_ALL / LC_MESSAGES / LANG.
#pragma once

#include <string_view>

namespace canrun::report {

enum class Lang { En, Zh };

// `flag` is --lang ("en", "zh", "zh-CN" or empty); the env values are passed in (no getenv here).
Lang pick_lang(std::string_view flag, std::string_view lc_all, std::string_view lc_messages,
               std::string_view lang_env);

}  // namespace canrun::report
