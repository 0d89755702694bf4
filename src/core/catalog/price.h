// A price from the data: an amount in a currency, with the date it was true and its source
// (hardware.json devices' optional "price"; cloud.json rentals). Plus the exchange rate used to
// show a price in the other currency.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace canrun::catalog {

struct Price {
    double amount = 0;
    std::string currency;  // "USD" or "CNY"
    std::string date;      // "2022-10-12": when the price was set or seen
    std::string source;
};

// How many units of `to` one unit of `from` buys, on `date`, per `source`.
struct ExchangeRate {
    std::string from;
    std::string to;
    double rate = 0;
    std::string date;
    std::string source;
};

// Reads {"amount","currency","date","source"}; appends "<where>: field "<field>": what" on a
// problem and returns nothing.
std::optional<Price> read_price(const nlohmann::json& j, const std::string& where,
                                const char* field, std::vector<std::string>& problems);

// `amount` in `from` expressed in `to`, through the rates given (either direction); nothing
// when no rate connects them.
std::optional<double> convert_amount(double amount, const std::string& from,
                                     const std::string& to, const std::vector<ExchangeRate>& rates);

}  // namespace canrun::catalog
