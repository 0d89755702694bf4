#include "estimate/placement_input.h"

#include "estimate/compute_buffer.h"
#include "estimate/kv_cache.h"

namespace canrun::estimate {

PlacementInput placement_input(const ModelShape& model, const ContextParams& params,
                               Backend gpu_backend, const MemoryTuning& tuning) {
    PlacementInput in;
    const auto gpu_ctx = context_size(model, params, gpu_backend);
    const auto caches = kv_cache_layers(model, params, gpu_ctx);
    in.layers.resize(model.layers.size());
    for (std::size_t il = 0; il < model.layers.size(); ++il) {
        in.layers[il].weight_bytes = model.layers[il].weight_bytes;
        in.layers[il].expert_bytes = model.layers[il].expert_weight_bytes;
        in.layers[il].kv_bytes = caches[il].total_bytes();
    }
    in.input_bytes = model.token_embd_bytes + model.other_bytes;
    in.output_bytes = model.output_bytes;
    in.tied_output_bytes = model.tied_embeddings ? model.token_embd_bytes : 0;
    const auto output_buffer = output_buffer_bytes(model, gpu_ctx);
    const auto gpu = compute_buffer(model, params, gpu_ctx, gpu_backend, tuning);
    in.gpu_compute_bytes = gpu.device_bytes;
    in.host_compute_bytes = gpu.host_bytes + output_buffer;
    const auto cpu_ctx = context_size(model, params, Backend::Cpu);
    in.cpu_compute_bytes = compute_buffer(model, params, cpu_ctx, Backend::Cpu, tuning).device_bytes +
                           output_buffer_bytes(model, cpu_ctx);
    in.gpu_overhead_bytes = runtime_overhead_bytes(gpu_backend, tuning);
    in.moe = model.n_expert > 0;
    return in;
}

}  // namespace canrun::estimate
