// What the API accepts from the network: catalog ids only, numbers in range, known choices.
#include "web/api_query.h"

#include <gtest/gtest.h>

namespace canrun::web {
namespace {

TEST(CheckedModelName, AcceptsCatalogIdsAndRepos) {
    for (const char* ok : {"qwen2.5:14b", "Qwen/Qwen2.5-14B-Instruct", "llama3.1:8b", "gpt-oss:20b"}) {
        EXPECT_TRUE(checked_model_name(ok).has_value()) << ok;
    }
}

TEST(CheckedModelName, RefusesAnythingThatLooksLikeAPath) {
    for (const char* bad : {"/etc/passwd", "../../etc/passwd", "./model.gguf", "~/models/x",
                            "a/b/c", "C:\\models\\x", "model.gguf", "config.json",
                            "qwen..14b", ""}) {
        const auto r = checked_model_name(bad);
        ASSERT_FALSE(r.has_value()) << bad;
        EXPECT_EQ(r.error().status, 400) << bad;
    }
}

TEST(CheckedModelName, RefusesControlCharactersAndLongNames) {
    EXPECT_FALSE(checked_model_name(std::string("qwen\n2.5")).has_value());
    EXPECT_FALSE(checked_model_name(std::string(121, 'a')).has_value());
}

struct BadQuery {
    const char* name;
    const char* value;
};

class FitQueryTest : public ::testing::TestWithParam<BadQuery> {};

TEST_P(FitQueryTest, BadValuesAre400) {
    QueryParams q{{"model", "qwen2.5:14b"}, {GetParam().name, GetParam().value}};
    const auto o = fit_options(q, cli::Options{});
    ASSERT_FALSE(o.has_value());
    EXPECT_EQ(o.error().status, 400);
    EXPECT_NE(o.error().message.find(GetParam().name), std::string::npos) << o.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Values, FitQueryTest,
    ::testing::Values(BadQuery{"ctx", "abc"}, BadQuery{"ctx", "0"}, BadQuery{"ctx", "-5"},
                      BadQuery{"ctx", "99999999999"}, BadQuery{"ctx", "8192.5"},
                      BadQuery{"gpus", "0"}, BadQuery{"gpus", "65"}, BadQuery{"gpus", "two"},
                      BadQuery{"kv_type", "q7_0"}, BadQuery{"flash_attn", "maybe"},
                      BadQuery{"quant", "Q4_K_M;rm"}, BadQuery{"hw", "\x01"}),
    [](const ::testing::TestParamInfo<BadQuery>& p) {
        return std::string(p.param.name) + "_" + std::to_string(p.index);
    });

TEST(FitQuery, GoodValuesBecomeTheCliOptions) {
    QueryParams q{{"model", "qwen2.5:14b"}, {"quant", "Q8_0"},      {"ctx", "16384"},
                  {"kv_type", "q8_0"},      {"flash_attn", "on"},   {"gpus", "2"},
                  {"hw", "RTX 4090"}};
    cli::Options base;
    base.serve.hardware.sysroot = "/somewhere";
    const auto o = fit_options(q, base);
    ASSERT_TRUE(o.has_value()) << o.error().message;
    EXPECT_EQ(o->fit.model, "qwen2.5:14b");
    EXPECT_EQ(o->fit.quant, "Q8_0");
    EXPECT_EQ(o->fit.ctx, 16384U);
    EXPECT_EQ(o->fit.kv_type, "q8_0");
    EXPECT_EQ(o->fit.flash_attn, "on");
    EXPECT_EQ(o->fit.hardware.gpus, 2);
    EXPECT_EQ(o->fit.hardware.hw, "RTX 4090");
    EXPECT_EQ(o->fit.hardware.sysroot, "/");  // another machine: this one's sysroot is dropped
}

TEST(FitQuery, WithoutHwTheServersMachineIsUsed) {
    cli::Options base;
    base.serve.hardware.sysroot = "/recorded";
    base.serve.hardware.no_vendor_libs = true;
    const auto o = fit_options({{"model", "qwen2.5:14b"}}, base);
    ASSERT_TRUE(o.has_value());
    EXPECT_EQ(o->fit.hardware.sysroot, "/recorded");
    EXPECT_TRUE(o->fit.hardware.no_vendor_libs);
    EXPECT_FALSE(o->fit.ctx.has_value());
}

TEST(FitQuery, ModelIsRequired) {
    const auto o = fit_options({}, cli::Options{});
    ASSERT_FALSE(o.has_value());
    EXPECT_EQ(o.error().status, 400);
}

TEST(RecommendQuery, ChecksUseAndSpeedFloor) {
    EXPECT_FALSE(recommend_options({{"use", "dance"}}, cli::Options{}).has_value());
    EXPECT_FALSE(recommend_options({{"min_tps", "-1"}}, cli::Options{}).has_value());
    EXPECT_FALSE(recommend_options({{"min_tps", "nan"}}, cli::Options{}).has_value());
    EXPECT_FALSE(recommend_options({{"ctx", "100"}}, cli::Options{}).has_value());
    const auto o = recommend_options({{"use", "code"}, {"min_tps", "25.5"}}, cli::Options{});
    ASSERT_TRUE(o.has_value());
    EXPECT_EQ(o->recommend.use, "code");
    EXPECT_DOUBLE_EQ(o->recommend.min_tps, 25.5);
}

TEST(PlanQuery, ChoicesNumbersAndDevices) {
    const QueryParams q{{"model", "qwen2.5:72b"}, {"tps", "20"},        {"budget", "5000"},
                        {"currency", "CNY"},      {"sort", "cheapest"}, {"have", "RTX 3090"},
                        {"have", "RTX 4090"},     {"nodes", "/etc/passwd"}};
    const auto o = plan_options(q, cli::Options{});
    ASSERT_TRUE(o.has_value()) << o.error().message;
    EXPECT_EQ(o->plan.model, "qwen2.5:72b");
    EXPECT_DOUBLE_EQ(o->plan.tps, 20);
    EXPECT_EQ(o->plan.budget, 5000.0);
    EXPECT_EQ(o->plan.currency, "CNY");
    EXPECT_EQ(o->plan.sort, "cheapest");
    EXPECT_EQ(o->plan.have, (std::vector<std::string>{"RTX 3090", "RTX 4090"}));
    EXPECT_TRUE(o->plan.nodes.empty());  // files are never taken from the network
}

TEST(PlanQuery, BadValuesAre400) {
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"tps", "0"}, {"tps", "fast"}, {"budget", "-1"}, {"currency", "EUR"},
             {"sort", "random"}, {"net", "wifi"}, {"top", "0"}, {"ctx", "100"}, {"model", "/x"}}) {
        QueryParams q{{"model", "qwen2.5:72b"}};
        q.erase(name);
        q.emplace(name, value);
        const auto o = plan_options(q, cli::Options{});
        ASSERT_FALSE(o.has_value()) << name << "=" << value;
        EXPECT_EQ(o.error().status, 400);
    }
}

}  // namespace
}  // namespace canrun::web
