// Copies of the same model in different files (not links to one file: those are one model).
// Heuristic, named in Duplicate::evidence: the same size, and the same FNV-1a hash of the first
// and the last 64 KiB (the end is tensor data, which differs between fine-tunes even when the
// headers match). Only files whose sizes collide are read at all.
#pragma once

#include <vector>

#include "scan/found_model.h"

namespace canrun::scan {

inline constexpr const char* kDuplicateEvidence = "same_size_and_first_last_64kib_hash";

// Moves the copies out of `models` (the first found stays) and returns the duplicate groups.
std::vector<Duplicate> take_duplicates(std::vector<FoundModel>& models);

}  // namespace canrun::scan
