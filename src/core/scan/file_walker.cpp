#include "scan/file_walker.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace canrun::scan {

namespace fs = std::filesystem;

namespace {

// Directory entry names, sorted; nullopt when the directory cannot be opened (errno is set).
std::optional<std::vector<std::string>> list_dir(const fs::path& dir) {
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
        return std::nullopt;
    }
    std::vector<std::string> names;
    while (const dirent* e = ::readdir(d)) {
        const std::string_view n = e->d_name;
        if (n != "." && n != "..") {
            names.emplace_back(n);
        }
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

bool under(const fs::path& p, const char* top) {
    const std::string s = p.string();
    const std::size_t n = std::strlen(top);
    return s.compare(0, n, top) == 0 && (s.size() == n || s[n] == '/');
}

}  // namespace

bool is_system_path(const fs::path& absolute) {
    return under(absolute, "/proc") || under(absolute, "/sys") || under(absolute, "/dev");
}

void FileWalker::note(const char* id, const fs::path& path, std::string detail) {
    notes_.push_back({id, path.string(), std::move(detail)});
}

bool FileWalker::visited(const fs::path& dir) const {
    struct stat st {};
    return ::stat(dir.c_str(), &st) == 0 && visited_.count({st.st_dev, st.st_ino}) != 0;
}

void FileWalker::walk(const fs::path& root, const OnFile& on_file) {
    std::error_code ec;
    const auto real = fs::weakly_canonical(fs::absolute(root, ec), ec);
    if (is_system_path(real)) {
        note("scan.system_dir", root);
        return;
    }
    visit_entry(root, 0, on_file);
}

void FileWalker::visit_entry(const fs::path& path, int depth, const OnFile& on_file) {
    struct stat lst {};
    if (::lstat(path.c_str(), &lst) != 0) {
        note("scan.unreadable", path, std::strerror(errno));
        return;
    }
    struct stat st = lst;
    const bool link = S_ISLNK(lst.st_mode);
    if (link && ::stat(path.c_str(), &st) != 0) {
        note(errno == ELOOP ? "scan.symlink_loop" : "scan.broken_link", path, std::strerror(errno));
        return;
    }
    if (S_ISREG(st.st_mode)) {
        on_file({path, static_cast<std::uint64_t>(st.st_size), static_cast<std::uint64_t>(st.st_dev),
                 static_cast<std::uint64_t>(st.st_ino)});
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        return;  // sockets, devices, pipes: never models
    }
    if (link) {
        std::error_code ec;
        if (is_system_path(fs::canonical(path, ec))) {
            note("scan.system_dir", path);
            return;
        }
    }
    walk_dir(path, {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)},
             depth, on_file);
}

void FileWalker::walk_dir(const fs::path& dir, Key key, int depth, const OnFile& on_file) {
    if (std::find(stack_.begin(), stack_.end(), key) != stack_.end()) {
        note("scan.symlink_loop", dir);
        return;
    }
    if (!visited_.insert(key).second) {
        return;  // reached before through another link: its files were seen then
    }
    if (depth > max_depth_) {
        note("scan.depth_limit", dir);
        return;
    }
    const auto names = list_dir(dir);
    if (!names) {
        note("scan.unreadable", dir, std::strerror(errno));
        return;
    }
    if (on_dir_ && depth > 0 && on_dir_(dir, *names)) {
        return;
    }
    stack_.push_back(key);
    for (const auto& n : *names) {
        visit_entry(dir / n, depth + 1, on_file);
    }
    stack_.pop_back();
}

}  // namespace canrun::scan
