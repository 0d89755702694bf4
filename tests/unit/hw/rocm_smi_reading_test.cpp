// The ROCm SMI reading: text form round trip, BDFID decoding and merging into a report.
#include <gtest/gtest.h>

#include "hw/vendor/rocm_smi_reading.h"
#include "util/units.h"

namespace canrun::hw {
namespace {

RocmSmiGpu w7900() {
    return {"0000:c3:00.0", "Navi 31 [Radeon Pro W7900]", 48ULL * kGiB, 1ULL * kGiB, 256ULL * kMiB,
            62ULL * kGiB, 12ULL * kMiB};
}

TEST(RocmSmiReading, TextFormRoundTrips) {
    RocmSmiReading r;
    r.gpus = {w7900()};
    r.notes = {"GPU 1: no PCI address: code 2"};
    const auto back = parse_rocm_smi_reading(format_rocm_smi_reading(r));
    ASSERT_EQ(back.gpus.size(), 1U);
    EXPECT_EQ(back.gpus[0].pci, "0000:c3:00.0");
    EXPECT_EQ(back.gpus[0].name, "Navi 31 [Radeon Pro W7900]");
    EXPECT_EQ(back.gpus[0].vram_total, 48ULL * kGiB);
    EXPECT_EQ(back.gpus[0].gtt_used, 12ULL * kMiB);
    EXPECT_EQ(back.notes, r.notes);
    EXPECT_TRUE(back.error.empty());
    EXPECT_TRUE(back.absent.empty());
}

TEST(RocmSmiReading, BdfidDecodesLikeLspci) {
    EXPECT_EQ(rocm_bdfid_to_pci(0x0300), "0000:03:00.0");
    EXPECT_EQ(rocm_bdfid_to_pci((0x1ULL << 32U) | (0xc3U << 8U) | (0x1fU << 3U) | 0x1U), "0001:c3:1f.1");
    EXPECT_EQ(rocm_bdfid_to_pci((0x3ULL << 28U) | 0x0300), "0000:03:00.0");  // partition bits ignored
}

TEST(RocmSmiReading, MergesByPciAddress) {
    HardwareReport report;
    report.gpus.push_back(GpuInfo{.vendor = GpuVendor::Amd, .name = "W7900", .pci = "0000:c3:00.0"});
    RocmSmiReading r;
    r.gpus = {w7900()};
    apply_rocm_smi_reading(r, report);
    ASSERT_EQ(report.gpus.size(), 1U);
    EXPECT_EQ(report.gpus[0].vram_total_bytes, 48ULL * kGiB);
    EXPECT_EQ(report.gpus[0].vram_free_bytes, 47ULL * kGiB);
    EXPECT_EQ(report.gpus[0].vram_visible_bytes, 256ULL * kMiB);
    EXPECT_TRUE(report.notes.empty());
}

TEST(RocmSmiReading, AnErrorBecomesANoteAndChangesNothing) {
    HardwareReport report;
    RocmSmiReading r;
    r.error = "rsmi_init failed: code 8";
    r.gpus = {w7900()};
    apply_rocm_smi_reading(r, report);
    EXPECT_TRUE(report.gpus.empty());
    ASSERT_EQ(report.notes.size(), 1U);
    EXPECT_EQ(report.notes[0].id, "rocm-smi.unavailable");
}

TEST(RocmSmiReading, AnAbsentLibraryIsQuietWhenSysfsKnewTheMemory) {
    HardwareReport report;
    report.gpus.push_back(GpuInfo{.vendor = GpuVendor::Amd, .pci = "0000:03:00.0"});
    report.gpus[0].vram_total_bytes = 24ULL * kGiB;
    RocmSmiReading r;
    r.absent = "librocm_smi64.so.7: cannot open shared object file";
    apply_rocm_smi_reading(r, report);
    EXPECT_TRUE(report.notes.empty());
    report.gpus[0].vram_total_bytes.reset();
    apply_rocm_smi_reading(r, report);
    ASSERT_EQ(report.notes.size(), 1U);
    EXPECT_EQ(report.notes[0].id, "rocm-smi.absent");
}

}  // namespace
}  // namespace canrun::hw
