// The synthetic header's layout (data_offset, offsets, file_bytes) is the one a GGUF writer
// produces: write the same metadata and tensors with the test GgufBuilder, read the bytes back
// with the real parser, and compare.
#include <gtest/gtest.h>

#include "catalog/synthetic_gguf.h"
#include "support/gguf_builder.h"

namespace canrun::catalog {
namespace {

ArchSpec gemma3_like() {
    ArchSpec s;
    s.arch = "gemma3";
    s.name = "layout-test";
    s.n_layer = 6;
    s.n_embd = 640;
    s.n_ff = 2048;
    s.n_head = 4;
    s.n_head_kv = 1;
    s.head_dim_k = 256;
    s.n_vocab = 4096;
    s.n_ctx_train = 32768;
    s.tied_embeddings = true;
    s.qk_norm = true;
    s.post_norms = true;
    s.n_swa = 512;
    return s;
}

TEST(SyntheticLayout, MatchesAWrittenFile) {
    const auto synth = synthesize_gguf(gemma3_like(), gguf::LlamaFtype::Q4_K_M);
    testing::GgufBuilder b;
    for (const auto& kv : synth.metadata) b.kv(kv.key, kv.value);
    for (const auto& t : synth.tensors) b.tensor(t.name, t.type.id, t.shape);
    EXPECT_EQ(b.file_bytes(), synth.file_bytes);

    const auto header = b.header_bytes();
    const auto parsed = gguf::parse_gguf(header, b.file_bytes());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
    EXPECT_EQ(parsed->data_offset, synth.data_offset);
    ASSERT_EQ(parsed->tensors.size(), synth.tensors.size());
    for (std::size_t i = 0; i < synth.tensors.size(); ++i) {
        EXPECT_EQ(parsed->tensors[i].name, synth.tensors[i].name);
        EXPECT_EQ(parsed->tensors[i].offset, synth.tensors[i].offset) << synth.tensors[i].name;
        EXPECT_EQ(parsed->tensors[i].bytes, synth.tensors[i].bytes) << synth.tensors[i].name;
        EXPECT_EQ(parsed->tensors[i].type.id, synth.tensors[i].type.id) << synth.tensors[i].name;
    }
    EXPECT_EQ(parsed->get_uint("gemma3.attention.sliding_window"), 512u);
}

TEST(SyntheticLayout, Q4KMGemmaKeepsNarrowTensorsValid) {
    // n_embd 640 is not a multiple of 256: every Q4_K/Q6_K choice must fall back to a type whose
    // block divides the row, or the file would be rejected by the reader.
    const auto synth = synthesize_gguf(gemma3_like(), gguf::LlamaFtype::Q4_K_M);
    for (const auto& t : synth.tensors) {
        EXPECT_EQ(t.shape[0] % t.type.block_elems, 0u) << t.name << " " << t.type.name;
    }
    EXPECT_EQ(synth.find_tensor("blk.0.attn_q.weight")->type.name, "Q5_0");
    EXPECT_EQ(synth.find_tensor("token_embd.weight")->type.name, "Q8_0");  // tied: output rule
}

}  // namespace
}  // namespace canrun::catalog
