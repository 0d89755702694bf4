// Speed figures as text for people (en / zh-CN): one summary line, and with --explain the terms.
#pragma once

#include <string>

#include "estimate/speed.h"
#include "report/lang.h"

namespace canrun::report {

// "about 38 tok/s (29-46) generating; prompt 520 tok/s (340-730); first token 1.0 s (0.7-1.5)
//  for 512 tokens; load 2.1 s (0.4-14); uncalibrated: run `canrun bench`"
std::string speed_summary(const estimate::SpeedEstimate& s, const estimate::SpeedQuery& q, Lang lang);

// One indented line per term ("  decode.gpu0.bytes  3.83 GB"), for --explain.
std::string speed_explain(const estimate::SpeedEstimate& s, Lang lang);

// Text of a speed note id ("speed.cpu_compute_bound", ...); the id if unknown.
std::string speed_note_text(const std::string& id, Lang lang);

}  // namespace canrun::report
