#include "server.h"

#include <sys/socket.h>

#include <httplib.h>

#include "assets.h"

namespace canrun::web {

namespace {

void send_json(httplib::Response& res, const HttpReply& reply) {
    res.status = reply.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(reply.body, "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
    send_json(res, {status, error_json(message)});
}

// "127.0.0.1:8765" -> "127.0.0.1"; "[::1]:8765" -> "::1".
std::string host_name_of(const std::string& host_header) {
    if (!host_header.empty() && host_header.front() == '[') {
        const auto close = host_header.find(']');
        return host_header.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    }
    return host_header.substr(0, host_header.find(':'));
}

using Handler = HttpReply (Api::*)(const QueryParams&);

}  // namespace

bool is_loopback_host(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Server::Server(Api& api) : api_(api), http_(std::make_unique<httplib::Server>()) {
    http_->set_payload_max_length(kMaxBodyBytes);
    // httplib's default also sets SO_REUSEPORT, which lets a second server share a port that is
    // in use (and another user's program take over ours): SO_REUSEADDR only, for quick restarts.
    http_->set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    http_->set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:"},
                                {"Referrer-Policy", "no-referrer"},
                                {"X-Frame-Options", "DENY"}});
    add_routes();
}

Server::~Server() = default;

void Server::add_routes() {
    // A page on another site must not reach this API through a name that resolves to 127.0.0.1
    // (DNS rebinding): on loopback, only loopback names are served.
    http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (loopback_ && req.has_header("Host") &&
            !is_loopback_host(host_name_of(req.get_header_value("Host")))) {
            send_error(res, 403, "this server answers only to 127.0.0.1 and localhost");
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    const std::pair<const char*, Handler> routes[] = {{"/api/hardware", &Api::hardware},
                                                      {"/api/models", &Api::models},
                                                      {"/api/fit", &Api::fit},
                                                      {"/api/recommend", &Api::recommend},
                                                      {"/api/plan", &Api::plan},
                                                      {"/api/devices", &Api::devices},
                                                      {"/api/quants", &Api::quants}};
    for (const auto& [path, handler] : routes) {
        http_->Get(path, [this, h = handler](const httplib::Request& req, httplib::Response& res) {
            send_json(res, (api_.*h)(req.params));
        });
    }
    http_->Get("/api/.*", [](const httplib::Request& req, httplib::Response& res) {
        send_error(res, 404, "no such API endpoint: " + req.path +
                                 " (there are /api/hardware, /api/models, /api/fit, /api/recommend, "
                                 "/api/plan, /api/devices, /api/quants)");
    });
    add_file_routes();
}

void Server::add_file_routes() {
    http_->Get(".*", [](const httplib::Request& req, httplib::Response& res) {
        const auto asset = find_asset(req.path);
        if (!asset) {
            send_error(res, 404, "not found: " + req.path);
            return;
        }
        res.set_content(std::string(asset->bytes), std::string(asset->content_type));
    });
    // Bodies are read (and refused with 413 past kMaxBodyBytes) before these answer.
    const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Allow", "GET, HEAD");
        send_error(res, 405, "only GET and HEAD are served");
    };
    http_->Post(".*", not_allowed);
    http_->Put(".*", not_allowed);
    http_->Patch(".*", not_allowed);
    http_->Delete(".*", not_allowed);
    http_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) {
            send_error(res, res.status, "request refused (HTTP " + std::to_string(res.status) + ")");
        }
    });
    http_->set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            send_error(res, 500, "internal error (please report it)");
        });
}

Result<int> Server::bind(const std::string& host, int port) {
    loopback_ = is_loopback_host(host);
    const int bound = port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
    if (bound <= 0) {
        return fail("cannot listen on " + host + ":" + std::to_string(port) +
                        " (the port is in use, or the address is not this machine's); "
                        "choose another with --port N or --host ADDR",
                    ExitCode::Usage);
    }
    return bound;
}

bool Server::run() { return http_->listen_after_bind(); }

void Server::stop() { http_->stop(); }

}  // namespace canrun::web
