// `canrun fit`: the memory breakdown as text for people, in English or Chinese.
#pragma once

#include <string>

#include "report/fit_report.h"
#include "report/lang.h"

namespace canrun::report {

std::string fit_to_text(const FitReport& r, Lang lang);

}  // namespace canrun::report
