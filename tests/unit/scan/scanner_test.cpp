// scan_models over stores built in a temporary HOME: the real Ollama layout (two tags on one
// blob, a broken manifest, a missing blob), a Hugging Face cache (two revisions linking one
// blob), an LM Studio tree, a split set, a copy, a corrupt GGUF, a symlink loop and a
// safetensors folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "scan/scanner.h"
#include "unit/scan/store_builder.h"
#include "support/temp_path.h"

namespace canrun::scan {
namespace {

namespace fs = std::filesystem;
using testing::GgufBuilder;

class ScanStores : public ::testing::Test {
protected:
    void SetUp() override {
        home_ = testing::unique_temp_path("canrun_scan");
        fs::remove_all(home_);
        fs::create_directories(home_);
        env_.home = home_.string();
        env_.system_ollama_models.clear();
    }
    void TearDown() override { fs::remove_all(home_); }

    const FoundModel* find(const ScanResult& r, const std::string& name) {
        for (const auto& m : r.models) {
            if (m.name == name) return &m;
        }
        return nullptr;
    }
    bool has_note(const ScanResult& r, const std::string& id) {
        return std::any_of(r.notes.begin(), r.notes.end(), [&](const ScanNote& n) { return n.id == id; });
    }
    ScanResult scan(std::vector<std::string> dirs = {}) {
        ScanRequest req;
        req.env = env_;
        req.dirs = std::move(dirs);
        return scan_models(req);
    }

    fs::path home_;
    ScanEnvironment env_;
};

TEST_F(ScanStores, OllamaTagsOnOneBlobAreOneModel) {
    const auto ollama = home_ / ".ollama" / "models";
    const auto tiny = testing::tiny_llama_gguf("Tiny", 4, 512);
    const auto digest = testing::fake_digest("tiny");
    ASSERT_TRUE(testing::add_ollama_tag(ollama, "registry.ollama.ai/library/tiny/latest", tiny, digest));
    ASSERT_TRUE(testing::add_ollama_tag(ollama, "registry.ollama.ai/library/tiny/1b", tiny, digest));
    ASSERT_TRUE(testing::add_ollama_tag(ollama, "hf.co/org/tiny-gguf/Q4_K_M",
                                        testing::tiny_llama_gguf("Other", 2, 256), testing::fake_digest("o")));
    const auto r = scan();
    ASSERT_EQ(r.models.size(), 2U);
    const auto* m = find(r, "tiny:1b");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->store, StoreKind::Ollama);
    EXPECT_EQ(m->ollama_tag, "tiny:1b");
    EXPECT_EQ(m->aliases, std::vector<std::string>{"tiny:latest"});
    EXPECT_EQ(m->arch, "llama");
    EXPECT_EQ(m->quant, "Q4_K_M");
    EXPECT_EQ(m->file_bytes, tiny.file_bytes());
    EXPECT_TRUE(m->facts.has_value());
    EXPECT_NE(find(r, "hf.co/org/tiny-gguf:Q4_K_M"), nullptr);
}

TEST_F(ScanStores, BrokenManifestAndMissingBlobAreNotes) {
    const auto ollama = home_ / ".ollama" / "models";
    ASSERT_TRUE(testing::add_ollama_tag(ollama, "registry.ollama.ai/library/ok/latest",
                                        testing::tiny_llama_gguf("Ok", 2, 256), testing::fake_digest("ok")));
    ASSERT_TRUE(testing::write_text_file(ollama / "manifests/registry.ollama.ai/library/broken/latest", "{not json"));
    ASSERT_TRUE(testing::write_text_file(
        ollama / "manifests/registry.ollama.ai/library/gone/latest",
        R"({"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:)" +
            testing::fake_digest("gone") + R"(","size":10}]})"));
    const auto r = scan();
    EXPECT_EQ(r.models.size(), 1U);
    EXPECT_TRUE(has_note(r, "scan.broken_manifest"));
    EXPECT_TRUE(has_note(r, "scan.missing_blob"));
}

TEST_F(ScanStores, HfCacheRevisionsSharingABlobAreOneModel) {
    const auto hub = home_ / ".cache" / "huggingface" / "hub";
    const auto tiny = testing::tiny_llama_gguf("Tiny", 4, 512);
    ASSERT_TRUE(testing::add_hf_file(hub, "org/Tiny-GGUF", "aaaa", "tiny-Q4_K_M.gguf", tiny, "blobhash1"));
    ASSERT_TRUE(testing::add_hf_file(hub, "org/Tiny-GGUF", "bbbb", "tiny-Q4_K_M.gguf", tiny, "blobhash1"));
    const auto r = scan();
    ASSERT_EQ(r.models.size(), 1U);
    const auto& m = r.models[0];
    EXPECT_EQ(m.store, StoreKind::HfCache);
    EXPECT_EQ(m.name, "org/Tiny-GGUF");
    EXPECT_EQ(m.hf_repo, "org/Tiny-GGUF");
    EXPECT_NE(m.path.find("snapshots/aaaa/tiny-Q4_K_M.gguf"), std::string::npos);
    ASSERT_EQ(m.also_at.size(), 1U);
    EXPECT_NE(m.also_at[0].find("snapshots/bbbb"), std::string::npos);
    EXPECT_TRUE(r.duplicates.empty());  // links are not copies: nothing is wasted
}

