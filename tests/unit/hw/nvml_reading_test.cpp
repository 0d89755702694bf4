#include "hw/vendor/nvml_reading.h"

#include <gtest/gtest.h>

namespace canrun::hw {
namespace {

NvmlGpu rtx4090() {
    NvmlGpu g;
    g.pci = "0000:01:00.0";
    g.name = "NVIDIA GeForce RTX 4090";
    g.total_bytes = 25757220864ULL;
    g.free_bytes = 25000000000ULL;
    g.used_bytes = 757220864ULL;
    g.bus_width_bits = 384;
    g.max_mem_clock_mhz = 10501;
    g.compute_capability = "8.9";
    g.pcie_generation = 4;
    g.pcie_width = 16;
    return g;
}

TEST(NvmlReading, TextRoundTrips) {
    NvmlReading r;
    r.driver_version = "550.54.14";
    r.gpus = {rtx4090()};
    r.notes = {"library lacks nvmlDeviceGetMaxPcieLinkGeneration"};
    const auto back = parse_nvml_reading(format_nvml_reading(r));
    EXPECT_EQ(back.driver_version, "550.54.14");
    ASSERT_EQ(back.gpus.size(), 1U);
    EXPECT_EQ(back.gpus[0].name, "NVIDIA GeForce RTX 4090");
    EXPECT_EQ(back.gpus[0].total_bytes, 25757220864ULL);
    EXPECT_EQ(back.gpus[0].bus_width_bits, 384U);
    EXPECT_EQ(back.gpus[0].compute_capability, "8.9");
    EXPECT_EQ(back.notes, r.notes);
}

TEST(NvmlReading, BandwidthMatchesPublishedFigures) {
    // RTX 4090: 1008 GB/s (nvidia.com); H100 SXM5: 3.35 TB/s (NVML: 2619 MHz, 5120 bit).
    EXPECT_NEAR(*nvml_bandwidth_gbps(rtx4090()), 1008.1, 0.1);
    auto h100 = rtx4090();
    h100.bus_width_bits = 5120;
    h100.max_mem_clock_mhz = 2619;
    EXPECT_NEAR(*nvml_bandwidth_gbps(h100), 3352.3, 0.1);
    h100.bus_width_bits.reset();
    EXPECT_FALSE(nvml_bandwidth_gbps(h100));
}

TEST(NvmlReading, BusIdLosesTheLongDomain) {
    EXPECT_EQ(normalize_nvml_bus_id("00000000:01:00.0"), "0000:01:00.0");
    EXPECT_EQ(normalize_nvml_bus_id("00000000:C1:00.0"), "0000:c1:00.0");
    EXPECT_EQ(normalize_nvml_bus_id("0000:02:00.0"), "0000:02:00.0");
}

TEST(NvmlReading, MergesByPciAddressWithoutDuplicates) {
    HardwareReport report;
    GpuInfo pci_gpu;
    pci_gpu.vendor = GpuVendor::Nvidia;
    pci_gpu.pci = "0000:01:00.0";
    pci_gpu.name = "NVIDIA device 10de:2684";
    report.gpus.push_back(pci_gpu);
    NvmlReading r;
    r.gpus = {rtx4090()};
    apply_nvml_reading(r, report);
    ASSERT_EQ(report.gpus.size(), 1U);
    EXPECT_EQ(report.gpus[0].name, "NVIDIA GeForce RTX 4090");
    EXPECT_EQ(report.gpus[0].vram_free_bytes, 25000000000ULL);
    EXPECT_EQ(report.gpus[0].bandwidth_source, "nvml");
}

TEST(NvmlReading, AnErrorBecomesANoteAndChangesNothing) {
    HardwareReport report;
    NvmlReading r;
    r.error = "nvmlInit failed: Driver Not Loaded (code 9)";
    r.gpus = {rtx4090()};
    apply_nvml_reading(r, report);
    EXPECT_TRUE(report.gpus.empty());
    ASSERT_EQ(report.notes.size(), 1U);
    EXPECT_EQ(report.notes[0].probe, "nvml");
}

}  // namespace
}  // namespace canrun::hw
