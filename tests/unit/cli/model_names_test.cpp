// Which `ollama run` name a catalog pick gets: the library tag only when the tag holds the
// quantization canrun estimated; else the GGUF repo through Ollama's Hugging Face support; else none.
#include <gtest/gtest.h>

#include "answer.h"
#include "catalog/model_catalog.h"

namespace canrun::cli {
namespace {

catalog::CatalogModel llama2_7b(std::string tag_quant, std::string gguf_repo) {
    catalog::CatalogModel m;
    m.id = "llama2:7b";
    m.hf_original = "meta-llama/Llama-2-7b-chat-hf";
    m.hf_gguf = std::move(gguf_repo);
    // Built in place: GCC 12 at -O3 reports a false -Wmaybe-uninitialized when a default-made
    // OllamaTag's short strings are assigned and the tag then copied.
    m.ollama = catalog::OllamaTag{std::string("llama2"), std::string("7b"), false, std::nullopt,
                                  std::move(tag_quant)};
    return m;
}

TEST(OllamaName, LibraryTagWhenItsQuantIsThePick) {
    const auto m = llama2_7b("Q4_0", "TheBloke/Llama-2-7B-Chat-GGUF");
    EXPECT_EQ(catalog_model_names(m, "Q4_0").ollama_tag, "llama2:7b");
    EXPECT_EQ(catalog_model_names(m, "q4_0").ollama_tag, "llama2:7b") << "quant names ignore case";
}

TEST(OllamaName, HuggingFaceRepoWhenTheTagHoldsAnotherQuant) {
    const auto m = llama2_7b("Q4_0", "TheBloke/Llama-2-7B-Chat-GGUF");
    EXPECT_EQ(catalog_model_names(m, "Q4_K_M").ollama_tag,
              "hf.co/TheBloke/Llama-2-7B-Chat-GGUF:Q4_K_M");
    EXPECT_EQ(catalog_model_names(m, "Q8_0").ollama_tag, "hf.co/TheBloke/Llama-2-7B-Chat-GGUF:Q8_0");
}

TEST(OllamaName, DefaultTagQuantIsQ4KM) {
    auto m = llama2_7b("Q4_K_M", "TheBloke/Llama-2-7B-Chat-GGUF");
    m.ollama->quant = catalog::OllamaTag{}.quant;
    EXPECT_EQ(catalog_model_names(m, "Q4_K_M").ollama_tag, "llama2:7b");
    EXPECT_EQ(catalog_model_names(m, "Q4_0").ollama_tag, "hf.co/TheBloke/Llama-2-7B-Chat-GGUF:Q4_0");
}

TEST(OllamaName, NoCommandWithoutAMatchingTagOrAGgufRepo) {
    const auto m = llama2_7b("Q4_0", "");
    EXPECT_EQ(catalog_model_names(m, "Q4_K_M").ollama_tag, "");
    EXPECT_EQ(catalog_model_names(m, "Q4_0").ollama_tag, "llama2:7b");
    auto no_tag = m;
    no_tag.ollama.reset();
    no_tag.hf_gguf = "TheBloke/Llama-2-7B-Chat-GGUF";
    EXPECT_EQ(catalog_model_names(no_tag, "Q5_K_M").ollama_tag,
              "hf.co/TheBloke/Llama-2-7B-Chat-GGUF:Q5_K_M");
}

TEST(OllamaName, SingleBuildModelsKeepTheirTag) {
    // gpt-oss ships in one MXFP4 build; its picks carry no quant name.
    auto m = llama2_7b("MXFP4_MOE", "ggml-org/gpt-oss-20b-GGUF");
    m.ollama->name = "gpt-oss";
    m.ollama->tag = "20b";
    EXPECT_EQ(catalog_model_names(m, "MXFP4_MOE").ollama_tag, "gpt-oss:20b");
}

TEST(OllamaName, ShippedCatalogKnowsLlama2IsQ4_0) {
    auto cat = catalog::load_model_catalog(catalog::DataSourceOptions{});
    ASSERT_TRUE(cat) << cat.error().message;
    const catalog::CatalogModel* m = nullptr;
    for (const auto& rec : cat->models) {
        if (rec.id == "llama2:7b") m = &rec;
    }
    ASSERT_NE(m, nullptr);
    ASSERT_TRUE(m->ollama.has_value());
    EXPECT_EQ(catalog_model_names(*m, "Q4_0").ollama_tag, "llama2:7b");
    EXPECT_EQ(catalog_model_names(*m, "Q4_K_M").ollama_tag, "hf.co/" + m->hf_gguf + ":Q4_K_M");
}

}  // namespace
}  // namespace canrun::cli
