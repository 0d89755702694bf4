#include "gguf/model_facts.h"

#include <algorithm>
#include <map>

#include "gguf/layer_facts.h"
#include "gguf/llama_ftype.h"

namespace canrun::gguf {

namespace {

std::uint32_t clamp_u32(std::uint64_t v) {
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(v, 0xFFFFFFFFULL));
}

void resolve_sizes(const GgufFile& file, const ArchKeys& keys, ModelFacts& f) {
    const TensorInfo* embd = file.find_tensor("token_embd.weight");
    f.n_embd = keys.u32_or("embedding_length", 0);
    if (f.n_embd == 0 && embd != nullptr && !embd->shape.empty()) {
        f.n_embd = clamp_u32(embd->shape[0]);
        f.notes.emplace_back("facts.embedding_length_from_tensor");
    }
    if (auto v = keys.u32("vocab_size")) {
        f.n_vocab = *v;
    } else if (auto n = file.array_size("tokenizer.ggml.tokens")) {
        f.n_vocab = clamp_u32(*n);
    } else if (embd != nullptr && embd->shape.size() >= 2) {
        f.n_vocab = clamp_u32(embd->shape[1]);
        f.notes.emplace_back("facts.vocab_from_tensor");
    } else {
        f.notes.emplace_back("facts.no_vocab");
    }
    f.n_ctx_train = keys.u32_or("context_length", 0);
    if (f.n_ctx_train == 0) {
        f.notes.emplace_back("facts.no_context_length");
    }
    f.n_expert = keys.u32_or("expert_count", 0);
    f.n_expert_used = keys.u32_or("expert_used_count", 0);
    f.n_expert_shared = keys.u32_or("expert_shared_count", 0);
}

void add_tensor(const TensorInfo& t, ModelFacts& f) {
    const TensorClass c = classify_tensor(t.name);
    f.class_bytes[static_cast<int>(c)] += t.bytes;
    f.tensor_bytes += t.bytes;
    f.params += t.elements;
    if (const auto il = tensor_layer(t.name)) {
        if (*il < f.layers.size()) {
            auto& l = f.layers[*il];
            l.bytes += t.bytes;
            l.params += t.elements;
            if (c == TensorClass::Experts) {
                l.expert_bytes += t.bytes;
                l.expert_params += t.elements;
            }
            return;
        }
        if (std::find(f.notes.begin(), f.notes.end(), "facts.tensor_beyond_block_count") == f.notes.end()) {
            f.notes.emplace_back("facts.tensor_beyond_block_count");
        }
    }
    if (c == TensorClass::Embeddings) {
        f.token_embd_bytes += t.bytes;
    } else if (c == TensorClass::Output || t.name.starts_with("output_norm.")) {
        f.output_bytes += t.bytes;
    } else {
        f.other_bytes += t.bytes;
    }
}

void resolve_tensors(const GgufFile& file, ModelFacts& f) {
    for (const auto& t : file.tensors) {
        add_tensor(t, f);
    }
    f.tied_embeddings = file.find_tensor("output.weight") == nullptr;
    std::uint64_t expert_params = 0;
    for (const auto& l : f.layers) {
        expert_params += l.expert_params;
    }
    f.active_params = f.params;
    if (f.n_expert > 0 && f.n_expert_used > 0 && f.n_expert_used < f.n_expert) {
        const auto unused = expert_params - expert_params / f.n_expert * f.n_expert_used;
        f.active_params = f.params - unused;
    }
}

// The most common type (by bytes) among 2-D weight tensors, e.g. "Q4_K".
std::string majority_weight_type(const GgufFile& file) {
    std::map<std::string_view, std::uint64_t> bytes;
    for (const auto& t : file.tensors) {
        if (t.shape.size() >= 2) {
            bytes[t.type.name] += t.bytes;
        }
    }
    const auto best = std::max_element(bytes.begin(), bytes.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return best == bytes.end() ? std::string() : std::string(best->first);
}

void resolve_quant(const GgufFile& file, ModelFacts& f) {
    if (auto ft = file.get_uint("general.file_type")) {
        f.file_type = clamp_u32(*ft);
        if (auto name = llama_ftype_name(*f.file_type)) {
            f.quant = std::string(*name);
            return;
        }
    }
    f.quant = majority_weight_type(file);
    f.notes.emplace_back("facts.quant_from_tensor_types");
}

}  // namespace

Result<ModelFacts> extract_facts(const GgufFile& file) {
    ModelFacts f;
    const auto arch = file.get_string("general.architecture");
    if (!arch || arch->empty()) {
        return fail("no general.architecture key: not a model file (a LoRA adapter or a projector?); "
                    "pass the model's main .gguf");
    }
    f.arch = *arch;
    const ArchKeys keys(file, f.arch);
    const auto blocks = keys.u32("block_count");
    if (!blocks || *blocks == 0 || *blocks > 65536) {
        return fail("no usable " + keys.key("block_count") +
                    " key: the file is incomplete or was written by an unsupported converter");
    }
    f.n_layer = *blocks;
    f.name = file.get_string("general.name").value_or("");
    f.arch_known = arch_is_known(f.arch);
    if (!f.arch_known) {
        f.notes.emplace_back("facts.unknown_arch");
    }
    f.file_bytes = file.file_bytes;
    resolve_sizes(file, keys, f);
    resolve_layers(keys, arch_rule(f.arch), f);
    resolve_recurrent_state(keys, f);
    resolve_tensors(file, f);
    resolve_quant(file, f);
    return f;
}

estimate::ModelShape to_model_shape(const ModelFacts& f) {
    estimate::ModelShape s;
    s.arch = f.arch;
    s.n_embd = f.n_embd;
    s.n_vocab = f.n_vocab;
    s.n_ctx_train = f.n_ctx_train;
    s.layers.reserve(f.layers.size());
    for (const auto& l : f.layers) {
        estimate::LayerShape ls;
        ls.memory = l.has_kv ? estimate::LayerMemory::Kv
                             : (l.recurrent ? estimate::LayerMemory::Recurrent : estimate::LayerMemory::None);
        ls.recurrent_state = l.recurrent;
        ls.n_head = l.n_head;
        ls.n_head_kv = l.has_kv ? l.n_head_kv : 0;
        ls.head_dim_k = l.head_dim_k;
        ls.head_dim_v = l.head_dim_v;
        ls.sliding_window = l.sliding_window;
        ls.n_ff = l.n_ff;
        ls.weight_bytes = l.bytes;
        ls.expert_weight_bytes = l.expert_bytes;
        ls.weight_params = l.params;
        ls.expert_params = l.expert_params;
        s.layers.push_back(ls);
    }
    s.n_swa = f.swa == SwaKind::None ? 0 : f.n_swa;
    s.mla = f.mla;
    s.kv_lora_rank = f.kv_lora_rank;
    s.n_expert = f.n_expert;
    s.n_expert_used = f.n_expert_used;
    s.n_expert_shared = f.n_expert_shared;
    s.recurrent_conv_elems = f.recurrent_conv_elems;
    s.recurrent_ssm_elems = f.recurrent_ssm_elems;
    s.token_embd_bytes = f.token_embd_bytes;
    s.output_bytes = f.output_bytes;
    s.tied_embeddings = f.tied_embeddings;
    s.other_bytes = f.other_bytes;
    s.params = f.params;
    s.active_params = f.active_params;
    s.file_bytes = f.file_bytes;
    return s;
}

}  // namespace canrun::gguf
