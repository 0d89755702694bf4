// The shipped hardware catalog (the copy built into the binary), loaded once for the tests.
#pragma once

#include <gtest/gtest.h>

#include "catalog/hardware_catalog.h"

namespace canrun::catalog {

inline const HardwareCatalog& shipped_hardware() {
    static const HardwareCatalog catalog = [] {
        DataSourceOptions only_embedded;
        only_embedded.use_embedded = true;
        auto loaded = load_hardware(only_embedded);
        EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error().message);
        return loaded ? *loaded : HardwareCatalog{};
    }();
    return catalog;
}

inline const HardwareSpec* shipped_device(const std::string& id) {
    for (const HardwareSpec& s : shipped_hardware().devices) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

}  // namespace canrun::catalog
