// models.json `checkpoint`: how a model's published checkpoint stores its weights (what vLLM
// loads). Parsed and linted by catalog/model_catalog; the shipped records agree with the HF
// config.json quantization_config of each repo.
#include <gtest/gtest.h>

#include "catalog/model_catalog.h"
#include "catalog/model_file.h"

namespace canrun::catalog {
namespace {

DataJson json_file(const std::string& text) {
    auto d = parse_data_json({"models.json", text, DataOrigin::DataDir, "/d/models.json"});
    EXPECT_TRUE(d) << (d ? "" : d.error().message);
    return *d;
}

std::string with_checkpoint(const std::string& checkpoint) {
    return R"({"schema_version":1,"data_version":"t","models":[
 {"id":"tiny:1b","name":"Tiny","family":"tiny","params":1000,"active_params":1000,
  "arch":{"gguf_arch":"llama","n_layer":2,"n_embd":64,"n_ff":128,"n_head":2,"n_head_kv":1,
          "head_dim":32,"n_vocab":100,"n_ctx_train":2048},
  "hf":{"original":"x/tiny"},"license":"mit","released":"2025-01-01","tasks":["chat"],)" +
           checkpoint + R"("source":"https://example.org/config.json"}]})";
}

TEST(Checkpoint, AbsentMeansNone) {
    auto c = parse_model_catalog(json_file(with_checkpoint("")));
    ASSERT_TRUE(c) << c.error().message;
    EXPECT_FALSE(c->models[0].checkpoint.has_value());
}

TEST(Checkpoint, ReadsDtypesAndSource) {
    auto c = parse_model_catalog(json_file(with_checkpoint(
        R"("checkpoint":{"dtype":"bf16","experts_dtype":"mxfp4","source":"https://x.org/c"},)")));
    ASSERT_TRUE(c) << c.error().message;
    const auto& k = c->models[0].checkpoint;
    ASSERT_TRUE(k.has_value());
    EXPECT_EQ(k->dtype, "bf16");
    EXPECT_EQ(k->experts_dtype, "mxfp4");
    EXPECT_EQ(k->source, "https://x.org/c");
}

TEST(Checkpoint, UnknownDtypeMissingSourceAndTyposAreProblems) {
    auto c = parse_model_catalog(json_file(with_checkpoint(
        R"("checkpoint":{"dtype":"fp6","experts_dtype":"int3","sorce":"x"},)")));
    ASSERT_FALSE(c);
    const auto& msg = c.error().message;
    EXPECT_NE(msg.find("\"checkpoint.dtype\" \"fp6\" is not one of bf16, fp16, fp8, mxfp4"),
              std::string::npos) << msg;
    EXPECT_NE(msg.find("\"checkpoint.experts_dtype\" \"int3\""), std::string::npos) << msg;
    EXPECT_NE(msg.find("\"checkpoint.source\" is missing"), std::string::npos) << msg;
    EXPECT_NE(msg.find("\"checkpoint.sorce\" is not a known field"), std::string::npos) << msg;
}

TEST(Checkpoint, SourceMustBeAnAddress) {
    auto c = parse_model_catalog(json_file(
        with_checkpoint(R"("checkpoint":{"dtype":"fp8","source":"the model card"},)")));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("\"checkpoint.source\" must be an https:// address"),
              std::string::npos) << c.error().message;
}

TEST(Checkpoint, BytesPerParameterIncludeScales) {
    EXPECT_DOUBLE_EQ(*checkpoint_dtype_bytes("bf16"), 2.0);
    EXPECT_DOUBLE_EQ(*checkpoint_dtype_bytes("fp16"), 2.0);
    EXPECT_DOUBLE_EQ(*checkpoint_dtype_bytes("fp8"), 1.0 + 4.0 / 16384);  // fp32 per 128x128
    EXPECT_DOUBLE_EQ(*checkpoint_dtype_bytes("mxfp4"), 4.25 / 8);         // E8M0 per 32
    EXPECT_FALSE(checkpoint_dtype_bytes("FP8"));
    for (const auto name : kCheckpointDtypes) {
        EXPECT_TRUE(checkpoint_dtype_bytes(name)) << name;
    }
}

// The shipped catalog: DeepSeek V3/R1 and Kimi K2 publish FP8 (quantization_config fp8, 128x128
// blocks), gpt-oss MXFP4 experts; the others in the catalog are 16-bit (no record).
TEST(Checkpoint, ShippedRecords) {
    auto cat = load_model_catalog({});
    ASSERT_TRUE(cat) << cat.error().message;
    for (const char* id : {"deepseek-v3:671b", "deepseek-v3.1:671b", "deepseek-r1:671b", "kimi-k2:1t"}) {
        const auto* m = cat->find_id(id);
        ASSERT_NE(m, nullptr) << id;
        ASSERT_TRUE(m->checkpoint) << id;
        EXPECT_EQ(m->checkpoint->dtype, "fp8") << id;
        EXPECT_TRUE(m->checkpoint->experts_dtype.empty()) << id;
    }
    for (const char* id : {"gpt-oss:20b", "gpt-oss:120b"}) {
        const auto* m = cat->find_id(id);
        ASSERT_NE(m, nullptr) << id;
        ASSERT_TRUE(m->checkpoint) << id;
        EXPECT_EQ(m->checkpoint->dtype, "bf16") << id;
        EXPECT_EQ(m->checkpoint->experts_dtype, "mxfp4") << id;
    }
    const auto* dense = cat->find_id("qwen2.5:14b");
    ASSERT_NE(dense, nullptr);
    EXPECT_FALSE(dense->checkpoint);
}

// A model published with MXFP4 experts is run at MXFP4_MOE unless asked otherwise: its GGUF
// repos hold no other build, so `canrun fit gpt-oss:20b` must not size (and name) a Q4_K_M file.
TEST(Checkpoint, Mxfp4ExpertsMakeMxfp4TheDefaultQuant) {
    const auto data = default_data_source("");
    const auto oss = predict_model_file("gpt-oss:20b", "", data);
    ASSERT_TRUE(oss) << oss.error().message;
    EXPECT_EQ(oss->quant, "MXFP4_MOE");
    const auto asked = predict_model_file("gpt-oss:20b", "Q8_0", data);
    ASSERT_TRUE(asked) << asked.error().message;
    EXPECT_EQ(asked->quant, "Q8_0");
    const auto dense = predict_model_file("qwen3:8b", "", data);
    ASSERT_TRUE(dense) << dense.error().message;
    EXPECT_EQ(dense->quant, "Q4_K_M");
}

}  // namespace
}  // namespace canrun::catalog
