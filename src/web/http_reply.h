// What an API handler answers: an HTTP status and a JSON body. Errors are {"error": "..."}.
#pragma once

#include <map>
#include <string>

#include <tl/expected.hpp>

namespace canrun::web {

struct HttpReply {
    int status = 200;
    std::string body;  // JSON text
};

// A request the API refuses: 400 (bad value), 404 (unknown model or device), 500 (our bug).
struct HttpError {
    int status = 400;
    std::string message;
};

template <typename T>
using HttpResult = tl::expected<T, HttpError>;

inline tl::unexpected<HttpError> http_fail(int status, std::string message) {
    return tl::unexpected<HttpError>(HttpError{status, std::move(message)});
}

// The query string, as httplib hands it over (a name may repeat; the first one counts).
using QueryParams = std::multimap<std::string, std::string>;

// {"error": message} as JSON text.
std::string error_json(const std::string& message);

inline HttpReply error_reply(const HttpError& e) { return {e.status, error_json(e.message)}; }

}  // namespace canrun::web
