// Opens a URL in the person's browser (xdg-open on Linux, open on macOS), without waiting.
#pragma once

#include <string>

namespace canrun::web {

// False when there is no desktop to open it on (no DISPLAY / WAYLAND_DISPLAY on Linux) or the
// opener could not start; the caller has printed the URL anyway.
bool open_browser(const std::string& url);

}  // namespace canrun::web
