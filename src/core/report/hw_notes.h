// Human text (en, zh-CN) for the stable ids of hardware probe notes (hw::ProbeNote), the same
// scheme as fit_notes.h: probes store an id and its parameters, the report words them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hw/hardware.h"
#include "report/lang.h"

namespace canrun::report {

/// The note's sentence with its parameters filled in. An unknown id, or parameters that do
/// not fit its sentence, give "id: p1, p2" (never an exception).
std::string hw_note_text(const hw::ProbeNote& note, Lang lang);

/// Every known id (for tests: each has an English and a Chinese sentence).
std::vector<std::string_view> hw_note_ids();

/// How many parameters the sentence of `id` takes; -1 for an unknown id.
int hw_note_param_count(std::string_view id, Lang lang);

}  // namespace canrun::report
