#include "catalog/price.h"

#include <fmt/format.h>

namespace canrun::catalog {

namespace {

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
            return false;
        }
    }
    return true;
}

std::string text_of(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<Price> read_price(const nlohmann::json& j, const std::string& where,
                                const char* field, std::vector<std::string>& problems) {
    const auto bad = [&](const std::string& what) {
        problems.push_back(fmt::format("{}: field \"{}\": {}", where, field, what));
        return std::nullopt;
    };
    if (!j.is_object()) {
        return bad("needs an object {\"amount\", \"currency\", \"date\", \"source\"}");
    }
    for (const auto& [key, value] : j.items()) {
        if (key != "amount" && key != "currency" && key != "date" && key != "source") {
            return bad(fmt::format("unknown key \"{}\"", key));
        }
    }
    Price p;
    const auto amount = j.find("amount");
    if (amount == j.end() || !amount->is_number() || amount->get<double>() <= 0) {
        return bad("\"amount\" needs a positive number");
    }
    p.amount = amount->get<double>();
    p.currency = text_of(j, "currency");
    if (p.currency != "USD" && p.currency != "CNY") {
        return bad("\"currency\" needs \"USD\" or \"CNY\"");
    }
    p.date = text_of(j, "date");
    if (!is_date(p.date)) {
        return bad("\"date\" needs YYYY-MM-DD");
    }
    p.source = text_of(j, "source");
    if (p.source.empty()) {
        return bad("\"source\" needs the page the price comes from");
    }
    return p;
}

std::optional<double> convert_amount(double amount, const std::string& from,
                                     const std::string& to, const std::vector<ExchangeRate>& rates) {
    if (from == to) {
        return amount;
    }
    for (const auto& r : rates) {
        if (r.from == from && r.to == to && r.rate > 0) {
            return amount * r.rate;
        }
        if (r.from == to && r.to == from && r.rate > 0) {
            return amount / r.rate;
        }
    }
    return std::nullopt;
}

}  // namespace canrun::catalog
