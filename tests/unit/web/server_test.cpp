// The server in-process on a free port, asked with httplib's client: every endpoint, and the
// requests it must refuse (unknown model, bad numbers, paths, traversal, big bodies, other hosts).
#include "web/server.h"

#include "server_fixture.h"

#include "fit_flow.h"
#include "machine_source.h"
#include "plan_flow.h"
#include "report/fit_json.h"
#include "report/hw_json.h"

namespace canrun::web {
namespace {

TEST_F(ServerTest, ServesThePageAndItsFiles) {
    const auto page = get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<script src=\"/app.js\">"), std::string::npos);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"),
              std::string::npos);
    const auto js = get("/app.js");
    ASSERT_TRUE(js);
    EXPECT_EQ(js->status, 200);
    EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
    const auto text = get("/text.js");
    ASSERT_TRUE(text);
    EXPECT_EQ(text->status, 200);
    EXPECT_NE(text->body.find("const TEXT"), std::string::npos);
    const auto css = get("/style.css");
    ASSERT_TRUE(css);
    EXPECT_EQ(css->status, 200);
}

TEST_F(ServerTest, NoTraversalOnlyTheEmbeddedFiles) {
    for (const char* path : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                             "/web/index.html", "/CMakeLists.txt", "/app.js/../../../etc/passwd",
                             "//etc/passwd", "/data/models.json"}) {
        const auto res = get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 404) << path;
        EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
    }
}

TEST_F(ServerTest, HardwareIsWhatHwJsonSays) {
    const auto j = get_json("/api/hardware", 200);
    ASSERT_EQ(j["gpus"].size(), 1U);
    EXPECT_EQ(j["gpus"][0]["name"], "NVIDIA GeForce RTX 4090");
    EXPECT_TRUE(j["tier"].contains("id"));
    const auto detected = cli::detect_machine(recorded_machine(), nullptr);
    ASSERT_TRUE(detected.has_value());
    Json cli_json = Json::parse(report::hw_to_json(*detected));
    Json without_tier = j;
    without_tier.erase("tier");  // hw --json adds the class after hw_to_json, as the API does
    cli_json.erase("tier");
    EXPECT_EQ(without_tier, cli_json);
}

TEST_F(ServerTest, HardwareOfAProfile) {
    const auto j = get_json("/api/hardware?hw=RTX%204060", 200);
    ASSERT_EQ(j["gpus"].size(), 1U);
    EXPECT_NE(j["gpus"][0]["name"].get<std::string>().find("4060"), std::string::npos);
    get_json("/api/hardware?hw=Quantum%20Toaster%209000", 404);
}

TEST_F(ServerTest, ModelsWithSearch) {
    const auto all = get_json("/api/models", 200);
    const auto some = get_json("/api/models?search=qwen2.5", 200);
    ASSERT_GT(some["models"].size(), 0U);
    EXPECT_LT(some["models"].size(), all["models"].size());
    for (const auto& m : some["models"]) {
        EXPECT_NE(m.dump().find("qwen2.5"), std::string::npos);
    }
}

TEST_F(ServerTest, FitIsTheCliAnswerByteForByte) {
    const auto res = get("/api/fit?model=qwen2.5:14b&ctx=16384&kv_type=q8_0&flash_attn=on");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    cli::Options o;
    o.fit.model = "qwen2.5:14b";
    o.fit.ctx = 16384;
    o.fit.kv_type = "q8_0";
    o.fit.flash_attn = "on";
    o.fit.hardware = recorded_machine();
    const auto r = cli::fit_report(o);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(res->body, report::fit_to_json(*r));
    const auto j = Json::parse(res->body);
    EXPECT_EQ(j["ctx"], 16384);
    EXPECT_EQ(j["placement"]["mode"], "full_gpu");
}

TEST_F(ServerTest, FitOnAnotherMachine) {
    const auto one = get_json("/api/fit?model=qwen2.5:32b&hw=RTX%204060", 200);
    const auto two = get_json("/api/fit?model=qwen2.5:32b&hw=RTX%204060&gpus=4", 200);
    EXPECT_NE(one["placement"]["mode"], "full_gpu");
    EXPECT_EQ(two["placement"]["mode"], "full_gpu");
}

