#include "bench/cuda_bandwidth.h"

#include <dlfcn.h>

#include <chrono>
#include <cstddef>

namespace canrun::bench {

namespace {

using Clock = std::chrono::steady_clock;
using CuResult = int;                 // CUresult; 0 = CUDA_SUCCESS
using CuPtr = unsigned long long;     // CUdeviceptr

// The few driver entry points used, declared by hand (cuda.h is not needed to build).
struct CudaApi {
    void* lib = nullptr;
    CuResult (*init)(unsigned) = nullptr;
    CuResult (*device_count)(int*) = nullptr;
    CuResult (*device_get)(int*, int) = nullptr;
    CuResult (*device_name)(char*, int, int) = nullptr;
    CuResult (*ctx_create)(void**, unsigned, int) = nullptr;
    CuResult (*ctx_destroy)(void*) = nullptr;
    CuResult (*ctx_sync)() = nullptr;
    CuResult (*mem_alloc)(CuPtr*, std::size_t) = nullptr;
    CuResult (*mem_free)(CuPtr) = nullptr;
    CuResult (*alloc_host)(void**, std::size_t) = nullptr;
    CuResult (*free_host)(void*) = nullptr;
    CuResult (*copy_dtod)(CuPtr, CuPtr, std::size_t) = nullptr;
    CuResult (*copy_htod)(CuPtr, const void*, std::size_t) = nullptr;
    CuResult (*memset_d8)(CuPtr, unsigned char, std::size_t) = nullptr;

    ~CudaApi() {
        if (lib != nullptr) {
            dlclose(lib);
        }
    }
};

template <typename F>
bool bind(void* lib, const char* name, F& fn) {
    fn = reinterpret_cast<F>(dlsym(lib, name));
    return fn != nullptr;
}

bool bind_all(CudaApi& a) {
    void* l = a.lib;
    return bind(l, "cuInit", a.init) && bind(l, "cuDeviceGetCount", a.device_count) &&
           bind(l, "cuDeviceGet", a.device_get) && bind(l, "cuDeviceGetName", a.device_name) &&
           bind(l, "cuCtxCreate_v2", a.ctx_create) && bind(l, "cuCtxDestroy_v2", a.ctx_destroy) &&
           bind(l, "cuCtxSynchronize", a.ctx_sync) && bind(l, "cuMemAlloc_v2", a.mem_alloc) &&
           bind(l, "cuMemFree_v2", a.mem_free) && bind(l, "cuMemAllocHost_v2", a.alloc_host) &&
           bind(l, "cuMemFreeHost", a.free_host) && bind(l, "cuMemcpyDtoD_v2", a.copy_dtod) &&
           bind(l, "cuMemcpyHtoD_v2", a.copy_htod) && bind(l, "cuMemsetD8_v2", a.memset_d8);
}

// Repeats `copy` until `seconds` pass; returns bytes/s counted as `bytes_per_copy` each.
template <typename F>
double copy_rate(const CudaApi& a, F copy, double bytes_per_copy, double seconds) {
    copy();  // warm-up
    a.ctx_sync();
    const auto start = Clock::now();
    double elapsed = 0;
    int n = 0;
    while (elapsed < seconds) {
        if (copy() != 0) {
            return 0;
        }
        a.ctx_sync();
        ++n;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    }
    return elapsed > 0 ? bytes_per_copy * n / elapsed : 0;
}

bool measure_device(const CudaApi& a, int dev, double seconds, GpuBench& g) {
    constexpr std::size_t kBytes = 256ULL * 1024 * 1024;
    void* ctx = nullptr;
    if (a.ctx_create(&ctx, 0, dev) != 0) {
        return false;
    }
    CuPtr src = 0, dst = 0;
    void* host = nullptr;
    const bool ok = a.mem_alloc(&src, kBytes) == 0 && a.mem_alloc(&dst, kBytes) == 0 &&
                    a.alloc_host(&host, kBytes) == 0 && a.memset_d8(src, 1, kBytes) == 0;
    if (ok) {
        g.bandwidth_gbps = copy_rate(a, [&] { return a.copy_dtod(dst, src, kBytes); },
                                     2.0 * kBytes, seconds * 0.6) / 1e9;
        g.pcie_gbps = copy_rate(a, [&] { return a.copy_htod(dst, host, kBytes); },
                                static_cast<double>(kBytes), seconds * 0.4) / 1e9;
    }
    if (host != nullptr) {
        a.free_host(host);
    }
    if (src != 0) {
        a.mem_free(src);
    }
    if (dst != 0) {
        a.mem_free(dst);
    }
    a.ctx_destroy(ctx);
    return ok && g.bandwidth_gbps > 0;
}

}  // namespace

CudaBench measure_cuda(const std::string& library, double seconds_per_gpu) {
    CudaBench out;
    CudaApi a;
    a.lib = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (a.lib == nullptr || !bind_all(a)) {
        out.note = "cuda.no_driver";
        return out;
    }
    int count = 0;
    if (a.init(0) != 0 || a.device_count(&count) != 0) {
        out.note = "cuda.init_failed";
        return out;
    }
    if (count == 0) {
        out.note = "cuda.no_devices";
    }
    for (int i = 0; i < count; ++i) {
        GpuBench g;
        g.index = i;
        int dev = 0;
        char name[256] = {};
        if (a.device_get(&dev, i) == 0 && a.device_name(name, sizeof(name) - 1, dev) == 0) {
            g.name = name;
        }
        if (!measure_device(a, dev, seconds_per_gpu, g)) {
            out.note = "cuda.failed";
        }
        out.gpus.push_back(g);
    }
    return out;
}

}  // namespace canrun::bench
