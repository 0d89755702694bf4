// The Windows probe table: the thin OS layer (compiled only on Windows). It gathers memory
// from GlobalMemoryStatusEx, the CPU name from the registry and GPUs from DXGI, writing the
// adapters in dxgi_adapters.h's text form (recorded as an answer, so snapshots replay).
#include <windows.h>
#include <dxgi1_4.h>

#include <array>
#include <string>

#include "hw/probe.h"
#include "hw/windows/dxgi_adapters.h"

namespace canrun::hw {

namespace {

std::string narrow(const wchar_t* w) {
    const int n = ::WideCharToMultiByte(CP_UTF8, 0, w, -1, nullptr, 0, nullptr, nullptr);
    std::string out(n > 0 ? static_cast<std::size_t>(n - 1) : 0, '\0');
    if (n > 1) ::WideCharToMultiByte(CP_UTF8, 0, w, -1, out.data(), n, nullptr, nullptr);
    return out;
}

std::string adapter_line(IDXGIAdapter1* a) {
    DXGI_ADAPTER_DESC1 d{};
    if (FAILED(a->GetDesc1(&d))) return {};
    std::string line = "adapter\tdescription=" + narrow(d.Description) +
                       "\tvendor=" + std::to_string(d.VendorId) + "\tdevice=" + std::to_string(d.DeviceId) +
                       "\tdedicated=" + std::to_string(d.DedicatedVideoMemory) +
                       "\tshared=" + std::to_string(d.SharedSystemMemory) + "\tflags=" + std::to_string(d.Flags);
    IDXGIAdapter3* a3 = nullptr;
    if (SUCCEEDED(a->QueryInterface(__uuidof(IDXGIAdapter3), reinterpret_cast<void**>(&a3)))) {
        DXGI_QUERY_VIDEO_MEMORY_INFO info{};
        const auto group = d.DedicatedVideoMemory >= 512ULL * 1024 * 1024 ? DXGI_MEMORY_SEGMENT_GROUP_LOCAL
                                                                           : DXGI_MEMORY_SEGMENT_GROUP_NON_LOCAL;
        if (SUCCEEDED(a3->QueryVideoMemoryInfo(0, group, &info))) {
            line += "\tbudget=" + std::to_string(info.Budget) + "\tusage=" + std::to_string(info.CurrentUsage);
        }
        a3->Release();
    }
    return line + "\n";
}

std::optional<std::string> dxgi_text() {
    IDXGIFactory1* factory = nullptr;
    if (FAILED(::CreateDXGIFactory1(__uuidof(IDXGIFactory1), reinterpret_cast<void**>(&factory)))) {
        return std::nullopt;
    }
    std::string out;
    IDXGIAdapter1* a = nullptr;
    for (UINT i = 0; factory->EnumAdapters1(i, &a) != DXGI_ERROR_NOT_FOUND; ++i) {
        out += adapter_line(a);
        a->Release();
    }
    factory->Release();
    return out;
}

void probe_windows(const ProbeContext& ctx, HardwareReport& r) {
    r.system.os = "windows";
    MEMORYSTATUSEX m{};
    m.dwLength = sizeof m;
    if (::GlobalMemoryStatusEx(&m)) {
        r.memory.total_bytes = m.ullTotalPhys;
        r.memory.available_bytes = m.ullAvailPhys;
    }
    SYSTEM_INFO si{};
    ::GetSystemInfo(&si);
    r.cpu.logical_cores = si.dwNumberOfProcessors;
    char name[256] = {};
    DWORD size = sizeof name;
    if (::RegGetValueA(HKEY_LOCAL_MACHINE, "HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0",
                       "ProcessorNameString", RRF_RT_REG_SZ, nullptr, name, &size) == ERROR_SUCCESS) {
        r.cpu.model = name;
    }
    const auto text = ctx.answer("dxgi", dxgi_text);
    for (auto& g : parse_dxgi_adapters(text.value_or(""))) {
        r.gpus.push_back(std::move(g));
    }
}

constexpr std::array kProbes = {
    Probe{"windows", "memory, CPU name, DXGI adapters and budgets", probe_windows},
};

}  // namespace

std::span<const Probe> platform_probes() { return kProbes; }

}  // namespace canrun::hw
