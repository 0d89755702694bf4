#include "catalog/hardware_record.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace canrun::catalog {

HardwareRecordReader::HardwareRecordReader(const nlohmann::json& rec, std::string where,
                                           std::vector<std::string>& problems)
    : rec_(rec), where_(std::move(where)), problems_(problems) {}

void HardwareRecordReader::problem(const char* field, const std::string& what) {
    problems_.push_back(fmt::format("{}: field \"{}\": {}", where_, field, what));
}

void HardwareRecordReader::check_known(const std::vector<std::string>& known) {
    for (const auto& item : rec_.items()) {
        if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
            problem(item.key().c_str(), "unknown field (a typo?)");
        }
    }
}

const nlohmann::json* HardwareRecordReader::find(const char* field, bool required) {
    const auto it = rec_.find(field);
    if (it == rec_.end() || it->is_null()) {
        if (required) {
            problem(field, "missing");
        }
        return nullptr;
    }
    return &*it;
}

std::string HardwareRecordReader::text(const char* field, bool required) {
    const nlohmann::json* v = find(field, required);
    if (v == nullptr) {
        return {};
    }
    if (!v->is_string() || (required && v->get<std::string>().empty())) {
        problem(field, "must be a non-empty string");
        return {};
    }
    return v->get<std::string>();
}

std::vector<std::string> HardwareRecordReader::texts(const char* field) {
    const nlohmann::json* v = find(field, false);
    std::vector<std::string> out;
    if (v == nullptr) {
        return out;
    }
    if (!v->is_array()) {
        problem(field, "must be an array of strings");
        return out;
    }
    for (const auto& item : *v) {
        if (!item.is_string() || item.get<std::string>().empty()) {
            problem(field, "must hold only non-empty strings");
            return {};
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::optional<double> HardwareRecordReader::number(const char* field, bool required, double min,
                                                   double max) {
    const nlohmann::json* v = find(field, required);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_number() || v->get<double>() < min || v->get<double>() > max) {
        problem(field, fmt::format("must be a number from {} to {}", min, max));
        return std::nullopt;
    }
    return v->get<double>();
}

std::optional<int> HardwareRecordReader::integer(const char* field, bool required, int min,
                                                 int max) {
    const nlohmann::json* v = find(field, required);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_number_integer() || v->get<long long>() < min || v->get<long long>() > max) {
        problem(field, fmt::format("must be a whole number from {} to {}", min, max));
        return std::nullopt;
    }
    return static_cast<int>(v->get<long long>());
}

std::vector<double> HardwareRecordReader::numbers(const char* field, double min, double max) {
    const nlohmann::json* v = find(field, false);
    std::vector<double> out;
    if (v == nullptr) {
        return out;
    }
    const bool ok = v->is_array() && !v->empty() &&
                    std::all_of(v->begin(), v->end(), [&](const nlohmann::json& x) {
                        return x.is_number() && x.get<double>() >= min && x.get<double>() <= max;
                    });
    if (!ok) {
        problem(field, fmt::format("must be a non-empty array of numbers from {} to {}", min, max));
        return out;
    }
    for (const auto& x : *v) {
        out.push_back(x.get<double>());
    }
    return out;
}

std::optional<bool> HardwareRecordReader::boolean(const char* field, bool required) {
    const nlohmann::json* v = find(field, required);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_boolean()) {
        problem(field, "must be true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

}  // namespace canrun::catalog
