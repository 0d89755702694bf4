#include "arch_spec_json.h"

#include <fstream>

namespace canrun::tools {
namespace {

template <typename T>
void get(const nlohmann::json& j, const char* key, T& out) {
    if (j.contains(key) && !j.at(key).is_null()) out = j.at(key).get<T>();
}

void read_shape(const nlohmann::json& j, catalog::ArchSpec& s) {
    get(j, "n_layer", s.n_layer);
    get(j, "n_embd", s.n_embd);
    get(j, "n_ff", s.n_ff);
    get(j, "n_head", s.n_head);
    get(j, "n_head_kv", s.n_head_kv);
    get(j, "head_dim_k", s.head_dim_k);
    get(j, "head_dim_v", s.head_dim_v);
    get(j, "n_vocab", s.n_vocab);
    get(j, "n_ctx_train", s.n_ctx_train);
    get(j, "n_rot", s.n_rot);
    get(j, "rope_freq_base", s.rope_freq_base);
    get(j, "norm_rms_eps", s.norm_rms_eps);
    get(j, "tied_embeddings", s.tied_embeddings);
    get(j, "attn_bias", s.attn_bias);
    get(j, "qk_norm", s.qk_norm);
    get(j, "post_norms", s.post_norms);
    get(j, "rope_freqs", s.rope_freqs);
}

void read_extras(const nlohmann::json& j, catalog::ArchSpec& s) {
    get(j, "n_expert", s.n_expert);
    get(j, "n_expert_used", s.n_expert_used);
    get(j, "n_expert_shared", s.n_expert_shared);
    get(j, "n_ff_expert", s.n_ff_expert);
    get(j, "n_ff_shexp", s.n_ff_shexp);
    get(j, "n_leading_dense", s.n_leading_dense);
    get(j, "expert_weights_scale", s.expert_weights_scale);
    get(j, "expert_weights_norm", s.expert_weights_norm);
    get(j, "n_swa", s.n_swa);
    get(j, "attn_logit_softcap", s.attn_logit_softcap);
    get(j, "final_logit_softcap", s.final_logit_softcap);
    get(j, "q_lora_rank", s.q_lora_rank);
    get(j, "kv_lora_rank", s.kv_lora_rank);
    get(j, "qk_rope_dim", s.qk_rope_dim);
    get(j, "qk_nope_dim", s.qk_nope_dim);
    get(j, "v_head_dim_mla", s.v_head_dim_mla);
}

}  // namespace

Result<catalog::ArchSpec> arch_spec_from_json(const nlohmann::json& j) {
    catalog::ArchSpec s;
    try {
        get(j, "arch", s.arch);
        get(j, "name", s.name);
        get(j, "source", s.source);
        read_shape(j, s);
        read_extras(j, s);
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("preset has a field of the wrong type: ") + e.what());
    }
    if (s.arch.empty() || s.n_layer == 0 || s.n_embd == 0 || s.n_head == 0 || s.n_vocab == 0) {
        return fail("preset needs arch, n_layer, n_embd, n_head and n_vocab");
    }
    if (s.name.empty()) s.name = s.arch;
    return s;
}

Result<std::vector<Preset>> read_presets(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) return fail("cannot read " + path.string() + "; give a presets JSON file");
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) return fail(path.string() + " is not valid JSON");
    std::vector<Preset> out;
    const auto& list = j.contains("presets") ? j.at("presets") : nlohmann::json::array({j});
    for (const auto& item : list) {
        auto spec = arch_spec_from_json(item);
        if (!spec) return fail(path.string() + ": " + spec.error().message);
        const std::string id = item.value("id", spec->name);
        out.push_back({id, *spec});
    }
    return out;
}

}  // namespace canrun::tools
