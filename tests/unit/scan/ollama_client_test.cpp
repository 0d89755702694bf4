// query_ollama against a fake Ollama on loopback speaking the API's JSON (docs.ollama.com/api):
// /api/tags, /api/ps, /api/show; and a closed port is "unreachable", fast.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "scan/ollama_client.h"
#include "unit/scan/fake_ollama.h"

namespace canrun::scan {
namespace {

testing::FakeOllamaReplies qwen_replies() {
    testing::FakeOllamaReplies r;
    r.tags = R"({"models":[{"name":"qwen2.5:7b","model":"qwen2.5:7b","size":4683087332,
              "digest":"845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e",
              "details":{"format":"gguf","family":"qwen2","parameter_size":"7.6B","quantization_level":"Q4_K_M"}}]})";
    r.ps = R"({"models":[{"name":"qwen2.5:7b","model":"qwen2.5:7b","size":5392833536,
              "digest":"845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e",
              "details":{"parent_model":"","format":"gguf","family":"qwen2","families":["qwen2"],
              "parameter_size":"7.6B","quantization_level":"Q4_K_M"},
              "expires_at":"2025-06-01T10:00:00Z","size_vram":5392833536,"context_length":4096}]})";
    r.show = R"({"details":{"family":"qwen2"},"model_info":{"general.architecture":"qwen2",
              "general.parameter_count":7615616512,"qwen2.context_length":32768}})";
    return r;
}

// A loopback port that was free a moment ago and has nothing listening on it.
int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), len) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
        port = ntohs(a.sin_port);
    }
    ::close(fd);
    return port;
}

TEST(OllamaClient, ReadsTagsPsAndShow) {
    testing::FakeOllama fake(qwen_replies());
    ASSERT_GT(fake.port(), 0);
    const auto s = query_ollama({"127.0.0.1", fake.port(), false});
    ASSERT_TRUE(s.reachable) << s.error;
    EXPECT_EQ(s.models, std::vector<std::string>{"qwen2.5:7b"});
    ASSERT_EQ(s.loaded.size(), 1U);
    EXPECT_EQ(s.loaded[0].size_vram_bytes, 5392833536ULL);
    EXPECT_EQ(s.loaded[0].context_length, 4096U);
    EXPECT_EQ(s.loaded[0].arch, "qwen2");
    EXPECT_EQ(s.loaded[0].params, 7615616512ULL);
    EXPECT_EQ(fake.show_body(), R"({"model":"qwen2.5:7b"})");
}

TEST(OllamaClient, NothingListeningIsUnreachableAndQuick) {
    const int port = closed_port();
    ASSERT_GT(port, 0);
    const auto t0 = std::chrono::steady_clock::now();
    const auto s = query_ollama({"127.0.0.1", port, false});
    const auto took = std::chrono::steady_clock::now() - t0;
    EXPECT_FALSE(s.reachable);
    EXPECT_FALSE(s.error.empty());
    EXPECT_LT(took, std::chrono::seconds(3));  // refused at once; the timeouts bound it anyway
}

}  // namespace
}  // namespace canrun::scan
