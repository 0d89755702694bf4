#include "report/style.h"

#include "util/strings.h"

namespace canrun::report {

namespace {

constexpr std::string_view kReset = "\x1b[0m";

std::string_view sgr(Tone tone) {
    switch (tone) {
        case Tone::Good: return "\x1b[32m";
        case Tone::Warn: return "\x1b[33m";
        case Tone::Bad: return "\x1b[31m";
        case Tone::Strong: return "\x1b[1m";
        case Tone::Plain: return "";
    }
    return "";
}

}  // namespace

std::optional<ColorMode> color_mode_by_name(std::string_view name) {
    if (name == "auto") {
        return ColorMode::Auto;
    }
    if (name == "always") {
        return ColorMode::Always;
    }
    if (name == "never") {
        return ColorMode::Never;
    }
    return std::nullopt;
}

bool use_color(ColorMode mode, const Terminal& t) {
    if (mode != ColorMode::Auto) {
        return mode == ColorMode::Always;
    }
    if (t.no_color && !t.no_color->empty()) {
        return false;
    }
    if (t.term && *t.term == "dumb") {
        return false;
    }
    return t.stdout_is_tty;
}

std::string Style::paint(std::string_view text, Tone tone) const {
    if (!color_ || text.empty() || tone == Tone::Plain) {
        return std::string(text);
    }
    return std::string(sgr(tone)) + std::string(text) + std::string(kReset);
}

Tone verdict_tone(estimate::PlacementMode mode) {
    switch (mode) {
        case estimate::PlacementMode::FullGpu: return Tone::Good;
        case estimate::PlacementMode::Partial: return Tone::Warn;
        case estimate::PlacementMode::Cpu: return Tone::Plain;
        case estimate::PlacementMode::WontFit: return Tone::Bad;
    }
    return Tone::Plain;
}

std::string Style::verdict(std::string_view text, estimate::PlacementMode mode) const {
    return paint(text, verdict_tone(mode));
}

std::string strip_escapes(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\x1b') {
            out += s[i];
            continue;
        }
        if (i + 1 < s.size() && s[i + 1] == '[') {
            i += 2;  // CSI: parameters and intermediates, then one final byte in @..~
            while (i < s.size() && (s[i] < '@' || s[i] > '~')) {
                ++i;
            }
        }
    }
    return out;
}

std::size_t visible_width(std::string_view s) { return display_width(strip_escapes(s)); }

}  // namespace canrun::report
