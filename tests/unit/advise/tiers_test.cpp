#include "advise/tiers.h"

#include <gtest/gtest.h>

namespace canrun::advise {

namespace {

TierGpu discrete(double gib, double bw, std::string name = "gpu") {
    TierGpu g;
    g.name = std::move(name);
    g.memory_gib = gib;
    g.bandwidth_gbps = bw;
    return g;
}

TierGpu unified(double gib, bool apple) {
    TierGpu g;
    g.discrete = false;
    g.unified = true;
    g.apple = apple;
    g.memory_gib = gib;
    return g;
}

struct Row {
    const char* what;
    TierInput in;
    const char* id;
    bool exact;
};

}  // namespace

TEST(Tiers, OneRowPerReferenceMachine) {
    TierInput iris{.laptop = true, .ram_gib = 16};
    TierInput rtx4050{.laptop = true, .ram_gib = 16, .gpus = {discrete(6, 192)}};
    TierInput rtx4060l{.laptop = true, .ram_gib = 16, .gpus = {discrete(8, 256)}};
    TierInput rtx3060l{.laptop = true, .ram_gib = 16, .gpus = {discrete(6, 336)}};
    TierInput pi5{.arm = true, .sbc = true, .ram_gib = 8};
    TierInput m2{.arm = true, .ram_gib = 16, .gpus = {unified(10.7, true)}};
    TierInput m2max{.arm = true, .ram_gib = 64, .gpus = {unified(48, true)}};
    TierInput rtx4060ti{.ram_gib = 32, .gpus = {discrete(16, 288)}};
    TierInput rtx4080{.ram_gib = 32, .gpus = {discrete(16, 717)}};
    TierInput rtx4090{.ram_gib = 64, .gpus = {discrete(24, 1008)}};
    TierGpu h100 = discrete(80, 3350);
    h100.data_centre = true;
    TierInput server{.server = true, .ram_gib = 1024, .gpus = {h100}};
    const Row rows[] = {
        {"Iris Xe laptop", iris, "laptop-igpu", true},
        {"RTX 4050 Laptop", rtx4050, "laptop-entry", true},
        {"RTX 4060 Laptop", rtx4060l, "laptop-performance", true},
        {"RTX 3060 Laptop 6 GB", rtx3060l, "laptop-performance", true},
        {"Raspberry Pi 5", pi5, "sbc", true},
        {"M2 16 GB", m2, "apple-silicon", true},
        {"M2 Max 64 GB", m2max, "apple-silicon", true},
        {"RTX 4060 Ti 16 GB", rtx4060ti, "desktop-entry", true},
        {"RTX 4080", rtx4080, "desktop-mid", true},
        {"RTX 4090", rtx4090, "desktop-high", true},
        {"H100", server, "server", true},
    };
    for (const auto& r : rows) {
        const auto t = classify_tier(r.in);
        EXPECT_EQ(t.id, r.id) << r.what;
        EXPECT_EQ(t.exact, r.exact) << r.what;
        EXPECT_FALSE(t.reason_en.empty());
        EXPECT_FALSE(t.reason_zh.empty());
    }
}

TEST(Tiers, MachinesOutsideTheTableGetTheClosestClassAndSaySo) {
    const auto vm = classify_tier(TierInput{.ram_gib = 24});
    EXPECT_EQ(vm.id, "laptop-igpu");
    EXPECT_FALSE(vm.exact);

    const auto strix = classify_tier(TierInput{.laptop = true, .ram_gib = 128,
                                               .gpus = {unified(96, false)}});
    EXPECT_EQ(strix.id, "apple-silicon");
    EXPECT_FALSE(strix.exact);

    const auto two = classify_tier(TierInput{.ram_gib = 64,
                                             .gpus = {discrete(24, 936), discrete(12, 360)}});
    EXPECT_EQ(two.id, "desktop-high");
    EXPECT_FALSE(two.exact);
    EXPECT_NE(two.reason_en.find("36 GiB"), std::string::npos);

    const auto ascend = classify_tier(TierInput{.server = true, .ram_gib = 1024,
                                                .accelerator_gib = 8 * 64});
    EXPECT_EQ(ascend.id, "server");
}

}  // namespace canrun::advise

#include "advise/tier_input.h"

namespace canrun::advise {

TEST(TierInput, FromDetectedHardware) {
    hw::HardwareReport r;
    r.cpu.arch = "x86_64";
    r.system.form_factor = hw::FormFactor::Laptop;
    r.memory.total_bytes = 16ULL << 30;
    hw::GpuInfo igpu;
    igpu.kind = hw::GpuKind::Integrated;
    igpu.name = "Intel Iris Xe Graphics";
    hw::GpuInfo dgpu;
    dgpu.name = "NVIDIA GeForce RTX 4060 Laptop GPU";
    dgpu.vram_total_bytes = 8ULL << 30;
    dgpu.bandwidth_gbps = 256;
    r.gpus = {igpu, dgpu};
    const auto in = tier_input_from(r);
    EXPECT_TRUE(in.laptop);
    ASSERT_EQ(in.gpus.size(), 1U);  // the iGPU does not change the class
    EXPECT_DOUBLE_EQ(in.gpus[0].memory_gib, 8.0);
    EXPECT_EQ(classify_tier(in).id, "laptop-performance");
}

TEST(TierInput, DataCentreNamesAreWholeModelNumbers) {
    hw::HardwareReport r;
    r.memory.total_bytes = 64ULL << 30;
    hw::GpuInfo g;
    g.vram_total_bytes = 8ULL << 30;
    g.name = "NVIDIA RTX A1000";
    r.gpus = {g};
    EXPECT_FALSE(tier_input_from(r).gpus[0].data_centre);
    r.gpus[0].name = "NVIDIA A10G";
    EXPECT_TRUE(tier_input_from(r).gpus[0].data_centre);
    r.gpus[0].name = "NVIDIA H100 80GB HBM3";
    EXPECT_TRUE(tier_input_from(r).gpus[0].data_centre);
}

}  // namespace canrun::advise
