// Disk probe: the filesystem holding the model directory, the block device under it (NVMe, SSD,
// HDD from queue/rotational; through LVM/LUKS device-mapper volumes) and its free space.
#include <algorithm>
#include <fmt/format.h>
#include <sys/statvfs.h>

#include "hw/linux/linux_probes.h"
#include "hw/linux/sysfs.h"
#include "util/strings.h"

namespace canrun::hw {

namespace {

struct Mount {
    std::string source;
    std::string point;
    std::string fs;
};

bool under(const std::string& path, const std::string& point) {
    if (point == "/") {
        return true;
    }
    return path.rfind(point, 0) == 0 && (path.size() == point.size() || path[point.size()] == '/');
}

std::optional<Mount> mount_of(const ProbeContext& ctx, const std::string& path) {
    const auto text = ctx.read("/proc/self/mounts");
    std::optional<Mount> best;
    for (const auto& line : split(text.value_or(""), '\n')) {
        const auto f = split(line, ' ');
        if (f.size() < 3 || !under(path, f[1])) {
            continue;
        }
        if (!best || f[1].size() >= best->point.size()) {
            best = Mount{f[0], f[1], f[2]};
        }
    }
    return best;
}

// "nvme0n1p2" -> "nvme0n1" through the sysfs link; the name itself when it is a whole disk.
std::string whole_disk(const ProbeContext& ctx, const std::string& dev) {
    if (!ctx.read("/sys/class/block/" + dev + "/partition")) {
        return dev;
    }
    const auto target = ctx.link("/sys/class/block/" + dev).value_or("");
    const auto parts = split(target, '/');
    return parts.size() >= 2 ? parts[parts.size() - 2] : dev;
}

// "mapper/vg-root" or "dm-1" -> "dm-1", through /sys/block/dm-*/dm/name.
std::optional<std::string> dm_node(const ProbeContext& ctx, const std::string& dev) {
    if (dev.rfind("dm-", 0) == 0) {
        return dev;
    }
    const std::string name = dev.substr(std::string_view("mapper/").size());
    for (const auto& block : ctx.list("/sys/block")) {
        if (block.rfind("dm-", 0) == 0 && ctx.read_line("/sys/block/" + block + "/dm/name") == name) {
            return block;
        }
    }
    return std::nullopt;
}

// The disk under a device-mapper volume (LVM, LUKS, both stacked): follows the first entry of
// /sys/block/dm-N/slaves down to a partition or disk. Empty when it cannot be traced.
std::string disk_under_dm(const ProbeContext& ctx, std::string node, std::size_t& spans) {
    for (int depth = 0; depth < 8; ++depth) {
        const auto slaves = ctx.list("/sys/block/" + node + "/slaves");
        if (slaves.empty()) {
            return "";
        }
        spans = std::max(spans, slaves.size());
        if (slaves.front().rfind("dm-", 0) != 0) {
            return whole_disk(ctx, slaves.front());
        }
        node = slaves.front();
    }
    return "";
}

DiskKind kind_of(const ProbeContext& ctx, const std::string& disk, const std::string& fs) {
    if (fs == "nfs" || fs == "nfs4" || fs == "cifs" || fs == "smb3" || fs == "9p" || fs == "virtiofs") {
        return DiskKind::Network;
    }
    if (disk.rfind("nvme", 0) == 0) {
        return DiskKind::Nvme;
    }
    if (disk.rfind("mmcblk", 0) == 0) {
        return DiskKind::Flash;  // SD card or eMMC
    }
    if (disk.rfind("vd", 0) == 0 || disk.rfind("xvd", 0) == 0) {
        return DiskKind::Virtual;  // virtio/Xen disks report rotational=1 regardless of media
    }
    const auto rot = read_u64(ctx, "/sys/block/" + disk + "/queue/rotational");
    if (!rot) {
        return DiskKind::Unknown;
    }
    return *rot == 0 ? DiskKind::Ssd : DiskKind::Hdd;
}

std::optional<std::string> live_statvfs(const std::string& path) {
    struct statvfs s {};
    if (::statvfs(path.c_str(), &s) != 0) {
        return std::nullopt;
    }
    return fmt::format("{} {}", static_cast<std::uint64_t>(s.f_blocks) * s.f_frsize,
                       static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize);
}

void read_space(const ProbeContext& ctx, DiskInfo& d) {
    const auto text = ctx.answer("statvfs:" + d.mount, [&] { return live_statvfs(d.path); });
    const auto f = split(trim(text.value_or("")), ' ');
    if (f.size() == 2) {
        d.total_bytes = parse_uint(f[0]);
        d.free_bytes = parse_uint(f[1]);
    }
}

void trace_dm(const ProbeContext& ctx, const std::string& source, const std::string& dev, DiskInfo& d,
              HardwareReport& r) {
    std::size_t spans = 1;
    const auto node = dm_node(ctx, dev);
    d.device = node ? disk_under_dm(ctx, *node, spans) : "";
    if (d.device.empty()) {
        r.note("disk", "disk.device_mapper", {source});
    } else if (spans > 1) {
        r.note("disk", "disk.device_mapper_spans", {source, fmt::format("{}", spans), d.device});
    }
}

}  // namespace

void probe_disk_linux(const ProbeContext& ctx, HardwareReport& r) {
    const auto dir = ctx.answer("model-dir", [&] { return std::optional<std::string>(ctx.model_dir); });
    DiskInfo d;
    const std::string asked(trim(dir.value_or("")));
    d.path = asked.empty() ? "/" : asked;
    const auto m = mount_of(ctx, d.path);
    if (!m) {
        r.note("disk", "disk.no_mounts");
        return;
    }
    d.mount = m->point;
    d.fs_type = m->fs;
    if (m->source.rfind("/dev/", 0) == 0) {
        auto dev = m->source.substr(5);
        if (dev.rfind("mapper/", 0) == 0 || dev.rfind("dm-", 0) == 0) {
            trace_dm(ctx, m->source, dev, d, r);
        } else {
            d.device = whole_disk(ctx, dev);
        }
    }
    d.kind = d.device.empty() ? kind_of(ctx, "", m->fs) : kind_of(ctx, d.device, m->fs);
    read_space(ctx, d);
    if (!d.free_bytes) {
        r.note("disk", "disk.free_unknown", {d.mount});
    }
    r.disks.push_back(std::move(d));
}

}  // namespace canrun::hw
