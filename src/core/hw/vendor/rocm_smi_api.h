// The few ROCm SMI types and calls canrun uses, declared by hand from the public header
// rocm_smi/rocm_smi.h (github.com/ROCm/rocm_smi_lib). We never include it nor link
// librocm_smi64.
#pragma once

#include <cstddef>
#include <cstdint>

namespace canrun::hw::rocm_smi {

using Status = std::uint32_t;  // rsmi_status_t; 0 is RSMI_STATUS_SUCCESS
constexpr Status kSuccess = 0;

// rsmi_memory_type_t
constexpr std::uint32_t kMemVram = 0;     // RSMI_MEM_TYPE_VRAM
constexpr std::uint32_t kMemVisVram = 1;  // RSMI_MEM_TYPE_VIS_VRAM
constexpr std::uint32_t kMemGtt = 2;      // RSMI_MEM_TYPE_GTT

using InitFn = Status(std::uint64_t);                              // rsmi_init(init_flags)
using ShutDownFn = Status();                                       // rsmi_shut_down
using StatusStringFn = Status(Status, const char**);               // rsmi_status_string
using CountFn = Status(std::uint32_t*);                            // rsmi_num_monitor_devices
using PciIdFn = Status(std::uint32_t, std::uint64_t*);             // rsmi_dev_pci_id_get (BDFID)
using NameFn = Status(std::uint32_t, char*, std::size_t);          // rsmi_dev_name_get
using MemoryFn = Status(std::uint32_t, std::uint32_t, std::uint64_t*);  // rsmi_dev_memory_{total,usage}_get

}  // namespace canrun::hw::rocm_smi
