#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <random>

#include "gguf/gguf_file.h"
#include "support/gguf_builder.h"
#include "support/temp_path.h"

namespace canrun::gguf {
namespace {

using testing::GgufBuilder;

Result<GgufFile> parse(const GgufBuilder& b) {
    const auto bytes = b.bytes();
    return parse_gguf(bytes, bytes.size(), {}, "t.gguf");
}

TEST(GgufRoundTrip, ScalarsOfEveryType) {
    GgufBuilder b;
    b.kv_u8("a.u8", 200).kv_i8("a.i8", -5).kv_u16("a.u16", 60000).kv_i16("a.i16", -30000)
        .kv_u32("a.u32", 4000000000U).kv_i32("a.i32", -2000000000).kv_u64("a.u64", 1ULL << 60)
        .kv_i64("a.i64", -(1LL << 60)).kv_f32("a.f32", 1.5F).kv_f64("a.f64", -2.25)
        .kv_bool("a.bool", true).kv_str("a.str", "héllo");
    const auto f = parse(b);
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->version, 3U);
    EXPECT_EQ(f->get_uint("a.u8"), 200U);
    EXPECT_EQ(std::get<std::int64_t>(f->find("a.i8")->data), -5);
    EXPECT_EQ(f->get_uint("a.u16"), 60000U);
    EXPECT_EQ(std::get<std::int64_t>(f->find("a.i16")->data), -30000);
    EXPECT_EQ(f->get_uint("a.u32"), 4000000000U);
    EXPECT_EQ(std::get<std::int64_t>(f->find("a.i32")->data), -2000000000);
    EXPECT_EQ(f->get_uint("a.u64"), 1ULL << 60);
    EXPECT_EQ(std::get<std::int64_t>(f->find("a.i64")->data), -(1LL << 60));
    EXPECT_EQ(f->get_uint("a.i64"), std::nullopt);  // negative: not a uint
    EXPECT_EQ(f->get_float("a.f32"), 1.5);
    EXPECT_EQ(f->get_float("a.f64"), -2.25);
    EXPECT_EQ(f->get_bool("a.bool"), true);
    EXPECT_EQ(f->get_string("a.str"), "héllo");
    EXPECT_EQ(f->get_string("a.u8"), std::nullopt);  // wrong type
    EXPECT_EQ(f->find("a.missing"), nullptr);
    ASSERT_EQ(f->metadata.size(), 12U);
    EXPECT_EQ(f->metadata[0].key, "a.u8");  // file order kept
    EXPECT_EQ(f->metadata[11].value.type, ValueType::String);
}

TEST(GgufRoundTrip, ArraysAndNestedArrays) {
    GgufBuilder b;
    b.kv_array_u32("x.u32", {1, 2, 3}).kv_array_i32("x.i32", {-1, 7})
        .kv_array_f32("x.f32", {0.5F, -1.0F}).kv_array_u64("x.u64", {})
        .kv_array_str("x.str", {"a", "", "ccc"})
        .kv_array_of_arrays("x.nested", {{1, 2}, {}, {3}});
    const auto f = parse(b);
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->get_uint_array("x.u32"), (std::vector<std::uint64_t>{1, 2, 3}));
    EXPECT_EQ(f->get_uint_array("x.i32"), std::nullopt);  // -1 is not a uint
    EXPECT_EQ(f->array_size("x.f32"), 2U);
    EXPECT_EQ(f->array_size("x.u64"), 0U);
    const auto& strs = std::get<Array>(f->find("x.str")->data);
    ASSERT_EQ(strs.items.size(), 3U);
    EXPECT_EQ(std::get<std::string>(strs.items[2].data), "ccc");
    const auto& nested = std::get<Array>(f->find("x.nested")->data);
    EXPECT_EQ(nested.elem_type, ValueType::Array);
    ASSERT_EQ(nested.items.size(), 3U);
    const auto& first = std::get<Array>(nested.items[0].data);
    EXPECT_EQ(first.elem_type, ValueType::U32);
    EXPECT_EQ(std::get<std::uint64_t>(first.items[1].data), 2U);
    EXPECT_TRUE(std::get<Array>(nested.items[1].data).items.empty());
}

TEST(GgufRoundTrip, ScalarAsUintArray) {
    const auto f = parse(GgufBuilder().kv_u32("llama.attention.head_count_kv", 8));
    ASSERT_TRUE(f);
    EXPECT_EQ(f->get_uint_array("llama.attention.head_count_kv"), (std::vector<std::uint64_t>{8}));
    EXPECT_EQ(f->array_size("llama.attention.head_count_kv"), std::nullopt);
}

TEST(GgufRoundTrip, TensorInfosOffsetsAndBytes) {
    GgufBuilder b;
    b.kv_str("general.architecture", "llama")
        .tensor("token_embd.weight", 12, {4096, 128256})  // Q4_K
        .tensor("blk.0.attn_norm.weight", 0, {4096})       // F32
        .tensor("blk.0.attn_q.weight", 8, {4096, 4096});   // Q8_0
    const auto f = parse(b);
    ASSERT_TRUE(f) << f.error().message;
    ASSERT_EQ(f->tensors.size(), 3U);
    const auto& emb = f->tensors[0];
    EXPECT_EQ(emb.type.name, "Q4_K");
    EXPECT_EQ(emb.shape, (std::vector<std::uint64_t>{4096, 128256}));
    EXPECT_EQ(emb.elements, 4096ULL * 128256);
    EXPECT_EQ(emb.bytes, 4096ULL / 256 * 144 * 128256);
    EXPECT_EQ(emb.offset, 0U);
    EXPECT_EQ(f->tensors[1].offset, emb.bytes);  // already a multiple of 32
    EXPECT_EQ(f->tensors[1].bytes, 4096U * 4);
    EXPECT_EQ(f->tensors[2].bytes, 4096ULL * 4096 / 32 * 34);
    EXPECT_EQ(f->data_offset % 32, 0U);
    EXPECT_EQ(f->data_offset, b.header_bytes().size());
    EXPECT_EQ(f->file_bytes, b.file_bytes());
    EXPECT_EQ(f->find_tensor("blk.0.attn_q.weight"), &f->tensors[2]);
    EXPECT_EQ(f->find_tensor("nope"), nullptr);
}

