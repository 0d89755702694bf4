#include "hw/pci_ids.h"

#include <gtest/gtest.h>

#include "temp_sysroot.h"

namespace canrun::hw {
namespace {

constexpr std::string_view kPciIds =
    "# comment\n"
    "1002  Advanced Micro Devices, Inc. [AMD/ATI]\n"
    "\t73bf  Navi 21 [Radeon RX 6800/6800 XT / 6900 XT]\n"
    "10de  NVIDIA Corporation\n"
    "\t2684  AD102 [GeForce RTX 4090]\n"
    "\t\t10de 167c  GeForce RTX 4090 Founders Edition\n"
    "\t2782  AD104 [GeForce RTX 4070 Ti]\n"
    "10df  Emulex Corporation\n"
    "\t2782  Not a GPU\n";

TEST(PciIds, FindsTheDeviceLineUnderItsVendor) {
    EXPECT_EQ(find_pci_ids_name(kPciIds, 0x10de, 0x2782), "AD104 [GeForce RTX 4070 Ti]");
    EXPECT_EQ(find_pci_ids_name(kPciIds, 0x1002, 0x73bf), "Navi 21 [Radeon RX 6800/6800 XT / 6900 XT]");
    EXPECT_FALSE(find_pci_ids_name(kPciIds, 0x10de, 0x9999));
    EXPECT_FALSE(find_pci_ids_name(kPciIds, 0x1234, 0x2782));
    EXPECT_FALSE(find_pci_ids_name("garbage\x01\n\t\t\n", 0x10de, 0x2684));
}

TEST(PciIds, MarketingNameTakesTheBracketsAndTheVendor) {
    EXPECT_EQ(marketing_name("NVIDIA", "AD104 [GeForce RTX 4070 Ti]"), "NVIDIA GeForce RTX 4070 Ti");
    EXPECT_EQ(marketing_name("AMD", "Navi 31 [Radeon RX 7900 XT/7900 XTX]"), "AMD Radeon RX 7900 XT/7900 XTX");
    EXPECT_EQ(marketing_name("Intel", "Meteor Lake-P [Intel Arc Graphics]"), "Intel Arc Graphics");
    EXPECT_EQ(marketing_name("NVIDIA", "GH100"), "NVIDIA GH100");
}

TEST(PciIds, DeviceNameUsesOurTableThenPciIdsThenTheIds) {
    test::TempSysroot root;
    const ProbeContext no_db(root.root());
    EXPECT_EQ(pci_device_name(no_db, 0x10de, 0x2684, std::nullopt), "NVIDIA GeForce RTX 4090");
    EXPECT_EQ(pci_device_name(no_db, 0x10de, 0x2782, std::nullopt), "NVIDIA device 10de:2782");
    root.write("/usr/share/misc/pci.ids", std::string(kPciIds));
    const ProbeContext with_db(root.root());
    EXPECT_EQ(pci_device_name(with_db, 0x10de, 0x2782, std::nullopt), "NVIDIA GeForce RTX 4070 Ti");
}

TEST(PciIds, RevisionSeparatesProductsSharingAnId) {
    test::TempSysroot root;
    const ProbeContext ctx(root.root());
    EXPECT_EQ(pci_device_name(ctx, 0x1002, 0x744c, 0xc8), "AMD Radeon RX 7900 XTX");
    EXPECT_EQ(pci_device_name(ctx, 0x1002, 0x744c, 0xcc), "AMD Radeon RX 7900 XT");
    EXPECT_EQ(pci_device_name(ctx, 0x1002, 0x744c, 0xce), "AMD device 1002:744c");
}

}  // namespace
}  // namespace canrun::hw
