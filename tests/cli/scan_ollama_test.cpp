// `canrun scan` end to end against a running (fake) Ollama: the real binary scans an Ollama
// store built at test time and asks the fake on loopback what is loaded; each loaded model is
// matched to its file on disk and gets canrun's estimate at the context Ollama loaded it with.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "support/temp_path.h"
#include "unit/scan/fake_ollama.h"
#include "unit/scan/store_builder.h"

namespace canrun::testing {
namespace {

namespace fs = std::filesystem;

struct Run {
    int rc = -1;
    std::string out;
};

Run run_canrun(const std::string& args) {
    const std::string cmd = std::string("'") + CANRUN_BIN + "' " + args + " 2>/dev/null";
    Run r;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (p == nullptr) return r;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int status = ::pclose(p);
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

FakeOllamaReplies tinychat_loaded() {
    FakeOllamaReplies r;
    r.tags = R"({"models":[{"name":"tinychat:latest","model":"tinychat:latest","size":1000,
        "details":{"format":"gguf","family":"llama","parameter_size":"50M","quantization_level":"Q4_K_M"}},
        {"name":"elsewhere:7b","model":"elsewhere:7b","size":2000,"details":{"format":"gguf"}}]})";
    r.ps = R"({"models":[{"name":"tinychat:latest","model":"tinychat:latest","size":734003200,
        "details":{"format":"gguf","family":"llama","parameter_size":"50M","quantization_level":"Q4_K_M"},
        "expires_at":"2026-11-26T10:00:00Z","size_vram":367001600,"context_length":2048},
        {"name":"elsewhere:7b","model":"elsewhere:7b","size":5000000000,"size_vram":0,
        "details":{"format":"gguf"},"expires_at":"2026-11-26T10:00:00Z"}]})";
    r.show = R"({"model_info":{"general.architecture":"llama","general.parameter_count":50000000}})";
    return r;
}

class ScanWithOllama : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = unique_temp_path("canrun_scan_ollama");
        fs::remove_all(root_);
        ASSERT_TRUE(add_ollama_tag(root_, "registry.ollama.ai/library/tinychat/latest",
                                   tiny_llama_gguf("TinyChat", 4, 512), fake_digest("tinychat")));
    }
    void TearDown() override { fs::remove_all(root_); }

    std::string args(int port, const std::string& extra) const {
        return "scan '" + root_.string() + "' --hw 'RTX 4060' --ollama-host 127.0.0.1:" +
               std::to_string(port) + " " + extra;
    }

    fs::path root_;
};

TEST_F(ScanWithOllama, LoadedModelsAreMatchedToTheirFilesAndEstimated) {
    FakeOllama fake(tinychat_loaded());
    ASSERT_GT(fake.port(), 0);
    const auto r = run_canrun(args(fake.port(), "--json"));
    ASSERT_EQ(r.rc, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    const auto& o = j.at("ollama");
    EXPECT_TRUE(o.at("reachable").get<bool>());
    EXPECT_EQ(o.at("models").size(), 2U);
    ASSERT_EQ(o.at("loaded").size(), 2U);

    const auto& tiny = o.at("loaded").at(0);
    EXPECT_EQ(tiny.at("name"), "tinychat:latest");
    EXPECT_EQ(tiny.at("size_vram_bytes"), 367001600U);
    EXPECT_EQ(tiny.at("arch"), "llama");
    ASSERT_TRUE(tiny.at("path").is_string());
    EXPECT_NE(tiny.at("path").get<std::string>().find("blobs"), std::string::npos);
    ASSERT_TRUE(tiny.at("estimate").is_object());
    EXPECT_EQ(tiny.at("estimate").at("ctx"), 2048U);  // the context Ollama loaded it with
    EXPECT_GT(tiny.at("estimate").at("total_bytes").get<std::uint64_t>(), 0U);
    EXPECT_EQ(tiny.at("estimate").at("placement"), "full_gpu");

    // Loaded, but not in the scanned store: listed without an estimate.
    const auto& other = o.at("loaded").at(1);
    EXPECT_EQ(other.at("name"), "elsewhere:7b");
    EXPECT_TRUE(other.at("path").is_null());
    EXPECT_TRUE(other.at("estimate").is_null());

    ASSERT_EQ(j.at("models").size(), 1U);
    EXPECT_EQ(j.at("models").at(0).at("ollama_tag"), "tinychat:latest");
}

TEST_F(ScanWithOllama, TextShowsOllamaBesideCanrunsEstimate) {
    FakeOllama fake(tinychat_loaded());
    ASSERT_GT(fake.port(), 0);
    const auto en = run_canrun(args(fake.port(), "--lang en --color never"));
    ASSERT_EQ(en.rc, 0) << en.out;
    EXPECT_NE(en.out.find("2 model(s), 2 loaded"), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("tinychat:latest"), std::string::npos) << en.out;
    EXPECT_NE(en.out.find("canrun estimates"), std::string::npos) << en.out;
    const auto zh = run_canrun(args(fake.port(), "--lang zh --color never"));
    ASSERT_EQ(zh.rc, 0) << zh.out;
    EXPECT_NE(zh.out.find("Ollama"), std::string::npos) << zh.out;
    EXPECT_EQ(zh.out.find("canrun estimates"), std::string::npos) << zh.out;
}

TEST_F(ScanWithOllama, OllamaNotAskedWithNoOllama) {
    FakeOllama fake(tinychat_loaded());
    const auto r = run_canrun(args(fake.port(), "--no-ollama --json"));
    ASSERT_EQ(r.rc, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_TRUE(j.at("ollama").is_null());
    EXPECT_TRUE(fake.show_body().empty());
}

}  // namespace
}  // namespace canrun::testing
