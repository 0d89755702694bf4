#include "hw/probe_context.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include "util/strings.h"

namespace canrun::hw {

namespace {

// sysfs files are small; this bounds a garbage or endless file (e.g. a pipe).
constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;

std::optional<std::string> read_host_file(const std::filesystem::path& p) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
        return std::nullopt;
    }
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::string out;
    char buf[8192];
    while (out.size() < kMaxFileBytes && in.read(buf, sizeof buf).gcount() > 0) {
        out.append(buf, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        return std::nullopt;
    }
    return out;
}

std::string answer_file_name(std::string_view key) {
    std::string name(key);
    std::replace_if(name.begin(), name.end(), [](char c) { return c == '/' || c == ':' || c == ' '; },
                    '_');
    return name;
}

}  // namespace

ProbeContext::ProbeContext(std::filesystem::path sysroot) : sysroot_(std::move(sysroot)) {
    if (sysroot_.empty()) {
        sysroot_ = "/";
    }
}

ProbeContext::ProbeContext(Snapshot replay) : sysroot_("/"), replay_(std::move(replay)) {}

std::filesystem::path ProbeContext::host_path(std::string_view path) const {
    while (!path.empty() && path.front() == '/') {
        path.remove_prefix(1);
    }
    return sysroot_ / std::filesystem::path(path);
}

std::optional<std::string> ProbeContext::read(std::string_view path) const {
    std::optional<std::string> out;
    if (replay_) {
        const auto it = replay_->files.find(std::string(path));
        if (it != replay_->files.end()) {
            out = it->second;
        }
    } else {
        out = read_host_file(host_path(path));
    }
    if (recorder_ && out) {
        recorder_->files[std::string(path)] = *out;
    }
    return out;
}

void ProbeContext::record_answer(std::string_view key, const std::string& value) const {
    if (recorder_) {
        recorder_->answers[std::string(key)] = value;
    }
}

std::optional<std::string> ProbeContext::read_unrecorded(std::string_view path) const {
    if (replay_) {
        return std::nullopt;
    }
    return read_host_file(host_path(path));
}

std::optional<std::string> ProbeContext::read_line(std::string_view path) const {
    auto text = read(path);
    if (!text) {
        return std::nullopt;
    }
    const auto end = text->find('\n');
    return std::string(trim(std::string_view(*text).substr(0, end)));
}

std::vector<std::string> ProbeContext::list(std::string_view dir) const {
    std::vector<std::string> out;
    if (replay_) {
        const auto it = replay_->dirs.find(std::string(dir));
        if (it != replay_->dirs.end()) {
            out = it->second;
        }
    } else {
        std::error_code ec;
        for (std::filesystem::directory_iterator it(host_path(dir), ec), end; !ec && it != end;
             it.increment(ec)) {
            out.push_back(it->path().filename().string());
        }
    }
    std::sort(out.begin(), out.end());
    if (recorder_ && !out.empty()) {
        recorder_->dirs[std::string(dir)] = out;
    }
    return out;
}

std::optional<std::string> ProbeContext::link(std::string_view path) const {
    std::optional<std::string> out;
    if (replay_) {
        const auto it = replay_->links.find(std::string(path));
        if (it != replay_->links.end()) {
            out = it->second;
        }
    } else {
        std::error_code ec;
        const auto target = std::filesystem::read_symlink(host_path(path), ec);
        if (!ec) {
            out = target.string();
        }
    }
    if (recorder_ && out) {
        recorder_->links[std::string(path)] = *out;
    }
    return out;
}

std::optional<std::string> ProbeContext::answer(
    std::string_view key, const std::function<std::optional<std::string>()>& live) const {
    std::optional<std::string> out;
    if (replay_) {
        const auto it = replay_->answers.find(std::string(key));
        if (it != replay_->answers.end()) {
            out = it->second;
        }
    } else if (is_this_machine()) {
        out = live ? live() : std::nullopt;
    } else {
        out = read_host_file(sysroot_ / ".canrun" / "answers" / answer_file_name(key));
    }
    if (recorder_ && out) {
        recorder_->answers[std::string(key)] = *out;
    }
    return out;
}

}  // namespace canrun::hw
