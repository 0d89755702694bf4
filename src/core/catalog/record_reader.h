// RecordReader: reads typed fields out of one JSON record of a data file and collects every
// problem as "<file>: <record id>: <field>: <what is wrong>", so a bad file is reported in full
// and never half-loaded.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace canrun::catalog {

class RecordReader {
public:
    RecordReader(std::string file, std::vector<std::string>& problems)
        : file_(std::move(file)), problems_(&problems) {}

    // The record being read: its id (or "#index" until the id is known) and the JSON object.
    void begin(const nlohmann::json& record, std::string label);
    const std::string& label() const { return label_; }

    // Required fields add a problem when missing; optional ones return the fallback.
    std::string str(const nlohmann::json& obj, std::string_view key, bool required = true);
    std::uint64_t uint(const nlohmann::json& obj, std::string_view key, bool required = true,
                       std::uint64_t max = UINT64_MAX);
    std::optional<double> number(const nlohmann::json& obj, std::string_view key);
    bool boolean(const nlohmann::json& obj, std::string_view key, bool fallback = false);
    std::vector<std::string> strings(const nlohmann::json& obj, std::string_view key);
    // Adds a problem for every key of obj not in `known` (catches typos in hand-written data).
    void only_known(const nlohmann::json& obj, std::initializer_list<std::string_view> known,
                    std::string_view where = {});

    void problem(std::string_view field, std::string_view what);
    const std::string& file() const { return file_; }

private:
    const nlohmann::json* find(const nlohmann::json& obj, std::string_view key, bool required);

    std::string file_;
    std::vector<std::string>* problems_;
    std::string label_;
};

// Joins problems into one error message: one "canrun: "-prefixed line per problem after the
// first (the CLI prints the first line's prefix), capped so a broken file stays readable.
std::string join_problems(const std::vector<std::string>& problems, std::size_t max_lines = 20);

}  // namespace canrun::catalog
