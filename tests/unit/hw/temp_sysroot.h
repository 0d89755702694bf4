// A throwaway sysroot directory for probe tests: write a few files, run a probe, delete it.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace canrun::test {

class TempSysroot {
public:
    TempSysroot() {
        std::random_device rd;
        root_ = std::filesystem::temp_directory_path() / ("canrun-sysroot-" + std::to_string(rd()));
        std::filesystem::create_directories(root_);
    }
    ~TempSysroot() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    TempSysroot(const TempSysroot&) = delete;
    TempSysroot& operator=(const TempSysroot&) = delete;

    void write(const std::string& path, const std::string& content) const {
        const auto full = root_ / path.substr(1);
        std::filesystem::create_directories(full.parent_path());
        std::ofstream(full, std::ios::binary) << content;
    }
    void link(const std::string& path, const std::string& target) const {
        const auto full = root_ / path.substr(1);
        std::filesystem::create_directories(full.parent_path());
        std::filesystem::create_directory_symlink(target, full);
    }
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

}  // namespace canrun::test
