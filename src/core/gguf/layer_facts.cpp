#include "gguf/layer_facts.h"

#include <algorithm>
#include <limits>
#include <variant>

namespace canrun::gguf {

namespace {

std::uint32_t clamp_u32(std::uint64_t v) {
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(v, std::numeric_limits<std::uint32_t>::max()));
}

std::optional<bool> as_flag(const Value& v) {
    if (const auto* b = std::get_if<bool>(&v.data)) {
        return *b;
    }
    if (const auto* u = std::get_if<std::uint64_t>(&v.data)) {
        return *u != 0;
    }
    if (const auto* i = std::get_if<std::int64_t>(&v.data)) {
        return *i != 0;
    }
    return std::nullopt;
}

void add_note(std::vector<std::string>& notes, std::string note) {
    if (std::find(notes.begin(), notes.end(), note) == notes.end()) {
        notes.push_back(std::move(note));
    }
}

}  // namespace

std::string ArchKeys::key(std::string_view suffix) const {
    std::string k = arch_;
    k += '.';
    k += suffix;
    return k;
}

std::optional<std::uint32_t> ArchKeys::u32(std::string_view suffix) const {
    const auto v = file_.get_uint(key(suffix));
    if (!v) {
        return std::nullopt;
    }
    return clamp_u32(*v);
}

std::uint32_t ArchKeys::u32_or(std::string_view suffix, std::uint32_t fallback) const {
    return u32(suffix).value_or(fallback);
}

std::optional<std::vector<std::uint32_t>> ArchKeys::per_layer(std::string_view suffix,
                                                              std::uint32_t n_layer,
                                                              std::vector<std::string>& notes) const {
    const auto values = file_.get_uint_array(key(suffix));
    if (!values || values->empty()) {
        return std::nullopt;
    }
    std::vector<std::uint32_t> out(n_layer, clamp_u32(values->back()));
    if (values->size() == 1) {
        std::fill(out.begin(), out.end(), clamp_u32(values->front()));
        return out;
    }
    if (values->size() != n_layer) {
        add_note(notes, "facts.per_layer_array_length:" + std::string(suffix));
    }
    for (std::size_t i = 0; i < out.size() && i < values->size(); ++i) {
        out[i] = clamp_u32((*values)[i]);
    }
    return out;
}

std::optional<std::vector<bool>> ArchKeys::flags(std::string_view suffix, std::uint32_t n_layer) const {
    const Value* v = find(suffix);
    const auto* arr = v ? std::get_if<Array>(&v->data) : nullptr;
    if (arr == nullptr || arr->items.empty()) {
        return std::nullopt;
    }
    std::vector<bool> out(n_layer, false);
    for (std::size_t i = 0; i < out.size() && i < arr->items.size(); ++i) {
        out[i] = as_flag(arr->items[i]).value_or(false);
    }
    return out;
}

