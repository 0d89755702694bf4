// Per-tensor types of llama.cpp's quantization mixes. The rules are those of
// llama_tensor_get_type / llama_tensor_get_type_impl / tensor_type_fallback and
// tensor_allows_quantization in llama.cpp src/llama-quant.cpp (read, not copied; release bundled
// by node-llama-cpp 3.21.1, Sept 2026). Checked against the bits-per-weight table of
// llama.cpp tools/quantize/README.md (tests/unit/quant).
#include "gguf/quant_recipe.h"

#include "gguf/tensor_class.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <numeric>

#include "gguf/ggml_type.h"

namespace canrun::gguf {
namespace {

using F = LlamaFtype;

// ggml type ids (ggml_type.h).
constexpr std::uint32_t kF16 = 1, kQ4_0 = 2, kQ5_0 = 6, kQ5_1 = 7, kQ8_0 = 8, kQ4_1 = 3,
                        kQ2_K = 10, kQ3_K = 11, kQ4_K = 12, kQ5_K = 13, kQ6_K = 14,
                        kIQ2_XXS = 16, kIQ2_XS = 17, kIQ3_XXS = 18, kIQ1_S = 19, kIQ4_NL = 20,
                        kIQ3_S = 21, kIQ2_S = 22, kIQ4_XS = 23, kIQ1_M = 29, kTQ1_0 = 34,
                        kTQ2_0 = 35, kMXFP4 = 39, kQ2_0 = 42;

enum class Category {
    TokenEmbd, AttnQ, AttnV, AttnK, AttnQkv, AttnKvB, AttnOutput,
    FfnUp, FfnGate, FfnDown, Output, Other,
};

bool contains(std::string_view s, std::string_view part) {
    return s.find(part) != std::string_view::npos;
}

Category category_of(std::string_view name) {
    if (name == "output.weight") return Category::Output;
    if (name == "token_embd.weight" || name == "per_layer_token_embd.weight") {
        return Category::TokenEmbd;
    }
    if (contains(name, "attn_qkv.weight")) return Category::AttnQkv;
    if (contains(name, "attn_kv_b.weight")) return Category::AttnKvB;
    if (contains(name, "attn_v.weight")) return Category::AttnV;
    if (contains(name, "attn_k.weight")) return Category::AttnK;
    if (contains(name, "attn_q.weight")) return Category::AttnQ;
    if (contains(name, "attn_output.weight")) return Category::AttnOutput;
    if (contains(name, "ffn_up")) return Category::FfnUp;
    if (contains(name, "ffn_gate")) return Category::FfnGate;
    if (contains(name, "ffn_down")) return Category::FfnDown;
    return Category::Other;
}

bool attn_v_like(Category c) {
    return c == Category::AttnV || c == Category::AttnQkv || c == Category::AttnKvB;
}

bool one_of(F f, std::initializer_list<F> list) {
    return std::find(list.begin(), list.end(), f) != list.end();
}

// The 2-bit-and-below IQ mixes, which have their own branch in llama.cpp.
bool low_bit_iq(F f) {
    return one_of(f, {F::IQ2_XXS, F::IQ2_XS, F::IQ1_S, F::IQ2_S, F::IQ2_M, F::IQ1_M});
}

bool use_more_bits(int i, int n) { return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2; }

std::uint32_t block_elems(std::uint32_t type) {
    const auto info = ggml_type_info(type);
    return info ? info->block_elems : 1;
}

bool is_quantized(std::uint32_t type) {
    const auto info = ggml_type_info(type);
    return info && info->quantized;
}

// Everything a rule may look at.
struct Ctx {
    const QuantTensor& t;
    const QuantModel& m;
    F f;
    Category cat;
    int n_layer;       // llama.cpp n_layer_all
    int layer;         // from the name; -1 outside blk.N
    int attn_v_i;      // i_attention_wv
    int attn_v_n;      // n_attention_wv
    bool falcon;
};

// Layer index the ffn_* rules use: the name's layer for MoE models, else the running counter of
// tensors of that kind, which equals the layer when each layer has one such tensor.
int ffn_layer(const Ctx& c) {
    if (c.m.n_expert <= 1 && c.t.ffn_index >= 0) return c.t.ffn_index;
    return c.layer < 0 ? 0 : c.layer;
}

// The IQ1/IQ2 branch always counts ffn_down tensors, even for MoE models.
int ffn_counter(const Ctx& c) { return c.t.ffn_index >= 0 ? c.t.ffn_index : ffn_layer(c); }

std::uint32_t output_type(const Ctx& c, std::uint32_t type) {
    const std::uint64_t nx = c.t.shape.empty() ? 0 : c.t.shape[0];
    if (c.f == F::MXFP4_MOE) return kQ8_0;
    if (c.falcon || nx % block_elems(type) != 0) return kQ8_0;
    if (one_of(c.f, {F::IQ2_XXS, F::IQ2_XS, F::IQ3_XXS, F::IQ1_S, F::IQ2_S, F::IQ2_M, F::IQ1_M})) {
        return kQ5_K;
    }
    return type != kQ8_0 ? kQ6_K : type;
}

std::uint32_t token_embd_type(const Ctx& c, std::uint32_t type) {
    if (one_of(c.f, {F::IQ2_XXS, F::IQ2_XS, F::IQ1_S, F::IQ1_M})) return kQ2_K;
    if (one_of(c.f, {F::IQ2_S, F::IQ2_M, F::IQ3_XXS})) return kIQ3_S;
    if (one_of(c.f, {F::TQ1_0, F::TQ2_0, F::Q2_0})) return kQ4_K;
    return type;
}

std::uint32_t low_bit_iq_type(const Ctx& c, std::uint32_t type) {
    const bool iq2_sm = one_of(c.f, {F::IQ2_S, F::IQ2_M});
    if (attn_v_like(c.cat)) {
        if (c.m.n_gqa >= 4 || c.m.n_expert >= 4) return kQ4_K;
        return iq2_sm ? kIQ3_S : kQ2_K;
    }
    if (c.m.n_expert == 8 && c.cat == Category::AttnK) return kQ4_K;
    if (c.cat == Category::FfnDown) {
        if (ffn_counter(c) < c.n_layer / 8) return iq2_sm ? kIQ3_S : kQ2_K;
        return type;
    }
    if (c.cat == Category::AttnOutput) {
        if (c.m.n_expert == 8) return kQ5_K;
        if (one_of(c.f, {F::IQ1_S, F::IQ1_M})) return kIQ2_XXS;
        if (iq2_sm) return kIQ3_S;
    }
    return type;
}

std::uint32_t attn_v_type(const Ctx& c, std::uint32_t type) {
    const bool gqa4 = c.m.n_gqa >= 4;
    if (c.f == F::Q2_K) {
        type = gqa4 ? kQ4_K : kQ3_K;
    } else if (c.f == F::Q2_K_S && gqa4) {
        type = kQ4_K;
    } else if (c.f == F::IQ3_XXS) {
        type = gqa4 ? kQ4_K : (!c.m.has_imatrix ? kIQ3_S : kIQ3_XXS);
    } else if (one_of(c.f, {F::IQ3_XS, F::IQ3_S}) && gqa4) {
        type = kQ4_K;
    } else if (c.f == F::IQ3_M) {
        type = kQ4_K;
    } else if (c.f == F::Q3_K_M) {
        type = c.attn_v_i < 2 ? kQ5_K : kQ4_K;
    } else if (c.f == F::Q3_K_L) {
        type = kQ5_K;
    } else if (one_of(c.f, {F::IQ4_NL, F::IQ4_XS}) && gqa4) {
        type = kQ5_K;
    } else if (one_of(c.f, {F::Q4_K_M, F::Q5_K_M}) && use_more_bits(c.attn_v_i, c.attn_v_n)) {
        type = kQ6_K;
    } else if (c.f == F::Q4_K_S && c.attn_v_i < 4) {
        type = kQ5_K;
    }
    if (c.m.is_70b && (type == kQ3_K || type == kQ4_K)) type = kQ5_K;
    if (c.m.n_expert == 8) type = kQ8_0;
    return type;
}

std::uint32_t attn_qk_type(const Ctx& c, std::uint32_t type) {
    if (c.cat == Category::AttnK && c.m.n_expert == 8) return kQ8_0;
    if (c.f == F::IQ3_XS) return kIQ3_XXS;
    if (c.f == F::IQ3_XXS) return kIQ2_S;
    return type;
}

std::uint32_t ffn_down_k_type(const Ctx& c, int i, int n, std::uint32_t type) {
    if (c.f == F::Q3_K_M) {
        if (i < n / 16) return kQ5_K;
        return !c.falcon || use_more_bits(i, n) ? kQ4_K : kQ3_K;
    }
    if (c.f == F::Q3_K_L) return c.falcon ? kQ4_K : kQ5_K;
    if (c.f == F::Q4_K_M) {
        if (c.falcon) return i < n / 16 ? kQ6_K : use_more_bits(i, n) ? kQ5_K : kQ4_K;
        return use_more_bits(i, n) ? kQ6_K : type;
    }
    return type;
}

std::uint32_t ffn_down_type(const Ctx& c, std::uint32_t type) {
    const int i = ffn_layer(c);
    const int n = c.n_layer;
    if (c.f == F::Q2_K) return kQ3_K;
    if (c.f == F::Q2_K_S) return i < n / 8 ? kQ4_K : type;
    if (c.f == F::IQ3_XXS && !c.m.has_imatrix) return i < n / 8 ? kQ4_K : kQ3_K;
    if (one_of(c.f, {F::Q3_K_M, F::Q3_K_L, F::Q4_K_M})) return ffn_down_k_type(c, i, n, type);
    if (c.f == F::IQ3_M && (i < n / 8 || (c.m.n_expert == 8 && use_more_bits(i, n)))) return kQ4_K;
    if (c.f == F::IQ3_M) return type;
    if (i < n / 8 && one_of(c.f, {F::IQ4_NL, F::IQ4_XS}) && !c.m.has_imatrix) return kQ5_K;
    if (c.f == F::Q5_K_M && use_more_bits(i, n)) return kQ6_K;
    if (c.f == F::Q4_K_S && !c.falcon && i < n / 8) return kQ5_K;
    if (one_of(c.f, {F::Q4_0, F::Q5_0}) && c.m.has_imatrix && i < n / 8) {
        return c.f == F::Q4_0 ? kQ4_1 : kQ5_1;
    }
    return type;
}

std::uint32_t attn_output_type(const Ctx& c, std::uint32_t type) {
    if (c.falcon) return c.f == F::Q3_K_L ? kQ4_K : type;
    if (c.m.n_expert == 8) {
        const bool bump = one_of(c.f, {F::Q2_K, F::IQ3_XS, F::IQ3_XXS, F::Q3_K_S, F::Q3_K_M,
                                       F::IQ4_NL, F::Q4_K_S, F::Q4_K_M, F::IQ3_S, F::IQ3_M,
                                       F::IQ4_XS});
        return bump ? kQ5_K : type;
    }
    if (c.f == F::Q2_K) return kQ3_K;
    if (c.f == F::IQ3_XXS) return kIQ3_S;
    if (c.f == F::Q3_K_M || c.f == F::IQ3_M) return kQ4_K;
    if (c.f == F::Q3_K_L) return kQ5_K;
    return type;
}

std::uint32_t ffn_gate_up_type(const Ctx& c, std::uint32_t type) {
    const int i = ffn_layer(c);
    if (c.f == F::IQ3_XS && i >= c.n_layer / 8 && i < 7 * c.n_layer / 8) return kIQ3_XXS;
    return type;
}

bool is_expert_tensor(const Ctx& c) { return c.t.shape.size() >= 3 && c.t.shape[2] > 1; }

// llama_tensor_get_type_impl: the mix.
std::uint32_t mix_type(const Ctx& c, std::uint32_t type) {
    const bool tied = !c.m.has_output;
    if (c.cat == Category::Output || (tied && c.cat == Category::TokenEmbd)) {
        return output_type(c, type);
    }
    if (c.f == F::MXFP4_MOE) return is_expert_tensor(c) ? kMXFP4 : kQ8_0;
    if (c.cat == Category::TokenEmbd) return token_embd_type(c, type);
    if (low_bit_iq(c.f)) return low_bit_iq_type(c, type);
    if (attn_v_like(c.cat)) return attn_v_type(c, type);
    if (c.cat == Category::AttnK || c.cat == Category::AttnQ) return attn_qk_type(c, type);
    if (c.cat == Category::FfnDown) return ffn_down_type(c, type);
    if (c.cat == Category::AttnOutput) return attn_output_type(c, type);
    if (c.cat == Category::FfnGate || c.cat == Category::FfnUp) return ffn_gate_up_type(c, type);
    return type;
}

// tensor_type_fallback: rows that do not split into whole blocks of the chosen type.
std::uint32_t fallback_type(std::uint64_t ncols, std::uint32_t type) {
    const std::uint32_t blk = block_elems(type);
    if (ncols % blk == 0) return type;
    std::uint32_t next = type;
    switch (type) {
        case kIQ1_S: case kIQ1_M: case kIQ2_XXS: case kIQ2_XS: case kIQ2_S: case kIQ3_XXS:
        case kIQ3_S: case kIQ4_XS: next = kIQ4_NL; break;
        case kQ2_0: case kQ2_K: case kQ3_K: case kTQ1_0: case kTQ2_0: next = kQ4_0; break;
        case kQ4_K: next = kQ5_0; break;
        case kQ5_K: next = kQ5_1; break;
        case kQ6_K: next = kQ8_0; break;
        default: next = kF16; break;  // llama.cpp: 32-blocks go to F16, others are an error
    }
    return ncols % block_elems(next) == 0 ? next : kF16;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

constexpr std::string_view kNeverQuantized[] = {
    "_norm.weight", "ffn_gate_inp.weight", "ffn_gate_tid2eid.weight", "altup",
    "laurel", "per_layer_model_proj", "ssm_conv1d", "shortconv.conv.weight",
    "indexer.k_proj.weight", "indexer.q_proj.weight", "time_mix_first.weight",
    "time_mix_w0.weight", "time_mix_w1.weight", "time_mix_w2.weight", "time_mix_v0.weight",
    "time_mix_v1.weight", "time_mix_v2.weight", "time_mix_a0.weight", "time_mix_a1.weight",
    "time_mix_a2.weight", "time_mix_g1.weight", "time_mix_g2.weight",
    "time_mix_decay_w1.weight", "time_mix_decay_w2.weight", "time_mix_lerp_fused.weight",
    "attn_rel_b.weight", ".position_embd", "sam.pos_embd", "sam.neck.", "sam.net_", ".rel_pos",
    ".patch_embd", ".patch_merger", "a.rvq.codebook", "mm.a.code_embd",
};

// ggml_n_dims: dimensions up to the last one larger than 1.
std::size_t n_dims(std::span<const std::uint64_t> shape) {
    std::size_t n = 1;
    for (std::size_t i = 1; i < shape.size(); ++i) {
        if (shape[i] > 1) n = i + 1;
    }
    return n;
}

}  // namespace

int layer_of(std::string_view name) {
    const auto layer = tensor_layer(name);
    return layer ? static_cast<int>(*layer) : -1;
}

bool quantizable(std::string_view name, std::span<const std::uint64_t> shape) {
    if (shape.empty() || n_dims(shape) < 2 || !ends_with(name, "weight")) return false;
    if (name == "position_embd.weight" || name == "token_types.weight") return false;
    return std::none_of(std::begin(kNeverQuantized), std::end(kNeverQuantized),
                        [&](std::string_view part) { return contains(name, part); });
}

namespace {

// What quant_types works out once per tensor instead of once per use.
struct TensorFacts {
    int layer = -1;
    Category cat = Category::Other;
    bool quantizable = false;
};

// The facts of "blk.N.<rest>" depend only on ".<rest>" and on whether the shape is flat (none
// of the name patterns starts with a digit or spans "blk.N"), so each layer after the first
// reuses them. Layers list their tensors in the same order: the search starts after the last
// hit and usually matches at once.
class FactsMemo {
public:
    TensorFacts get(std::string_view name, std::span<const std::uint64_t> shape) {
        const int layer = layer_of(name);
        if (layer < 0) return compute(name, shape, layer);
        const std::string_view rest = name.substr(name.find('.', 4));
        const bool flat = shape.empty() || n_dims(shape) < 2;
        for (std::size_t n = 0; n < entries_.size(); ++n) {
            cursor_ = cursor_ + 1 < entries_.size() ? cursor_ + 1 : 0;
            const Entry& e = entries_[cursor_];
            if (e.flat == flat && e.rest == rest) return TensorFacts{layer, e.cat, e.quantizable};
        }
        const TensorFacts f = compute(name, shape, layer);
        entries_.push_back(Entry{rest, flat, f.cat, f.quantizable});
        cursor_ = entries_.size() - 1;
        return f;
    }

private:
    struct Entry {
        std::string_view rest;
        bool flat = false;
        Category cat = Category::Other;
        bool quantizable = false;
    };
    static TensorFacts compute(std::string_view name, std::span<const std::uint64_t> shape,
                               int layer) {
        return TensorFacts{layer, category_of(name), quantizable(name, shape)};
    }
    std::vector<Entry> entries_;
    std::size_t cursor_ = 0;
};

std::uint32_t type_for(const QuantTensor& tensor, const QuantModel& model, LlamaFtype ftype,
                       const TensorFacts& facts) {
    if (!facts.quantizable) return tensor.source_type;
    const auto info = llama_ftype_info(ftype);
    const std::uint32_t base = info ? info->default_type : tensor.source_type;
    if (!is_quantized(base)) return base;
    const int n_layer = static_cast<int>(model.n_layer);
    const int n_attn_v = model.n_attn_v != 0 ? static_cast<int>(model.n_attn_v) : n_layer;
    const Ctx ctx{tensor, model, ftype, facts.cat, n_layer, facts.layer,
                  static_cast<int>(tensor.attn_v_index), n_attn_v, model.arch == "falcon"};
    return fallback_type(tensor.shape[0], mix_type(ctx, base));
}

// llama.cpp visits tensors ordered by layer number, then by name (weight_name_comparer). The
// tensors are bucketed by layer (stable, linear) and only each layer's few names are sorted:
// the same order as one sort by (layer, name), at a fraction of the string comparisons.
std::vector<std::size_t> visit_order(std::span<const RecipeTensor> tensors,
                                     std::span<const TensorFacts> facts) {
    int max_layer = -1;
    for (const auto& f : facts) max_layer = std::max(max_layer, f.layer);
    std::vector<std::size_t> order(tensors.size());
    const bool few_layers = std::all_of(facts.begin(), facts.end(), [](const TensorFacts& f) {
        return f.layer >= -1;
    }) && static_cast<std::size_t>(max_layer) <= 4 * tensors.size();
    if (!few_layers) {  // numbers no converter writes: one sort by (layer, name)
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            return facts[x].layer != facts[y].layer ? facts[x].layer < facts[y].layer
                                                    : tensors[x].name < tensors[y].name;
        });
        return order;
    }
    std::vector<std::size_t> start(static_cast<std::size_t>(max_layer) + 3, 0);
    for (const auto& f : facts) ++start[static_cast<std::size_t>(f.layer + 2)];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        order[fill[static_cast<std::size_t>(facts[i].layer + 1)]++] = i;
    }
    for (std::size_t b = 0; b + 1 < start.size(); ++b) {
        const auto first = order.begin() + static_cast<std::ptrdiff_t>(start[b]);
        const auto last = order.begin() + static_cast<std::ptrdiff_t>(start[b + 1]);
        std::sort(first, last, [&](std::size_t x, std::size_t y) {
            return tensors[x].name < tensors[y].name;
        });
    }
    return order;
}

}  // namespace

