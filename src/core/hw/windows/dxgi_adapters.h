// Windows GPUs as DXGI describes them (DXGI_ADAPTER_DESC1 + QueryVideoMemoryInfo), in a
// line-based text form the thin OS layer writes (and snapshots record):
//   adapter<TAB>description=NVIDIA GeForce RTX 4070<TAB>vendor=0x10de<TAB>device=0x2786
//          <TAB>dedicated=12598640640<TAB>shared=17095405568<TAB>flags=0
//          <TAB>budget=11811160064<TAB>usage=734003200
// Portable: unit-tested on recorded output.
#pragma once

#include <string_view>
#include <vector>

#include "hw/hardware.h"

namespace canrun::hw {

/// GPUs from the adapter lines; software adapters (flag 2, "Microsoft Basic Render Driver")
/// are skipped. An adapter with under 512 MiB dedicated memory is integrated: its budget is
/// the shared system memory DXGI offers it.
std::vector<GpuInfo> parse_dxgi_adapters(std::string_view text);

}  // namespace canrun::hw
