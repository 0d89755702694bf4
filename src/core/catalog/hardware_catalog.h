// The hardware catalog (data/hardware.json): GPUs, APUs, SoCs, accelerators and CPU memory
// platforms with their memory, bandwidth and compute, loaded and checked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/data_source.h"
#include "catalog/price.h"
#include "util/result.h"

namespace canrun::catalog {

enum class DeviceKind { Gpu, Apu, Soc, Npu, Accelerator, CpuPlatform };
enum class FormFactor { Desktop, Laptop, Server, Soc, Sbc, Workstation };
enum class BackendHint { Cuda, Rocm, Metal, Vulkan, Sycl, Cann, Musa, Cpu };

// The spellings used in hardware.json and in JSON output: "gpu", "laptop", "cuda", ...
std::string_view kind_name(DeviceKind kind);
std::string_view form_factor_name(FormFactor form);
std::string_view backend_name(BackendHint backend);

/// One record of hardware.json. Memory sizes are as sold, in GiB (memory chips come in powers
/// of two: a "24 GB" card has 24 GiB); bandwidth is the peak in GB/s (10^9 bytes per second).
struct HardwareSpec {
    std::string id;      // stable kebab-case: "rtx-4060-laptop"
    std::string vendor;  // "nvidia", "amd", "apple", ...
    std::string name;    // "GeForce RTX 4060 Laptop"
    std::vector<std::string> aliases;
    std::vector<std::string> pci_ids;  // "10de:28a0", lower case
    std::string variant_of;            // shares that device's PCI id; told apart by memory size
    std::vector<double> memory_gb;     // the one size, or every size sold (unified memory), ascending
    std::string memory_type;           // "GDDR6X", "LPDDR5x-8533", "DDR5"
    std::optional<int> bus_width_bits;
    double bandwidth_gbps = 0;
    std::optional<double> fp16_tflops;  // dense FP16/BF16 matrix, FP32 accumulate, no sparsity
    std::optional<double> int8_tops;    // dense
    std::optional<double> tdp_w;
    FormFactor form_factor = FormFactor::Desktop;
    DeviceKind kind = DeviceKind::Gpu;
    bool unified_memory = false;
    std::optional<int> gpu_cores;     // Apple GPU cores, APU compute units
    std::optional<int> launch_year;   // absent for CPU memory platforms
    BackendHint backend = BackendHint::Cuda;
    std::optional<int> transfer_mts;  // CPU memory platforms: MT/s
    std::string note;
    std::string source;
    std::optional<Price> price;  // launch price from the vendor, where one was published

    /// The smallest memory size sold, in bytes.
    std::uint64_t memory_bytes() const;
    /// Whether `gb` is one of the sizes sold.
    bool sells_memory(double gb) const;
};

struct HardwareCatalog {
    std::string path;  // the file read, for messages
    std::string data_version;
    std::vector<HardwareSpec> devices;  // "devices" then "cpu_platforms", in file order
};

/// Parses and checks hardware.json. Every problem is reported, one per line, each naming the
/// file, the record id and the field; nothing is returned unless the whole file is good.
[[nodiscard]] Result<HardwareCatalog> parse_hardware(const DataJson& data);
[[nodiscard]] Result<HardwareCatalog> load_hardware(const DataSourceOptions& options);

/// The keys a name is matched by: lower case without spaces, hyphens, underscores and dots,
/// and without a leading vendor or brand word ("NVIDIA GeForce RTX 4060 Laptop GPU" and
/// "rtx4060-laptop" give the same key).
std::string hardware_match_key(std::string_view text);
std::vector<std::string> hardware_match_keys(const HardwareSpec& spec);

}  // namespace canrun::catalog