namespace {

void resolve_heads(const ArchKeys& keys, ModelFacts& f) {
    const auto n = f.n_layer;
    const auto heads = keys.per_layer("attention.head_count", n, f.notes);
    if (!heads) {
        add_note(f.notes, "facts.no_head_count");
    }
    const auto heads_kv = keys.per_layer("attention.head_count_kv", n, f.notes);
    const auto ff = keys.per_layer("feed_forward_length", n, f.notes);
    const std::uint32_t head0 = heads ? heads->front() : 0;
    const std::uint32_t dim_default = head0 > 0 ? f.n_embd / head0 : 0;
    const std::uint32_t dim_k = keys.u32_or("attention.key_length", dim_default);
    const std::uint32_t dim_v = keys.u32_or("attention.value_length", dim_default);
    for (std::uint32_t il = 0; il < n; ++il) {
        auto& l = f.layers[il];
        l.n_head = heads ? (*heads)[il] : 0;
        l.n_head_kv = heads_kv ? (*heads_kv)[il] : l.n_head;
        l.n_ff = ff ? (*ff)[il] : 0;
        l.head_dim_k = dim_k;
        l.head_dim_v = dim_v;
    }
}

std::vector<bool> recurrent_by_rule(const ArchKeys& keys, const ArchRule& rule, const ModelFacts& f) {
    std::vector<bool> r(f.n_layer, false);
    if (auto explicit_flags = keys.flags("attention.recurrent_layers", f.n_layer)) {
        return *explicit_flags;
    }
    const std::uint32_t interval = std::max<std::uint32_t>(1, keys.u32_or("full_attention_interval", 4));
    for (std::uint32_t il = 0; il < f.n_layer; ++il) {
        const auto& l = f.layers[il];
        switch (rule.recurrent) {
            case RecurrentRule::None: break;
            case RecurrentRule::All:
            case RecurrentRule::AllWithAttention: r[il] = true; break;
            case RecurrentRule::HeadKvZero: r[il] = l.n_head_kv == 0; break;
            case RecurrentRule::HeadKvAndFfZero: r[il] = l.n_head_kv == 0 && l.n_ff == 0; break;
            case RecurrentRule::FullAttentionInterval: r[il] = (il + 1) % interval != 0; break;
        }
    }
    return r;
}

bool layer_has_kv(const ArchRule& rule, const LayerFacts& l) {
    switch (rule.recurrent) {
        case RecurrentRule::All: return false;
        case RecurrentRule::AllWithAttention: return true;
        case RecurrentRule::HeadKvAndFfZero: return !l.recurrent && l.n_ff == 0 && l.n_head_kv > 0;
        case RecurrentRule::None:
        case RecurrentRule::HeadKvZero:
        case RecurrentRule::FullAttentionInterval: break;
    }
    return !l.recurrent && l.n_head_kv > 0;
}

void resolve_memory_kind(const ArchKeys& keys, ArchRule rule, ModelFacts& f) {
    const bool has_ssm_keys = keys.find("ssm.state_size") != nullptr || keys.find("wkv.head_size") != nullptr;
    if (!f.arch_known && has_ssm_keys) {
        rule.recurrent = RecurrentRule::HeadKvZero;  // generic: zero KV heads mark recurrent layers
        add_note(f.notes, "facts.recurrent_layers_guessed");
    }
    const auto recurrent = recurrent_by_rule(keys, rule, f);
    f.nextn_layers = std::min(keys.u32_or("nextn_predict_layers", 0), f.n_layer);
    const std::uint32_t shared_kv = keys.u32_or("attention.shared_kv_layers", 0);
    std::uint32_t kv_until = rule.kv_layers_from_start > 0 ? rule.kv_layers_from_start : f.n_layer;
    if (shared_kv > 0 && shared_kv < f.n_layer) {
        kv_until = f.n_layer - shared_kv;
    }
    for (std::uint32_t il = 0; il < f.n_layer; ++il) {
        auto& l = f.layers[il];
        l.recurrent = recurrent[il];
        l.nextn = il >= f.n_layer - f.nextn_layers;
        l.has_kv = !rule.no_kv_cache && il < kv_until && layer_has_kv(rule, l);
        if (l.nextn && rule.nextn_without_kv) {
            l.has_kv = false;
            l.recurrent = false;
        }
    }
}

// Which layers use the sliding window, per llama.cpp set_swa_pattern(period, dense_first).
std::vector<bool> swa_pattern(const ArchKeys& keys, const ArchRule& rule, std::uint32_t n_layer) {
    if (auto explicit_flags = keys.flags("attention.sliding_window_pattern", n_layer)) {
        return *explicit_flags;
    }
    const std::uint32_t p = keys.u32_or("attention.sliding_window_pattern", rule.swa_period);
    std::vector<bool> out(n_layer, true);
    for (std::uint32_t il = 0; il < n_layer && p > 0; ++il) {
        out[il] = rule.swa_dense_first ? il % p != 0 : il % p < p - 1;
    }
    return out;
}

void resolve_swa(const ArchKeys& keys, ArchRule rule, ModelFacts& f) {
    const auto window = keys.u32("attention.sliding_window");
    if (!f.arch_known && window.value_or(0) > 0 && keys.flags("attention.sliding_window_pattern", f.n_layer)) {
        rule.swa = SwaKind::Standard;  // generic: an explicit per-layer pattern in the file
        add_note(f.notes, "facts.swa_from_file_pattern");
    }
    const bool off_by_key = rule.swa_needs_key ? window.value_or(0) == 0 : window && *window == 0;
    if (rule.swa == SwaKind::None || off_by_key) {
        return;
    }
    f.swa = rule.swa;
    f.n_swa = window.value_or(rule.default_n_swa);
    const bool lfm2_style = rule.recurrent == RecurrentRule::HeadKvZero;  // SWA on every attention layer
    const auto pattern = swa_pattern(keys, rule, f.n_layer);
    const std::uint32_t dim_k_swa = keys.u32_or("attention.key_length_swa", 0);
    const std::uint32_t dim_v_swa = keys.u32_or("attention.value_length_swa", 0);
    for (std::uint32_t il = 0; il < f.n_layer; ++il) {
        auto& l = f.layers[il];
        l.sliding_window = l.has_kv && (lfm2_style ? !l.recurrent : bool(pattern[il]));
        if (l.sliding_window && dim_k_swa > 0) {
            l.head_dim_k = dim_k_swa;
            l.head_dim_v = dim_v_swa > 0 ? dim_v_swa : dim_k_swa;
        }
    }
}

void resolve_mla(const ArchKeys& keys, ModelFacts& f) {
    f.kv_lora_rank = keys.u32_or("attention.kv_lora_rank", 0);
    f.q_lora_rank = keys.u32_or("attention.q_lora_rank", 0);
    f.key_length_mla = keys.u32_or("attention.key_length_mla", 0);
    f.value_length_mla = keys.u32_or("attention.value_length_mla", 0);
    // llama_hparams::is_mla(): the file gives the MLA head sizes; the cache then stores the
    // latent (key_length = kv_lora_rank + rope dims) with one KV head.
    f.mla = f.kv_lora_rank > 0 && f.key_length_mla > 0 && f.value_length_mla > 0;
}

}  // namespace

