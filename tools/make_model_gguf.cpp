// canrun_make_model_gguf: writes a real, loadable GGUF file with zero weights (a sparse file: only
// the header takes disk space) for an architecture preset and a llama_ftype. The tensors, their
// types and the metadata are those of catalog/synthesize_gguf, plus a synthetic tokenizer, so
// llama.cpp reports the same buffer sizes it would for the real model. Used by
// bench/accuracy/memory to measure llama.cpp against canrun's estimates.
//
//   canrun_make_model_gguf --presets bench/accuracy/memory/presets.json
//                          --preset Llama-3.1-8B --ftype Q4_K_M --out /tmp/llama.gguf
//   canrun_make_model_gguf --presets FILE --list
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "arch_spec_json.h"
#include "catalog/synthetic_gguf.h"
#include "support/gguf_builder.h"
#include "synthetic_vocab.h"

namespace {

using canrun::catalog::ArchSpec;

canrun::testing::GgufBuilder builder_for(const ArchSpec& spec, canrun::gguf::LlamaFtype ftype,
                                         bool with_vocab) {
    const auto header = canrun::catalog::synthesize_gguf(spec, ftype);
    canrun::testing::GgufBuilder b;
    for (const auto& kv : header.metadata) b.kv(kv.key, kv.value);
    if (with_vocab) {
        canrun::tools::add_synthetic_spm_vocab(b, spec.n_vocab);
    } else {
        b.kv_str("tokenizer.ggml.model", "none");
    }
    for (const auto& t : header.tensors) b.tensor(t.name, t.type.id, t.shape);
    return b;
}

int list_presets(const std::vector<canrun::tools::Preset>& presets) {
    for (const auto& p : presets) {
        fmt::print("{}\t{}\t{} layers\t{}\n", p.id, p.spec.arch, p.spec.n_layer, p.spec.source);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Write a sparse GGUF with zero weights for an architecture preset"};
    std::string presets_path, preset_id, ftype_name = "Q4_K_M", out_path;
    bool list = false, no_vocab = false;
    app.add_option("--presets", presets_path, "presets JSON file")->required();
    app.add_option("--preset", preset_id, "preset id (see --list)");
    app.add_option("--ftype", ftype_name, "llama_ftype name, e.g. Q4_K_M, Q8_0, F16");
    app.add_option("--out", out_path, "GGUF file to write");
    app.add_flag("--list", list, "list the presets");
    app.add_flag("--no-vocab", no_vocab, "tokenizer model 'none' instead of a synthetic SPM vocab");
    CLI11_PARSE(app, argc, argv);

    const auto presets = canrun::tools::read_presets(presets_path);
    if (!presets) {
        fmt::print(stderr, "canrun: {}\n", presets.error().message);
        return 3;
    }
    if (list) return list_presets(*presets);
    const auto ftype = canrun::gguf::llama_ftype_by_name(ftype_name);
    if (!ftype || out_path.empty() || preset_id.empty()) {
        fmt::print(stderr, "canrun: give --preset, --out and a known --ftype (got '{}')\n", ftype_name);
        return 2;
    }
    for (const auto& p : *presets) {
        if (p.id != preset_id) continue;
        const auto b = builder_for(p.spec, ftype->ftype, !no_vocab);
        if (!b.write_file(out_path)) {
            fmt::print(stderr, "canrun: cannot write {}; check the directory\n", out_path);
            return 3;
        }
        std::uint64_t tensor_bytes = 0;
        for (const auto& t : b.tensors()) tensor_bytes += t.bytes;
        fmt::print("{{\"path\": \"{}\", \"preset\": \"{}\", \"ftype\": \"{}\", \"file_bytes\": {}, "
                   "\"tensor_bytes\": {}, \"tensors\": {}}}\n",
                   out_path, p.id, ftype->name, b.file_bytes(), tensor_bytes, b.tensors().size());
        return 0;
    }
    fmt::print(stderr, "canrun: no preset '{}' in {}; see --list\n", preset_id, presets_path);
    return 2;
}
