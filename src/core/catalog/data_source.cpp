#include "catalog/data_source.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "catalog/embedded_data.h"

#ifndef CANRUN_INSTALL_DATADIR
#define CANRUN_INSTALL_DATADIR ""
#endif

namespace canrun::catalog {

namespace fs = std::filesystem;

namespace {

std::string env_or_empty(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? std::string(v) : std::string();
}

bool is_plain_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

Result<std::string> read_whole_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        return fail(fmt::format("{}: cannot be read; check its permissions", p.string()));
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        return fail(fmt::format("{}: read error; check the disk", p.string()));
    }
    return ss.str();
}

// A name must stay inside the data directory: no absolute paths, no "..".
bool is_safe_name(std::string_view name) {
    if (name.empty() || name.front() == '/') {
        return false;
    }
    const fs::path p{std::string(name)};
    for (const auto& part : p) {
        if (part == "..") {
            return false;
        }
    }
    return true;
}

std::optional<DataFile> try_dir(std::string_view dir, std::string_view name, DataOrigin origin,
                                Result<std::string>& error_out) {
    if (dir.empty()) {
        return std::nullopt;
    }
    const fs::path p = fs::path(std::string(dir)) / std::string(name);
    if (!is_plain_file(p)) {
        return std::nullopt;
    }
    auto text = read_whole_file(p);
    if (!text) {
        error_out = std::move(text);
        return std::nullopt;
    }
    return DataFile{std::string(name), std::move(*text), origin, p.string()};
}

}  // namespace

std::string_view origin_name(DataOrigin origin) {
    switch (origin) {
        case DataOrigin::DataDir: return "data-dir";
        case DataOrigin::UserDir: return "user";
        case DataOrigin::InstallDir: return "install";
        case DataOrigin::Embedded: return "built-in";
    }
    return "built-in";
}

DataSourceOptions default_data_source(std::string data_dir) {
    DataSourceOptions o;
    o.data_dir = std::move(data_dir);
    const std::string xdg = env_or_empty("XDG_DATA_HOME");
    const std::string home = env_or_empty("HOME");
    if (!xdg.empty()) {
        o.user_dir = (fs::path(xdg) / "canrun").string();
    } else if (!home.empty()) {
        o.user_dir = (fs::path(home) / ".local" / "share" / "canrun").string();
    }
    o.install_dir = CANRUN_INSTALL_DATADIR;
    return o;
}

Result<DataFile> load_data_file(std::string_view name, const DataSourceOptions& options) {
    if (!is_safe_name(name)) {
        return fail(fmt::format("data file name \"{}\" is not a relative name", name),
                    ExitCode::Internal);
    }
    if (!options.data_dir.empty()) {
        std::error_code ec;
        if (!fs::is_directory(options.data_dir, ec)) {
            return fail(fmt::format("--data-dir {}: not a directory; give a folder holding "
                                    "canrun's data files",
                                    options.data_dir));
        }
    }
    const std::pair<std::string_view, DataOrigin> dirs[] = {
        {options.data_dir, DataOrigin::DataDir},
        {options.user_dir, DataOrigin::UserDir},
        {options.install_dir, DataOrigin::InstallDir},
    };
    for (const auto& [dir, origin] : dirs) {
        Result<std::string> error{std::string()};
        if (auto found = try_dir(dir, name, origin, error)) {
            return std::move(*found);
        }
        if (!error) {
            return tl::unexpected(error.error());
        }
    }
    if (options.use_embedded) {
        if (auto text = embedded_data_file(name)) {
            return DataFile{std::string(name), std::string(*text), DataOrigin::Embedded,
                            fmt::format("<built-in>/{}", name)};
        }
    }
    return fail(fmt::format("{}: not found in --data-dir, {}, {} or the built-in data; "
                            "reinstall canrun or pass --data-dir",
                            name, options.user_dir.empty() ? "~/.local/share/canrun" : options.user_dir,
                            options.install_dir.empty() ? "the install prefix" : options.install_dir));
}

Result<DataJson> parse_data_json(DataFile file) {
    nlohmann::json j = nlohmann::json::parse(file.text, nullptr, false);
    if (j.is_discarded()) {
        return fail(fmt::format("{}: not valid JSON; fix the file or remove it to use the "
                                "built-in copy",
                                file.path));
    }
    if (!j.is_object()) {
        return fail(fmt::format("{}: the top level must be a JSON object", file.path));
    }
    const auto sv = j.find("schema_version");
    if (sv == j.end() || !sv->is_number_integer() || sv->get<int>() < 1) {
        return fail(fmt::format("{}: \"schema_version\" must be a positive integer", file.path));
    }
    const auto dv = j.find("data_version");
    if (dv == j.end() || !dv->is_string() || dv->get<std::string>().empty()) {
        return fail(fmt::format("{}: \"data_version\" must be a non-empty string", file.path));
    }
    DataJson out;
    out.schema_version = sv->get<int>();
    out.data_version = dv->get<std::string>();
    out.json = std::move(j);
    out.file = std::move(file);
    return out;
}

std::optional<std::string_view> embedded_data_file(std::string_view name) {
    for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
        if (kEmbeddedFiles[i].name == name) {
            return *kEmbeddedFiles[i].text;
        }
    }
    return std::nullopt;
}

std::vector<std::string> embedded_data_file_names() {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
        names.emplace_back(kEmbeddedFiles[i].name);
    }
    return names;
}

Result<DataJson> load_data_json(std::string_view name, const DataSourceOptions& options) {
    auto file = load_data_file(name, options);
    if (!file) {
        return tl::unexpected(file.error());
    }
    return parse_data_json(std::move(*file));
}

}  // namespace canrun::catalog
