// FileWalker: every regular file under a directory, robustly. Symbolic links are followed, but a
// real directory (device, inode) is entered once only, so links that loop end as a note; /proc,
// /sys and /dev are never entered; depth is bounded; what cannot be read becomes a note.
// Entries are visited in name order, so the output is deterministic. Read-only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "scan/found_model.h"

namespace canrun::scan {

struct FileEntry {
    std::filesystem::path path;  // as reached (through links, not resolved)
    std::uint64_t size = 0;
    std::uint64_t dev = 0;       // of the real file
    std::uint64_t ino = 0;
};

inline constexpr int kMaxWalkDepth = 16;

// True for /proc, /sys, /dev and anything under them.
bool is_system_path(const std::filesystem::path& absolute);

class FileWalker {
public:
    using OnFile = std::function<void(const FileEntry&)>;
    // Called with each directory and its entry names before it is walked; returning true means
    // the caller has handled it (a store layout) and the walker does not descend.
    using OnDir = std::function<bool(const std::filesystem::path&, const std::vector<std::string>&)>;

    FileWalker(std::vector<ScanNote>& notes, int max_depth = kMaxWalkDepth)
        : notes_(notes), max_depth_(max_depth) {}

    // Calls `on_file` for each regular file under `root` (root itself may be a file).
    void walk(const std::filesystem::path& root, const OnFile& on_file);

    void set_on_dir(OnDir on_dir) { on_dir_ = std::move(on_dir); }

    // Whether the real directory was already walked (by this walker).
    bool visited(const std::filesystem::path& dir) const;

private:
    using Key = std::pair<std::uint64_t, std::uint64_t>;
    void walk_dir(const std::filesystem::path& dir, Key key, int depth, const OnFile& on_file);
    void visit_entry(const std::filesystem::path& path, int depth, const OnFile& on_file);
    void note(const char* id, const std::filesystem::path& path, std::string detail = {});

    std::vector<ScanNote>& notes_;
    int max_depth_;
    std::set<Key> visited_;
    std::vector<Key> stack_;  // directories being walked, for telling loops from repeats
    OnDir on_dir_;
};

}  // namespace canrun::scan
