#include "catalog/model_file.h"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "catalog/model_arch_spec.h"
#include "catalog/model_catalog.h"
#include "catalog/name_resolver.h"
#include "gguf/llama_ftype.h"
#include "util/strings.h"

namespace canrun::catalog {

namespace {

bool ends_with_ci(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && to_lower(s.substr(s.size() - tail.size())) == tail;
}

}  // namespace

bool is_model_path(std::string_view model) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::path(std::string(model)), ec)) {
        return true;
    }
    return ends_with_ci(model, ".gguf") || ends_with_ci(model, ".json");
}

Result<PredictedModel> predict_model_file(std::string_view query, std::string_view quant,
                                          const DataSourceOptions& data) {
    auto catalog = load_model_catalog(data);
    if (!catalog) {
        return tl::unexpected(catalog.error());
    }
    auto resolved = resolve_model(*catalog, query);
    if (!resolved) {
        return tl::unexpected(resolved.error());
    }
    const std::string wanted = !quant.empty()                    ? std::string(quant)
                               : !resolved->quant.empty()        ? resolved->quant
                                                                 : std::string(resolved->model->default_quant());
    const auto ftype = gguf::llama_ftype_by_name(wanted);
    if (!ftype) {
        return fail(fmt::format("--quant {} is not a llama.cpp quantization; use one of Q4_K_M, "
                                "Q5_K_M, Q6_K, Q8_0, IQ4_XS, Q3_K_M, F16",
                                wanted),
                    ExitCode::Usage);
    }
    auto file = predict_gguf(*resolved->model, ftype->ftype);
    if (!file) {
        return tl::unexpected(file.error());
    }
    return PredictedModel{resolved->model->id, resolved->model->name, std::string(ftype->name),
                          std::move(*file)};
}

}  // namespace canrun::catalog
