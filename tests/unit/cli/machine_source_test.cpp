// The detected machine gets each GPU's compute from the data: detection reads memory and
// bandwidth, and without FP16 TFLOPS prefill and time to first token were "unknown" for every
// real GPU (only --hw profiles had them).
#include <gtest/gtest.h>

#include <filesystem>

#include "catalog/hardware_catalog.h"
#include "machine_source.h"

namespace canrun::cli {
namespace {

TEST(GpuCompute, DetectedNamesGetTheirTflopsFromTheData) {
    const auto hardware = catalog::load_hardware(catalog::default_data_source(""));
    ASSERT_TRUE(hardware) << hardware.error().message;
    estimate::Machine m;
    estimate::GpuDevice g;
    g.name = "NVIDIA GeForce RTX 4090";  // as NVML names it
    m.gpus.push_back(g);
    g.name = "Some Unknown Accelerator 9000";
    m.gpus.push_back(g);
    g.name = "NVIDIA H100 80GB HBM3";
    g.fp16_tflops = 123;  // already known: kept
    m.gpus.push_back(g);
    fill_gpu_compute(m, *hardware);
    EXPECT_GT(m.gpus[0].fp16_tflops, 100);  // 165 dense FP16 (Ada whitepaper)
    EXPECT_EQ(m.gpus[1].fp16_tflops, 0);
    EXPECT_EQ(m.gpus[2].fp16_tflops, 123);
}

// A driver older than the card names it "NVIDIA Graphics Device", which no record matches: the
// PCI id the probes read still finds it (10de:2330, H100 SXM).
TEST(GpuCompute, ThePciIdFindsWhatTheNameDoesNot) {
    const auto hardware = catalog::load_hardware(catalog::default_data_source(""));
    ASSERT_TRUE(hardware) << hardware.error().message;
    hw::HardwareReport report;
    hw::GpuInfo info;
    info.name = "NVIDIA Graphics Device";
    info.pci_vendor_id = 0x10de;
    info.pci_device_id = 0x2330;
    info.vram_total_bytes = 85520809984ULL;
    report.gpus.push_back(info);
    estimate::Machine m;
    estimate::GpuDevice g;
    g.name = info.name;
    m.gpus.push_back(g);
    fill_gpu_compute(m, *hardware);
    EXPECT_EQ(m.gpus[0].fp16_tflops, 0) << "by name alone it is unknown";
    fill_gpu_compute(m, *hardware, &report);
    EXPECT_GT(m.gpus[0].fp16_tflops, 900);  // H100 SXM: 989 dense FP16
}

TEST(GpuCompute, ARecordedRtx4090HasAPrefillSpeed) {
    HardwareOverride h;
    h.snapshot = std::string(CANRUN_SOURCE_DIR) + "/tests/cli/hw/snapshot_desktop_rtx4090.json";
    const auto v = resolve_machine(h, catalog::default_data_source(""));
    ASSERT_TRUE(v) << v.error().message;
    ASSERT_EQ(v->machine.gpus.size(), 1U);
    EXPECT_GT(v->machine.gpus[0].fp16_tflops, 100);
}

}  // namespace
}  // namespace canrun::cli
