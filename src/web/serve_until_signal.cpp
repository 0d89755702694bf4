#include "serve_until_signal.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace canrun::web {

bool serve_until_signal(Server& server) {
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);  // the server's threads inherit this
    std::atomic<bool> finished{false};
    std::atomic<bool> signalled{false};
    std::thread watcher([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        if (finished) {
            return;  // woken by run() returning, not by a person
        }
        signalled = true;
        // stop() is a no-op until the server is listening: repeat until run() has returned.
        while (!finished) {
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    const bool ok = server.run();
    finished = true;
    if (!signalled) {
        pthread_kill(watcher.native_handle(), SIGTERM);
    }
    watcher.join();
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return ok || signalled;
}

}  // namespace canrun::web
