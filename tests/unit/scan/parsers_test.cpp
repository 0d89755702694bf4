// The small readers of scan/: Ollama names and manifests, safetensors headers, HF config.json,
// OLLAMA_HOST and the Ollama API's JSON, store roots.
#include <gtest/gtest.h>

#include "scan/hf_config.h"
#include "scan/ollama_client.h"
#include "scan/ollama_store.h"
#include "scan/safetensors_header.h"
#include "scan/store_roots.h"

namespace canrun::scan {
namespace {

TEST(OllamaName, LibraryUserAndOtherHosts) {
    EXPECT_EQ(ollama_name("registry.ollama.ai/library/qwen2.5/7b"), "qwen2.5:7b");
    EXPECT_EQ(ollama_name("registry.ollama.ai/jmorgan/tiny/latest"), "jmorgan/tiny:latest");
    EXPECT_EQ(ollama_name("hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF/Q4_K_M"),
              "hf.co/bartowski/Qwen2.5-7B-Instruct-GGUF:Q4_K_M");
}

TEST(OllamaManifest, FindsTheModelLayer) {
    const std::string hex(64, 'a');
    const auto e = parse_ollama_manifest(
        R"({"schemaVersion":2,"layers":[{"mediaType":"application/vnd.ollama.image.template","digest":"sha256:)" +
            std::string(64, 'b') + R"(","size":1},{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:)" +
            hex + R"(","size":4683073184}]})",
        "/s", "registry.ollama.ai/library/qwen2.5/7b");
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->name, "qwen2.5:7b");
    EXPECT_EQ(e->blob, std::filesystem::path("/s/blobs/sha256-" + hex));
    EXPECT_EQ(e->declared_bytes, 4683073184ULL);
}

TEST(OllamaManifest, RejectsBrokenOnes) {
    EXPECT_FALSE(parse_ollama_manifest("{", "/s", "a/b/c/d"));
    EXPECT_FALSE(parse_ollama_manifest(R"({"layers":[]})", "/s", "a/b/c/d"));
    EXPECT_FALSE(parse_ollama_manifest(
        R"({"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:../../etc"}]})", "/s",
        "a/b/c/d"));
}

TEST(SafetensorsHeader, CountsParamsAndBytesByDtype) {
    const auto h = parse_safetensors_header(
        R"({"__metadata__":{"format":"pt"},"a":{"dtype":"BF16","shape":[4,8],"data_offsets":[0,64]},)"
        R"("b":{"dtype":"F32","shape":[8],"data_offsets":[64,96]}})",
        96);
    ASSERT_TRUE(h.has_value());
    EXPECT_EQ(h->tensors, 2U);
    EXPECT_EQ(h->params, 40U);
    EXPECT_EQ(h->data_bytes, 96U);
    EXPECT_EQ(h->bytes_by_dtype.at("BF16"), 64U);
}

TEST(SafetensorsHeader, RejectsRangesOutsideTheFileOrNotMatchingTheShape) {
    EXPECT_FALSE(parse_safetensors_header(R"({"a":{"dtype":"BF16","shape":[4],"data_offsets":[0,8]}})", 4));
    EXPECT_FALSE(parse_safetensors_header(R"({"a":{"dtype":"BF16","shape":[4],"data_offsets":[0,6]}})", 8));
    EXPECT_FALSE(parse_safetensors_header(R"({"a":{"dtype":"BF16","shape":[-4],"data_offsets":[0,8]}})", 8));
    EXPECT_FALSE(parse_safetensors_header("[1,2]", 8));
}

TEST(HfConfig, Qwen2) {
    const auto s = arch_spec_from_hf_config(R"({"model_type":"qwen2","num_hidden_layers":28,
        "hidden_size":3584,"intermediate_size":18944,"num_attention_heads":28,"num_key_value_heads":4,
        "vocab_size":152064,"max_position_embeddings":32768,"rope_theta":1000000.0,"tie_word_embeddings":false})");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->arch, "qwen2");
    EXPECT_EQ(s->n_layer, 28U);
    EXPECT_EQ(s->kv_heads(), 4U);
    EXPECT_TRUE(s->attn_bias);
    EXPECT_FALSE(s->tied_embeddings);
    EXPECT_EQ(s->n_ctx_train, 32768U);
}

TEST(HfConfig, UnknownTypeOrMissingSizesFail) {
    EXPECT_FALSE(arch_spec_from_hf_config(R"({"model_type":"bert","hidden_size":768})"));
    EXPECT_FALSE(arch_spec_from_hf_config(R"({"model_type":"llama","hidden_size":4096})"));
    EXPECT_FALSE(arch_spec_from_hf_config("not json"));
}