TEST_F(ScanStores, HfHubCacheVariableWins) {
    env_.hf_hub_cache = (home_ / "elsewhere").string();
    ASSERT_TRUE(testing::add_hf_file(home_ / "elsewhere", "org/A", "r", "a.gguf",
                                     testing::tiny_llama_gguf("A", 2, 256), "h"));
    EXPECT_EQ(scan().models.size(), 1U);
}

TEST_F(ScanStores, LmStudioNamesArePublisherAndRepo) {
    const auto dir = home_ / ".lmstudio" / "models" / "lmstudio-community" / "Tiny-GGUF";
    fs::create_directories(dir);
    ASSERT_TRUE(testing::tiny_llama_gguf("Tiny", 2, 256).write_file(dir / "Tiny-Q4_K_M.gguf"));
    const auto r = scan();
    ASSERT_EQ(r.models.size(), 1U);
    EXPECT_EQ(r.models[0].store, StoreKind::LmStudio);
    EXPECT_EQ(r.models[0].name, "lmstudio-community/Tiny-GGUF");
}

TEST_F(ScanStores, CopiesAreDuplicatesWithWastedBytes) {
    const auto dir = home_ / "models";
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    const auto tiny = testing::tiny_llama_gguf("Tiny", 4, 512);
    ASSERT_TRUE(tiny.write_file(dir / "a" / "tiny.gguf"));
    ASSERT_TRUE(tiny.write_file(dir / "b" / "tiny-copy.gguf"));
    const auto r = scan({dir.string()});
    ASSERT_EQ(r.models.size(), 1U);
    ASSERT_EQ(r.duplicates.size(), 1U);
    EXPECT_EQ(r.duplicates[0].paths.size(), 2U);
    EXPECT_EQ(r.duplicates[0].wasted_bytes, tiny.file_bytes());
    EXPECT_EQ(r.models[0].notes, std::vector<std::string>{"scan.has_copies"});
}

TEST_F(ScanStores, DifferentModelsOfOneSizeAreNotDuplicates) {
    const auto dir = home_ / "models";
    fs::create_directories(dir);
    ASSERT_TRUE(testing::tiny_llama_gguf("Aaaa", 2, 256).write_file(dir / "a.gguf"));
    ASSERT_TRUE(testing::tiny_llama_gguf("Bbbb", 2, 256).write_file(dir / "b.gguf"));
    const auto r = scan({dir.string()});
    EXPECT_EQ(r.models.size(), 2U);
    EXPECT_TRUE(r.duplicates.empty());
}

TEST_F(ScanStores, SameHeaderDifferentWeightsAreNotDuplicates) {
    const auto dir = home_ / "models";
    fs::create_directories(dir);
    const auto tiny = testing::tiny_llama_gguf("Tiny", 4, 512);
    ASSERT_TRUE(tiny.write_file(dir / "base.gguf"));
    ASSERT_TRUE(tiny.write_file(dir / "finetune.gguf"));
    {
        std::fstream f(dir / "finetune.gguf", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(tiny.file_bytes() - 100));
        f.put('\x5a');  // a different weight near the end
    }
    const auto r = scan({dir.string()});
    EXPECT_EQ(r.models.size(), 2U);
    EXPECT_TRUE(r.duplicates.empty());
}

TEST_F(ScanStores, SplitSetIsOneModel) {
    const auto dir = home_ / "models";
    fs::create_directories(dir);
    const auto shards = testing::write_split_set(testing::tiny_llama_gguf("Big", 4, 512), dir, "big", 3);
    ASSERT_EQ(shards.size(), 3U);
    const auto r = scan({dir.string()});
    ASSERT_EQ(r.models.size(), 1U);
    EXPECT_EQ(r.models[0].shards, 3U);
    EXPECT_EQ(r.models[0].path, shards[0].string());
}

