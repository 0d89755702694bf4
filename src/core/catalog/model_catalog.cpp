#include "catalog/model_catalog.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "catalog/model_checks.h"
#include "catalog/record_reader.h"

namespace canrun::catalog {

namespace {

using nlohmann::json;

constexpr std::uint64_t kU32 = UINT32_MAX;
const json kEmpty = json::object();

const json& sub(const json& obj, std::string_view key) {
    if (obj.is_object()) {
        const auto it = obj.find(key);
        if (it != obj.end() && it->is_object()) {
            return *it;
        }
    }
    return kEmpty;
}

std::uint32_t u32(RecordReader& r, const json& o, std::string_view key, bool required = true) {
    return static_cast<std::uint32_t>(r.uint(o, key, required, kU32));
}

void read_moe(RecordReader& r, const json& a, ModelArch& m) {
    if (!a.contains("moe")) {
        return;
    }
    const json& o = sub(a, "moe");
    r.only_known(o, {"n_expert", "n_expert_used", "n_ff_exp", "n_expert_shared", "n_ff_shexp",
                     "n_layer_dense_lead", "moe_every"}, "arch.moe");
    m.n_expert = u32(r, o, "n_expert");
    m.n_expert_used = u32(r, o, "n_expert_used");
    m.n_ff_exp = u32(r, o, "n_ff_exp");
    m.n_expert_shared = u32(r, o, "n_expert_shared", false);
    m.n_ff_shexp = u32(r, o, "n_ff_shexp", false);
    m.n_layer_dense_lead = u32(r, o, "n_layer_dense_lead", false);
    if (o.contains("moe_every")) {
        m.moe_every = u32(r, o, "moe_every");
    }
}

void read_mla(RecordReader& r, const json& a, ModelArch& m) {
    if (!a.contains("mla")) {
        return;
    }
    const json& o = sub(a, "mla");
    r.only_known(o, {"q_lora_rank", "kv_lora_rank", "qk_rope_head_dim", "qk_nope_head_dim",
                     "v_head_dim"}, "arch.mla");
    m.q_lora_rank = u32(r, o, "q_lora_rank");
    m.kv_lora_rank = u32(r, o, "kv_lora_rank");
    m.qk_rope_head_dim = u32(r, o, "qk_rope_head_dim");
    m.qk_nope_head_dim = u32(r, o, "qk_nope_head_dim");
    m.v_head_dim = u32(r, o, "v_head_dim");
}

ModelArch read_arch(RecordReader& r, const json& rec) {
    ModelArch m;
    if (!rec.contains("arch")) {
        r.problem("arch", "is missing");
        return m;
    }
    const json& a = sub(rec, "arch");
    r.only_known(a, {"gguf_arch", "n_layer", "n_embd", "n_ff", "n_head", "n_head_kv", "head_dim",
                     "head_dim_v", "n_vocab", "n_ctx_train", "tied_embeddings", "attn_bias",
                     "qk_norm", "ffn", "moe", "swa", "mla", "per_layer_embd",
                     "n_vocab_per_layer", "note"}, "arch");
    m.gguf_arch = r.str(a, "gguf_arch");
    m.n_layer = u32(r, a, "n_layer");
    m.n_embd = u32(r, a, "n_embd");
    m.n_ff = u32(r, a, "n_ff");
    m.n_head = u32(r, a, "n_head");
    m.n_head_kv = u32(r, a, "n_head_kv");
    m.head_dim = u32(r, a, "head_dim");
    m.head_dim_v = u32(r, a, "head_dim_v", false);
    m.n_vocab = u32(r, a, "n_vocab");
    m.n_ctx_train = u32(r, a, "n_ctx_train");
    m.tied_embeddings = r.boolean(a, "tied_embeddings");
    m.attn_bias = r.boolean(a, "attn_bias");
    m.qk_norm = r.boolean(a, "qk_norm");
    const std::string ffn = r.str(a, "ffn", false);
    if (!ffn.empty() && ffn != "gated" && ffn != "plain") {
        r.problem("arch.ffn", "must be \"gated\" or \"plain\"");
    }
    m.gated_ffn = ffn != "plain";
    read_moe(r, a, m);
    if (a.contains("swa")) {
        const json& o = sub(a, "swa");
        r.only_known(o, {"window", "pattern"}, "arch.swa");
        m.swa_window = u32(r, o, "window");
        m.swa_pattern = u32(r, o, "pattern", false);
    }
    read_mla(r, a, m);
    m.per_layer_embd = u32(r, a, "per_layer_embd", false);
    m.n_vocab_per_layer = u32(r, a, "n_vocab_per_layer", false);
    m.note = r.str(a, "note", false);
    return m;
}

std::optional<OllamaTag> read_ollama(RecordReader& r, const json& rec) {
    if (!rec.contains("ollama")) {
        return std::nullopt;
    }
    const json& o = sub(rec, "ollama");
    r.only_known(o, {"name", "tag", "default", "size_gb", "quant"}, "ollama");
    OllamaTag t;
    t.name = r.str(o, "name");
    t.tag = r.str(o, "tag");
    t.is_default = r.boolean(o, "default");
    t.size_gb = r.number(o, "size_gb");
    if (auto q = r.str(o, "quant", false); !q.empty()) {
        t.quant = std::move(q);
    }
    if (t.size_gb && *t.size_gb <= 0) {
        r.problem("ollama.size_gb", "must be positive");
    }
    return t;
}

std::optional<Quality> read_quality(RecordReader& r, const json& rec) {
    if (!rec.contains("quality")) {
        return std::nullopt;
    }
    const json& o = sub(rec, "quality");
    r.only_known(o, {"metric", "score", "source"}, "quality");
    Quality q;
    q.metric = r.str(o, "metric");
    q.source = r.str(o, "source");
    const auto score = r.number(o, "score");
    if (!score) {
        r.problem("quality.score", "is missing");
    }
    q.score = score.value_or(0.0);
    return q;
}

std::optional<Checkpoint> read_checkpoint(RecordReader& r, const json& rec) {
    if (!rec.contains("checkpoint")) {
        return std::nullopt;
    }
    const json& o = sub(rec, "checkpoint");
    r.only_known(o, {"dtype", "experts_dtype", "source"}, "checkpoint");
    Checkpoint c;
    c.dtype = r.str(o, "dtype");
    c.experts_dtype = r.str(o, "experts_dtype", false);
    c.source = r.str(o, "source", false);
    if (c.source.empty()) {
        r.problem("checkpoint.source", "is missing (the config.json or model card that says so)");
    }
    for (const auto& [field, dtype] : {std::pair{"checkpoint.dtype", c.dtype},
                                       std::pair{"checkpoint.experts_dtype", c.experts_dtype}}) {
        if (!dtype.empty() && !checkpoint_dtype_bytes(dtype)) {
            r.problem(field, fmt::format("\"{}\" is not one of {}", dtype,
                                         fmt::join(kCheckpointDtypes, ", ")));
        }
    }
    if (!c.source.empty() && c.source.rfind("https://", 0) != 0) {
        r.problem("checkpoint.source", "must be an https:// address");
    }
    return c;
}

CatalogModel read_model(RecordReader& r, const json& rec) {
    CatalogModel m;
    r.only_known(rec, {"id", "name", "family", "arch", "params", "active_params", "vision_params",
                       "ollama", "hf", "modelscope", "license", "released", "tasks", "languages",
                       "zh_strong", "aliases", "quality", "checkpoint", "note", "source"});
    m.id = r.str(rec, "id");
    m.name = r.str(rec, "name");
    m.family = r.str(rec, "family");
    m.arch = read_arch(r, rec);
    m.params = r.uint(rec, "params");
    m.active_params = r.uint(rec, "active_params");
    m.vision_params = r.uint(rec, "vision_params", false);
    m.ollama = read_ollama(r, rec);
    const json& hf = sub(rec, "hf");
    r.only_known(hf, {"original", "gguf"}, "hf");
    m.hf_original = r.str(hf, "original", false);
    m.hf_gguf = r.str(hf, "gguf", false);
    m.modelscope = r.str(rec, "modelscope", false);
    m.license = r.str(rec, "license");
    m.released = r.str(rec, "released");
    m.tasks = r.strings(rec, "tasks");
    m.languages = r.strings(rec, "languages");
    m.zh_strong = r.boolean(rec, "zh_strong");
    m.aliases = r.strings(rec, "aliases");
    m.quality = read_quality(r, rec);
    m.checkpoint = read_checkpoint(r, rec);
    m.note = r.str(rec, "note", false);
    m.source = r.str(rec, "source");
    return m;
}

}  // namespace

std::optional<double> checkpoint_dtype_bytes(std::string_view dtype) {
    if (dtype == "bf16" || dtype == "fp16") {
        return 2.0;
    }
    if (dtype == "fp8") {
        return 1.0 + 4.0 / (128.0 * 128.0);
    }
    if (dtype == "mxfp4") {
        return 4.25 / 8.0;
    }
    return std::nullopt;
}

std::string_view CatalogModel::default_quant() const {
    return checkpoint && checkpoint->experts_dtype == "mxfp4" ? "MXFP4_MOE" : "Q4_K_M";
}

bool CatalogModel::has_task(std::string_view task) const {
    return std::find(tasks.begin(), tasks.end(), task) != tasks.end();
}

const CatalogModel* ModelCatalog::find_id(std::string_view id) const {
    for (const auto& m : models) {
        if (m.id == id) {
            return &m;
        }
    }
    return nullptr;
}

// check_model: model_checks.cpp

Result<ModelCatalog> parse_model_catalog(const DataJson& data) {
    std::vector<std::string> problems;
    RecordReader r(data.file.path, problems);
    ModelCatalog cat;
    cat.schema_version = data.schema_version;
    cat.data_version = data.data_version;
    cat.path = data.file.path;
    if (data.schema_version != 1) {
        return fail(fmt::format("{}: schema_version {} is not supported (this canrun reads 1); "
                                "update canrun or the data file",
                                data.file.path, data.schema_version));
    }
    const auto it = data.json.find("models");
    if (it == data.json.end() || !it->is_array()) {
        return fail(fmt::format("{}: \"models\" must be a list of model records", data.file.path));
    }
    r.only_known(data.json, {"schema_version", "data_version", "description", "models"});
    std::set<std::string> seen;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& rec = (*it)[i];
        std::string label = fmt::format("model #{}", i + 1);
        if (rec.is_object() && rec.contains("id") && rec["id"].is_string()) {
            label = fmt::format("model \"{}\"", rec["id"].get<std::string>());
        }
        r.begin(rec, label);
        CatalogModel m = read_model(r, rec);
        check_model(r, m);
        if (!m.id.empty() && !seen.insert(m.id).second) {
            r.problem("id", "is used by an earlier record; ids must be unique");
        }
        cat.models.push_back(std::move(m));
    }
    if (!problems.empty()) {
        return fail(join_problems(problems));
    }
    return cat;
}

Result<ModelCatalog> load_model_catalog(const DataSourceOptions& options) {
    auto data = load_data_json("models.json", options);
    if (!data) {
        return tl::unexpected(data.error());
    }
    return parse_model_catalog(*data);
}

}  // namespace canrun::catalog
