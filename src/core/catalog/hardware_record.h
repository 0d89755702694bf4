// Reads one record of hardware.json field by field, collecting every problem it finds
// (internal to the catalog: hardware_catalog.cpp is its only user).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/hardware_catalog.h"

namespace canrun::catalog {

// `where` is "<file>: device <id>"; problems are appended as "<where>: field "x": what".
class HardwareRecordReader {
public:
    HardwareRecordReader(const nlohmann::json& rec, std::string where,
                         std::vector<std::string>& problems);

    void problem(const char* field, const std::string& what);
    // Fields not in `known` are reported as unknown.
    void check_known(const std::vector<std::string>& known);

    std::string text(const char* field, bool required);
    std::vector<std::string> texts(const char* field);
    std::optional<double> number(const char* field, bool required, double min, double max);
    std::optional<int> integer(const char* field, bool required, int min, int max);
    std::vector<double> numbers(const char* field, double min, double max);
    std::optional<bool> boolean(const char* field, bool required);

private:
    const nlohmann::json* find(const char* field, bool required);

    const nlohmann::json& rec_;
    std::string where_;
    std::vector<std::string>& problems_;
};

// Parses a record of "devices" or (cpu_platform = true) of "cpu_platforms".
HardwareSpec read_hardware_record(const nlohmann::json& rec, bool cpu_platform,
                                  const std::string& path, std::vector<std::string>& problems);

}  // namespace canrun::catalog
