// Colour for text output, used sparingly: verdicts (green: wholly on the GPU, yellow: GPU + CPU,
// red: does not fit; CPU only stays plain), headings and the top pick. Off unless stdout is a terminal, off with
// NO_COLOR (https://no-color.org: present and not empty) and with TERM=dumb; `--color always`
// turns it on regardless, `--color never` off.
//
// Colour is applied to text that is already laid out (padded, wrapped): escapes never count
// towards a width. visible_width() measures a painted line as a terminal shows it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "estimate/placement.h"

namespace canrun::report {

enum class ColorMode { Auto, Always, Never };

// "auto" | "always" | "never"; nullopt otherwise.
std::optional<ColorMode> color_mode_by_name(std::string_view name);

// What the environment says, read by the caller (the core reads no environment).
struct Terminal {
    bool stdout_is_tty = false;
    std::optional<std::string> no_color;  // $NO_COLOR, if set
    std::optional<std::string> term;      // $TERM, if set
};

bool use_color(ColorMode mode, const Terminal& terminal);

enum class Tone { Plain, Good, Warn, Bad, Strong };

class Style {
public:
    Style() = default;
    explicit Style(bool color) : color_(color) {}

    bool color() const { return color_; }
    // `text` in a tone; unchanged without colour.
    std::string paint(std::string_view text, Tone tone) const;
    // A heading (bold).
    std::string heading(std::string_view text) const { return paint(text, Tone::Strong); }
    // A placement verdict: green wholly on the GPU, yellow partly, red won't fit, CPU plain.
    std::string verdict(std::string_view text, estimate::PlacementMode mode) const;

private:
    bool color_ = false;
};

Tone verdict_tone(estimate::PlacementMode mode);

// `s` without ANSI escape sequences (CSI ... final byte).
std::string strip_escapes(std::string_view s);

// Display columns of `s` on a terminal: escapes take none, CJK characters two.
std::size_t visible_width(std::string_view s);

}  // namespace canrun::report
