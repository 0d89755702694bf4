// Finds and reads a data file (models.json, hardware.json, i18n/en.json ...) from, in order:
// --data-dir DIR, $XDG_DATA_HOME/canrun (default ~/.local/share/canrun), the install prefix's
// share/canrun, and finally the copy embedded in the binary at build time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/result.h"

namespace canrun::catalog {

enum class DataOrigin { DataDir, UserDir, InstallDir, Embedded };

// "data-dir", "user", "install", "built-in".
std::string_view origin_name(DataOrigin origin);

struct DataSourceOptions {
    std::string data_dir;      // --data-dir; empty = not given
    std::string user_dir;      // $XDG_DATA_HOME/canrun or ~/.local/share/canrun; empty = skip
    std::string install_dir;   // <prefix>/share/canrun; empty = skip
    bool use_embedded = true;  // fall back to the copy built into the binary
};

// The usual search path: data_dir from --data-dir, the rest from the environment
// (XDG_DATA_HOME, HOME) and the install prefix compiled in.
DataSourceOptions default_data_source(std::string data_dir);

struct DataFile {
    std::string name;  // as asked for, e.g. "models.json"
    std::string text;
    DataOrigin origin = DataOrigin::Embedded;
    std::string path;  // the file read, or "<built-in>/models.json"
};

// The first copy of `name` found along the search path. Errors (exit 3): --data-dir is not a
// directory, a file exists but cannot be read, or no copy exists anywhere.
Result<DataFile> load_data_file(std::string_view name, const DataSourceOptions& options);

// A data file parsed as JSON and checked for the common envelope:
// {"schema_version": N, "data_version": "...", ...}.
struct DataJson {
    DataFile file;
    nlohmann::json json;
    int schema_version = 0;
    std::string data_version;
};

Result<DataJson> load_data_json(std::string_view name, const DataSourceOptions& options);

// Parses text already in hand (tests, and files given on the command line).
Result<DataJson> parse_data_json(DataFile file);

// The copy embedded in the binary, if one was built in.
std::optional<std::string_view> embedded_data_file(std::string_view name);

// Names of every embedded data file, sorted.
std::vector<std::string> embedded_data_file_names();

}  // namespace canrun::catalog
