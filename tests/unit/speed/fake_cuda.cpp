// A stand-in for libcuda.so.1: the driver calls canrun's bench uses, backed by host memory, so
// the dlopen path of bench/cuda_bandwidth.cpp runs on machines without a GPU.
#include <cstdlib>
#include <cstring>

extern "C" {

int cuInit(unsigned) { return 0; }
int cuDeviceGetCount(int* n) { *n = 1; return 0; }
int cuDeviceGet(int* dev, int i) { *dev = i; return 0; }
int cuDeviceGetName(char* name, int len, int) {
    std::strncpy(name, "Fake GPU 9000", static_cast<std::size_t>(len));
    return 0;
}
int cuCtxCreate_v2(void** ctx, unsigned, int) { *ctx = std::malloc(1); return 0; }
int cuCtxDestroy_v2(void* ctx) { std::free(ctx); return 0; }
int cuCtxSynchronize() { return 0; }
int cuMemAlloc_v2(unsigned long long* p, std::size_t n) {
    *p = reinterpret_cast<unsigned long long>(std::malloc(n));
    return *p == 0 ? 2 : 0;
}
int cuMemFree_v2(unsigned long long p) { std::free(reinterpret_cast<void*>(p)); return 0; }
int cuMemAllocHost_v2(void** p, std::size_t n) { *p = std::malloc(n); return *p ? 0 : 2; }
int cuMemFreeHost(void* p) { std::free(p); return 0; }
int cuMemcpyDtoD_v2(unsigned long long d, unsigned long long s, std::size_t n) {
    std::memcpy(reinterpret_cast<void*>(d), reinterpret_cast<void*>(s), n);
    return 0;
}
int cuMemcpyHtoD_v2(unsigned long long d, const void* s, std::size_t n) {
    std::memcpy(reinterpret_cast<void*>(d), s, n);
    return 0;
}
int cuMemsetD8_v2(unsigned long long d, unsigned char v, std::size_t n) {
    std::memset(reinterpret_cast<void*>(d), v, n);
    return 0;
}

}  // extern "C"
