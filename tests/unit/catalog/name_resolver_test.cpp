#include "catalog/name_resolver.h"

#include <ostream>

#include <gtest/gtest.h>

#include "catalog/model_catalog.h"

namespace canrun::catalog {
namespace {

const ModelCatalog& shipped() {
    static const ModelCatalog cat = [] {
        DataSourceOptions o;  // built-in data only
        auto c = load_model_catalog(o);
        EXPECT_TRUE(c) << (c ? "" : c.error().message);
        return c ? *c : ModelCatalog{};
    }();
    return cat;
}

struct Case {
    const char* query;
    const char* id;
    const char* quant;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.query; }

class ResolveTest : public ::testing::TestWithParam<Case> {};

TEST_P(ResolveTest, FindsTheRecord) {
    const auto& c = GetParam();
    auto r = resolve_model(shipped(), c.query);
    ASSERT_TRUE(r) << c.query << ": " << r.error().message;
    EXPECT_EQ(r->model->id, c.id) << c.query;
    EXPECT_EQ(r->quant, c.quant) << c.query;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ResolveTest,
    ::testing::Values(Case{"qwen2.5:14b", "qwen2.5:14b", ""},
                      Case{"QWEN2.5:14B", "qwen2.5:14b", ""},
                      Case{"qwen2.5:14b-instruct-q4_K_M", "qwen2.5:14b", "Q4_K_M"},
                      Case{"qwen2.5:14b-instruct-q8_0", "qwen2.5:14b", "Q8_0"},
                      Case{"Qwen/Qwen2.5-14B-Instruct", "qwen2.5:14b", ""},
                      Case{"bartowski/Meta-Llama-3.1-8B-Instruct-GGUF", "llama3.1:8b", ""},
                      Case{"qwen2.5-14b", "qwen2.5:14b", ""},
                      Case{"llama3.1", "llama3.1:8b", ""},
                      Case{"qwen3", "qwen3:8b", ""},
                      Case{"deepseek-r1", "deepseek-r1:8b", ""},
                      Case{"gpt-oss:20b", "gpt-oss:20b", ""},
                      Case{"Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "llama3.1:8b", "Q4_K_M"},
                      Case{"llama-2-7b", "llama2:7b", ""},
                      Case{"qwen3:30b-a3b", "qwen3:30b", ""},
                      Case{"deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "deepseek-r1:7b", ""},
                      Case{"Qwen3 8B", "qwen3:8b", ""},
                      Case{"gemma3:4b", "gemma3:4b", ""},
                      Case{"google/gemma-3-27b-it", "gemma3:27b", ""}));

TEST(ResolveModel, MissSuggestsNearNames) {
    auto r = resolve_model(shipped(), "qwen2.5:15b");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ExitCode::BadInput);
    EXPECT_NE(r.error().message.find("unknown model \"qwen2.5:15b\"; did you mean"), std::string::npos)
        << r.error().message;
    EXPECT_NE(r.error().message.find("qwen2.5:"), std::string::npos) << r.error().message;
}

TEST(ResolveModel, TypoInFamily) {
    const auto near = suggest_models(shipped(), "lama3.1:8b");
    ASSERT_FALSE(near.empty());
    EXPECT_EQ(near.front(), "llama3.1:8b");
}

TEST(ResolveModel, NothingCloseSaysHowToList) {
    auto r = resolve_model(shipped(), "zzzzzzzzzzzzzzzzzzzzzz");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("canrun models"), std::string::npos) << r.error().message;
}

TEST(ModelKey, Normalises) {
    EXPECT_EQ(model_key(" Qwen/Qwen2.5_14B:x "), "qwen-qwen2.5-14b-x");
}

}  // namespace
}  // namespace canrun::catalog
