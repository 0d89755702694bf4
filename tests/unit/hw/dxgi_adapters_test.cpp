// Windows parsing on recorded DXGI adapter descriptions and memory budgets.
#include "hw/windows/dxgi_adapters.h"

#include <gtest/gtest.h>

#include "util/units.h"

namespace canrun::hw {
namespace {

// A laptop with Iris Xe (shared memory) and an RTX 4070 Laptop GPU, plus the software adapter.
constexpr std::string_view kAdapters =
    "adapter\tdescription=NVIDIA GeForce RTX 4070 Laptop GPU\tvendor=0x10de\tdevice=0x2860"
    "\tdedicated=8321499136\tshared=17095405568\tflags=0\tbudget=7650410496\tusage=314572800\n"
    "adapter\tdescription=Intel(R) Iris(R) Xe Graphics\tvendor=0x8086\tdevice=0xa7a0"
    "\tdedicated=134217728\tshared=17095405568\tflags=0\tbudget=15000000000\tusage=500000000\n"
    "adapter\tdescription=Microsoft Basic Render Driver\tvendor=0x1414\tdevice=0x8c"
    "\tdedicated=0\tshared=17095405568\tflags=2\n";

TEST(Dxgi, DiscreteAndIntegratedAdapters) {
    const auto gpus = parse_dxgi_adapters(kAdapters);
    ASSERT_EQ(gpus.size(), 2U);
    EXPECT_EQ(gpus[0].vendor, GpuVendor::Nvidia);
    EXPECT_EQ(gpus[0].kind, GpuKind::Discrete);
    EXPECT_EQ(gpus[0].vram_total_bytes, 8321499136ULL);
    EXPECT_EQ(gpus[0].vram_free_bytes, 7650410496ULL - 314572800ULL);
    EXPECT_EQ(gpus[1].kind, GpuKind::Integrated);
    EXPECT_EQ(gpus[1].vram_total_bytes, 17095405568ULL);
}

TEST(Dxgi, GarbageLinesAreSkipped) {
    EXPECT_TRUE(parse_dxgi_adapters("").empty());
    EXPECT_TRUE(parse_dxgi_adapters("adapterx\tvendor=1\nfoo\n").empty());
    const auto gpus = parse_dxgi_adapters("adapter\tvendor=0xZZ\tdedicated=abc\n");
    ASSERT_EQ(gpus.size(), 1U);  // unknown vendor, memory unknown rather than wrong
    EXPECT_EQ(gpus[0].vendor, GpuVendor::Other);
}

}  // namespace
}  // namespace canrun::hw
