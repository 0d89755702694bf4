// A temporary path no other test process uses at the same time.
//
// CTest runs every test in its own process, several at once, and `make test` may run two build
// trees side by side: a fixed name under /tmp lets one test delete what another is reading. The
// name joins the caller's stem, the process id and the running test's name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <gtest/gtest.h>
#include <unistd.h>

namespace canrun::testing {

inline std::filesystem::path unique_temp_path(std::string_view stem,
                                              std::string_view extension = {}) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name(stem);
    name += '_';
    name += std::to_string(::getpid());
    if (info != nullptr) {
        name += '_';
        name += info->test_suite_name();
        name += '.';
        name += info->name();
    }
    name += extension;
    return std::filesystem::path(::testing::TempDir()) / name;
}

}  // namespace canrun::testing
