// Human text (en, zh-CN) for the stable note ids of model facts, the memory estimate and fit.
#pragma once

#include <string>
#include <string_view>

#include "report/lang.h"

namespace canrun::report {

// The sentence for a note id ("memory.swa_cache"); ids with a ":detail" suffix keep the
// detail. Unknown ids are returned as they are.
std::string fit_note_text(std::string_view id, Lang lang);

}  // namespace canrun::report
