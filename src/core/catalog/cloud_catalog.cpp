#include "catalog/cloud_catalog.h"

#include <fmt/format.h>

namespace canrun::catalog {

namespace {

using Json = nlohmann::json;

std::string text(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double number(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

void read_rentals(const Json& list, const std::string& path, CloudCatalog& c,
                  std::vector<std::string>& problems) {
    for (const auto& r : list) {
        CloudRental x;
        x.id = text(r, "id");
        const std::string where = fmt::format("{}: rental {}", path, x.id.empty() ? "?" : x.id);
        x.provider = text(r, "provider");
        x.device = text(r, "device");
        x.max_gpus = static_cast<int>(number(r, "max_gpus"));
        if (x.id.empty() || x.provider.empty() || x.device.empty()) {
            problems.push_back(where + ": needs \"id\", \"provider\" and \"device\"");
        }
        if (x.max_gpus < 1 || x.max_gpus > 64) {
            problems.push_back(where + ": field \"max_gpus\": needs 1 to 64");
        }
        const auto p = r.find("price_per_gpu_hour");
        auto price = read_price(p != r.end() ? *p : Json(), where, "price_per_gpu_hour", problems);
        if (price) {
            x.price_per_gpu_hour = *price;
        }
        c.rentals.push_back(x);
    }
}

void read_rates(const Json& list, const std::string& path, CloudCatalog& c,
                std::vector<std::string>& problems) {
    for (const auto& r : list) {
        ExchangeRate x{text(r, "from"), text(r, "to"), number(r, "rate"), text(r, "date"),
                       text(r, "source")};
        if (x.from.empty() || x.to.empty() || x.rate <= 0 || x.date.empty() || x.source.empty()) {
            problems.push_back(fmt::format("{}: exchange rate {}->{}: needs from, to, a positive "
                                           "rate, date and source", path, x.from, x.to));
        }
        c.rates.push_back(x);
    }
}

void read_networks(const Json& list, const std::string& path, CloudCatalog& c,
                   std::vector<std::string>& problems) {
    for (const auto& r : list) {
        NetworkLink x{text(r, "id"), text(r, "name"), number(r, "gbit_per_s"),
                      number(r, "latency_us"), text(r, "source")};
        if (x.id.empty() || x.gbit_per_s <= 0 || x.latency_us <= 0 || x.source.empty()) {
            problems.push_back(fmt::format("{}: network {}: needs id, gbit_per_s, latency_us and "
                                           "source", path, x.id.empty() ? "?" : x.id));
        }
        c.networks.push_back(x);
    }
}

const Json& list_of(const Json& j, const char* key) {
    static const Json kEmpty = Json::array();
    const auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : kEmpty;
}

}  // namespace

const NetworkLink* CloudCatalog::find_network(const std::string& id) const {
    for (const auto& n : networks) {
        if (n.id == id) {
            return &n;
        }
    }
    return nullptr;
}

Result<CloudCatalog> parse_cloud(const DataJson& data) {
    CloudCatalog c;
    c.path = data.file.path;
    c.data_version = data.data_version;
    std::vector<std::string> problems;
    read_rentals(list_of(data.json, "rentals"), c.path, c, problems);
    read_rates(list_of(data.json, "exchange_rates"), c.path, c, problems);
    read_networks(list_of(data.json, "networks"), c.path, c, problems);
    if (const auto rpc = data.json.find("rpc"); rpc != data.json.end() && rpc->is_object()) {
        c.rpc_round_trips = number(*rpc, "round_trips_per_node");
    }
    if (c.rpc_round_trips <= 0) {
        problems.push_back(c.path + ": rpc.round_trips_per_node needs a positive number");
    }
    c.default_network = text(data.json, "default_network");
    if (c.find_network(c.default_network) == nullptr) {
        problems.push_back(c.path + ": default_network needs the id of one of \"networks\"");
    }
    if (!problems.empty()) {
        std::string all;
        for (const auto& p : problems) {
            all += (all.empty() ? "" : "\n") + p;
        }
        return fail(all);
    }
    return c;
}

Result<CloudCatalog> load_cloud(const DataSourceOptions& options) {
    auto data = load_data_json("cloud.json", options);
    if (!data) {
        return tl::unexpected(data.error());
    }
    return parse_cloud(*data);
}

}  // namespace canrun::catalog
