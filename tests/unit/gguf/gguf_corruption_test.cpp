// Every way the builder can break a file must fail cleanly with BadInput and say what is wrong.
#include <gtest/gtest.h>

#include <map>

#include "gguf/gguf_file.h"
#include "support/gguf_builder.h"

namespace canrun::gguf {
namespace {

using testing::Corruption;
using testing::GgufBuilder;

GgufBuilder valid_model() {
    GgufBuilder b;
    b.kv_str("general.architecture", "llama")
        .kv_u32("llama.block_count", 2)
        .kv_array_str("tokenizer.ggml.tokens", {"<s>", "</s>", "hello"})
        .kv_array_f32("tokenizer.ggml.scores", {0.0F, 0.0F, -1.5F})
        .tensor("token_embd.weight", 2, {64, 3})
        .tensor("blk.0.attn_q.weight", 12, {256, 4})
        .tensor("output_norm.weight", 0, {64});
    return b;
}

// What the message must mention for each corruption.
const std::map<Corruption, std::string>& expected_words() {
    static const std::map<Corruption, std::string> kWords = {
        {Corruption::BadMagic, "not a GGUF file (magic 0x464c457f)"},
        {Corruption::Version0, "unsupported GGUF version 0"},
        {Corruption::Version1, "GGUF version 1 (the first, August 2023 format) is not supported"},
        {Corruption::Version4, "unsupported GGUF version 4"},
        {Corruption::BigEndian, "big-endian"},
        {Corruption::HugeTensorCount, "tensors, more than the rest of the file can hold"},
        {Corruption::HugeKvCount, "metadata entries, more than the file can hold"},
        {Corruption::KeyLengthBeyondFile, "runs past the end"},
        {Corruption::EmptyKey, "is empty"},
        {Corruption::DuplicateKey, "appears twice"},
        {Corruption::InvalidValueType, "invalid value type 13"},
        {Corruption::HugeStringLength, "more than the limit"},
        {Corruption::NestedArrayTooDeep, "nested more than 8 deep"},
        {Corruption::ArrayCountBeyondFile, "more than the file holds"},
        {Corruption::InvalidArrayElemType, "invalid element type 99"},
        {Corruption::AlignmentWrongType, "general.alignment has type string"},
        {Corruption::AlignmentZero, "general.alignment is 0"},
        {Corruption::AlignmentNotPowerOfTwo, "general.alignment is 48, not a power of two"},
        {Corruption::NDimsZero, "0 dimensions"},
        {Corruption::NDimsTooMany, "5 dimensions"},
        {Corruption::ShapeOverflow, "overflows"},
        {Corruption::Ne0NotMultipleOfBlock, "not a multiple of the Q4_0 block size 32"},
        {Corruption::UnknownTensorType, "unknown ggml type 1000"},
        {Corruption::RemovedTensorType, "ggml type 4, which ggml removed"},
        {Corruption::TensorNameTooLong, "64 bytes long"},
        {Corruption::MisalignedOffset, "not a multiple of the alignment 32"},
        {Corruption::OverlappingTensors, "overlap"},
        {Corruption::GapBetweenTensors, "gap of 32 bytes before the data of tensor"},
        {Corruption::DataPastEndOfFile, "runs past the end of the file"},
        {Corruption::DuplicateTensorName, "appears twice"},
        {Corruption::TruncatedInHeader, "truncated in the header"},
        {Corruption::TruncatedInMetadata, "truncated in the metadata"},
        {Corruption::TruncatedInTensorInfos, "truncated in the tensor infos"},
    };
    return kWords;
}

class GgufCorruption : public ::testing::TestWithParam<Corruption> {};

TEST_P(GgufCorruption, FailsWithBadInputAndSaysWhy) {
    auto b = valid_model();
    b.corrupt(GetParam());
    const auto bytes = b.bytes();
    const auto f = parse_gguf(bytes, bytes.size(), {}, "bad.gguf");
    ASSERT_FALSE(f) << "accepted a file with " << testing::corruption_name(GetParam());
    EXPECT_EQ(f.error().code, ExitCode::BadInput);
    const auto& msg = f.error().message;
    EXPECT_EQ(msg.rfind("bad.gguf: ", 0), 0U) << msg;
    EXPECT_NE(msg.find("; "), std::string::npos) << "no advice in: " << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
    const auto it = expected_words().find(GetParam());
    ASSERT_NE(it, expected_words().end()) << "add the expected words for this corruption";
    EXPECT_NE(msg.find(it->second), std::string::npos) << msg;
}

INSTANTIATE_TEST_SUITE_P(AllKinds, GgufCorruption, ::testing::ValuesIn(testing::all_corruptions()),
                         [](const auto& p) { return std::string(testing::corruption_name(p.param)); });

TEST(GgufCorruption, TheUncorruptedModelIsValid) {
    const auto bytes = valid_model().bytes();
    const auto f = parse_gguf(bytes, bytes.size());
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->tensors.size(), 3U);
}

TEST(GgufCorruption, EveryCorruptionKindIsTested) {
    EXPECT_EQ(expected_words().size(), testing::all_corruptions().size());
    EXPECT_GE(testing::all_corruptions().size(), 20U);
}

// Cutting a valid file at every byte must give a clean error, never a crash or a success.
TEST(GgufCorruption, TruncatedAtEveryByte) {
    const auto bytes = valid_model().header_bytes();
    std::size_t end_of_infos = bytes.size();
    while (end_of_infos > 0 && bytes[end_of_infos - 1] == std::byte{0}) {
        --end_of_infos;  // the padding before the data is not needed to parse
    }
    for (std::size_t n = 0; n < end_of_infos; ++n) {
        const auto f = parse_gguf(std::span(bytes).first(n), n, {}, "cut.gguf");
        ASSERT_FALSE(f) << "accepted a file cut at byte " << n;
        EXPECT_EQ(f.error().code, ExitCode::BadInput);
        EXPECT_EQ(f.error().message.rfind("cut.gguf: ", 0), 0U) << f.error().message;
    }
}

TEST(GgufCorruption, LimitsAreApplied) {
    const auto bytes = valid_model().bytes();
    ReadLimits small;
    small.max_string_bytes = 4;
    const auto f = parse_gguf(bytes, bytes.size(), small, "x.gguf");
    ASSERT_FALSE(f);
    EXPECT_NE(f.error().message.find("more than the limit of 4 bytes"), std::string::npos)
        << f.error().message;
    ReadLimits few;
    few.max_array_elems = 2;
    EXPECT_FALSE(parse_gguf(bytes, bytes.size(), few));
    ReadLimits few_values;
    few_values.max_total_values = 5;  // 3 tokens + 3 scores
    EXPECT_FALSE(parse_gguf(bytes, bytes.size(), few_values));
    ReadLimits few_kv;
    few_kv.max_kv_count = 3;
    const auto kv = parse_gguf(bytes, bytes.size(), few_kv, "x.gguf");
    ASSERT_FALSE(kv);
    EXPECT_NE(kv.error().message.find("4 metadata entries, more than the limit of 3"), std::string::npos)
        << kv.error().message;
    ReadLimits few_tensors;
    few_tensors.max_tensor_count = 2;
    const auto t = parse_gguf(bytes, bytes.size(), few_tensors, "x.gguf");
    ASSERT_FALSE(t);
    EXPECT_NE(t.error().message.find("3 tensors, more than the limit of 2"), std::string::npos)
        << t.error().message;
    ReadLimits small_header;
    small_header.max_header_bytes = 64;
    const auto h = parse_gguf(bytes, bytes.size(), small_header, "x.gguf");
    ASSERT_FALSE(h);
    EXPECT_NE(h.error().message.find("header is larger than the limit of 64 bytes"), std::string::npos)
        << h.error().message;
    ReadLimits shallow;
    shallow.max_array_depth = 1;
    const auto nested = GgufBuilder().kv_array_of_arrays("n", {{1}}).bytes();
    EXPECT_FALSE(parse_gguf(nested, nested.size(), shallow));
    EXPECT_TRUE(parse_gguf(nested, nested.size()));
}

}  // namespace
}  // namespace canrun::gguf
