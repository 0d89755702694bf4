// Sequential read speed of the disk holding the models, past the page cache where possible.
#pragma once

#include <cstdint>
#include <string>

namespace canrun::bench {

struct DiskReadResult {
    double gbps = 0;           // GB/s; 0 = not measured (see note)
    bool direct = false;       // O_DIRECT read: the page cache did not answer
    std::string path;          // the file read
    std::uint64_t bytes = 0;   // how much was read
    std::string note;          // stable id when something went wrong or was approximated
};

// Reads the largest file of at least 64 MiB under `dir` (or, when there is none, a scratch file
// written there and removed afterwards) for at most `max_bytes` / `max_seconds`.
// Notes: "disk.no_dir", "disk.cannot_write", "disk.read_failed", "disk.cache_not_bypassed".
DiskReadResult measure_disk_read(const std::string& dir, std::uint64_t max_bytes,
                                 double max_seconds);

}  // namespace canrun::bench
