#include "advise/quick_shape.h"

#include <algorithm>

namespace canrun::advise {

namespace {

using u64 = std::uint64_t;

u64 bytes(double params, double bpw) { return static_cast<u64>(params * bpw / 8.0); }

estimate::LayerShape attention_layer(const catalog::ModelArch& a) {
    estimate::LayerShape l;
    l.n_head = a.n_head;
    if (a.kv_lora_rank > 0) {  // MLA: one latent "head" of kv_lora_rank + rope dims
        l.n_head_kv = 1;
        l.head_dim_k = a.kv_lora_rank + a.qk_rope_head_dim;
        l.head_dim_v = a.kv_lora_rank;
        return l;
    }
    l.n_head_kv = a.n_head_kv != 0 ? a.n_head_kv : a.n_head;
    l.head_dim_k = a.head_dim != 0 ? a.head_dim : (a.n_head > 0 ? a.n_embd / a.n_head : 0);
    l.head_dim_v = a.head_dim_v != 0 ? a.head_dim_v : l.head_dim_k;
    return l;
}

}  // namespace

estimate::ModelShape quick_shape(const catalog::CatalogModel& m, double bpw) {
    const auto& a = m.arch;
    estimate::ModelShape s;
    s.arch = a.gguf_arch;
    s.n_embd = a.n_embd;
    s.n_vocab = a.n_vocab;
    s.n_ctx_train = a.n_ctx_train;
    s.n_expert = a.n_expert;
    s.n_expert_used = a.n_expert_used;
    s.n_expert_shared = a.n_expert_shared;
    s.mla = a.kv_lora_rank > 0;
    s.kv_lora_rank = a.kv_lora_rank;
    s.n_swa = a.swa_window;
    s.tied_embeddings = a.tied_embeddings;
    s.params = m.params - m.vision_params;
    s.active_params = m.active_params > 0 ? m.active_params : s.params;

    const double embd = static_cast<double>(a.n_vocab) * a.n_embd;
    const double output = a.tied_embeddings ? 0.0 : embd;
    const double n_layer = std::max<double>(1, a.n_layer);
    const double per_layer = std::max(0.0, (static_cast<double>(s.params) - embd - output) / n_layer);
    const double gates = a.gated_ffn ? 3.0 : 2.0;
    const double experts = static_cast<double>(a.n_expert) * gates * a.n_embd * a.n_ff_exp;
    s.token_embd_bytes = bytes(embd, bpw);
    s.output_bytes = bytes(output, bpw);
    s.layers.assign(a.n_layer, attention_layer(a));
    for (std::uint32_t il = 0; il < a.n_layer; ++il) {
        auto& l = s.layers[il];
        const bool moe = a.n_expert > 0 && il >= a.n_layer_dense_lead;
        l.sliding_window = a.swa_pattern > 0 && a.swa_window > 0 && (il + 1) % a.swa_pattern != 0;
        l.weight_params = static_cast<u64>(per_layer);
        l.expert_params = moe ? static_cast<u64>(std::min(experts, per_layer)) : 0;
        l.weight_bytes = bytes(per_layer, bpw);
        l.expert_weight_bytes = bytes(static_cast<double>(l.expert_params), bpw);
    }
    s.file_bytes = s.weight_bytes();
    return s;
}

}  // namespace canrun::advise
