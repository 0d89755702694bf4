// Probe notes: stable ids with parameters, worded in English and Chinese by report/hw_notes.
#include <filesystem>
#include <gtest/gtest.h>

#include "hw/probe.h"
#include "report/hw_notes.h"

namespace canrun::hw {
namespace {

using report::Lang;

TEST(HwNotes, EveryIdHasBothLanguagesWithTheSameParameters) {
    for (const auto id : report::hw_note_ids()) {
        EXPECT_EQ(report::hw_note_param_count(id, Lang::En), report::hw_note_param_count(id, Lang::Zh)) << id;
    }
}

TEST(HwNotes, ParametersFillTheSentence) {
    const ProbeNote n{"gpu-amd", NoteSeverity::Info, "gpu-amd.apu_budget", {"0000:c4:00.0", "512.0 MiB", "15.3 GiB"}};
    EXPECT_EQ(report::hw_note_text(n, Lang::En),
              "0000:c4:00.0: APU; budget = VRAM carve-out 512.0 MiB + GTT 15.3 GiB (system memory the GPU can map)");
    EXPECT_EQ(report::hw_note_text(n, Lang::Zh),
              "0000:c4:00.0：APU；可用预算 = 显存划分 512.0 MiB + GTT 15.3 GiB（GPU 可映射的系统内存）");
}

TEST(HwNotes, UnknownIdsAndWrongParameterCountsFallBackToTheId) {
    EXPECT_EQ(report::hw_note_text({"x", NoteSeverity::Info, "x.unknown", {"a", "b"}}, Lang::Zh), "x.unknown: a, b");
    EXPECT_EQ(report::hw_note_text({"disk", NoteSeverity::Info, "disk.free_unknown", {}}, Lang::En), "disk.free_unknown");
    // Braces inside a parameter are data, not a format.
    EXPECT_EQ(report::hw_note_text({"disk", NoteSeverity::Info, "disk.free_unknown", {"/{}"}}, Lang::En),
              "free space of /{} unknown");
}

TEST(HwNotes, EveryNoteOfEveryFixtureIsWorded) {
    for (const auto& entry : std::filesystem::directory_iterator(CANRUN_SYSROOTS)) {
        if (entry.path().filename() == "tools") {
            continue;
        }
        ProbeContext ctx(entry.path());
        const auto r = detect_hardware(ctx);
        for (const auto& n : r.notes) {
            EXPECT_EQ(report::hw_note_param_count(n.id, Lang::En), static_cast<int>(n.params.size()))
                << entry.path().filename() << ": " << n.id;
        }
    }
}

}  // namespace
}  // namespace canrun::hw
