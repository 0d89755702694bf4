// A catalog record's architecture as catalog::ArchSpec, the input of synthesize_gguf: the bridge
// that lets canrun predict the GGUF file (tensor types, exact bytes) of a model it has no file
// for.
#pragma once

#include <cstdint>

#include "catalog/arch_spec.h"
#include "catalog/model_catalog.h"
#include "gguf/gguf_file.h"
#include "gguf/llama_ftype.h"
#include "util/result.h"

namespace canrun::catalog {

// Fails (exit 3) for architectures synthesize_gguf cannot lay out yet: plain (non-gated) FFNs
// outside phi2/starcoder2. The message names the model and the feature.
Result<ArchSpec> to_arch_spec(const CatalogModel& model);

// Tokenizer metadata a real GGUF carries that the synthetic header leaves out: the token
// strings, scores and types arrays, and the merges of BPE vocabularies. Modelled from the
// vocabulary size (bytes per token measured on llama.cpp-converted files; see the .cpp).
std::uint64_t tokenizer_metadata_bytes(std::uint32_t n_vocab);

// The GGUF a converter + llama-quantize would write for this model: synthesize_gguf plus the
// tokenizer estimate in file_bytes.
Result<gguf::GgufFile> predict_gguf(const CatalogModel& model, gguf::LlamaFtype ftype);

// Parameters of the text model as the synthetic file counts them (tensor elements).
std::uint64_t tensor_elements(const gguf::GgufFile& file);

}  // namespace canrun::catalog
