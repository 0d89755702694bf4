#include "assets.h"

#include <array>

namespace canrun::embedded {
extern const std::string_view web_index_html;
extern const std::string_view web_app_js;
extern const std::string_view web_text_js;
extern const std::string_view web_style_css;
}  // namespace canrun::embedded

namespace canrun::web {

namespace {

struct NamedAsset {
    std::string_view path;
    std::string_view content_type;
    const std::string_view* bytes;
};

const std::array<NamedAsset, 5> kAssets = {{
    {"/", "text/html; charset=utf-8", &embedded::web_index_html},
    {"/index.html", "text/html; charset=utf-8", &embedded::web_index_html},
    {"/app.js", "text/javascript; charset=utf-8", &embedded::web_app_js},
    {"/text.js", "text/javascript; charset=utf-8", &embedded::web_text_js},
    {"/style.css", "text/css; charset=utf-8", &embedded::web_style_css},
}};

}  // namespace

std::optional<Asset> find_asset(std::string_view path) {
    for (const auto& a : kAssets) {
        if (a.path == path) {
            return Asset{a.content_type, *a.bytes};
        }
    }
    return std::nullopt;
}

}  // namespace canrun::web
