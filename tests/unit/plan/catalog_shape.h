// A catalog model as canrun predicts its GGUF (catalog::predict_model_file), for plan tests that
// need real shapes (DeepSeek V3's MoE + MLA, Qwen3 MoE).
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "catalog/model_file.h"
#include "estimate/model_shape.h"
#include "gguf/model_facts.h"

namespace canrun::advise::test {

inline estimate::ModelShape catalog_shape(const std::string& id, const std::string& quant = "Q4_K_M") {
    auto file = catalog::predict_model_file(id, quant, {});
    EXPECT_TRUE(file) << (file ? "" : file.error().message);
    if (!file) {
        return {};
    }
    auto facts = gguf::extract_facts(file->file);
    EXPECT_TRUE(facts);
    return facts ? gguf::to_model_shape(*facts) : estimate::ModelShape{};
}

}  // namespace canrun::advise::test
