// The nine reference hardware classes (data/tiers.json), loaded and checked.
#pragma once

#include <string>
#include <vector>

#include "catalog/data_source.h"
#include "util/result.h"

namespace canrun::catalog {

struct Bilingual {
    std::string en;
    std::string zh;
};

struct Tier {
    std::string id;  // "laptop-igpu", ... as in shared/reference-table.md
    Bilingual group;
    Bilingual name;
    Bilingual memory;
    Bilingual precision;
    Bilingual models;
    double params_min_b = 0;  // the class's model-size range, billions of parameters
    double params_max_b = 0;
    std::string source;
};

// Parses and checks tiers.json: the nine ids, each once, every field present.
Result<std::vector<Tier>> parse_tiers(const DataJson& data);
Result<std::vector<Tier>> load_tiers(const DataSourceOptions& options);

}  // namespace canrun::catalog
