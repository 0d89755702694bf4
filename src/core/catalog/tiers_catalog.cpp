#include "catalog/tiers_catalog.h"

#include <algorithm>
#include <array>
#include <string_view>

#include <fmt/format.h>

namespace canrun::catalog {

namespace {

constexpr std::array<std::string_view, 9> kTierIds = {
    "laptop-igpu", "laptop-entry", "laptop-performance", "sbc",   "apple-silicon",
    "desktop-entry", "desktop-mid", "desktop-high",      "server"};

Result<Bilingual> bilingual(const DataJson& d, const nlohmann::json& rec, const std::string& id,
                            const char* field) {
    const auto bad = [&] {
        if (!rec.contains(field)) {
            return true;
        }
        const auto& v = rec.at(field);
        return !v.is_object() || !v.contains("en") || !v.contains("zh") ||
               !v.at("en").is_string() || !v.at("zh").is_string();
    };
    if (bad()) {
        return fail(fmt::format("{}: tier {}: field {} needs {{\"en\": text, \"zh\": text}}",
                                d.file.path, id, field));
    }
    const auto& v = rec.at(field);
    return Bilingual{v.at("en").get<std::string>(), v.at("zh").get<std::string>()};
}

Result<Tier> parse_tier(const DataJson& d, const nlohmann::json& rec) {
    if (!rec.is_object() || !rec.contains("id") || !rec.at("id").is_string()) {
        return fail(fmt::format("{}: a tier has no string \"id\"", d.file.path));
    }
    Tier t;
    t.id = rec.at("id").get<std::string>();
    if (std::find(kTierIds.begin(), kTierIds.end(), t.id) == kTierIds.end()) {
        return fail(fmt::format("{}: unknown tier id \"{}\"", d.file.path, t.id));
    }
    struct Field {
        const char* name;
        Bilingual* out;
    };
    for (const Field f : {Field{"group", &t.group}, Field{"name", &t.name},
                          Field{"memory", &t.memory}, Field{"precision", &t.precision},
                          Field{"models", &t.models}}) {
        auto b = bilingual(d, rec, t.id, f.name);
        if (!b) {
            return tl::unexpected(b.error());
        }
        *f.out = *b;
    }
    const auto range_ok = [&] {
        if (!rec.contains("params_b") || !rec.at("params_b").is_object()) {
            return false;
        }
        const auto& p = rec.at("params_b");
        return p.contains("min") && p.contains("max") && p.at("min").is_number() &&
               p.at("max").is_number() && p.at("min").get<double>() > 0 &&
               p.at("max").get<double>() >= p.at("min").get<double>();
    };
    if (!range_ok()) {
        return fail(fmt::format("{}: tier {}: params_b needs 0 < min <= max", d.file.path, t.id));
    }
    t.params_min_b = rec.at("params_b").at("min").get<double>();
    t.params_max_b = rec.at("params_b").at("max").get<double>();
    if (!rec.contains("source") || !rec.at("source").is_string() ||
        rec.at("source").get<std::string>().empty()) {
        return fail(fmt::format("{}: tier {}: missing source", d.file.path, t.id));
    }
    t.source = rec.at("source").get<std::string>();
    return t;
}

}  // namespace

Result<std::vector<Tier>> parse_tiers(const DataJson& data) {
    if (!data.json.contains("tiers") || !data.json.at("tiers").is_array()) {
        return fail(fmt::format("{}: needs a \"tiers\" array", data.file.path));
    }
    std::vector<Tier> tiers;
    for (const auto& rec : data.json.at("tiers")) {
        auto t = parse_tier(data, rec);
        if (!t) {
            return tl::unexpected(t.error());
        }
        for (const auto& seen : tiers) {
            if (seen.id == t->id) {
                return fail(fmt::format("{}: tier {} appears twice", data.file.path, t->id));
            }
        }
        tiers.push_back(std::move(*t));
    }
    if (tiers.size() != kTierIds.size()) {
        return fail(fmt::format("{}: needs the {} reference tiers, found {}", data.file.path,
                                kTierIds.size(), tiers.size()));
    }
    return tiers;
}

Result<std::vector<Tier>> load_tiers(const DataSourceOptions& options) {
    auto data = load_data_json("tiers.json", options);
    if (!data) {
        return tl::unexpected(data.error());
    }
    return parse_tiers(*data);
}

}  // namespace canrun::catalog
