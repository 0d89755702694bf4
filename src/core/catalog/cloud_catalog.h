// data/cloud.json: GPUs for rent by the hour (the plan's fallback when buying is out of reach),
// the exchange rate between the currencies prices are shown in, and the network links a cluster
// plan can assume. Loaded and checked like the other data files.
#pragma once

#include <string>
#include <vector>

#include "catalog/data_source.h"
#include "catalog/price.h"
#include "util/result.h"

namespace canrun::catalog {

struct CloudRental {
    std::string id;        // "lambda-h100-sxm"
    std::string provider;  // "Lambda"
    std::string device;    // a hardware.json device id: "h100-sxm"
    int max_gpus = 1;      // most GPUs of this kind in one instance
    Price price_per_gpu_hour;
};

// A network link between the machines of a cluster.
struct NetworkLink {
    std::string id;          // "10gbe"
    std::string name;        // "10 GbE"
    double gbit_per_s = 0;   // line rate, Gbit/s
    double latency_us = 0;   // one request and its answer (round trip), microseconds
    std::string source;
};

struct CloudCatalog {
    std::string path;
    std::string data_version;
    std::vector<CloudRental> rentals;
    std::vector<ExchangeRate> rates;
    std::vector<NetworkLink> networks;
    // llama.cpp RPC: request/answer round trips per remote node per generated token.
    double rpc_round_trips = 2;
    std::string default_network = "10gbe";

    const NetworkLink* find_network(const std::string& id) const;
};

[[nodiscard]] Result<CloudCatalog> parse_cloud(const DataJson& data);
[[nodiscard]] Result<CloudCatalog> load_cloud(const DataSourceOptions& options);

}  // namespace canrun::catalog
