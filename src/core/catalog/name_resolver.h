// Resolves what a person types for a model to a catalog record: a catalog id ("qwen2.5:14b"),
// an Ollama reference, with or without tag ("llama3.1", "qwen2.5:14b-instruct-q4_K_M"), a
// Hugging Face or ModelScope repo ("Qwen/Qwen2.5-14B-Instruct"), a dashed form
// ("qwen2.5-14b") or an alias. Case-insensitive. A miss suggests the nearest names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/model_catalog.h"
#include "util/result.h"

namespace canrun::catalog {

struct ResolvedModel {
    const CatalogModel* model = nullptr;
    std::string quant;  // a quantization named in the tag or repo ("Q4_K_M"), or empty
};

// Fails with exit 3 and `unknown model "x"; did you mean a, b, c?` on a miss.
Result<ResolvedModel> resolve_model(const ModelCatalog& catalog, std::string_view query);

// Up to `max` catalog ids closest to the query (edit distance and substring), best first.
std::vector<std::string> suggest_models(const ModelCatalog& catalog, std::string_view query,
                                        std::size_t max = 3);

// The comparison key: lower case, with ':', '/', '_' and spaces turned into '-'.
std::string model_key(std::string_view text);

}  // namespace canrun::catalog
