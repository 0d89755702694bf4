// synthesize_gguf: the GGUF header (metadata + tensor infos with types, offsets and exact bytes)
// that llama.cpp's converter (convert_hf_to_gguf.py) followed by llama-quantize would produce
// for an architecture, without any file. Tokenizer arrays are left out; {arch}.vocab_size
// carries the vocabulary size. data_offset and file_bytes describe this header as written, so a
// real file is larger by its tokenizer (a few MB).
#pragma once

#include <string_view>
#include <vector>

#include "catalog/arch_spec.h"
#include "gguf/gguf_file.h"
#include "gguf/llama_ftype.h"
#include "gguf/quant_recipe.h"

namespace canrun::catalog {

// The tensors the converter writes, in file order, with their unquantized types
// (F16 weights, F32 norms/biases/routers/rope_freqs).
std::vector<gguf::RecipeTensor> synthetic_tensors(const ArchSpec& spec);

// What the quantizer knows about the model (layers, experts, GQA, tied output).
gguf::QuantModel quant_model_for(const ArchSpec& spec);

// The model's metadata keys, general.file_type = ftype; no tokenizer keys.
std::vector<gguf::KeyValue> synthetic_metadata(const ArchSpec& spec, gguf::LlamaFtype ftype);

// Header of the quantized file: metadata, tensors typed by the quant recipe, offsets aligned
// to 32 bytes, data_offset and file_bytes as a writer lays them out.
gguf::GgufFile synthesize_gguf(const ArchSpec& spec, gguf::LlamaFtype ftype);

// Architectures whose MLP is plain (ffn_up, ffn_down; no gate) and that synthesize_gguf lays
// out so: phi2, starcoder2.
bool plain_ffn_arch(std::string_view arch);

// Bytes a GGUF writer uses for one metadata pair / one tensor info (for layout).
std::uint64_t serialized_bytes(const gguf::KeyValue& kv);
std::uint64_t serialized_bytes(const gguf::TensorInfo& tensor);

}  // namespace canrun::catalog
