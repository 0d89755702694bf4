// Every text golden (tests/**/golden/*.txt: what canrun prints, en and zh-CN) fits an 80-column
// terminal: display columns, CJK characters counting two, escapes none.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "report/style.h"
#include "report/text_layout.h"

namespace canrun::report {

namespace {

namespace fs = std::filesystem;

// Outputs not yet laid out for 80 columns, by golden folder (none now: `canrun hw` text wraps).
// While a folder is listed, at least one of its files must still be too wide (the test says when
// none is), so the list only ever shrinks.
const std::set<std::string> kPendingFolders = {};
// Single files, the same way. `canrun scan` prints a runnable command for each model file, and a
// Hugging Face cache path (models--org--name/snapshots/<rev>/file.gguf) is one shell word that no
// line break can split, so those lines stay wider than 80 columns.
const std::set<std::string> kPendingFiles = {
    "scan_rtx4060_en.txt",
    "scan_rtx4060_zh.txt",
};

std::string folder_of(const fs::path& file) {
    return fs::relative(file.parent_path(), CANRUN_TESTS_DIR).generic_string();
}

std::vector<fs::path> golden_texts() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(CANRUN_TESTS_DIR)) {
        if (e.is_regular_file() && e.path().extension() == ".txt" &&
            e.path().parent_path().filename() == "golden") {
            out.push_back(e.path());
        }
    }
    return out;
}

// The first line wider than the terminal, or "".
std::string first_wide_line(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (visible_width(line) > kTerminalWidth) {
            return std::to_string(n) + " (" + std::to_string(visible_width(line)) + " columns): " + line;
        }
    }
    return "";
}

}  // namespace

TEST(GoldenWidth, FindsTheGoldens) {
    EXPECT_GE(golden_texts().size(), 10U);
}

TEST(GoldenWidth, EveryTextOutputFits80Columns) {
    std::set<std::string> pending_still_wide;
    for (const auto& file : golden_texts()) {
        const auto wide = first_wide_line(file);
        if (kPendingFiles.count(file.filename().string()) > 0) {
            EXPECT_NE(wide, "") << file.string() << " fits now: remove it from kPendingFiles";
            continue;
        }
        if (kPendingFolders.count(folder_of(file)) > 0) {
            if (!wide.empty()) {
                pending_still_wide.insert(folder_of(file));
            }
            continue;
        }
        EXPECT_EQ(wide, "") << file.string() << " line " << wide;
    }
    for (const auto& folder : kPendingFolders) {
        EXPECT_EQ(pending_still_wide.count(folder), 1U) << folder << " fits now: remove it from kPendingFolders";
    }
}

}  // namespace canrun::report
