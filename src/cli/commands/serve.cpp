// `canrun serve`: the local web page and its JSON API. Checks the machine the page answers for,
// binds (127.0.0.1:8765 by default), prints the address, opens a browser unless --no-open, and
// serves until Ctrl-C or SIGTERM. The work is in src/web.
#include <cstdio>
#include <string>

#include "commands.h"
#include "environment.h"
#include "machine_source.h"
#include "web/api.h"
#include "web/open_browser.h"
#include "web/serve_until_signal.h"
#include "web/server.h"

namespace canrun::cli {

namespace {

void warn_if_exposed(const std::string& host, report::Lang lang) {
    if (web::is_loopback_host(host)) {
        return;
    }
    std::fprintf(stderr, "%s",
                 lang == report::Lang::Zh
                     ? ("canrun: 警告：正在监听 " + host + "，网络上能访问本机的任何人都能使用此页面和 API（没有密码）。\n").c_str()
                     : ("canrun: warning: listening on " + host + ": anyone who can reach this "
                        "machine can use the page and its API (there is no password).\n").c_str());
}

std::string url_of(const std::string& host, int port) {
    const std::string shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host;
    const bool v6 = shown.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + shown + "]" : shown) + ":" + std::to_string(port) + "/";
}

}  // namespace

int run_serve(const Options& o) {
    const auto& s = o.serve;
    const auto lang = lang_of(o.global);
    // A --hw name or a --sysroot that does not work is a usage error now, not a broken page later.
    if (auto machine = resolve_machine(s.hardware, data_options(o.global)); !machine) {
        std::fprintf(stderr, "canrun: %s\n", machine.error().message.c_str());
        return static_cast<int>(machine.error().code);
    }
    web::Api api(o);
    web::Server server(api);
    const auto port = server.bind(s.host, s.port);
    if (!port) {
        std::fprintf(stderr, "canrun: %s\n", port.error().message.c_str());
        return static_cast<int>(port.error().code);
    }
    warn_if_exposed(s.host, lang);
    const auto url = url_of(s.host, *port);
    std::printf(lang == report::Lang::Zh ? "canrun serve：%s（按 Ctrl-C 停止）\n"
                                         : "canrun serve: %s (Ctrl-C stops it)\n",
                url.c_str());
    std::fflush(stdout);
    if (!s.no_open) {
        web::open_browser(url);
    }
    if (!web::serve_until_signal(server)) {
        std::fprintf(stderr, "canrun: the server on %s stopped unexpectedly\n", url.c_str());
        return static_cast<int>(ExitCode::Internal);
    }
    return 0;
}

}  // namespace canrun::cli
