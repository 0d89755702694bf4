#include "model_fixtures.h"

#include <stdexcept>

namespace canrun::testing {

namespace {

void add_layer(GgufBuilder& b, const DenseSpec& s, std::uint32_t il) {
    const std::string p = "blk." + std::to_string(il) + ".";
    const std::uint64_t head_dim = s.embd / s.heads;
    b.tensor(p + "attn_norm.weight", kF32, {s.embd});
    b.tensor(p + "attn_q.weight", kQ4K, {s.embd, s.embd});
    b.tensor(p + "attn_k.weight", kQ4K, {s.embd, head_dim * s.heads_kv});
    b.tensor(p + "attn_v.weight", kQ6K, {s.embd, head_dim * s.heads_kv});
    b.tensor(p + "attn_output.weight", kQ4K, {s.embd, s.embd});
    b.tensor(p + "ffn_norm.weight", kF32, {s.embd});
    if (s.experts > 0) {
        b.tensor(p + "ffn_gate_inp.weight", kF32, {s.embd, s.experts});
        b.tensor(p + "ffn_gate_exps.weight", kQ4K, {s.embd, s.ff, s.experts});
        b.tensor(p + "ffn_up_exps.weight", kQ4K, {s.embd, s.ff, s.experts});
        b.tensor(p + "ffn_down_exps.weight", kQ6K, {s.ff, s.embd, s.experts});
        return;
    }
    b.tensor(p + "ffn_gate.weight", kQ4K, {s.embd, s.ff});
    b.tensor(p + "ffn_up.weight", kQ4K, {s.embd, s.ff});
    b.tensor(p + "ffn_down.weight", kQ6K, {s.ff, s.embd});
}

}  // namespace

GgufBuilder dense_model(const DenseSpec& s) {
    GgufBuilder b;
    const std::string a = s.arch;
    b.kv_str("general.architecture", a).kv_str("general.name", "Test " + a);
    b.kv_u32("general.file_type", 15);
    b.kv_u32(a + ".block_count", s.layers).kv_u32(a + ".context_length", 4096);
    b.kv_u32(a + ".embedding_length", s.embd).kv_u32(a + ".feed_forward_length", s.ff);
    b.kv_u32(a + ".attention.head_count", s.heads);
    if (s.heads_kv_per_layer.empty()) {
        b.kv_u32(a + ".attention.head_count_kv", s.heads_kv);
    } else {
        b.kv_array_u32(a + ".attention.head_count_kv", s.heads_kv_per_layer);
    }
    if (s.experts > 0) {
        b.kv_u32(a + ".expert_count", s.experts).kv_u32(a + ".expert_used_count", s.experts_used);
    }
    b.kv_array_str("tokenizer.ggml.tokens", std::vector<std::string>(s.vocab, "t"));
    b.tensor("token_embd.weight", kQ4K, {s.embd, s.vocab});
    for (std::uint32_t il = 0; il < s.layers; ++il) {
        add_layer(b, s, il);
    }
    b.tensor("output_norm.weight", kF32, {s.embd});
    if (!s.tied) {
        b.tensor("output.weight", kQ6K, {s.embd, s.vocab});
    }
    return b;
}

GgufBuilder meta_model(const std::string& arch, std::uint32_t layers, std::uint32_t embd,
                       std::uint32_t heads, std::uint32_t heads_kv) {
    GgufBuilder b;
    b.kv_str("general.architecture", arch).kv_u32(arch + ".block_count", layers);
    b.kv_u32(arch + ".context_length", 131072).kv_u32(arch + ".embedding_length", embd);
    b.kv_u32(arch + ".attention.head_count", heads);
    if (heads_kv > 0) {
        b.kv_u32(arch + ".attention.head_count_kv", heads_kv);
    }
    b.kv_u32(arch + ".vocab_size", 1000);
    return b;
}

gguf::Value bool_array(const std::vector<bool>& flags) {
    gguf::Array arr;
    arr.elem_type = gguf::ValueType::Bool;
    for (bool f : flags) {
        arr.items.push_back(gguf::Value{gguf::ValueType::Bool, f});
    }
    return gguf::Value{gguf::ValueType::Array, std::move(arr)};
}

gguf::GgufFile parse_or_die(const GgufBuilder& b) {
    const auto header = b.header_bytes();
    auto f = gguf::parse_gguf(header, b.file_bytes(), {}, "fixture.gguf");
    if (!f) {
        throw std::runtime_error(f.error().message);
    }
    return std::move(*f);
}

}  // namespace canrun::testing
