#include "gguf/byte_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace canrun::gguf {

bool MemorySource::read_at(std::uint64_t offset, std::span<std::byte> dst) {
    if (offset > bytes_.size() || dst.size() > bytes_.size() - offset) {
        return false;
    }
    std::copy_n(bytes_.begin() + static_cast<std::ptrdiff_t>(offset), dst.size(), dst.begin());
    return true;
}

Result<std::unique_ptr<FileSource>> FileSource::open(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        return fail(fmt::format("{}: cannot open ({}); check the path and that the file is readable",
                                path.string(), std::strerror(err)));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(fmt::format("{}: not a regular file; give the path of a .gguf model file",
                                path.string()));
    }
    return std::unique_ptr<FileSource>(new FileSource(fd, static_cast<std::uint64_t>(st.st_size)));
}

FileSource::~FileSource() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

bool FileSource::read_at(std::uint64_t offset, std::span<std::byte> dst) {
    std::size_t done = 0;
    while (done < dst.size()) {
        const auto at = static_cast<off_t>(offset + done);
        const ssize_t n = ::pread(fd_, dst.data() + done, dst.size() - done, at);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

bool ByteReader::fill(std::uint64_t at) {
    const auto n = static_cast<std::size_t>(
        std::min<std::uint64_t>(buffer_.size(), size() > at ? size() - at : 0));
    buffer_start_ = at;
    buffer_len_ = 0;
    if (n == 0) {
        return false;
    }
    if (!source_.read_at(at, std::span(buffer_.data(), n))) {
        io_error_ = true;
        return false;
    }
    buffer_len_ = n;
    return true;
}

bool ByteReader::read(std::span<std::byte> dst) {
    if (dst.size() > remaining()) {
        return false;
    }
    std::uint64_t at = pos_;
    std::size_t done = 0;
    while (done < dst.size()) {
        const bool in_buffer = at >= buffer_start_ && at < buffer_start_ + buffer_len_;
        if (!in_buffer) {
            const std::size_t left = dst.size() - done;
            if (left >= buffer_.size()) {  // large read: straight into dst
                if (!source_.read_at(at, dst.subspan(done))) {
                    io_error_ = true;
                    return false;
                }
                pos_ = at + left;
                return true;
            }
            if (!fill(at)) {
                return false;
            }
        }
        const auto from = static_cast<std::size_t>(at - buffer_start_);
        const std::size_t n = std::min(buffer_len_ - from, dst.size() - done);
        std::copy_n(buffer_.begin() + static_cast<std::ptrdiff_t>(from), n,
                    dst.begin() + static_cast<std::ptrdiff_t>(done));
        done += n;
        at += n;
    }
    pos_ = at;
    return true;
}

bool ByteReader::read_string(std::uint64_t length, std::string& out) {
    if (length > remaining()) {
        return false;
    }
    out.resize(static_cast<std::size_t>(length));
    return read(std::as_writable_bytes(std::span(out.data(), out.size())));
}

bool ByteReader::skip(std::uint64_t n) {
    if (n > remaining()) {
        return false;
    }
    pos_ += n;
    return true;
}

bool ByteReader::read_le(int width, std::uint64_t& out) {
    std::byte raw[8] = {};
    if (!read(std::span(raw, static_cast<std::size_t>(width)))) {
        return false;
    }
    out = 0;
    for (int i = width - 1; i >= 0; --i) {
        out = (out << 8) | std::to_integer<std::uint64_t>(raw[i]);
    }
    return true;
}

}  // namespace canrun::gguf