TEST(GgufRoundTrip, CustomAlignmentAndVersion2) {
    GgufBuilder b;
    b.version(2).alignment(64).tensor("a", 0, {3}).tensor("b", 0, {5});
    const auto f = parse(b);
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->version, 2U);
    EXPECT_EQ(f->alignment, 64U);
    EXPECT_EQ(f->tensors[1].offset, 64U);
    EXPECT_EQ(f->data_offset % 64, 0U);
}

TEST(GgufRoundTrip, EmptyFileWithoutTensorsOrMetadata) {
    const auto f = parse(GgufBuilder());
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_TRUE(f->metadata.empty());
    EXPECT_TRUE(f->tensors.empty());
}

TEST(GgufRoundTrip, TrailingGarbageIsAllowed) {
    auto bytes = GgufBuilder().tensor("a", 0, {8}).bytes();
    bytes.resize(bytes.size() + 100, std::byte{0x5a});
    EXPECT_TRUE(parse_gguf(bytes, bytes.size()));
}

TEST(GgufRoundTrip, HeaderOnlyPrefixWithLargerTotal) {
    GgufBuilder b;
    b.tensor("w", 1, {8192, 8192});
    const auto header = b.header_bytes();
    const auto f = parse_gguf(header, b.file_bytes());
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->tensors[0].bytes, 8192ULL * 8192 * 2);
}

TEST(GgufRoundTrip, SparseFileOnDiskReadsOnlyTheHeader) {
    const auto path = canrun::testing::unique_temp_path("gguf_sparse_test", ".gguf");
    GgufBuilder b;
    b.kv_str("general.architecture", "llama").tensor("w", 1, {65536, 65536});  // 8 GiB of F16
    ASSERT_TRUE(b.write_file(path));
    EXPECT_EQ(std::filesystem::file_size(path), b.file_bytes());
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_LT(static_cast<std::uint64_t>(st.st_blocks) * 512, 1ULL << 20) << "not written sparse";
    const auto f = read_gguf(path);
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->file_bytes, 65536ULL * 65536 * 2 + f->data_offset);
    EXPECT_EQ(f->get_string("general.architecture"), "llama");
    std::filesystem::remove(path);
}

TEST(GgufRoundTrip, MissingFileAndDirectoryAreClearErrors) {
    const auto missing = read_gguf("/nonexistent/model.gguf");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ExitCode::BadInput);
    EXPECT_NE(missing.error().message.find("/nonexistent/model.gguf: cannot open"), std::string::npos);
    const auto dir = read_gguf(::testing::TempDir());
    ASSERT_FALSE(dir);
    EXPECT_NE(dir.error().message.find("not a regular file"), std::string::npos);
}

// Random metadata and tensors, written and read back.
TEST(GgufRoundTrip, SeededRandomModels) {
    std::mt19937_64 rng(20261126);
    for (int round = 0; round < 50; ++round) {
        GgufBuilder b;
        std::vector<std::uint64_t> expected_u64;
        const int n_kv = static_cast<int>(rng() % 20);
        for (int i = 0; i < n_kv; ++i) {
            const std::uint64_t v = rng();
            expected_u64.push_back(v);
            b.kv_u64("k." + std::to_string(i), v);
        }
        std::vector<std::string> tokens(rng() % 50);
        for (auto& t : tokens) {
            t = std::string(rng() % 12, static_cast<char>('a' + rng() % 26));
        }
        b.kv_array_str("tokenizer.ggml.tokens", tokens);
        const int n_t = static_cast<int>(rng() % 10);
        const auto types = ggml_types();
        std::vector<std::uint64_t> expected_bytes;
        for (int i = 0; i < n_t; ++i) {
            const auto& type = types[rng() % types.size()];
            const std::uint64_t ne0 = type.block_elems * (1 + rng() % 4);
            const std::uint64_t ne1 = 1 + rng() % 5;
            expected_bytes.push_back(ne0 / type.block_elems * type.block_bytes * ne1);
            b.tensor("t." + std::to_string(i), type.id, {ne0, ne1});
        }
        const auto f = parse(b);
        ASSERT_TRUE(f) << "round " << round << ": " << f.error().message;
        for (int i = 0; i < n_kv; ++i) {
            EXPECT_EQ(f->get_uint("k." + std::to_string(i)), expected_u64[static_cast<std::size_t>(i)]);
        }
        EXPECT_EQ(f->array_size("tokenizer.ggml.tokens"), tokens.size());
        ASSERT_EQ(f->tensors.size(), static_cast<std::size_t>(n_t));
        for (int i = 0; i < n_t; ++i) {
            EXPECT_EQ(f->tensors[static_cast<std::size_t>(i)].bytes, expected_bytes[static_cast<std::size_t>(i)]);
        }
    }
}

}  // namespace
}  // namespace canrun::gguf
