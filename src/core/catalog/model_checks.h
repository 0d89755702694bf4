// Consistency checks on one catalog record (sizes, head counts against dimensions, contexts,
// tasks, dates, sources). Problems go to the reader, named by record and field.
#pragma once

#include "catalog/model_catalog.h"
#include "catalog/record_reader.h"

namespace canrun::catalog {

void check_model(RecordReader& r, const CatalogModel& m);

inline constexpr std::string_view kTasks[] = {"chat", "code", "reasoning", "vision"};

}  // namespace canrun::catalog