void resolve_layers(const ArchKeys& keys, const ArchRule& rule, ModelFacts& f) {
    f.layers.assign(f.n_layer, LayerFacts{});
    resolve_heads(keys, f);
    resolve_memory_kind(keys, rule, f);
    resolve_swa(keys, rule, f);
    resolve_mla(keys, f);
}

void resolve_recurrent_state(const ArchKeys& keys, ModelFacts& f) {
    const std::uint64_t n_embd = f.n_embd;
    const std::uint64_t wkv = keys.u32_or("wkv.head_size", 0);
    const std::uint64_t l_cache = keys.u32_or("shortconv.l_cache", 0);
    const std::uint64_t kda = keys.u32_or("kda.head_dim", 0);
    const std::uint64_t d_conv = keys.u32_or("ssm.conv_kernel", 0);
    const std::uint64_t d_inner = keys.u32_or("ssm.inner_size", 0);
    const std::uint64_t d_state = keys.u32_or("ssm.state_size", 0);
    const std::uint64_t n_group = keys.u32_or("ssm.group_count", 0);
    const std::uint64_t n_head = f.layers.empty() ? 0 : f.layers.front().n_head;
    if (wkv != 0) {  // RWKV: token shift + wkv state
        f.recurrent_conv_elems = keys.u32_or("token_shift_count", 2) * n_embd;
        f.recurrent_ssm_elems = n_embd * wkv;
    } else if (l_cache != 0) {  // LFM2 short convolution
        f.recurrent_conv_elems = n_embd * (l_cache - 1);
        f.recurrent_ssm_elems = d_state * d_inner;
    } else if (kda != 0) {  // Kimi delta attention
        f.recurrent_conv_elems = 3 * (d_conv > 0 ? d_conv - 1 : 3) * n_head * kda;
        f.recurrent_ssm_elems = kda * kda * n_head;
    } else {  // Mamba, Mamba-2, gated delta net
        f.recurrent_conv_elems = (d_conv > 0 ? d_conv - 1 : 0) * (d_inner + 2 * n_group * d_state);
        f.recurrent_ssm_elems = d_state * d_inner;
    }
}

}  // namespace canrun::gguf