TEST_F(ServerTest, UnknownModelOrDeviceIs404) {
    const auto m = get_json("/api/fit?model=no-such-model:7b", 404);
    EXPECT_NE(m["error"].get<std::string>().find("no-such-model"), std::string::npos);
    get_json("/api/fit?model=qwen2.5:14b&hw=Quantum%20Toaster%209000", 404);
    get_json("/api/nothing-here", 404);
}

TEST_F(ServerTest, BadNumbersAndPathsAre400) {
    for (const char* q : {"/api/fit", "/api/fit?model=qwen2.5:14b&ctx=lots",
                          "/api/fit?model=qwen2.5:14b&gpus=0", "/api/fit?model=qwen2.5:14b&quant=Q9_Z",
                          "/api/fit?model=%2Fetc%2Fpasswd", "/api/fit?model=..%2F..%2Fx.gguf",
                          "/api/fit?model=model.gguf", "/api/fit?model=qwen2.5:14b&kv_type=q4_0&flash_attn=off",
                          "/api/recommend?use=dance", "/api/recommend?min_tps=0"}) {
        const auto j = get_json(q, 400);
        EXPECT_TRUE(j.contains("error")) << q;
    }
}

TEST_F(ServerTest, RecommendHasPicks) {
    const auto j = get_json("/api/recommend?use=code&min_tps=20", 200);
    EXPECT_EQ(j["use"], "code");
    ASSERT_GT(j["picks"].size(), 0U);
    EXPECT_TRUE(j["picks"][0].contains("commands"));
}

TEST_F(ServerTest, PlanIsTheCliAnswerByteForByte) {
    const auto res = get("/api/plan?model=qwen2.5:72b&tps=15&top=3&have=RTX%203090");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    cli::Options o;
    o.plan.model = "qwen2.5:72b";
    o.plan.tps = 15;
    o.plan.top = 3;
    o.plan.have = {"RTX 3090"};
    const auto r = cli::plan_report(o);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(res->body, report::plan_to_json(*r));
    EXPECT_FALSE(Json::parse(res->body)["options"].empty());
    get_json("/api/plan?model=no-such-model:7b", 404);
    get_json("/api/plan?model=qwen2.5:72b&have=Quantum%20Toaster%209000", 404);
    get_json("/api/plan?model=qwen2.5:72b&tps=0", 400);
}

TEST_F(ServerTest, BodiesAreCappedAndOnlyGetIsServed) {
    httplib::Client c("127.0.0.1", port_);
    const auto big = c.Post("/api/fit", std::string(kMaxBodyBytes + 1024, 'x'), "text/plain");
    ASSERT_TRUE(big);
    EXPECT_EQ(big->status, 413);
    const auto small = c.Post("/api/fit", "model=qwen2.5:14b", "application/x-www-form-urlencoded");
    ASSERT_TRUE(small);
    EXPECT_EQ(small->status, 405);
    EXPECT_TRUE(Json::parse(small->body).contains("error"));
}

TEST_F(ServerTest, OtherHostNamesAreRefusedOnLoopback) {
    httplib::Client c("127.0.0.1", port_);
    const auto res = c.Get("/api/hardware", {{"Host", "evil.example:80"}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403);
    const auto ok = c.Get("/", {{"Host", "localhost:1234"}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200);
}

TEST_F(ServerTest, APortInUseIsAUsageError) {
    Api api(cli::Options{});
    Server second(api);
    const auto r = second.bind("127.0.0.1", port_);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, ExitCode::Usage);
    EXPECT_NE(r.error().message.find("--port"), std::string::npos);
}

TEST(IsLoopbackHost, OnlyLoopbackNames) {
    EXPECT_TRUE(is_loopback_host("127.0.0.1"));
    EXPECT_TRUE(is_loopback_host("localhost"));
    EXPECT_TRUE(is_loopback_host("::1"));
    EXPECT_FALSE(is_loopback_host("0.0.0.0"));
    EXPECT_FALSE(is_loopback_host("192.168.1.2"));
    EXPECT_FALSE(is_loopback_host("localhost.evil.example"));
}

}  // namespace
}  // namespace canrun::web