std::uint32_t quant_type_for(const QuantTensor& tensor, const QuantModel& model, LlamaFtype ftype) {
    const TensorFacts facts{layer_of(tensor.name), category_of(tensor.name),
                            quantizable(tensor.name, tensor.shape)};
    return type_for(tensor, model, ftype, facts);
}

std::vector<std::uint32_t> quant_types(std::span<const RecipeTensor> tensors,
                                       const QuantModel& model, LlamaFtype ftype) {
    std::vector<TensorFacts> facts(tensors.size());
    QuantModel counted = model;
    counted.has_output = false;
    std::uint32_t n_attn_v = 0;
    FactsMemo memo;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        facts[i] = memo.get(tensors[i].name, tensors[i].shape);
        n_attn_v += attn_v_like(facts[i].cat) ? 1 : 0;
        counted.has_output = counted.has_output || facts[i].cat == Category::Output;
    }
    counted.n_attn_v = n_attn_v;
    std::vector<std::uint32_t> types(tensors.size());
    std::uint32_t attn_v_index = 0;
    std::array<std::int32_t, 3> ffn_counts{};  // down, gate, up
    for (const std::size_t i : visit_order(tensors, facts)) {
        const auto& t = tensors[i];
        const Category cat = facts[i].cat;
        const int kind = cat == Category::FfnDown ? 0 : cat == Category::FfnGate ? 1
                       : cat == Category::FfnUp   ? 2 : -1;
        const bool counted_here = kind >= 0 && facts[i].quantizable;
        const std::int32_t ffn_index = counted_here ? ffn_counts[kind]++ : -1;
        const QuantTensor query{t.name, t.shape, t.source_type, attn_v_index, ffn_index};
        types[i] = type_for(query, counted, ftype, facts[i]);
        attn_v_index += attn_v_like(cat) && facts[i].quantizable ? 1 : 0;
    }
    return types;
}

}  // namespace canrun::gguf
