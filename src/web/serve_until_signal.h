// Runs the server until Ctrl-C (SIGINT) or SIGTERM, then stops it cleanly: the signals are
// blocked in every thread and one watcher thread takes them with sigwait, so nothing unsafe runs
// inside a signal handler.
#pragma once

#include "server.h"

namespace canrun::web {

// True when the server stopped because of a signal (a clean stop), false if it failed.
bool serve_until_signal(Server& server);

}  // namespace canrun::web
