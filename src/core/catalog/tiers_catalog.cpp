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
    const auto it = rec.find(field);
    if (it == rec.end() || !it->is_object() || !it->contains("en") || !it->contains("zh") ||
        !(*it)["en"].is_string() || !(*it)["zh"].is_string()) {
        return fail(fmt::format("{}: tier {}: field {} needs {{\"en\": text, \"zh\": text}}",
                                d.file.path, id, field));
    }
    return Bilingual{(*it)["en"].get<std::string>(), (*it)["zh"].get<std::string>()};
}

Result<Tier> parse_tier(const DataJson& d, const nlohmann::json& rec) {
    if (!rec.is_object() || !rec.contains("id") || !rec["id"].is_string()) {
        return fail(fmt::format("{}: a tier has no string \"id\"", d.file.path));
    }
    Tier t;
    t.id = rec["id"].get<std::string>();
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
    const auto p = rec.find("params_b");
    if (p == rec.end() || !p->is_object() || !(*p)["min"].is_number() ||
        !(*p)["max"].is_number() || (*p)["min"].get<double>() <= 0 ||
        (*p)["max"].get<double>() < (*p)["min"].get<double>()) {
        return fail(fmt::format("{}: tier {}: params_b needs 0 < min <= max", d.file.path, t.id));
    }
    t.params_min_b = (*p)["min"].get<double>();
    t.params_max_b = (*p)["max"].get<double>();
    if (!rec.contains("source") || !rec["source"].is_string() ||
        rec["source"].get<std::string>().empty()) {
        return fail(fmt::format("{}: tier {}: missing source", d.file.path, t.id));
    }
    t.source = rec["source"].get<std::string>();
    return t;
}

}  // namespace

Result<std::vector<Tier>> parse_tiers(const DataJson& data) {
    const auto it = data.json.find("tiers");
    if (it == data.json.end() || !it->is_array()) {
        return fail(fmt::format("{}: needs a \"tiers\" array", data.file.path));
    }
    std::vector<Tier> tiers;
    for (const auto& rec : *it) {
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