TEST(HfConfig, CheckpointFromQuantizationConfig) {
    const auto fp8 = checkpoint_from_hf_config(
        R"({"model_type": "deepseek_v3", "quantization_config": {"activation_scheme": "dynamic",
            "fmt": "e4m3", "quant_method": "fp8", "weight_block_size": [128, 128]}})");
    ASSERT_TRUE(fp8.has_value());
    EXPECT_EQ(fp8->dtype, "fp8");
    EXPECT_TRUE(fp8->experts_dtype.empty());
    const auto mx = checkpoint_from_hf_config(
        R"({"model_type": "gpt_oss", "quantization_config": {"quant_method": "mxfp4",
            "modules_to_not_convert": ["model.layers.*.self_attn", "lm_head"]}})");
    ASSERT_TRUE(mx.has_value());
    EXPECT_EQ(mx->dtype, "bf16");
    EXPECT_EQ(mx->experts_dtype, "mxfp4");
    EXPECT_FALSE(checkpoint_from_hf_config(R"({"model_type": "llama"})").has_value());
    EXPECT_FALSE(checkpoint_from_hf_config(R"({"quantization_config": {"quant_method": "gptq"}})"));
    EXPECT_FALSE(checkpoint_from_hf_config("not json"));
    EXPECT_FALSE(checkpoint_from_hf_config(R"({"quantization_config": 7})"));
}

TEST(OllamaHost, FormsOllamaAccepts) {
    const auto d = parse_ollama_host("");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->host, "127.0.0.1");
    EXPECT_EQ(d->port, 11434);
    EXPECT_EQ(parse_ollama_host("0.0.0.0")->host, "127.0.0.1");
    EXPECT_EQ(parse_ollama_host("0.0.0.0:8080")->port, 8080);
    EXPECT_EQ(parse_ollama_host("http://box.lan:11435")->host, "box.lan");
    EXPECT_EQ(parse_ollama_host("http://box.lan")->port, 80);
    EXPECT_TRUE(parse_ollama_host("https://box.lan")->https);
    EXPECT_FALSE(parse_ollama_host("host:99999"));
}

// The example of docs.ollama.com/api/ps.
constexpr const char* kPs = R"({"models":[{"name":"gemma3","model":"gemma3","size":6591830464,
  "digest":"a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a",
  "details":{"parent_model":"","format":"gguf","family":"gemma3","families":["gemma3"],
  "parameter_size":"4.3B","quantization_level":"Q4_K_M"},"expires_at":"2025-10-17T16:47:07.93355-07:00",
  "size_vram":5333539264,"context_length":4096}]})";

TEST(OllamaApi, PsTagsAndShow) {
    const auto ps = parse_ps(kPs);
    ASSERT_EQ(ps.size(), 1U);
    EXPECT_EQ(ps[0].name, "gemma3");
    EXPECT_EQ(ps[0].size_bytes, 6591830464ULL);
    EXPECT_EQ(ps[0].size_vram_bytes, 5333539264ULL);
    EXPECT_EQ(ps[0].context_length, 4096U);
    EXPECT_EQ(ps[0].quant, "Q4_K_M");
    EXPECT_EQ(parse_tags(R"({"models":[{"name":"b:1"},{"name":"a:latest"}]})"),
              (std::vector<std::string>{"a:latest", "b:1"}));
    auto l = ps[0];
    apply_show(R"({"model_info":{"general.architecture":"gemma3","general.parameter_count":4300079472}})", l);
    EXPECT_EQ(l.arch, "gemma3");
    EXPECT_EQ(l.params, 4300079472ULL);
    EXPECT_TRUE(parse_ps("garbage").empty());
}

TEST(StoreRoots, FromHomeAndVariables) {
    ScanEnvironment e;
    e.home = "/h";
    e.system_ollama_models.clear();
    const auto roots = default_store_roots(e);
    ASSERT_GE(roots.size(), 6U);
    EXPECT_EQ(roots[0].path, "/h/.ollama/models");
    EXPECT_EQ(roots[0].kind, StoreKind::Ollama);
    e.ollama_models = "/m";
    e.hf_home = "/hf";
    const auto r2 = default_store_roots(e);
    EXPECT_EQ(r2[0].path, "/m");
    const bool hf = std::any_of(r2.begin(), r2.end(), [](const StoreRoot& r) { return r.path == "/hf/hub"; });
    EXPECT_TRUE(hf);
}

}  // namespace
}  // namespace canrun::scan
