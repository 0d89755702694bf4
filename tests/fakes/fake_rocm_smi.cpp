// A fake librocm_smi64 with canned answers, so the real ROCm SMI probe (dlopen included) runs
// in CI. GPUs: the two of tests/fixtures/sysroots/desktop_rx7900xtx, a Radeon RX 7900 XTX at
// 0000:03:00.0 and the Raphael iGPU at 0000:11:00.0, with used-memory figures that differ from
// that fixture's sysfs files (a later reading), so a test can tell which source won.
// Variants (compile definitions): FAKE_ROCM_NO_USAGE (lacks rsmi_dev_memory_usage_get),
// FAKE_ROCM_NO_TOTAL (lacks the required rsmi_dev_memory_total_get), FAKE_ROCM_INIT_FAILS
// (rsmi_init returns RSMI_STATUS_INIT_ERROR), FAKE_ROCM_HANGS (rsmi_init sleeps 30 s).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <thread>

namespace {

struct FakeGpu {
    std::uint64_t bdfid;
    const char* name;
    std::uint64_t vram, vram_used, vis_vram, gtt, gtt_used;
};

constexpr FakeGpu kGpus[] = {
    {0x0300, "Navi 31 [Radeon RX 7900 XT/7900 XTX/7900 GRE/7900M]", 25753026560ULL, 2147483648ULL,
     25753026560ULL, 16384000000ULL, 104857600ULL},
    {0x1100, "Raphael", 536870912ULL, 40000000ULL, 536870912ULL, 16384000000ULL, 20000000ULL},
};
constexpr std::uint32_t kCount = sizeof kGpus / sizeof kGpus[0];

constexpr std::uint32_t kInvalidArgs = 1;  // RSMI_STATUS_INVALID_ARGS
constexpr std::uint32_t kInitError = 8;    // RSMI_STATUS_INIT_ERROR

std::uint64_t pick(const FakeGpu& g, std::uint32_t type, bool used) {
    switch (type) {
        case 0: return used ? g.vram_used : g.vram;
        case 1: return used ? g.vram_used : g.vis_vram;
        default: return used ? g.gtt_used : g.gtt;
    }
}

}  // namespace

#define FAKE_API extern "C" __attribute__((visibility("default")))

FAKE_API std::uint32_t rsmi_init(std::uint64_t) {
#ifdef FAKE_ROCM_HANGS
    std::this_thread::sleep_for(std::chrono::seconds(30));
#endif
#ifdef FAKE_ROCM_INIT_FAILS
    return kInitError;
#else
    return 0;
#endif
}

FAKE_API std::uint32_t rsmi_shut_down() { return 0; }

FAKE_API std::uint32_t rsmi_status_string(std::uint32_t rc, const char** out) {
    *out = rc == kInitError ? "RSMI_STATUS_INIT_ERROR: An error occurred during initialization"
                            : "RSMI_STATUS_UNKNOWN_ERROR";
    return 0;
}

FAKE_API std::uint32_t rsmi_num_monitor_devices(std::uint32_t* n) {
    *n = kCount;
    return 0;
}

FAKE_API std::uint32_t rsmi_dev_pci_id_get(std::uint32_t i, std::uint64_t* bdfid) {
    if (i >= kCount) return kInvalidArgs;
    *bdfid = kGpus[i].bdfid;
    return 0;
}

FAKE_API std::uint32_t rsmi_dev_name_get(std::uint32_t i, char* out, std::size_t len) {
    if (i >= kCount) return kInvalidArgs;
    std::snprintf(out, len, "%s", kGpus[i].name);
    return 0;
}

#ifndef FAKE_ROCM_NO_TOTAL
FAKE_API std::uint32_t rsmi_dev_memory_total_get(std::uint32_t i, std::uint32_t type, std::uint64_t* v) {
    if (i >= kCount || type > 2) return kInvalidArgs;
    *v = pick(kGpus[i], type, false);
    return 0;
}
#endif

#ifndef FAKE_ROCM_NO_USAGE
FAKE_API std::uint32_t rsmi_dev_memory_usage_get(std::uint32_t i, std::uint32_t type, std::uint64_t* v) {
    if (i >= kCount || type > 2) return kInvalidArgs;
    *v = pick(kGpus[i], type, true);
    return 0;
}
#endif
