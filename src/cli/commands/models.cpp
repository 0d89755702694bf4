// canrun models [--search TEXT]: the catalog, one row per model (or JSON).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "environment.h"
#include "catalog/data_source.h"
#include "catalog/model_catalog.h"
#include "commands.h"
#include "report/lang.h"
#include "report/models_json.h"
#include "report/models_listing.h"
#include "report/models_text.h"

namespace canrun::cli {

int run_models(const Options& o) {
    const auto catalog = catalog::load_model_catalog(catalog::default_data_source(o.global.data_dir));
    if (!catalog) {
        std::fprintf(stderr, "canrun: %s\n", catalog.error().message.c_str());
        return static_cast<int>(catalog.error().code);
    }
    const auto list = report::list_models(*catalog, o.models.search);
    if (o.global.json) {
        std::fputs(report::models_to_json(list).c_str(), stdout);
        return 0;
    }
    const auto lang = lang_of(o.global);
    std::fputs(report::models_to_text(list, lang).c_str(), stdout);
    return 0;
}

}  // namespace canrun::cli
