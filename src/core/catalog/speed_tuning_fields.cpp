// The scalar constants and spreads of data/speed.json, mapped by id onto SpeedTuning fields.
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "catalog/speed_tuning_fields.h"

namespace canrun::catalog {

namespace {

using estimate::Spread;
using estimate::SpeedTuning;

struct ConstantField {
    std::string_view id;
    double SpeedTuning::*field;
};

constexpr std::array<ConstantField, 18> kConstants{{
    {"cpu_bw_efficiency", &SpeedTuning::cpu_bw_efficiency},
    {"cpu_sync_s", &SpeedTuning::cpu_sync_s},
    {"cpu_measured_bw_efficiency", &SpeedTuning::cpu_measured_bw_efficiency},
    {"cpu_token_floor_s", &SpeedTuning::cpu_token_floor_s},
    {"cpu_prefill_per_decode_kernel", &SpeedTuning::cpu_prefill_per_decode_kernel},
    {"bound_sharpness", &SpeedTuning::bound_sharpness},
    {"pcie_efficiency", &SpeedTuning::pcie_efficiency},
    {"handoff_s", &SpeedTuning::handoff_s},
    {"allreduce_nvlink_s", &SpeedTuning::allreduce_nvlink_s},
    {"allreduce_pcie_s", &SpeedTuning::allreduce_pcie_s},
    {"tp_efficiency", &SpeedTuning::tp_efficiency},
    {"page_cache_gbps", &SpeedTuning::page_cache_gbps},
    {"disk_unknown_gbps", &SpeedTuning::disk_unknown_gbps},
    {"disk_fast_gbps", &SpeedTuning::disk_fast_gbps},
    {"disk_slow_gbps", &SpeedTuning::disk_slow_gbps},
    {"load_fixed_s", &SpeedTuning::load_fixed_s},
    {"default_pcie_gbps", &SpeedTuning::default_pcie_gbps},
    {"cuda_copy_share", &SpeedTuning::cuda_copy_share},
}};

struct SpreadField {
    std::string_view id;
    Spread SpeedTuning::*field;
};

constexpr std::array<SpreadField, 5> kSpreads{{
    {"decode_calibrated", &SpeedTuning::decode_calibrated},
    {"decode_uncalibrated", &SpeedTuning::decode_uncalibrated},
    {"prefill_calibrated", &SpeedTuning::prefill_calibrated},
    {"prefill_uncalibrated", &SpeedTuning::prefill_uncalibrated},
    {"load", &SpeedTuning::load},
}};

bool positive(const nlohmann::json& r, const char* key) {
    return r.contains(key) && r[key].is_number() && r[key].get<double>() > 0;
}

bool has_source(const nlohmann::json& r) {
    return r.contains("source") && r["source"].is_string() && !r["source"].get<std::string>().empty();
}

std::string record_id(const nlohmann::json& r) {
    return r.is_object() && r.contains("id") && r["id"].is_string() ? r["id"].get<std::string>()
                                                                    : std::string();
}

void read_constant(const nlohmann::json& r, SpeedTuning& t, std::vector<std::string>& out,
                   const std::string& file, std::set<std::string>& seen) {
    const std::string id = record_id(r);
    for (const auto& c : kConstants) {
        if (c.id == id) {
            seen.insert(id);
            if (!positive(r, "value") || !has_source(r)) {
                out.push_back(fmt::format("{}: constant \"{}\" needs a positive \"value\" and a \"source\"", file, id));
                return;
            }
            t.*c.field = r["value"].get<double>();
            return;
        }
    }
    out.push_back(fmt::format("{}: unknown constant \"{}\"", file, id));
}

void read_spread(const nlohmann::json& r, SpeedTuning& t, std::vector<std::string>& out,
                 const std::string& file, std::set<std::string>& seen) {
    const std::string id = record_id(r);
    for (const auto& s : kSpreads) {
        if (s.id == id) {
            seen.insert(id);
            const bool ok = positive(r, "low") && positive(r, "high") && has_source(r) &&
                            r["low"].get<double>() <= 1.0 && r["high"].get<double>() >= 1.0;
            if (!ok) {
                out.push_back(fmt::format("{}: spread \"{}\" needs low <= 1 <= high and a \"source\"", file, id));
                return;
            }
            t.*s.field = Spread{r["low"].get<double>(), r["high"].get<double>()};
            return;
        }
    }
    out.push_back(fmt::format("{}: unknown spread \"{}\"", file, id));
}

}  // namespace

void read_speed_constants(const nlohmann::json& root, SpeedTuning& t,
                          std::vector<std::string>& problems, const std::string& file) {
    std::set<std::string> seen;
    if (root.contains("constants") && root["constants"].is_array()) {
        for (const auto& r : root["constants"]) {
            read_constant(r, t, problems, file, seen);
        }
    }
    if (root.contains("spreads") && root["spreads"].is_array()) {
        for (const auto& r : root["spreads"]) {
            read_spread(r, t, problems, file, seen);
        }
    }
    for (const auto& c : kConstants) {
        if (seen.count(std::string(c.id)) == 0) {
            problems.push_back(fmt::format("{}: constant \"{}\" is missing", file, c.id));
        }
    }
    for (const auto& s : kSpreads) {
        if (seen.count(std::string(s.id)) == 0) {
            problems.push_back(fmt::format("{}: spread \"{}\" is missing", file, s.id));
        }
    }
}

}  // namespace canrun::catalog
