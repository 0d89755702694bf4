// The rows the accuracy run measures: preset x ftype x ctx x KV type x flash attention.
// A quantized V cache needs flash attention in llama.cpp, so q8_0/q4_0 rows run with FA on.
const kPresets = [
    {preset: "Llama-3.2-1B", ftypes: ["Q4_K_M", "Q8_0", "F16"]},
    {preset: "Llama-3.2-3B", ftypes: ["Q4_K_M"]},
    {preset: "Llama-3.1-8B", ftypes: ["Q4_K_M", "Q6_K", "IQ4_XS"]},
    {preset: "Mistral-7B-v0.1", ftypes: ["Q4_K_M"]},
    {preset: "Mistral-7B-v0.3", ftypes: ["Q5_K_M"]},
    {preset: "Qwen2.5-14B", ftypes: ["Q4_K_M"]},
    {preset: "Gemma-2-9B", ftypes: ["Q4_K_M"], maxCtx: 8192},
    {preset: "Gemma-3-12B", ftypes: ["Q4_K_M"]},
    {preset: "Qwen3-30B-A3B", ftypes: ["Q4_K_M"]},
    {preset: "DeepSeek-V2-Lite", ftypes: ["Q4_K_M"]},
];
const kCaches = [
    {kv: "f16", fa: "off"},
    {kv: "f16", fa: "on"},
    {kv: "q8_0", fa: "on"},
];

export function matrix({quick = false, only = null} = {}) {
    const rows = [];
    for (const p of kPresets) {
        if (only && p.preset !== only) continue;
        const ftypes = quick ? p.ftypes.slice(0, 1) : p.ftypes;
        for (const [fi, ftype] of ftypes.entries()) {
            // other ftypes only change the weights: one context setting is enough for them
            const ctxs = fi > 0 ? [4096] : quick ? [4096] : [4096, Math.min(32768, p.maxCtx ?? 32768)];
            const caches = fi > 0 ? kCaches.slice(0, 1) : kCaches;
            for (const ctx of ctxs) {
                for (const c of caches) rows.push({preset: p.preset, ftype, ctx, ubatch: 512, ...c});
            }
        }
    }
    return rows;
}
