#include "api_query.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string_view>

#include "catalog/model_file.h"
#include "util/strings.h"

namespace canrun::web {

namespace {

constexpr std::size_t kMaxNameLength = 120;  // the longest catalog id or device name is far shorter
constexpr std::uint64_t kMaxCtx = 16U * 1024U * 1024U;  // as `fit --ctx`
constexpr int kMaxGpus = 64;                          // as `--gpus`

constexpr std::array<std::string_view, 9> kKvTypes = {"f32",  "f16",  "bf16", "q8_0",  "q5_1",
                                                      "q5_0", "q4_1", "q4_0", "iq4_nl"};
constexpr std::array<std::string_view, 3> kFlashAttn = {"on", "off", "auto"};
constexpr std::array<std::string_view, 4> kUses = {"chat", "code", "reasoning", "vision"};
constexpr std::array<std::string_view, 2> kCurrencies = {"USD", "CNY"};
constexpr std::array<std::string_view, 2> kSorts = {"cheapest", "fastest"};
constexpr std::array<std::string_view, 4> kNets = {"1gbe", "10gbe", "25gbe", "100gbe"};
constexpr std::size_t kMaxHave = 16;  // --have devices in one plan

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& allowed, std::string_view v) {
    return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

bool printable_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// A name typed by a person: printable, short. Not yet known to exist.
HttpResult<std::string> checked_name(const std::string& what, const std::string& v) {
    if (v.empty() || v.size() > kMaxNameLength || !printable_ascii(v)) {
        return http_fail(400, what + " must be 1 to 120 printable characters");
    }
    return v;
}

HttpResult<std::optional<std::uint64_t>> uint_param(const QueryParams& q, const std::string& name,
                                                    std::uint64_t lo, std::uint64_t hi) {
    const auto v = param(q, name);
    if (!v) {
        return std::optional<std::uint64_t>{};
    }
    const auto n = parse_uint(*v);
    if (!n || *n < lo || *n > hi) {
        return http_fail(400, name + " must be a whole number from " + std::to_string(lo) +
                                  " to " + std::to_string(hi));
    }
    return std::optional<std::uint64_t>{*n};
}

template <std::size_t N>
HttpResult<bool> choice_param(const QueryParams& q, const std::string& name,
                              const std::array<std::string_view, N>& allowed, std::string& out) {
    const auto v = param(q, name);
    if (!v) {
        return true;
    }
    if (!one_of(allowed, *v)) {
        std::string list;
        for (const auto a : allowed) {
            list += (list.empty() ? "" : ", ") + std::string(a);
        }
        return http_fail(400, name + " must be one of " + list);
    }
    out = *v;
    return true;
}

HttpResult<std::optional<double>> number_param(const QueryParams& q, const std::string& name,
                                               double lo, double hi) {
    const auto v = param(q, name);
    if (!v) {
        return std::optional<double>{};
    }
    const auto n = parse_double(*v);
    if (!n || !std::isfinite(*n) || *n < lo || *n > hi) {
        return http_fail(400, name + " must be a number from " + std::to_string(lo) + " to " +
                                  std::to_string(hi));
    }
    return std::optional<double>{*n};
}

HttpResult<std::string> quant_param(const QueryParams& q) {
    const auto quant = param(q, "quant");
    if (!quant || quant->empty()) {
        return std::string{};
    }
    const bool ok = quant->size() <= 32 && std::all_of(quant->begin(), quant->end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
    if (!ok) {
        return http_fail(400, "quant must be a quantization name such as Q4_K_M");
    }
    return *quant;
}

// --ctx, --kv-type and --flash-attn, shared by fit and recommend.
HttpResult<bool> context_params(const QueryParams& q, std::optional<std::uint32_t>& ctx,
                                std::string& kv_type, std::string& flash_attn, std::uint64_t min_ctx) {
    const auto c = uint_param(q, "ctx", min_ctx, kMaxCtx);
    if (!c) {
        return tl::unexpected(c.error());
    }
    if (*c) {
        ctx = static_cast<std::uint32_t>(**c);
    }
    if (auto k = choice_param(q, "kv_type", kKvTypes, kv_type); !k) {
        return k;
    }
    return choice_param(q, "flash_attn", kFlashAttn, flash_attn);
}

}  // namespace

std::optional<std::string> param(const QueryParams& q, const std::string& name) {
    const auto it = q.find(name);
    if (it == q.end()) {
        return std::nullopt;
    }
    return it->second;
}

HttpResult<std::string> checked_model_name(const std::string& model) {
    auto name = checked_name("model", model);
    if (!name) {
        return name;
    }
    // Catalog ids look like "qwen2.5:14b" or "Qwen/Qwen2.5-14B-Instruct": at most one slash,
    // never at the start, no backslash, no "..", no "~", and nothing that exists on this disk.
    const auto slashes = std::count(model.begin(), model.end(), '/');
    const bool path_like = slashes > 1 || model.front() == '/' || model.front() == '.' ||
                           model.front() == '~' || model.find('\\') != std::string::npos ||
                           model.find("..") != std::string::npos ||
                           catalog::is_model_path(model);
    if (path_like) {
        return http_fail(400, "model must be a catalog id such as qwen2.5:14b; files are not "
                              "read over the network (use `canrun fit FILE` on the command line)");
    }
    return name;
}

HttpResult<cli::HardwareOverride> hardware_of(const QueryParams& q,
                                              const cli::HardwareOverride& base) {
    cli::HardwareOverride h = base;
    if (const auto hw = param(q, "hw"); hw && !hw->empty()) {
        auto name = checked_name("hw", *hw);
        if (!name) {
            return tl::unexpected(name.error());
        }
        h = cli::HardwareOverride{};  // another machine: nothing of this one carries over
        h.hw = *name;
    }
    const auto gpus = uint_param(q, "gpus", 1, kMaxGpus);
    if (!gpus) {
        return tl::unexpected(gpus.error());
    }
    if (*gpus) {
        h.gpus = static_cast<int>(**gpus);
    }
    return h;
}

HttpResult<cli::Options> fit_options(const QueryParams& q, const cli::Options& base) {
    cli::Options o = base;
    o.command = "fit";
    auto& f = o.fit;
    auto name = model_param(q, "/api/fit");
    if (!name) {
        return tl::unexpected(name.error());
    }
    f.model = *name;
    auto quant = quant_param(q);
    if (!quant) {
        return tl::unexpected(quant.error());
    }
    f.quant = *quant;
    if (auto c = context_params(q, f.ctx, f.kv_type, f.flash_attn, 1); !c) {
        return tl::unexpected(c.error());
    }
    auto hw = hardware_of(q, base.serve.hardware);
    if (!hw) {
        return tl::unexpected(hw.error());
    }
    f.hardware = std::move(*hw);
    return o;
}

HttpResult<cli::Options> recommend_options(const QueryParams& q, const cli::Options& base) {
    cli::Options o = base;
    o.command = "recommend";
    auto& r = o.recommend;
    if (auto u = choice_param(q, "use", kUses, r.use); !u) {
        return tl::unexpected(u.error());
    }
    const auto tps = number_param(q, "min_tps", 0.1, 100000.0);
    if (!tps) {
        return tl::unexpected(tps.error());
    }
    r.min_tps = tps->value_or(r.min_tps);
    if (auto c = context_params(q, r.ctx, r.kv_type, r.flash_attn, 256); !c) {
        return tl::unexpected(c.error());
    }
    auto hw = hardware_of(q, base.serve.hardware);
    if (!hw) {
        return tl::unexpected(hw.error());
    }
    r.hardware = std::move(*hw);
    return o;
}

// The choices and numbers of plan, as `canrun plan` checks them.
HttpResult<bool> plan_choices(const QueryParams& q, cli::PlanOptions& p) {
    auto choices = choice_param(q, "currency", kCurrencies, p.currency)
                       .and_then([&](bool) { return choice_param(q, "sort", kSorts, p.sort); })
                       .and_then([&](bool) { return choice_param(q, "net", kNets, p.net); });
    if (!choices) {
        return choices;
    }
    const auto tps = number_param(q, "tps", 0.1, 100000.0);
    const auto budget = number_param(q, "budget", 0.0, 1e12);
    const auto top = uint_param(q, "top", 1, 1000);
    const auto ctx = uint_param(q, "ctx", 256, kMaxCtx);
    if (!tps || !budget || !top || !ctx) {
        return tl::unexpected(!tps ? tps.error() : !budget ? budget.error() : !top ? top.error() : ctx.error());
    }
    p.tps = tps->value_or(p.tps);
    p.budget = *budget;
    p.top = static_cast<std::size_t>(top->value_or(p.top));
    if (*ctx) {
        p.ctx = static_cast<std::uint32_t>(**ctx);
    }
    return true;
}

HttpResult<cli::Options> plan_options(const QueryParams& q, const cli::Options& base) {
    cli::Options o = base;
    o.command = "plan";
    auto& p = o.plan;
    auto name = model_param(q, "/api/plan");
    if (!name) {
        return tl::unexpected(name.error());
    }
    p.model = *name;
    auto quant = quant_param(q);
    if (!quant) {
        return tl::unexpected(quant.error());
    }
    p.quant = *quant;
    if (auto c = plan_choices(q, p); !c) {
        return tl::unexpected(c.error());
    }
    const auto [first, last] = q.equal_range("have");
    for (auto it = first; it != last; ++it) {
        auto device = checked_name("have", it->second);
        if (!device || p.have.size() == kMaxHave) {
            return http_fail(400, "have must name up to 16 devices, e.g. have=RTX%203090");
        }
        p.have.push_back(*device);
    }
    p.nodes.clear();  // files: never from the network
    return o;
}

HttpResult<std::string> model_param(const QueryParams& q, const std::string& endpoint) {
    const auto model = param(q, "model");
    if (!model) {
        return http_fail(400, "model is missing: " + endpoint + "?model=qwen2.5:14b");
    }
    return checked_model_name(*model);
}

HttpResult<std::string> device_search_of(const QueryParams& q) {
    const auto s = param(q, "q");
    if (!s || s->empty()) {
        return std::string{};
    }
    return checked_name("q", *s);
}

HttpResult<std::string> search_of(const QueryParams& q) {
    const auto s = param(q, "search");
    if (!s || s->empty()) {
        return std::string{};
    }
    return checked_name("search", *s);
}

}  // namespace canrun::web
