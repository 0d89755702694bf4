// The few NVML types and calls canrun uses, declared by hand from the public NVML API reference
// (https://docs.nvidia.com/deploy/nvml-api/). We never include nvml.h nor link libnvidia-ml.
#pragma once

namespace canrun::hw::nvml {

using Return = int;  // nvmlReturn_t; 0 is NVML_SUCCESS
using Device = struct DeviceOpaque*;  // nvmlDevice_t

constexpr Return kSuccess = 0;
constexpr int kClockMem = 2;  // nvmlClockType_t NVML_CLOCK_MEM

// nvmlMemory_t (v1), bytes.
struct Memory {
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};

// nvmlPciInfo_t as of NVML 11+ (nvmlDeviceGetPciInfo_v3).
struct PciInfo {
    char bus_id_legacy[16];
    unsigned int domain;
    unsigned int bus;
    unsigned int device;
    unsigned int pci_device_id;
    unsigned int pci_subsystem_id;
    char bus_id[32];
};

using InitFn = Return();                                       // nvmlInit_v2, nvmlInit
using ShutdownFn = Return();                                   // nvmlShutdown
using ErrorStringFn = const char*(Return);                     // nvmlErrorString
using DriverVersionFn = Return(char*, unsigned int);           // nvmlSystemGetDriverVersion
using CountFn = Return(unsigned int*);                         // nvmlDeviceGetCount_v2
using HandleFn = Return(unsigned int, Device*);                // nvmlDeviceGetHandleByIndex_v2
using NameFn = Return(Device, char*, unsigned int);            // nvmlDeviceGetName
using PciInfoFn = Return(Device, PciInfo*);                    // nvmlDeviceGetPciInfo_v3
using MemoryFn = Return(Device, Memory*);                      // nvmlDeviceGetMemoryInfo
using UintFn = Return(Device, unsigned int*);                  // ...BusWidth, ...PcieLink*
using ClockFn = Return(Device, int, unsigned int*);            // nvmlDeviceGetMaxClockInfo
using CapabilityFn = Return(Device, int*, int*);               // nvmlDeviceGetCudaComputeCapability

}  // namespace canrun::hw::nvml
