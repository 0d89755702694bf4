// ProbeContext: where probes read the machine from. Every file read, directory listing, link
// and vendor/command answer goes through it, rooted at --sysroot or served from a snapshot,
// and optionally recorded into a snapshot (--save-snapshot).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hw/snapshot.h"

namespace canrun::hw {

struct VendorOptions {
    bool use_vendor_libraries = true;
    std::string nvml_library;  // explicit path (CANRUN_NVML_LIB); empty = the usual sonames
    std::string rocm_smi_library;  // explicit path (CANRUN_ROCM_SMI_LIB); empty = the usual sonames
    std::chrono::milliseconds timeout{2000};  // a vendor call slower than this is abandoned
};

class ProbeContext {
public:
    /// Reads the live system, with every path prefixed by `sysroot` ("/" = this machine).
    explicit ProbeContext(std::filesystem::path sysroot = "/");
    /// Replays a saved machine: only what the snapshot holds exists.
    explicit ProbeContext(Snapshot replay);

    /// File content, or nullopt when missing or unreadable. `path` is absolute ("/proc/cpuinfo").
    std::optional<std::string> read(std::string_view path) const;
    /// First line of a file, trimmed (sysfs attributes).
    std::optional<std::string> read_line(std::string_view path) const;
    /// Entry names of a directory, sorted; empty when missing.
    std::vector<std::string> list(std::string_view dir) const;
    /// Target of a symbolic link, as stored; nullopt when not a link.
    std::optional<std::string> link(std::string_view path) const;

    /// A recorded answer from a vendor library, command or OS call ("nvml", "statvfs:/home").
    /// Live on "/": calls `live` and records what it returned. With --sysroot: reads
    /// <sysroot>/.canrun/answers/<key>. Replay: from the snapshot.
    std::optional<std::string> answer(std::string_view key,
                                      const std::function<std::optional<std::string>()>& live) const;

    /// Stores an answer obtained by the caller (e.g. from a library named explicitly).
    void record_answer(std::string_view key, const std::string& value) const;
    /// Reads a file without recording it (large reference files such as pci.ids).
    std::optional<std::string> read_unrecorded(std::string_view path) const;

    /// The directory whose disk is reported (the model directory); "/" when not set.
    std::string model_dir = "/";

    /// True when probes see this machine itself (sysroot "/", no snapshot): OS calls are allowed.
    bool is_this_machine() const { return !replay_ && sysroot_ == "/"; }
    bool is_replay() const { return replay_.has_value(); }
    const std::filesystem::path& sysroot() const { return sysroot_; }

    /// Starts recording everything read into `out` (which must outlive the context's use).
    void record_into(Snapshot* out) { recorder_ = out; }

    VendorOptions vendor;

private:
    std::filesystem::path host_path(std::string_view path) const;

    std::filesystem::path sysroot_;
    std::optional<Snapshot> replay_;
    Snapshot* recorder_ = nullptr;
};

}  // namespace canrun::hw
