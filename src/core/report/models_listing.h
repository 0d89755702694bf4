// canrun models: the catalog records matching a search, each with its predicted Q4_K_M file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model_catalog.h"

namespace canrun::report {

struct ModelListing {
    const catalog::CatalogModel* model = nullptr;
    std::optional<std::uint64_t> q4_k_m_bytes;  // predicted file size; nullopt if not predictable
};

struct ModelsList {
    std::string data_version;
    std::string search;
    std::vector<ModelListing> rows;  // catalog order
};

// Case-insensitive substring search over id, name, family, aliases, Ollama reference, Hugging
// Face and ModelScope repos, and tasks; empty search lists everything.
bool model_matches(const catalog::CatalogModel& m, std::string_view search);

ModelsList list_models(const catalog::ModelCatalog& catalog, std::string_view search);

}  // namespace canrun::report
