// Runs a query against a vendor library on a worker thread and waits at most `timeout`: a
// driver library that hangs (a wedged GPU, a stuck kernel module) must not hang canrun.
#pragma once

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

#include "hw/vendor/dynamic_library.h"

namespace canrun::hw {

/// `query(const DynamicLibrary&)` runs on a detached thread. On time: its result. Late: nullopt.
/// The worker holds a reference to the library, so it is unloaded only after the query returns.
template <typename Query>
auto call_bounded(DynamicLibrary lib, std::chrono::milliseconds timeout, Query query)
    -> std::optional<decltype(query(lib))> {
    using T = decltype(query(lib));
    auto shared = std::make_shared<DynamicLibrary>(std::move(lib));
    auto promise = std::make_shared<std::promise<T>>();
    auto future = promise->get_future();
    std::thread([shared, promise, query] { promise->set_value(query(*shared)); }).detach();
    if (future.wait_for(timeout) != std::future_status::ready) {
        return std::nullopt;
    }
    return future.get();
}

}  // namespace canrun::hw
