// Reading a file (or a block of memory) front to back through a small bounded buffer, so that a
// header at the start of a 100 GB file costs what it costs in a 1 MB file. Internal to gguf/.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "util/result.h"

namespace canrun::gguf {

// Random-access bytes: a file read with pread, or memory.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Bytes that can be read.
    virtual std::uint64_t size() const = 0;
    // Reads dst.size() bytes at offset; false on an I/O error or past the end.
    virtual bool read_at(std::uint64_t offset, std::span<std::byte> dst) = 0;
};

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::span<const std::byte> bytes) : bytes_(bytes) {}
    std::uint64_t size() const override { return bytes_.size(); }
    bool read_at(std::uint64_t offset, std::span<std::byte> dst) override;

private:
    std::span<const std::byte> bytes_;
};

class FileSource final : public ByteSource {
public:
    // Opens a regular file for reading; the error names the path and what to do.
    static Result<std::unique_ptr<FileSource>> open(const std::filesystem::path& path);
    ~FileSource() override;
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;
    std::uint64_t size() const override { return size_; }
    bool read_at(std::uint64_t offset, std::span<std::byte> dst) override;

private:
    FileSource(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
    int fd_ = -1;
    std::uint64_t size_ = 0;
};

// Sequential little-endian reads over a source. A failed read leaves the position unchanged.
class ByteReader {
public:
    static constexpr std::size_t kBufferBytes = 64 * 1024;

    explicit ByteReader(ByteSource& source)
        : source_(source),
          buffer_(static_cast<std::size_t>(std::min<std::uint64_t>(kBufferBytes, source.size()))) {}

    std::uint64_t position() const { return pos_; }
    std::uint64_t size() const { return source_.size(); }
    std::uint64_t remaining() const { return pos_ < size() ? size() - pos_ : 0; }
    // True if an I/O error (not the end of the data) made the last read fail.
    bool io_error() const { return io_error_; }

    bool read(std::span<std::byte> dst);
    bool read_string(std::uint64_t length, std::string& out);
    bool skip(std::uint64_t n);

    // Little-endian unsigned integer of `width` bytes (1, 2, 4 or 8).
    bool read_le(int width, std::uint64_t& out);

private:
    bool fill(std::uint64_t at);

    ByteSource& source_;
    std::vector<std::byte> buffer_;
    std::uint64_t buffer_start_ = 0;  // file offset of buffer_[0]
    std::size_t buffer_len_ = 0;      // valid bytes in buffer_
    std::uint64_t pos_ = 0;
    bool io_error_ = false;
};

}  // namespace canrun::gguf
