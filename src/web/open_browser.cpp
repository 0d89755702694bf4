#include "open_browser.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/types.h>

#include <cstdlib>

extern char** environ;

namespace canrun::web {

bool open_browser(const std::string& url) {
#if defined(__APPLE__)
    const char* opener = "open";
#else
    const char* opener = "xdg-open";
    if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr) {
        return false;
    }
#endif
    posix_spawn_file_actions_t quiet;
    posix_spawn_file_actions_init(&quiet);
    posix_spawn_file_actions_addopen(&quiet, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&quiet, 2, "/dev/null", O_WRONLY, 0);
    std::string opener_arg = opener;
    std::string url_arg = url;
    char* argv[] = {opener_arg.data(), url_arg.data(), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, opener, &quiet, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&quiet);
    return rc == 0;
}

}  // namespace canrun::web
