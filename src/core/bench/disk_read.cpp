#include "bench/disk_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

namespace canrun::bench {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kChunk = 4 * 1024 * 1024;  // one read, aligned for O_DIRECT
constexpr std::uint64_t kMinFile = 64ULL * 1024 * 1024;
constexpr std::uint64_t kScratch = 256ULL * 1024 * 1024;

struct AlignedFree {
    void operator()(void* p) const { std::free(p); }
};
using Buffer = std::unique_ptr<void, AlignedFree>;

Buffer aligned_buffer() {
    void* p = nullptr;
    return Buffer(posix_memalign(&p, 4096, kChunk) == 0 ? p : nullptr);
}

// A sparse file (most of it holes, like canrun's zero-weight test models) reads from no disk.
bool mostly_allocated(const fs::path& p) {
    struct stat st{};
    return ::stat(p.c_str(), &st) == 0 &&
           static_cast<std::uint64_t>(st.st_blocks) * 512 >= static_cast<std::uint64_t>(st.st_size) / 2;
}

// The largest regular, non-sparse file under dir (a few thousand entries at most), or "".
std::string largest_file(const fs::path& dir) {
    std::error_code ec;
    std::string best;
    std::uint64_t best_size = kMinFile - 1;
    int seen = 0;
    auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator() && seen < 5000; it.increment(ec), ++seen) {
        std::error_code e2;
        if (it->is_regular_file(e2) && it->file_size(e2) > best_size && !e2 &&
            mostly_allocated(it->path())) {
            best_size = it->file_size(e2);
            best = it->path().string();
        }
    }
    return best;
}

bool write_scratch(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        return false;
    }
    Buffer buf = aligned_buffer();
    bool ok = buf != nullptr;
    if (ok) {
        std::memset(buf.get(), 0x5A, kChunk);  // not zeros: some file systems compress them
    }
    for (std::uint64_t done = 0; ok && done < kScratch; done += kChunk) {
        ok = ::write(fd, buf.get(), kChunk) == static_cast<ssize_t>(kChunk);
    }
    ok = ok && ::fdatasync(fd) == 0;
    ::close(fd);
    return ok;
}

// Opens for reading past the cache: O_DIRECT, else a plain open after dropping cached pages.
int open_uncached(const std::string& path, bool& direct) {
    int fd = ::open(path.c_str(), O_RDONLY | O_DIRECT);
    direct = fd >= 0;
    if (fd < 0) {
        fd = ::open(path.c_str(), O_RDONLY);
        if (fd >= 0) {
            ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        }
    }
    return fd;
}

void timed_read(const std::string& path, std::uint64_t max_bytes, double max_seconds,
                DiskReadResult& out) {
    Buffer buf = aligned_buffer();
    const int fd = buf ? open_uncached(path, out.direct) : -1;
    if (fd < 0) {
        out.note = "disk.read_failed";
        return;
    }
    const auto start = Clock::now();
    double seconds = 0;
    while (out.bytes < max_bytes && seconds < max_seconds) {
        const ssize_t n = ::read(fd, buf.get(), kChunk);
        if (n <= 0) {
            break;
        }
        out.bytes += static_cast<std::uint64_t>(n);
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    ::close(fd);
    out.gbps = seconds > 0 && out.bytes >= kChunk ? static_cast<double>(out.bytes) / seconds / 1e9 : 0;
    if (out.gbps == 0) {
        out.note = "disk.read_failed";
    } else if (!out.direct) {
        out.note = "disk.cache_not_bypassed";
    }
}

}  // namespace

DiskReadResult measure_disk_read(const std::string& dir, std::uint64_t max_bytes,
                                 double max_seconds) {
    DiskReadResult out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        out.note = "disk.no_dir";
        return out;
    }
    out.path = largest_file(dir);
    bool scratch = false;
    if (out.path.empty()) {
        out.path = (fs::path(dir) / ("canrun-bench-" + std::to_string(::getpid()) + ".tmp")).string();
        scratch = true;
        if (!write_scratch(out.path)) {
            fs::remove(out.path, ec);
            out.note = "disk.cannot_write";
            return out;
        }
    }
    timed_read(out.path, max_bytes, max_seconds, out);
    if (scratch) {
        fs::remove(out.path, ec);
    }
    return out;
}

}  // namespace canrun::bench
