// Places a machine in one of the nine reference classes (data/tiers.json). The classes are a
// coarse, friendly summary; the exact answers come from estimate/. Where the machine lies outside
// every class (a desktop without a GPU, an AMD APU with a large unified budget, several GPUs),
// the closest class is picked and the reason says so.
#pragma once

#include <string>
#include <vector>

namespace canrun::advise {

// What the classification looks at, from hw/ (this machine) or a --hw profile.
struct TierGpu {
    std::string name;
    bool discrete = true;     // its own VRAM
    bool unified = false;     // the budget is system memory (Apple, APUs, Jetson, GB10)
    bool apple = false;
    bool data_centre = false; // A100/H100-class part (from the data, or by memory size)
    bool workstation = false; // RTX 6000 Ada-class desktop part
    double memory_gib = 0;    // VRAM, or the unified budget
    double bandwidth_gbps = 0;
};

struct TierInput {
    bool arm = false;
    bool sbc = false;     // Raspberry Pi and other single-board computers
    bool laptop = false;
    bool server = false;  // chassis says server
    double ram_gib = 0;
    double accelerator_gib = 0;  // NPU/accelerator memory (Huawei Ascend HBM), all cards
    std::vector<TierGpu> gpus;
};

struct TierChoice {
    std::string id;         // one of the nine ids
    bool exact = true;      // false: no class describes this machine; `id` is the closest
    std::string reason_en;  // one line: why this class
    std::string reason_zh;
};

TierChoice classify_tier(const TierInput& in);

}  // namespace canrun::advise
