// The page's files (web/index.html, app.js, style.css), embedded into the binary at build time.
// Served by exact name only: there is no directory behind them to traverse.
#pragma once

#include <optional>
#include <string_view>

namespace canrun::web {

struct Asset {
    std::string_view content_type;
    std::string_view bytes;
};

// "/" and "/index.html" -> the page; "/app.js", "/style.css"; anything else -> nullopt.
std::optional<Asset> find_asset(std::string_view path);

}  // namespace canrun::web
