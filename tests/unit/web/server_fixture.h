// The web server in-process on a free port over the recorded desktop_rtx4090, asked with
// httplib's client: the fixture the server tests share.
#pragma once

#include <httplib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "web/api.h"
#include "web/server.h"

namespace canrun::web {

using Json = nlohmann::json;

inline cli::HardwareOverride recorded_machine() {
    cli::HardwareOverride h;
    h.sysroot = std::string(CANRUN_SYSROOTS) + "/desktop_rtx4090";
    h.no_vendor_libs = true;
    return h;
}

class ServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        cli::Options base;
        base.serve.hardware = recorded_machine();
        api_ = new Api(base);
        server_ = new Server(*api_);
        const auto port = server_->bind("127.0.0.1", 0);
        ASSERT_TRUE(port.has_value());
        port_ = *port;
        finished_ = false;
        thread_ = new std::thread([] {
            server_->run();
            finished_ = true;
        });
    }
    // stop() does nothing until the server is listening (cpp-httplib): a suite of one quick test
    // could stop it before the thread got there and then wait for ever (seen: APortInUse… hung).
    // Repeat until run() has returned, as serve_until_signal does.
    static void TearDownTestSuite() {
        while (!finished_) {
            server_->stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        thread_->join();
        delete thread_;
        delete server_;
        delete api_;
    }

    static httplib::Result get(const std::string& path) {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(120, 0);
        return c.Get(path.c_str());
    }
    static Json get_json(const std::string& path, int expect_status) {
        const auto res = get(path);
        EXPECT_TRUE(res) << path;
        if (!res) {
            return {};
        }
        EXPECT_EQ(res->status, expect_status) << path << ": " << res->body;
        EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
        return Json::parse(res->body);
    }

    static inline Api* api_ = nullptr;
    static inline Server* server_ = nullptr;
    static inline std::thread* thread_ = nullptr;
    static inline std::atomic<bool> finished_{false};
    static inline int port_ = 0;
};

}  // namespace canrun::web
