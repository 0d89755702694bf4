#include "environment.h"
#include "commands/hw_list_devices.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "catalog/hardware_catalog.h"
#include "catalog/hardware_lookup.h"
#include "report/devices_json.h"
#include "report/devices_text.h"
#include "report/lang.h"

namespace canrun::cli {

int run_hw_list_devices(const Options& o) {
    const auto catalog = catalog::load_hardware(catalog::default_data_source(o.global.data_dir));
    if (!catalog) {
        std::fprintf(stderr, "canrun: %s\n", catalog.error().message.c_str());
        return static_cast<int>(catalog.error().code);
    }
    const auto found = catalog::search_hardware(*catalog, o.hw.search);
    if (o.global.json) {
        std::fputs(report::devices_to_json(found, catalog->data_version).c_str(), stdout);
        return 0;
    }
    const auto lang = lang_of(o.global);
    std::fputs(report::devices_to_text(found, o.hw.search, lang).c_str(), stdout);
    return 0;
}

}  // namespace canrun::cli
