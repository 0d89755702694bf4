// The JSON API under /api/: the same answers, with the same fields, as the CLI's --json
// (design.md §5). Each call runs the CLI's own code path on options built from the query.
#pragma once

#include <mutex>

#include "http_reply.h"
#include "options.h"

namespace canrun::web {

class Api {
public:
    // `base`: the server's options (--data-dir, and serve's --hw / --sysroot / ... family).
    explicit Api(cli::Options base);

    HttpReply hardware(const QueryParams& q);  // GET /api/hardware       = canrun hw --json
    HttpReply models(const QueryParams& q);    // GET /api/models?search= = canrun models --json
    HttpReply fit(const QueryParams& q);       // GET /api/fit?model=...  = canrun fit --json
    HttpReply recommend(const QueryParams& q); // GET /api/recommend?...  = canrun recommend --json
    HttpReply plan(const QueryParams& q);      // GET /api/plan?model=... = canrun plan --json
    HttpReply devices(const QueryParams& q);   // GET /api/devices?q=     = hw --list-devices --json
    HttpReply quants(const QueryParams& q);    // GET /api/quants?model=  the quants the page offers

private:
    cli::Options base_;
    std::mutex mutex_;  // one estimate at a time: the probes and loaders are not made for threads
};

}  // namespace canrun::web
