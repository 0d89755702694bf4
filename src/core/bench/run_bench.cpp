#include "bench/run_bench.h"

#include <string>

#include "bench/memory_bandwidth.h"

namespace canrun::bench {

namespace {

constexpr std::uint64_t kMemoryBuffer = 1ULL << 30;  // past any L3 (servers have up to ~1 GiB)
constexpr std::uint64_t kDiskBytes = 2ULL << 30;

void add_note(BenchRecord& r, const std::string& id) {
    if (!id.empty()) {
        r.notes.push_back(id);
    }
}

}  // namespace

BenchRecord run_bench(const BenchOptions& o, const BenchProgress& progress) {
    BenchRecord r;
    r.cpu_model = o.cpu_model;
    r.threads = o.threads > 0 ? o.threads : 1;
    const auto families = quant_families();
    const int total = 2 + 2 * static_cast<int>(families.size()) + 2;
    int step = 0;
    const double s = o.seconds_scale;
    progress("memory", ++step, total);
    const std::uint64_t buffer = s < 1.0 ? kMemoryBuffer / 4 : kMemoryBuffer;  // --quick: 256 MiB
    r.memory_gbps = measure_read_bandwidth(r.threads, buffer, 0.6 * s).gbps;
    progress("memory_single", ++step, total);
    r.memory_single_gbps = measure_read_bandwidth(1, buffer / 2, 0.4 * s).gbps;
    for (const auto& f : families) {
        progress("kernel." + std::string(f.id), ++step, total);
        r.kernels.push_back(measure_kernel_rate(f.family, r.threads, 0.25 * s));
        progress("kernel_single." + std::string(f.id), ++step, total);
        r.kernels_single.push_back(measure_kernel_rate(f.family, 1, 0.12 * s));
    }
    progress("disk", ++step, total);
    if (!o.disk_dir.empty()) {
        r.disk = measure_disk_read(o.disk_dir, kDiskBytes, 1.5 * s);
        add_note(r, r.disk.note);
    } else {
        add_note(r, "disk.skipped");
    }
    progress("cuda", ++step, total);
    if (!o.cuda_library.empty()) {
        const CudaBench cuda = measure_cuda(o.cuda_library, 0.5 * s);
        r.gpus = cuda.gpus;
        add_note(r, cuda.note);
    }
    return r;
}

}  // namespace canrun::bench
