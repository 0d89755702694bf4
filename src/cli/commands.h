// One function per command; each lives in commands/<name>.cpp. They return the exit code.
#pragma once

#include "options.h"

namespace canrun::cli {

int run_main(const Options& o);
int run_fit(const Options& o);
int run_recommend(const Options& o);
int run_table(const Options& o);
int run_hw(const Options& o);
int run_models(const Options& o);
int run_bench(const Options& o);
int run_scan(const Options& o);  // scan helper
int run_serve(const Options& o);  // serve helper (built with CANRUN_WEB)
int run_plan(const Options& o);  // plan helper

}  // namespace canrun::cli
