// GET /api/devices and /api/quants through the server (httplib's client): the device search the
// CLI's --hw uses, the quantizations the page offers, and what they refuse.
#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/hardware_catalog.h"
#include "catalog/hardware_lookup.h"
#include "catalog/model_catalog.h"
#include "catalog/quants_catalog.h"
#include "fit_flow.h"
#include "machine_source.h"
#include "report/devices_json.h"
#include "server_fixture.h"
#include "web/quant_choices.h"

namespace canrun::web {
namespace {

std::vector<std::string> names_of(const Json& list, const char* key) {
    std::vector<std::string> out;
    for (const auto& item : list[key]) {
        out.push_back(item["name"].get<std::string>());
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

TEST_F(ServerTest, DevicesAreTheCliSearchByteForByte) {
    const auto res = get("/api/devices?q=4060");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const auto catalog = catalog::load_hardware(cli::data_options(cli::GlobalOptions{}));
    ASSERT_TRUE(catalog.has_value());
    const auto found = catalog::search_hardware(*catalog, "4060");
    ASSERT_GE(found.size(), 3U);  // RTX 4060, 4060 Ti, 4060 Laptop ...
    EXPECT_EQ(res->body, report::devices_to_json(found, catalog->data_version));
    for (const auto& name : names_of(Json::parse(res->body), "devices")) {
        EXPECT_NE(name.find("4060"), std::string::npos) << name;
    }
    const auto all = get_json("/api/devices", 200);
    EXPECT_EQ(all["devices"].size(), catalog->devices.size());
}

TEST_F(ServerTest, DeviceWithAMemorySizeIsWhatHwTakes) {
    // No name contains "...128gb", but --hw takes it: the device it names.
    const auto j = get_json("/api/devices?q=Apple%20M4%20Max%2040-core%20128GB", 200);
    ASSERT_EQ(j["devices"].size(), 1U);
    EXPECT_NE(j["devices"][0]["name"].get<std::string>().find("M4 Max"), std::string::npos);
}

TEST_F(ServerTest, UnknownDeviceIsTheCliMessageAs404) {
    const auto j = get_json("/api/devices?q=Quantum%20Toaster%209000", 404);
    const auto catalog = catalog::load_hardware(cli::data_options(cli::GlobalOptions{}));
    ASSERT_TRUE(catalog.has_value());
    const auto cli = catalog::find_hardware(*catalog, "Quantum Toaster 9000");
    ASSERT_FALSE(cli.has_value());
    EXPECT_EQ(j["error"], cli.error().message);
}

TEST_F(ServerTest, DeviceQueriesAreChecked) {
    get_json("/api/devices?q=" + std::string(121, 'a'), 400);
    get_json("/api/devices?q=rtx%0A4090", 400);
    get_json("/api/devices?q=%FF%FE", 400);
}

TEST_F(ServerTest, QuantsForAModelAndFitsPick) {
    const auto j = get_json("/api/quants?model=qwen2.5:14b", 200);
    EXPECT_EQ(j["model"]["id"], "qwen2.5:14b");
    EXPECT_EQ(j["default"], "Q4_K_M");
    const auto names = names_of(j, "quants");
    EXPECT_TRUE(has(names, "Q8_0") && has(names, "IQ4_XS") && has(names, "Q2_K") && has(names, "F16"));
    EXPECT_FALSE(has(names, "MXFP4_MOE"));
    EXPECT_FALSE(has(names, "TQ1_0"));
    for (const auto& q : j["quants"]) {
        EXPECT_EQ(q.contains("ollama_tag"), q["name"] == "Q4_K_M") << q.dump();
    }
}

TEST_F(ServerTest, QuantsDefaultIsWhatFitPicks) {
    for (const std::string model : {"gpt-oss:20b", "qwen2.5:14b-instruct-q8_0", "llama3.2:3b"}) {
        const auto j = get_json("/api/quants?model=" + model, 200);
        cli::Options o;
        o.fit.model = model;
        o.fit.hardware = recorded_machine();
        const auto r = cli::fit_report(o);
        ASSERT_TRUE(r.has_value()) << model;
        EXPECT_EQ(j["default"], r->facts.quant) << model;
        EXPECT_TRUE(has(names_of(j, "quants"), j["default"].get<std::string>())) << model;
    }
    EXPECT_TRUE(has(names_of(get_json("/api/quants?model=gpt-oss:20b", 200), "quants"), "MXFP4_MOE"));
}

TEST_F(ServerTest, QuantsRefuseMissingUnknownAndPaths) {
    get_json("/api/quants", 400);
    get_json("/api/quants?model=%2Fetc%2Fpasswd", 400);
    get_json("/api/quants?model=..%2Fmodel.gguf", 400);
    get_json("/api/quants?model=" + std::string(121, 'q'), 400);
    const auto j = get_json("/api/quants?model=qwen2.5:14", 404);
    EXPECT_NE(j["error"].get<std::string>().find("did you mean"), std::string::npos);
}

TEST(ProducibleQuant, ArchitectureDecides) {
    const auto models = catalog::load_model_catalog(cli::data_options(cli::GlobalOptions{}));
    const auto quants = catalog::load_quants_catalog(cli::data_options(cli::GlobalOptions{}));
    ASSERT_TRUE(models.has_value() && quants.has_value());
    const auto* oss = models->find_id("gpt-oss:20b");
    const auto* qwen = models->find_id("qwen2.5:14b");
    ASSERT_TRUE(oss != nullptr && qwen != nullptr);
    const auto* mxfp4 = quants->find("MXFP4_MOE");
    const auto* tq1 = quants->find("TQ1_0");
    const auto* q4 = quants->find("Q4_K_M");
    ASSERT_TRUE(mxfp4 != nullptr && tq1 != nullptr && q4 != nullptr);
    EXPECT_TRUE(producible_quant(*oss, *mxfp4));
    EXPECT_FALSE(producible_quant(*qwen, *mxfp4));
    EXPECT_FALSE(producible_quant(*qwen, *tq1));
    EXPECT_TRUE(producible_quant(*qwen, *q4));
    catalog::QuantInfo removed = *q4;
    removed.name = "Q4_2";  // an ftype llama.cpp no longer writes
    EXPECT_FALSE(producible_quant(*qwen, removed));
}

}  // namespace
}  // namespace canrun::web
