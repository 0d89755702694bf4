// A fake Ollama on a loopback port that speaks the real API's JSON (docs.ollama.com/api):
// GET /api/tags, GET /api/ps, POST /api/show, with bodies the test chooses. Shared by the client
// unit test and the end-to-end `canrun scan` test.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace canrun::testing {

struct FakeOllamaReplies {
    std::string tags;
    std::string ps;
    std::string show;
};

class FakeOllama {
public:
    explicit FakeOllama(FakeOllamaReplies replies) : replies_(std::move(replies)) {
        server_.Get("/api/tags", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(replies_.tags, "application/json");
        });
        server_.Get("/api/ps", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(replies_.ps, "application/json");
        });
        server_.Post("/api/show", [this](const httplib::Request& req, httplib::Response& res) {
            show_body_ = req.body;
            res.set_content(replies_.show, "application/json");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        if (port_ > 0) {
            thread_ = std::thread([this] { server_.listen_after_bind(); });
            wait_until_listening();
        }
    }
    ~FakeOllama() {
        if (thread_.joinable()) {
            // stop() before the accept loop starts would be lost and join() would wait for ever.
            wait_until_listening();
            server_.stop();
            thread_.join();
        }
    }
    FakeOllama(const FakeOllama&) = delete;
    FakeOllama& operator=(const FakeOllama&) = delete;

    int port() const { return port_; }
    const std::string& show_body() const { return show_body_; }

private:
    void wait_until_listening() {
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (!server_.is_running() && std::chrono::steady_clock::now() < give_up) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }

    FakeOllamaReplies replies_;
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::string show_body_;
};

}  // namespace canrun::testing
