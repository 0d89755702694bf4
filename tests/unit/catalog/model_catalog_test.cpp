#include "catalog/model_catalog.h"

#include <gtest/gtest.h>

#include "catalog/quants_catalog.h"

namespace canrun::catalog {
namespace {

DataJson json_file(const std::string& text) {
    auto d = parse_data_json({"models.json", text, DataOrigin::DataDir, "/d/models.json"});
    EXPECT_TRUE(d) << (d ? "" : d.error().message);
    return *d;
}

void replace(std::string& s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    s.replace(at, from.size(), to);
}

const char* kGood = R"({"schema_version":1,"data_version":"t","models":[
 {"id":"tiny:1b","name":"Tiny","family":"tiny","params":1000,"active_params":1000,
  "arch":{"gguf_arch":"llama","n_layer":2,"n_embd":64,"n_ff":128,"n_head":2,"n_head_kv":1,
          "head_dim":32,"n_vocab":100,"n_ctx_train":2048},
  "hf":{"original":"x/tiny"},"license":"mit","released":"2025-01-01","tasks":["chat"],
  "source":"https://example.org/config.json"}]})";

TEST(ModelCatalog, ParsesAGoodRecord) {
    auto c = parse_model_catalog(json_file(kGood));
    ASSERT_TRUE(c) << c.error().message;
    ASSERT_EQ(c->models.size(), 1U);
    const auto& m = c->models[0];
    EXPECT_EQ(m.id, "tiny:1b");
    EXPECT_EQ(m.arch.n_head_kv, 1U);
    EXPECT_TRUE(m.arch.gated_ffn);
    EXPECT_EQ(c->find_id("tiny:1b"), &m);
}

TEST(ModelCatalog, EveryProblemIsNamedByFileRecordAndField) {
    std::string bad = kGood;
    replace(bad, R"("n_head_kv":1)", R"("n_head_kv":3)");
    replace(bad, R"("source":"https://example.org/config.json")", R"("sauce":"x")");
    replace(bad, R"("n_ctx_train":2048)", R"("n_ctx_train":99999999)");
    auto c = parse_model_catalog(json_file(bad));
    ASSERT_FALSE(c);
    EXPECT_EQ(c.error().code, ExitCode::BadInput);
    const auto& msg = c.error().message;
    EXPECT_NE(msg.find("/d/models.json: model \"tiny:1b\": \"arch.n_head_kv\" must divide n_head"),
              std::string::npos) << msg;
    EXPECT_NE(msg.find("\"sauce\" is not a known field"), std::string::npos) << msg;
    EXPECT_NE(msg.find("\"source\" is missing"), std::string::npos) << msg;
    EXPECT_NE(msg.find("\"arch.n_ctx_train\" is over"), std::string::npos) << msg;
    EXPECT_NE(msg.find("\ncanrun: "), std::string::npos) << "one line per problem";
}

TEST(ModelCatalog, DuplicateIdsAreRejected) {
    std::string two = kGood;
    const auto start = two.find("{\"id\"");
    const auto end = two.rfind("}]");
    two.insert(end + 1, "," + two.substr(start, end + 1 - start));
    auto c = parse_model_catalog(json_file(two));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("ids must be unique"), std::string::npos) << c.error().message;
}

TEST(ModelCatalog, WrongSchemaVersion) {
    auto c = parse_model_catalog(json_file(R"({"schema_version":2,"data_version":"t","models":[]})"));
    ASSERT_FALSE(c);
    EXPECT_NE(c.error().message.find("schema_version 2"), std::string::npos);
}

TEST(QuantsCatalog, ShippedFileLoadsAndAliases) {
    auto q = load_quants_catalog(DataSourceOptions{});
    ASSERT_TRUE(q) << q.error().message;
    const auto* m = q->find("q4_k");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->name, "Q4_K_M");
    EXPECT_EQ(m->ftype, 15U);
    ASSERT_TRUE(m->llama3_8b.has_value());
    EXPECT_NEAR(m->llama3_8b->mean_kld, 0.032, 0.001);
    EXPECT_EQ(q->find("fp16")->name, "F16");
    EXPECT_EQ(q->find("nope"), nullptr);
}

}  // namespace
}  // namespace canrun::catalog
