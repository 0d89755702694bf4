#include "report/explain_json.h"

namespace canrun::report {

namespace {

Json weights_json(const FitExplanation& e) {
    Json classes = Json::array();
    for (const auto& c : e.weights) {
        Json types = Json::array();
        for (const auto& t : c.types) {
            types.push_back({{"type", t.type}, {"bytes", t.bytes}, {"tensors", t.tensors}});
        }
        classes.push_back({{"class", c.id}, {"bytes", c.bytes}, {"params", c.params}, {"types", types}});
    }
    return Json{{"total_bytes", e.weights_bytes}, {"classes", classes}};
}

Json kv_json(const KvExplanation& kv) {
    Json groups = Json::array();
    for (const auto& g : kv.groups) {
        groups.push_back({{"layers", g.layers},
                          {"sliding_window", g.sliding_window},
                          {"cells", g.cells},
                          {"streams", g.streams},
                          {"kv_heads", g.kv_heads},
                          {"head_dim_k", g.head_dim_k},
                          {"head_dim_v", g.head_dim_v},
                          {"k_row_bytes", g.k_row_bytes},
                          {"v_row_bytes", g.v_row_bytes},
                          {"bytes", g.bytes}});
    }
    return Json{{"formula", "layers x cells x streams x (k_row_bytes + v_row_bytes)"},
                {"type_k", kv.type_k},
                {"type_v", kv.type_v},
                {"flash_attn", kv.flash_attn},
                {"mla", kv.mla},
                {"mla_latent_only", kv.mla_latent_only},
                {"groups", groups},
                {"recurrent_layers", kv.recurrent_layers},
                {"sequences", kv.sequences},
                {"state_bytes_per_sequence", kv.state_bytes_per_sequence},
                {"state_bytes", kv.state_bytes},
                {"bytes_per_token", kv.bytes_per_token},
                {"kv_bytes", kv.kv_bytes}};
}

Json compute_json(const ComputeExplanation& c) {
    return Json{{"backend", c.backend},
                {"flash_attn", c.flash_attn},
                {"formula", c.formula},
                {"n_ubatch", c.n_ubatch},
                {"n_kv", c.n_kv},
                {"n_embd", c.n_embd},
                {"n_vocab", c.n_vocab},
                {"n_head", c.n_head},
                {"n_ff", c.n_ff},
                {"n_seq", c.n_seq},
                {"logits_bytes", c.logits_bytes},
                {"hidden_bytes", c.hidden_bytes},
                {"kq_bytes", c.kq_bytes},
                {"ffn_bytes", c.ffn_bytes},
                {"device_bytes", c.device_bytes},
                {"host_bytes", c.host_bytes},
                {"output_buffer_bytes", c.output_buffer_bytes}};
}

Json devices_json(const FitExplanation& e) {
    Json out = Json::array();
    for (const auto& d : e.devices) {
        out.push_back({{"device", d.device},
                       {"kind", d.gpu ? "gpu" : "cpu"},
                       {"budget_bytes", d.budget_bytes},
                       {"ram_bytes", d.gpu ? Json(nullptr) : Json(d.source_bytes)},
                       {"runtime_bytes", d.runtime_bytes},
                       {"margin_bytes", d.margin_bytes},
                       {"compute_bytes", d.compute_bytes},
                       {"room_bytes", d.room_bytes},
                       {"layers", d.layers},
                       {"weight_bytes", d.weight_bytes},
                       {"expert_bytes", d.expert_bytes},
                       {"kv_bytes", d.kv_bytes},
                       {"holds_output", d.holds_output},
                       {"bytes", d.bytes}});
    }
    return out;
}

}  // namespace

Json explain_json(const FitExplanation& e) {
    return Json{{"weights", weights_json(e)},
                {"kv", kv_json(e.kv)},
                {"compute", compute_json(e.compute)},
                {"runtime", {{"backend", e.runtime_backend}, {"bytes", e.runtime_bytes}}},
                {"total_bytes", e.total_bytes},
                {"placement", {{"mode", e.mode},
                               {"gpu_margin_bytes", e.gpu_margin_bytes},
                               {"devices", devices_json(e)}}},
                {"max_ctx", {{"tokens", e.max_ctx},
                             {"full_gpu_tokens", e.max_ctx_full_gpu},
                             {"limit", e.ctx_limit},
                             {"step", 256},
                             {"kv_bytes_per_token", e.kv.bytes_per_token}}}};
}

}  // namespace canrun::report
