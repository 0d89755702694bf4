// A fake libnvidia-ml with canned answers, so the real NVML probe (dlopen included) runs in CI.
// Variants (compile definitions): FAKE_NVML_NO_BUS_WIDTH (lacks nvmlDeviceGetMemoryBusWidth
// and nvmlInit_v2), FAKE_NVML_NO_MEMORY (lacks the required nvmlDeviceGetMemoryInfo),
// FAKE_NVML_INIT_FAILS (nvmlInit returns DRIVER_NOT_LOADED), FAKE_NVML_HANGS (nvmlInit sleeps 30 s).
// GPUs: one RTX 4090 at 0000:01:00.0, or the file named by FAKE_NVML_GPUS, one GPU per line:
//   bus_id|name|total|free|bus_width|max_mem_clock|cc_major|cc_minor|pcie_gen|pcie_width
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct FakeGpu {
    std::string bus = "00000000:01:00.0";
    std::string name = "NVIDIA GeForce RTX 4090";
    unsigned long long total = 25757220864ULL;  // 24564 MiB, as NVML reports a 4090
    unsigned long long free = 25231294464ULL;
    unsigned bus_width = 384;
    unsigned mem_clock = 10501;
    int cc_major = 8;
    int cc_minor = 9;
    unsigned gen = 4;
    unsigned width = 16;
};

std::vector<FakeGpu> load_gpus() {
    const char* path = std::getenv("FAKE_NVML_GPUS");
    if (path == nullptr) {
        return {FakeGpu{}};
    }
    std::vector<FakeGpu> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::size_t start = 0;
        for (std::size_t bar = line.find('|'); ; bar = line.find('|', start)) {
            f.push_back(line.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
            if (bar == std::string::npos) break;
            start = bar + 1;
        }
        if (f.size() != 10) continue;
        out.push_back({f[0], f[1], std::stoull(f[2]), std::stoull(f[3]),
                       static_cast<unsigned>(std::stoul(f[4])), static_cast<unsigned>(std::stoul(f[5])),
                       std::stoi(f[6]), std::stoi(f[7]), static_cast<unsigned>(std::stoul(f[8])),
                       static_cast<unsigned>(std::stoul(f[9]))});
    }
    return out;
}

std::vector<FakeGpu>& gpus() {
    static std::vector<FakeGpu> g = load_gpus();
    return g;
}

const FakeGpu* gpu(void* handle) {
    const auto i = reinterpret_cast<std::size_t>(handle) - 1;
    return i < gpus().size() ? &gpus()[i] : nullptr;
}

struct PciInfo {
    char bus_id_legacy[16];
    unsigned domain, bus, device, pci_device_id, pci_subsystem_id;
    char bus_id[32];
};

struct Memory {
    unsigned long long total, free, used;
};

int init_impl() {
#ifdef FAKE_NVML_HANGS
    std::this_thread::sleep_for(std::chrono::seconds(30));
#endif
#ifdef FAKE_NVML_INIT_FAILS
    return 9;  // NVML_ERROR_DRIVER_NOT_LOADED
#else
    return 0;
#endif
}

}  // namespace

#define FAKE_API extern "C" __attribute__((visibility("default")))

#ifndef FAKE_NVML_NO_BUS_WIDTH
FAKE_API int nvmlInit_v2() { return init_impl(); }
#endif
FAKE_API int nvmlInit() { return init_impl(); }
FAKE_API int nvmlShutdown() { return 0; }
FAKE_API const char* nvmlErrorString(int rc) { return rc == 9 ? "Driver Not Loaded" : "Unknown Error"; }

FAKE_API int nvmlSystemGetDriverVersion(char* out, unsigned len) {
    std::snprintf(out, len, "%s", "550.54.14");
    return 0;
}

FAKE_API int nvmlDeviceGetCount_v2(unsigned* n) {
    *n = static_cast<unsigned>(gpus().size());
    return 0;
}

FAKE_API int nvmlDeviceGetHandleByIndex_v2(unsigned i, void** h) {
    if (i >= gpus().size()) return 2;  // NVML_ERROR_INVALID_ARGUMENT
    *h = reinterpret_cast<void*>(static_cast<std::size_t>(i) + 1);
    return 0;
}

FAKE_API int nvmlDeviceGetName(void* h, char* out, unsigned len) {
    const auto* g = gpu(h);
    if (g == nullptr) return 2;
    std::snprintf(out, len, "%s", g->name.c_str());
    return 0;
}

FAKE_API int nvmlDeviceGetPciInfo_v3(void* h, PciInfo* p) {
    const auto* g = gpu(h);
    if (g == nullptr) return 2;
    std::memset(p, 0, sizeof *p);
    std::snprintf(p->bus_id, sizeof p->bus_id, "%s", g->bus.c_str());
    return 0;
}

#ifndef FAKE_NVML_NO_MEMORY
FAKE_API int nvmlDeviceGetMemoryInfo(void* h, Memory* m) {
    const auto* g = gpu(h);
    if (g == nullptr) return 2;
    *m = {g->total, g->free, g->total - g->free};
    return 0;
}
#endif

#ifndef FAKE_NVML_NO_BUS_WIDTH
FAKE_API int nvmlDeviceGetMemoryBusWidth(void* h, unsigned* v) {
    const auto* g = gpu(h);
    if (g == nullptr) return 2;
    *v = g->bus_width;
    return 0;
}
#endif

FAKE_API int nvmlDeviceGetMaxClockInfo(void* h, int type, unsigned* v) {
    const auto* g = gpu(h);
    if (g == nullptr || type != 2) return 2;
    *v = g->mem_clock;
    return 0;
}

FAKE_API int nvmlDeviceGetCudaComputeCapability(void* h, int* major, int* minor) {
    const auto* g = gpu(h);
    if (g == nullptr) return 2;
    *major = g->cc_major;
    *minor = g->cc_minor;
    return 0;
}

FAKE_API int nvmlDeviceGetMaxPcieLinkGeneration(void* h, unsigned* v) {
    const auto* g = gpu(h);
    if (g == nullptr) return 2;
    *v = g->gen;
    return 0;
}

FAKE_API int nvmlDeviceGetMaxPcieLinkWidth(void* h, unsigned* v) {
    const auto* g = gpu(h);
    if (g == nullptr) return 2;
    *v = g->width;
    return 0;
}
