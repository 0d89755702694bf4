#include <gtest/gtest.h>

#include <filesystem>

#include "gguf/gguf_file.h"
#include "gguf/split_set.h"
#include "support/gguf_builder.h"
#include "support/temp_path.h"

namespace canrun::gguf {
namespace {

using testing::GgufBuilder;
using testing::SplitCorruption;
namespace fs = std::filesystem;

class GgufSplit : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = canrun::testing::unique_temp_path("gguf_split");
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        model_.kv_str("general.architecture", "qwen2").kv_u32("qwen2.block_count", 3);
        for (int i = 0; i < 7; ++i) {
            model_.tensor("blk." + std::to_string(i) + ".ffn_up.weight", 12, {4096, 16384});
        }
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
    GgufBuilder model_;
};

TEST_F(GgufSplit, NamesAreParsed) {
    const auto n = parse_split_name("/m/Qwen2.5-72B-Q4_K_M-00002-of-00012.gguf");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->stem, "Qwen2.5-72B-Q4_K_M");
    EXPECT_EQ(n->index, 2U);
    EXPECT_EQ(n->count, 12U);
    EXPECT_EQ(split_shard_path("/m/x-00002-of-00012.gguf", *n, 12),
              fs::path("/m/Qwen2.5-72B-Q4_K_M-00012-of-00012.gguf"));
    EXPECT_FALSE(parse_split_name("model.gguf"));
    EXPECT_FALSE(parse_split_name("m-00003-of-00002.gguf"));
    EXPECT_FALSE(parse_split_name("m-00000-of-00002.gguf"));
    EXPECT_FALSE(parse_split_name("m-1-of-2.gguf"));
}

TEST_F(GgufSplit, ShardsAreMergedFromAnyShard) {
    const auto paths = testing::write_split_set(model_, dir_, "model", 3);
    ASSERT_EQ(paths.size(), 3U);
    std::uint64_t sum = 0;
    for (const auto& p : paths) {
        sum += fs::file_size(p);
    }
    for (const auto& p : paths) {
        const auto f = read_gguf_model(p);
        ASSERT_TRUE(f) << f.error().message;
        EXPECT_EQ(f->shard_count, 3U);
        EXPECT_EQ(f->file_bytes, sum);
        EXPECT_EQ(f->get_string("general.architecture"), "qwen2");
        ASSERT_EQ(f->tensors.size(), 7U);
        EXPECT_EQ(f->tensors[0].shard, 0U);
        EXPECT_EQ(f->tensors[6].shard, 2U);
        EXPECT_EQ(f->tensors[6].name, "blk.6.ffn_up.weight");
        EXPECT_EQ(f->tensors[3].bytes, 4096ULL / 256 * 144 * 16384);
    }
}

TEST_F(GgufSplit, SingleFileIsOneShard) {
    const auto path = dir_ / "single.gguf";
    ASSERT_TRUE(model_.write_file(path));
    const auto f = read_gguf_model(path);
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->shard_count, 1U);
    EXPECT_EQ(f->file_bytes, fs::file_size(path));
}

struct BadSplit {
    SplitCorruption corruption;
    const char* words;
};

class GgufBadSplit : public GgufSplit, public ::testing::WithParamInterface<BadSplit> {};

TEST_P(GgufBadSplit, IsAClearError) {
    const auto paths = testing::write_split_set(model_, dir_, "model", 3, GetParam().corruption);
    ASSERT_EQ(paths.size(), 3U);
    const auto f = read_gguf_model(paths[0]);
    ASSERT_FALSE(f);
    EXPECT_EQ(f.error().code, ExitCode::BadInput);
    EXPECT_NE(f.error().message.find(GetParam().words), std::string::npos) << f.error().message;
    EXPECT_NE(f.error().message.find("; "), std::string::npos) << f.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, GgufBadSplit,
    ::testing::Values(BadSplit{SplitCorruption::MissingShard, "model-00003-of-00003.gguf: shard 3 of 3 is missing"},
                      BadSplit{SplitCorruption::WrongSplitCount, "the metadata says shard 2 of 4"},
                      BadSplit{SplitCorruption::WrongSplitNo, "the metadata says shard 1 of 3"},
                      BadSplit{SplitCorruption::WrongTensorsCount, "split.tensors.count says 8 tensors"},
                      BadSplit{SplitCorruption::NoSplitKeys, "has no split.no"}));

TEST_F(GgufSplit, OneOfOneIsASingleFile) {
    const auto path = dir_ / "model-00001-of-00001.gguf";
    ASSERT_TRUE(model_.write_file(path));  // no split.* keys
    const auto f = read_gguf_model(path);
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->shard_count, 1U);
    EXPECT_EQ(f->tensors.size(), 7U);
}

TEST_F(GgufSplit, PiecesOfACutFileAreRecognised) {
    EXPECT_TRUE(is_byte_split_part("m/llama-70b.Q5_K_M.gguf-split-a"));
    EXPECT_TRUE(is_byte_split_part("llama-70b.Q6_K.gguf.part1of2"));
    EXPECT_FALSE(is_byte_split_part("model-00001-of-00002.gguf"));
    EXPECT_FALSE(is_byte_split_part("model.gguf"));
    const auto path = dir_ / "big.Q6_K.gguf-split-a";
    ASSERT_TRUE(model_.write_file(path));
    const auto f = read_gguf_model(path);
    ASSERT_FALSE(f);
    EXPECT_NE(f.error().message.find("join the parts"), std::string::npos) << f.error().message;
}

TEST_F(GgufSplit, RenamedShardIsAnError) {
    const auto paths = testing::write_split_set(model_, dir_, "model", 2);
    const auto renamed = dir_ / "renamed.gguf";
    fs::rename(paths[0], renamed);
    const auto f = read_gguf_model(renamed);
    ASSERT_FALSE(f);
    EXPECT_NE(f.error().message.find("one shard of a model split into 2 files"), std::string::npos)
        << f.error().message;
}

}  // namespace
}  // namespace canrun::gguf
