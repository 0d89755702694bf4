#include "catalog/speed_tuning.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "catalog/speed_tuning_fields.h"

namespace canrun::catalog {

namespace {

using estimate::Backend;
using estimate::SpeedTuning;

struct Problems {
    std::string file;
    std::vector<std::string> lines;

    void add(const std::string& what) { lines.push_back(file + ": " + what); }
};

// A positive number at j[key], or a problem naming the record.
double number(const nlohmann::json& j, const char* key, const std::string& where, Problems& p) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number() || it->get<double>() <= 0) {
        p.add(fmt::format("{}: \"{}\" must be a positive number", where, key));
        return 1.0;
    }
    return it->get<double>();
}

std::string text(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Each record of a list, with its id, after the checks every record shares.
template <typename F>
void for_records(const nlohmann::json& root, const char* list, Problems& p, F&& each) {
    const auto it = root.find(list);
    if (it == root.end() || !it->is_array()) {
        p.add(fmt::format("\"{}\" must be a list", list));
        return;
    }
    for (const auto& r : *it) {
        const std::string id = r.is_object() ? text(r, "id") : std::string();
        if (id.empty()) {
            p.add(fmt::format("a record in \"{}\" has no \"id\"", list));
            continue;
        }
        if (text(r, "source").empty()) {
            p.add(fmt::format("{} \"{}\": no \"source\"", list, id));
        }
        each(r, id);
    }
}

constexpr std::array<std::pair<std::string_view, Backend>, 5> kBackends{{
    {"cuda", Backend::Cuda}, {"metal", Backend::Metal}, {"rocm", Backend::Rocm},
    {"vulkan", Backend::Vulkan}, {"sycl", Backend::Sycl},
}};

void read_backends(const nlohmann::json& root, SpeedTuning& t, Problems& p) {
    for_records(root, "backends", p, [&](const nlohmann::json& r, const std::string& id) {
        for (const auto& [name, backend] : kBackends) {
            if (name == id) {
                const std::string w = "backend " + id;
                t.backends.push_back({backend, number(r, "decode_bw_efficiency", w, p),
                                      number(r, "prefill_efficiency", w, p),
                                      number(r, "token_floor_s", w, p),
                                      number(r, "layer_floor_s", w, p),
                                      r.contains("decode_bytes_per_flop")
                                          ? number(r, "decode_bytes_per_flop", w, p)
                                          : 0.0});
                return;
            }
        }
        p.add(fmt::format("unknown backend \"{}\" (cuda, metal, rocm, vulkan, sycl)", id));
    });
}

void read_quants(const nlohmann::json& root, SpeedTuning& t, Problems& p) {
    for_records(root, "quants", p, [&](const nlohmann::json& r, const std::string& id) {
        const std::string w = "quant " + id;
        t.quants.push_back({id, number(r, "gpu_decode_factor", w, p),
                            number(r, "gpu_prefill_factor", w, p),
                            number(r, "cpu_core_gbps", w, p),
                            r.contains("bench_scale") ? number(r, "bench_scale", w, p) : 1.0});
    });
}

void read_isas(const nlohmann::json& root, SpeedTuning& t, Problems& p) {
    for_records(root, "isas", p, [&](const nlohmann::json& r, const std::string& id) {
        if (!r.contains("feature") || !r["feature"].is_string()) {
            p.add(fmt::format("isa \"{}\": \"feature\" must be a string (\"\" = any CPU)", id));
        }
        t.isas.push_back({text(r, "feature"), number(r, "core_factor", "isa " + id, p),
                          text(r, "cpu_name_prefix")});
    });
}

// Optional (older data dirs lack it): CPU prefill factors per feature and quant family.
void read_prefill_isas(const nlohmann::json& root, SpeedTuning& t, Problems& p) {
    if (!root.contains("prefill_isas")) {
        return;
    }
    for_records(root, "prefill_isas", p, [&](const nlohmann::json& r, const std::string& id) {
        estimate::PrefillIsaTuning row;
        row.feature = text(r, "feature");
        const auto families = r.find("families");
        if (row.feature.empty() || families == r.end() || !families->is_array()) {
            p.add(fmt::format("prefill_isa \"{}\": needs \"feature\" and a \"families\" list", id));
            return;
        }
        for (const auto& f : *families) {
            row.families.push_back(f.is_string() ? f.get<std::string>() : std::string());
        }
        row.factor = number(r, "factor", "prefill_isa " + id, p);
        t.prefill_isas.push_back(row);
    });
}

}  // namespace

Result<estimate::SpeedTuning> parse_speed_tuning(const DataJson& data) {
    Problems p{data.file.path, {}};
    if (data.schema_version != 1) {
        p.add(fmt::format("schema_version {} is not supported (expected 1)", data.schema_version));
    }
    SpeedTuning t;
    read_backends(data.json, t, p);
    read_quants(data.json, t, p);
    read_isas(data.json, t, p);
    read_prefill_isas(data.json, t, p);
    read_speed_constants(data.json, t, p.lines, p.file);
    if (!p.lines.empty()) {
        std::string all = p.lines.front();
        for (std::size_t i = 1; i < p.lines.size(); ++i) {
            all += "\n" + p.lines[i];
        }
        return fail(all + "\n(fix the file or remove it to use the built-in copy)");
    }
    return t;
}

Result<estimate::SpeedTuning> load_speed_tuning(const DataSourceOptions& options) {
    auto data = load_data_json("speed.json", options);
    if (!data) {
        return tl::unexpected(data.error());
    }
    return parse_speed_tuning(*data);
}

}  // namespace canrun::catalog
