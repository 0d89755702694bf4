#include "catalog/record_reader.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace canrun::catalog {

void RecordReader::begin(const nlohmann::json& record, std::string label) {
    label_ = std::move(label);
    if (!record.is_object()) {
        problem("", "must be a JSON object");
    }
}

void RecordReader::problem(std::string_view field, std::string_view what) {
    if (field.empty()) {
        problems_->push_back(fmt::format("{}: {}: {}", file_, label_, what));
    } else {
        problems_->push_back(fmt::format("{}: {}: \"{}\" {}", file_, label_, field, what));
    }
}

const nlohmann::json* RecordReader::find(const nlohmann::json& obj, std::string_view key,
                                         bool required) {
    if (obj.is_object()) {
        const auto it = obj.find(key);
        if (it != obj.end() && !it->is_null()) {
            return &*it;
        }
    }
    if (required) {
        problem(key, "is missing");
    }
    return nullptr;
}

std::string RecordReader::str(const nlohmann::json& obj, std::string_view key, bool required) {
    const auto* v = find(obj, key, required);
    if (v == nullptr) {
        return {};
    }
    if (!v->is_string()) {
        problem(key, "must be a string");
        return {};
    }
    auto s = v->get<std::string>();
    if (required && s.empty()) {
        problem(key, "must not be empty");
    }
    return s;
}

std::uint64_t RecordReader::uint(const nlohmann::json& obj, std::string_view key, bool required,
                                 std::uint64_t max) {
    const auto* v = find(obj, key, required);
    if (v == nullptr) {
        return 0;
    }
    if (!v->is_number_unsigned() && !(v->is_number_integer() && v->get<std::int64_t>() >= 0)) {
        problem(key, "must be a whole number >= 0");
        return 0;
    }
    const auto n = v->get<std::uint64_t>();
    if (n > max) {
        problem(key, fmt::format("is {}, more than the limit {}", n, max));
        return 0;
    }
    return n;
}

std::optional<double> RecordReader::number(const nlohmann::json& obj, std::string_view key) {
    const auto* v = find(obj, key, false);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_number()) {
        problem(key, "must be a number");
        return std::nullopt;
    }
    return v->get<double>();
}

bool RecordReader::boolean(const nlohmann::json& obj, std::string_view key, bool fallback) {
    const auto* v = find(obj, key, false);
    if (v == nullptr) {
        return fallback;
    }
    if (!v->is_boolean()) {
        problem(key, "must be true or false");
        return fallback;
    }
    return v->get<bool>();
}

std::vector<std::string> RecordReader::strings(const nlohmann::json& obj, std::string_view key) {
    std::vector<std::string> out;
    const auto* v = find(obj, key, false);
    if (v == nullptr) {
        return out;
    }
    if (!v->is_array()) {
        problem(key, "must be a list of strings");
        return out;
    }
    for (const auto& item : *v) {
        if (!item.is_string()) {
            problem(key, "must be a list of strings");
            return {};
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

void RecordReader::only_known(const nlohmann::json& obj,
                              std::initializer_list<std::string_view> known,
                              std::string_view where) {
    if (!obj.is_object()) {
        return;
    }
    for (const auto& [key, value] : obj.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            const std::string field = where.empty() ? key : fmt::format("{}.{}", where, key);
            problem(field, "is not a known field (a typo?)");
        }
    }
}

std::string join_problems(const std::vector<std::string>& problems, std::size_t max_lines) {
    std::string out;
    const std::size_t shown = std::min(problems.size(), max_lines);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) {
            out += "\ncanrun: ";
        }
        out += problems[i];
    }
    if (problems.size() > shown) {
        out += fmt::format("\ncanrun: ... and {} more problems", problems.size() - shown);
    }
    return out;
}

}  // namespace canrun::catalog
