// canrun's web server: the embedded page and the JSON API on one port (cpp-httplib). Loopback
// by default; request bodies capped; only GET and HEAD; only the embedded files.
#pragma once

#include <memory>
#include <string>

#include "api.h"
#include "util/result.h"

namespace httplib {
class Server;
}

namespace canrun::web {

inline constexpr int kDefaultPort = 8765;
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;  // no endpoint takes a body at all

// True for 127.0.0.1, ::1, localhost and the rest of 127.0.0.0/8.
bool is_loopback_host(const std::string& host);

class Server {
public:
    explicit Server(Api& api);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds host:port (port 0: any free port). Returns the port bound; fails (exit 2) when the
    // port is taken or the address cannot be used.
    Result<int> bind(const std::string& host, int port);

    // Serves until stop() (from another thread or a signal watcher). False if it failed.
    bool run();
    void stop();

private:
    void add_routes();       // the API and the Host check
    void add_file_routes();  // the embedded files; other methods; errors as JSON
    Api& api_;
    std::unique_ptr<httplib::Server> http_;
    bool loopback_ = true;
};

}  // namespace canrun::web
