// Snapshot: everything the probes read from one machine (files, directory listings, links and
// vendor-library or command answers), so the machine replays exactly, in bug reports and tests.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "util/result.h"

namespace canrun::hw {

struct Snapshot {
    std::map<std::string, std::string> files;               // absolute path -> content
    std::map<std::string, std::vector<std::string>> dirs;   // absolute path -> sorted entries
    std::map<std::string, std::string> links;               // absolute path -> link target
    std::map<std::string, std::string> answers;             // "nvml", "statvfs:/x", "cmd:npu-smi"
};

/// Writes the snapshot as JSON (binary file contents hex-encoded).
[[nodiscard]] Result<void> save_snapshot(const Snapshot& s, const std::filesystem::path& file);

/// Reads a snapshot written by save_snapshot; names the file and the problem on failure.
[[nodiscard]] Result<Snapshot> load_snapshot(const std::filesystem::path& file);

/// The JSON text of a snapshot (deterministic: keys sorted).
std::string snapshot_to_json(const Snapshot& s);
[[nodiscard]] Result<Snapshot> snapshot_from_json(const std::string& text);

}  // namespace canrun::hw
