// Buffer sizes from llama.cpp's log lines (src/llama-model.cpp, llama-kv-cache.cpp,
// llama-context.cpp). Sizes are printed in MiB with 2 decimals (4 for the compute check line).
const MiB = 1024 * 1024;

export function parseBuffers(lines) {
    const out = {model_buffers: {}, kv_buffers: [], kv_cells: [], compute_mib: null, output_mib: null};
    for (const raw of lines) {
        const line = raw.trim();
        let m;
        if ((m = line.match(/load_tensors:\s+(\S+) model buffer size =\s+([\d.]+) MiB/))) {
            out.model_buffers[m[1]] = (out.model_buffers[m[1]] ?? 0) + Number(m[2]);
        } else if ((m = line.match(/llama_kv_cache:\s+(\S+) KV buffer size =\s+([\d.]+) MiB/))) {
            out.kv_buffers.push(Number(m[2]));
        } else if ((m = line.match(/llama_kv_cache: size =\s+([\d.]+) MiB \(\s*(\d+) cells,\s+(\d+) layers/))) {
            out.kv_cells.push({mib: Number(m[1]), cells: Number(m[2]), layers: Number(m[3])});
        } else if ((m = line.match(/sched_reserve:\s+(\S+) compute buffer size =\s+([\d.]+) MiB/))) {
            out.compute_mib = Number(m[2]);
        } else if ((m = line.match(/compute buffer size is\s+([\d.]+) MiB/))) {
            out.compute_mib_precise = Number(m[1]);
        } else if ((m = line.match(/(\S+)\s+output buffer size =\s+([\d.]+) MiB/))) {
            out.output_mib = Number(m[2]);
        }
    }
    // With no_alloc the buffer lines say 0.00 MiB; the "size = ... (N cells, L layers)" lines
    // (one per cache: iSWA models have two) carry the sizes.
    out.kv_mib = out.kv_cells.reduce((a, c) => a + c.mib, 0);
    out.kv_cells_total = out.kv_cells.map((c) => `${c.cells}x${c.layers}`).join("+");
    out.compute_bytes = Math.round((out.compute_mib_precise ?? out.compute_mib ?? 0) * MiB);
    return out;
}
