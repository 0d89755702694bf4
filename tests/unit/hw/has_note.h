// Test helper: does the report hold a note of `probe` whose English text contains `text`?
#pragma once

#include <string>
#include <string_view>

#include "hw/hardware.h"
#include "report/hw_notes.h"

namespace canrun::test {

inline bool has_note(const hw::HardwareReport& r, std::string_view probe, std::string_view text) {
    for (const auto& n : r.notes) {
        if (n.probe == probe &&
            report::hw_note_text(n, report::Lang::En).find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

/// Every note in English, one per line (for failure messages).
inline std::string all_notes(const hw::HardwareReport& r) {
    std::string out;
    for (const auto& n : r.notes) {
        out += n.probe + ": " + report::hw_note_text(n, report::Lang::En) + "\n";
    }
    return out;
}

}  // namespace canrun::test
