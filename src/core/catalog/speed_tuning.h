// data/speed.json: the efficiency constants of the speed model, loaded and checked.
#pragma once

#include "catalog/data_source.h"
#include "estimate/speed_tuning.h"
#include "util/result.h"

namespace canrun::catalog {

// Parses and checks speed.json: known ids, positive numbers, a source on every record.
// Every problem is reported at once, one per line.
Result<estimate::SpeedTuning> parse_speed_tuning(const DataJson& data);
Result<estimate::SpeedTuning> load_speed_tuning(const DataSourceOptions& options);

}  // namespace canrun::catalog
