#include "report/models_listing.h"

#include "catalog/model_arch_spec.h"
#include "gguf/llama_ftype.h"
#include "util/strings.h"

namespace canrun::report {

bool model_matches(const catalog::CatalogModel& m, std::string_view search) {
    const std::string needle = to_lower(trim(search));
    if (needle.empty()) {
        return true;
    }
    std::vector<std::string> hay{m.id, m.name, m.family, m.hf_original, m.hf_gguf, m.modelscope};
    hay.insert(hay.end(), m.aliases.begin(), m.aliases.end());
    hay.insert(hay.end(), m.tasks.begin(), m.tasks.end());
    if (m.ollama) {
        hay.push_back(m.ollama->ref());
    }
    for (const auto& h : hay) {
        if (to_lower(h).find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

ModelsList list_models(const catalog::ModelCatalog& catalog, std::string_view search) {
    ModelsList out;
    out.data_version = catalog.data_version;
    out.search = std::string(search);
    for (const auto& m : catalog.models) {
        if (!model_matches(m, search)) {
            continue;
        }
        ModelListing row{&m, std::nullopt};
        if (auto file = catalog::predict_gguf(m, gguf::LlamaFtype::Q4_K_M)) {
            row.q4_k_m_bytes = file->file_bytes;
        }
        out.rows.push_back(row);
    }
    return out;
}

}  // namespace canrun::report
