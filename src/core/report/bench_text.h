// `canrun bench` as text for people (en / zh-CN) and as JSON.
#pragma once

#include <string>

#include "bench/bench_record.h"
#include "report/lang.h"

namespace canrun::report {

struct BenchOutcome {
    std::string saved_to;   // path of the record; "" when not saved
    std::string save_error; // why saving failed, if it did
};

std::string bench_to_text(const bench::BenchRecord& r, const BenchOutcome& outcome, Lang lang);

// {"schema_version", "cpu_model", "threads", "memory", "kernels", ..., "saved_to", "calibrated"}
std::string bench_to_json(const bench::BenchRecord& r, const BenchOutcome& outcome);

// Text of a bench note id ("disk.cache_not_bypassed", "cuda.no_driver", ...); the id if unknown.
std::string bench_note_text(const std::string& id, Lang lang);

}  // namespace canrun::report
