// fit: the whole answer for one model on one machine — memory on the chosen backend, where
// llama.cpp would place it, how fast it runs, the largest context that still fits, and the
// inputs for the runner commands. Pure: it composes estimate/ (memory, placement, speed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "advise/checkpoint_format.h"
#include "advise/commands.h"
#include "estimate/machine.h"
#include "estimate/memory.h"
#include "estimate/model_shape.h"
#include "estimate/placement.h"
#include "estimate/speed.h"
#include "estimate/speed_tuning.h"

namespace canrun::advise {

// When no context is asked for, canrun answers for this many tokens (or the model's trained
// context if it is shorter): llama.cpp's own default (the trained context, up to 128k and more)
// would make most answers about a context nobody uses; max_ctx still says how far it can go.
inline constexpr std::uint32_t kDefaultCtx = 8192;

struct FitRequest {
    estimate::ContextParams params;  // n_ctx 0 = kDefaultCtx (capped at the trained context)
    bool cpu_only = false;
    std::uint64_t gpu_margin_bytes = 1024ULL * 1024 * 1024;  // llama.cpp --fit-target default
    estimate::SpeedQuery speed;      // quant name, prompt length, depth, measured CPU rates
    bool find_max_ctx = true;        // bisect for max_ctx (recommend skips it while ranking)
};

struct FitResult {
    estimate::Backend backend = estimate::Backend::Cpu;
    estimate::MemoryEstimate memory;  // on `backend` (all layers on one device)
    estimate::Placement placement;
    estimate::SpeedEstimate speed;
    std::uint32_t ctx = 0;               // the (padded) context answered for
    std::uint32_t max_ctx = 0;           // largest context in the same mode or a better one
    std::uint32_t max_ctx_full_gpu = 0;  // largest context wholly on the GPUs (0: none)
    std::optional<estimate::ContextProblem> problem;  // settings llama.cpp would refuse
    std::vector<std::string> notes;      // stable ids
};

FitResult fit_model(const estimate::ModelShape& model, const estimate::Machine& machine,
                    const FitRequest& request, const estimate::MemoryTuning& memory_tuning,
                    const estimate::SpeedTuning& speed_tuning);

// What the runners call the model; filled by the caller (file path, catalog names).
struct ModelNames {
    std::string gguf_path;
    std::string hf_gguf_repo;
    std::string quant;
    std::string ollama_tag;
    std::string lms_key;
    std::string hf_repo;
    std::string modelscope_repo;
    std::string modelscope_file;
    CheckpointFormat checkpoint;  // of hf_repo: what vLLM loads (16-bit unless the catalog says)
};

CommandInput command_input(const FitResult& fit, const estimate::ModelShape& model,
                           const estimate::Machine& machine, const ModelNames& names,
                           const FitRequest& request);

}  // namespace canrun::advise