// Regression: shards 2..N of a set whose first shard is gone were skipped without a word.
TEST_F(ScanStores, SplitSetWithoutItsFirstShardIsANote) {
    const auto dir = home_ / "split";
    fs::create_directories(dir);
    const auto shards = testing::write_split_set(testing::tiny_llama_gguf("Big", 4, 512), dir, "big", 3);
    ASSERT_EQ(shards.size(), 3U);
    fs::remove(shards[0]);
    const auto r = scan({dir.string()});
    EXPECT_TRUE(r.models.empty());
    ASSERT_TRUE(has_note(r, "scan.split_first_missing"));
    EXPECT_EQ(std::count_if(r.notes.begin(), r.notes.end(),
                            [](const auto& n) { return n.id == "scan.split_first_missing"; }),
              1);
}

TEST_F(ScanStores, CorruptFilesSymlinkLoopsAndNonGgufAreNotes) {
    const auto dir = home_ / "models";
    fs::create_directories(dir / "sub");
    ASSERT_TRUE(testing::tiny_llama_gguf("Tiny", 2, 256)
                    .corrupt(testing::Corruption::TruncatedInTensorInfos)
                    .write_file(dir / "truncated.gguf"));
    ASSERT_TRUE(testing::write_text_file(dir / "text.gguf", "not a model"));
    fs::create_directory_symlink("..", dir / "sub" / "loop");
    fs::create_symlink("self", dir / "self");
    ASSERT_TRUE(testing::tiny_llama_gguf("Good", 2, 256).write_file(dir / "sub" / "good.gguf"));
    const auto r = scan({dir.string()});
    ASSERT_EQ(r.models.size(), 1U);
    EXPECT_EQ(r.models[0].name, "Good");
    EXPECT_TRUE(has_note(r, "scan.bad_gguf"));
    EXPECT_TRUE(has_note(r, "scan.not_gguf"));
    EXPECT_TRUE(has_note(r, "scan.symlink_loop"));
}

TEST_F(ScanStores, MissingDirIsANote) {
    const auto r = scan({(home_ / "nope").string()});
    EXPECT_TRUE(r.models.empty());
    EXPECT_TRUE(has_note(r, "scan.missing_dir"));
}

TEST_F(ScanStores, OllamaStoreGivenAsDirIsReadByManifests) {
    const auto store = home_ / "store";
    ASSERT_TRUE(testing::add_ollama_tag(store, "registry.ollama.ai/library/tiny/latest",
                                        testing::tiny_llama_gguf("Tiny", 2, 256), testing::fake_digest("t")));
    const auto r = scan({store.string()});
    ASSERT_EQ(r.models.size(), 1U);
    EXPECT_EQ(r.models[0].name, "tiny:latest");
}

TEST_F(ScanStores, StoresInsideAFolderTreeAreReadByTheirLayout) {
    const auto big = testing::tiny_llama_gguf("Big", 8, 2048);  // > 16 MiB: its blob would be sniffed
    ASSERT_TRUE(testing::add_ollama_tag(home_ / ".ollama" / "models", "registry.ollama.ai/library/big/latest", big,
                                        testing::fake_digest("big")));
    ASSERT_TRUE(testing::add_hf_file(home_ / ".cache" / "huggingface" / "hub", "org/Big-GGUF", "r", "big.gguf",
                                     testing::tiny_llama_gguf("Big HF", 8, 2048), "h"));
    const auto r = scan({home_.string()});
    ASSERT_EQ(r.models.size(), 2U);
    EXPECT_NE(find(r, "big:latest"), nullptr);
    EXPECT_NE(find(r, "org/Big-GGUF"), nullptr);
}

TEST_F(ScanStores, SafetensorsFolderIsIdentifiedByItsHeaders) {
    const auto dir = home_ / "models" / "Qwen2-Tiny";
    ASSERT_TRUE(testing::write_text_file(dir / "config.json", R"({
        "model_type": "qwen2", "num_hidden_layers": 2, "hidden_size": 256, "intermediate_size": 512,
        "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 1024,
        "max_position_embeddings": 32768, "tie_word_embeddings": true})"));
    ASSERT_TRUE(testing::write_safetensors(dir / "model.safetensors",
                                           {{"model.embed_tokens.weight", "BF16", {1024, 256}},
                                            {"model.norm.weight", "BF16", {256}}}));
    const auto r = scan({(home_ / "models").string()});
    ASSERT_EQ(r.models.size(), 1U);
    const auto& m = r.models[0];
    EXPECT_EQ(m.format, ModelFormat::Safetensors);
    EXPECT_EQ(m.params, 1024U * 256U + 256U);
    EXPECT_EQ(m.quant, "BF16");
    EXPECT_EQ(m.arch, "qwen2");
    EXPECT_EQ(m.n_ctx_train, 32768U);
    EXPECT_TRUE(m.facts.has_value());
}

TEST_F(ScanStores, NoStoresNoModels) {
    const auto r = scan();
    EXPECT_TRUE(r.models.empty());
    EXPECT_TRUE(r.roots.empty());
}

}  // namespace
}  // namespace canrun::scan
