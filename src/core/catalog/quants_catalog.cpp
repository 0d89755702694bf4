#include "catalog/quants_catalog.h"

#include <set>

#include <fmt/format.h>

#include "catalog/record_reader.h"
#include "util/strings.h"

namespace canrun::catalog {

namespace {

using nlohmann::json;

std::optional<QuantCost> read_cost(RecordReader& r, const json& rec) {
    const auto it = rec.find("llama3_8b");
    if (it == rec.end()) {
        return std::nullopt;
    }
    const json& o = *it;
    r.only_known(o, {"size_gib", "ppl_delta", "ppl_ratio", "mean_kld", "imatrix", "source"},
                 "llama3_8b");
    QuantCost c;
    c.size_gib = r.number(o, "size_gib").value_or(0);
    c.ppl_delta = r.number(o, "ppl_delta").value_or(0);
    c.ppl_ratio = r.number(o, "ppl_ratio").value_or(1);
    c.mean_kld = r.number(o, "mean_kld").value_or(-1);
    c.imatrix = r.boolean(o, "imatrix");
    c.source = r.str(o, "source");
    if (c.size_gib <= 0) {
        r.problem("llama3_8b.size_gib", "must be positive");
    }
    if (c.mean_kld < 0) {
        r.problem("llama3_8b.mean_kld", "must be a number >= 0");
    }
    return c;
}

QuantInfo read_quant(RecordReader& r, const json& rec) {
    r.only_known(rec, {"name", "ftype", "bulk_type", "bulk_bpw", "nominal_bpw", "needs_imatrix",
                       "help_string", "llama3_8b", "note", "source"});
    QuantInfo q;
    q.name = r.str(rec, "name");
    q.ftype = static_cast<std::uint32_t>(r.uint(rec, "ftype", true, 1023));
    q.bulk_type = r.str(rec, "bulk_type");
    q.bulk_bpw = r.number(rec, "bulk_bpw").value_or(0);
    q.nominal_bpw = r.number(rec, "nominal_bpw").value_or(0);
    q.needs_imatrix = r.boolean(rec, "needs_imatrix");
    q.llama3_8b = read_cost(r, rec);
    q.note = r.str(rec, "note", false);
    q.source = r.str(rec, "source");
    if (q.bulk_bpw <= 0 || q.bulk_bpw > 32 || q.nominal_bpw <= 0 || q.nominal_bpw > 32) {
        r.problem("nominal_bpw", "bits per weight must be in (0, 32]");
    }
    return q;
}

}  // namespace

const QuantInfo* QuantsCatalog::find(std::string_view name) const {
    std::string key = to_lower(trim(name));
    if (key == "q4_k" || key == "q5_k" || key == "q3_k") {
        key += "_m";
    } else if (key == "fp16") {
        key = "f16";
    } else if (key == "mxfp4") {
        key = "mxfp4_moe";
    }
    for (const auto& q : quants) {
        if (to_lower(q.name) == key) {
            return &q;
        }
    }
    return nullptr;
}

Result<QuantsCatalog> parse_quants_catalog(const DataJson& data) {
    std::vector<std::string> problems;
    RecordReader r(data.file.path, problems);
    QuantsCatalog cat;
    cat.path = data.file.path;
    const auto it = data.json.find("quants");
    if (it == data.json.end() || !it->is_array()) {
        return fail(fmt::format("{}: \"quants\" must be a list", data.file.path));
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& rec = (*it)[i];
        std::string label = fmt::format("quant #{}", i + 1);
        if (rec.is_object() && rec.contains("name") && rec["name"].is_string()) {
            label = fmt::format("quant \"{}\"", rec["name"].get<std::string>());
        }
        r.begin(rec, label);
        QuantInfo q = read_quant(r, rec);
        if (!q.name.empty() && !seen.insert(to_lower(q.name)).second) {
            r.problem("name", "is used by an earlier record");
        }
        cat.quants.push_back(std::move(q));
    }
    if (!problems.empty()) {
        return fail(join_problems(problems));
    }
    return cat;
}

Result<QuantsCatalog> load_quants_catalog(const DataSourceOptions& options) {
    auto data = load_data_json("quants.json", options);
    if (!data) {
        return tl::unexpected(data.error());
    }
    return parse_quants_catalog(*data);
}

}  // namespace canrun::catalog
