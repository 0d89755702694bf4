#include "gguf/tensor_class.h"

#include <array>
#include <charconv>

namespace canrun::gguf {

namespace {

bool contains(std::string_view s, std::string_view part) {
    return s.find(part) != std::string_view::npos;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
    for (auto p : prefixes) {
        if (s.starts_with(p)) {
            return true;
        }
    }
    return false;
}

// The part after "blk.N.", or the whole name outside the layers.
std::string_view local_name(std::string_view name) {
    if (!name.starts_with("blk.")) {
        return name;
    }
    const auto dot = name.find('.', 4);
    return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

TensorClass classify_local(std::string_view n) {
    if (contains(n, "_norm") || n.starts_with("norm.") || contains(n, "layernorm")) {
        return TensorClass::Norms;
    }
    if (contains(n, "_exps") || n.starts_with("ffn_gate_up_exps")) {
        return TensorClass::Experts;
    }
    if (contains(n, "_shexp") || contains(n, "_chexps")) {
        return TensorClass::SharedExperts;
    }
    if (starts_with_any(n, {"ssm_", "time_mix_", "channel_mix_", "shortconv", "conv1d"})) {
        return TensorClass::Recurrent;
    }
    if (starts_with_any(n, {"attn_", "wq", "wk", "wv", "wo", "indexer"})) {
        return TensorClass::Attention;
    }
    if (starts_with_any(n, {"ffn_", "exp_probs_b"})) {
        return TensorClass::FfnDense;
    }
    return TensorClass::Other;
}

}  // namespace

TensorClass classify_tensor(std::string_view name) {
    if (starts_with_any(name, {"token_embd.", "token_embd_norm.", "pos_embd.", "token_types.",
                               "per_layer_token_embd."})) {
        return name.starts_with("token_embd_norm.") ? TensorClass::Norms : TensorClass::Embeddings;
    }
    if (name.starts_with("output.")) {
        return TensorClass::Output;
    }
    if (name.starts_with("output_norm.")) {
        return TensorClass::Norms;
    }
    return classify_local(local_name(name));
}

std::optional<std::uint32_t> tensor_layer(std::string_view name) {
    if (!name.starts_with("blk.")) {
        return std::nullopt;
    }
    const auto digits = name.substr(4);
    std::uint32_t layer = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), layer);
    if (ec != std::errc() || end == digits.data() || end == digits.data() + digits.size() ||
        *end != '.') {
        return std::nullopt;
    }
    return layer;
}

std::string_view tensor_class_id(TensorClass c) {
    constexpr std::array<std::string_view, kTensorClassCount> kIds = {
        "embeddings", "attention", "ffn_dense", "experts", "shared_experts",
        "output",     "norms",     "recurrent", "other",
    };
    return kIds[static_cast<std::size_t>(c)];
}

}  // namespace canrun::gguf
