// A synthetic SentencePiece ("llama") vocabulary of a given size: <unk>, <s>, </s>, the 256 byte
// tokens llama.cpp's SPM loader looks up (<0x0A> is its newline), then filler pieces. Enough for
// llama.cpp to load a model whose weights are zeros; the text it would produce is meaningless.
#pragma once

#include <cstdint>

namespace canrun::testing {
class GgufBuilder;
}

namespace canrun::tools {

void add_synthetic_spm_vocab(testing::GgufBuilder& builder, std::uint32_t n_vocab);

}  // namespace canrun::tools
