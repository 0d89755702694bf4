// Lint of the shipped model data, read through the real loader (the same path as canrun):
// the loader's own checks (unique ids, known fields, positive sizes, heads against dimensions,
// contexts, a source per record) plus what needs the rest of the catalog code: parameters
// recomputed from the architecture, quant names llama.cpp knows, names that resolve.
#include <cmath>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "catalog/model_arch_spec.h"
#include "catalog/model_catalog.h"
#include "catalog/name_resolver.h"
#include "catalog/quants_catalog.h"
#include "gguf/llama_ftype.h"

namespace canrun::catalog {
namespace {

const ModelCatalog& shipped() {
    static const ModelCatalog cat = [] {
        auto c = load_model_catalog(DataSourceOptions{});
        EXPECT_TRUE(c) << (c ? "" : c.error().message);
        return c ? *c : ModelCatalog{};
    }();
    return cat;
}

TEST(ModelsLint, ShippedFileLoadsWithAtLeast150Models) {
    EXPECT_GE(shipped().models.size(), 150U);
    EXPECT_EQ(shipped().schema_version, 1);
}

TEST(ModelsLint, ParametersMatchTheArchitecture) {
    std::size_t checked = 0;
    for (const auto& m : shipped().models) {
        auto file = predict_gguf(m, gguf::LlamaFtype::F16);
        EXPECT_TRUE(file) << m.id << ": " << (file ? "" : file.error().message);
        if (!file) {
            continue;
        }
        ++checked;
        const double text_params = static_cast<double>(m.params - m.vision_params);
        const double counted = static_cast<double>(tensor_elements(*file));
        EXPECT_NEAR(counted / text_params, 1.0, 0.03)
            << m.id << ": architecture gives " << counted / 1e9 << " B parameters, record says "
            << text_params / 1e9 << " B";
    }
    EXPECT_EQ(checked, shipped().models.size()) << "every catalog model can be laid out";
}

TEST(ModelsLint, ActiveParametersOfMoeModelsAreBelowTotal) {
    for (const auto& m : shipped().models) {
        if (m.arch.n_expert == 0) continue;
        const double share = static_cast<double>(m.active_params) / static_cast<double>(m.params);
        const double expected =
            static_cast<double>(m.arch.n_expert_used) / static_cast<double>(m.arch.n_expert);
        EXPECT_GT(share, expected * 0.5) << m.id;
        EXPECT_LT(share, 0.5) << m.id;
    }
}

TEST(ModelsLint, EveryIdAliasAndOllamaTagResolvesToItsRecord) {
    std::map<std::string, int> defaults;
    for (const auto& m : shipped().models) {
        std::vector<std::string> names{m.id};
        names.insert(names.end(), m.aliases.begin(), m.aliases.end());
        if (m.ollama) {
            names.push_back(m.ollama->ref());
            if (m.ollama->is_default) ++defaults[m.ollama->name];
        }
        for (const auto& n : names) {
            auto r = resolve_model(shipped(), n);
            ASSERT_TRUE(r) << n << ": " << r.error().message;
            EXPECT_EQ(r->model->id, m.id) << n << " resolves to another record";
        }
    }
    for (const auto& [name, count] : defaults) {
        EXPECT_EQ(count, 1) << "ollama name " << name << " has " << count << " default tags";
    }
}

TEST(ModelsLint, OllamaTagQuantIsAQuantCanrunKnows) {
    auto q = load_quants_catalog(DataSourceOptions{});
    ASSERT_TRUE(q) << q.error().message;
    std::size_t not_default = 0;
    for (const auto& m : shipped().models) {
        if (!m.ollama) continue;
        const auto* info = q->find(m.ollama->quant);
        ASSERT_NE(info, nullptr) << m.id << ": ollama.quant " << m.ollama->quant
                                 << " is not in data/quants.json";
        // Spelled as quants.json spells it (the name a pick carries and hf.co/...:QUANT uses).
        EXPECT_EQ(info->name, m.ollama->quant) << m.id;
        if (m.ollama->quant != "Q4_K_M") ++not_default;
    }
    EXPECT_GE(not_default, 20U) << "older library tags (2023 to mid-2024) are Q4_0";
}

TEST(ModelsLint, EveryRecordHasSourcesAndUsefulListing) {
    std::size_t zh = 0;
    for (const auto& m : shipped().models) {
        EXPECT_EQ(m.source.rfind("https://", 0), 0U) << m.id;
        if (m.quality) {
            EXPECT_EQ(m.quality->source.rfind("https://", 0), 0U) << m.id;
            EXPECT_FALSE(m.quality->metric.empty()) << m.id;
        }
        if (m.zh_strong) ++zh;
    }
    EXPECT_GE(zh, 30U) << "models flagged strong in Chinese";
}

TEST(QuantsLint, EveryMixIsALlamaCppFtypeWithItsName) {
    auto q = load_quants_catalog(DataSourceOptions{});
    ASSERT_TRUE(q) << q.error().message;
    EXPECT_GE(q->quants.size(), 25U);
    for (const auto& info : q->quants) {
        const auto f = gguf::llama_ftype_info(info.ftype);
        ASSERT_TRUE(f.has_value()) << info.name << " ftype " << info.ftype;
        EXPECT_EQ(f->name, info.name) << "ftype " << info.ftype;
        EXPECT_FALSE(info.source.empty()) << info.name;
        if (info.llama3_8b) {
            EXPECT_GT(info.llama3_8b->size_gib, 1.0) << info.name;
            EXPECT_LT(info.llama3_8b->mean_kld, 3.0) << info.name;
        }
    }
}

TEST(QuantsLint, QualityCostFallsAsBitsRise) {
    auto q = load_quants_catalog(DataSourceOptions{});
    ASSERT_TRUE(q);
    const char* order[] = {"Q2_K", "Q3_K_M", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0"};
    double last = 1e9;
    for (const char* name : order) {
        const auto* info = q->find(name);
        ASSERT_NE(info, nullptr) << name;
        ASSERT_TRUE(info->llama3_8b.has_value()) << name;
        EXPECT_LT(info->llama3_8b->mean_kld, last) << name;
        last = info->llama3_8b->mean_kld;
    }
}

}  // namespace
}  // namespace canrun::catalog
