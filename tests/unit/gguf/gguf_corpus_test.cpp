// The fuzzer's committed seed corpus must stay valid for the reader (it seeds the good paths).
#include <gtest/gtest.h>

#include <filesystem>

#include "gguf/gguf_file.h"

namespace canrun::gguf {
namespace {

TEST(GgufCorpus, EverySeedFileIsReadable) {
    const std::filesystem::path dir = std::filesystem::path(CANRUN_SOURCE_DIR) / "tests/fuzz/corpus";
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const auto f = read_gguf(entry.path());
        EXPECT_TRUE(f) << f.error().message;
        ++files;
    }
    EXPECT_GE(files, 4);
}

}  // namespace
}  // namespace canrun::gguf
