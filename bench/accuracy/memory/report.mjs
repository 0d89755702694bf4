// Predicted (canrun fit --json) vs measured (llama.cpp buffers) per component, as Markdown,
// JSON and CSV. Targets: KV exact, CPU compute buffer within 10 %, total within 3 %.
import fs from "node:fs";
import path from "node:path";

const MiB = 1024 * 1024;

function components(r) {
    const m = r.measured;
    // weights: the tensor data llama.cpp maps from the file (its CPU_Mapped buffer in a real load;
    // checked equal on Llama-3.2-1B with --alloc). Repacked copies (AMX / CPU_REPACK extra buffer
    // types) come on top and are reported apart: llama.cpp's model buffers minus the file tensors.
    const measured = {
        weights: r.written.tensor_bytes,
        kv: m.kv_mib * MiB,
        compute: m.compute_mib * MiB,
        output: (m.output_mib ?? 0) * MiB,
    };
    measured.total = measured.weights + measured.kv + measured.compute + measured.output;
    const mem = r.predicted.json?.memory;
    const predicted = mem ? {
        weights: mem.weights_bytes,
        kv: mem.kv_cache_bytes ?? mem.kv_bytes,
        compute: mem.compute_buffer_bytes ?? mem.compute_bytes,
        output: mem.output_buffer_bytes ?? 0,
    } : null;
    if (predicted) predicted.total = predicted.weights + predicted.kv + predicted.compute + predicted.output;
    return {measured, predicted};
}

// Error in % of the measured value. llama.cpp logs MiB with 2 decimals (printf rounds half to
// even: 1115.625 prints as 1115.62), so a difference of up to half a unit of the last digit is
// no difference.
function error(pred, meas) {
    if (pred == null) return null;
    if (Math.abs(pred - meas) <= 0.00501 * MiB) return 0;
    return meas === 0 ? Infinity : (100 * (pred - meas)) / meas;
}

const repack = (r) => r.measured.model_bytes - r.written.tensor_bytes;
const fmtMiB = (b) => (b == null ? "—" : (b / MiB).toFixed(2));
const fmtErr = (e) => (e == null ? "—" : e === 0 ? "0" : `${e > 0 ? "+" : ""}${e.toFixed(1)}%`);

export function summarize(results) {
    return results.map((r) => {
        if (r.measured.error) return {...r, cmp: {measured: {}, predicted: null, err: {}, pass: false}};
        const {measured, predicted} = components(r);
        const err = {};
        for (const k of Object.keys(measured)) err[k] = predicted ? error(predicted[k], measured[k]) : null;
        const pass = predicted != null && err.kv === 0 && Math.abs(err.compute) <= 10 && Math.abs(err.total) <= 3;
        return {...r, cmp: {measured, predicted, err, pass}};
    });
}

function markdown(rows, meta) {
    const head = "| model | quant | ctx | KV | FA | weights MiB (pred / meas) | KV MiB | compute MiB | output MiB | total MiB | repack MiB | ok |\n" +
                 "|---|---|---:|---|---|---|---|---|---|---|---:|---|\n";
    const body = rows.map((r) => {
        if (r.measured.error) {
            const why = r.measured.error.replace(/\S*\/(ggml\/src\/)/, "$1");
            return `| ${r.preset} | ${r.ftype} | ${r.ctx} | ${r.kv} | ${r.fa} | ${why} ||||||**no**|`;
        }
        const {measured: m, predicted: p, err: e, pass} = r.cmp;
        const cell = (k) => `${fmtMiB(p?.[k])} / ${fmtMiB(m[k])} (${fmtErr(e[k])})`;
        return `| ${r.preset} | ${r.ftype} | ${r.ctx} | ${r.kv} | ${r.fa} | ${cell("weights")} | ${cell("kv")} | ` +
               `${cell("compute")} | ${cell("output")} | ${cell("total")} | ${fmtMiB(repack(r))} | ` +
               `${r.predicted.error ? "no prediction: " + r.predicted.error : pass ? "yes" : "**no**"} |`;
    }).join("\n");
    const passed = rows.filter((r) => r.cmp.pass).length;
    return `Measured with ${meta.llamaCpp} (node-llama-cpp 3.21.1 prebuilt CPU binary), CPU only, ` +
           `${meta.threads} threads, n_ubatch = n_batch = 512, 1 sequence, mmap on, no_alloc dry run.\n` +
           `Rows meeting all targets (KV exact, compute within 10 %, total within 3 %): ${passed} of ${rows.length}.\n\n` +
           head + body + "\n";
}

function csv(rows) {
    const cols = ["preset", "ftype", "ctx", "kv", "fa"];
    const parts = ["weights", "kv", "compute", "output", "total"];
    const header = [...cols, ...parts.flatMap((k) => [`pred_${k}_bytes`, `meas_${k}_bytes`]), "repack_mib", "pass"];
    const lines = rows.filter((r) => !r.measured.error).map((r) => [...cols.map((c) => r[c]),
        ...parts.flatMap((k) => [r.cmp.predicted?.[k] ?? "", Math.round(r.cmp.measured[k])]),
        (repack(r) / MiB).toFixed(2), r.cmp.pass].join(","));
    return [header.join(","), ...lines].join("\n") + "\n";
}

export function writeResults(dir, results, meta) {
    const rows = summarize(results);
    const table = markdown(rows, meta);
    fs.writeFileSync(path.join(dir, "results.json"), JSON.stringify({meta, rows}, null, 1) + "\n");
    fs.writeFileSync(path.join(dir, "results.csv"), csv(rows));
    fs.writeFileSync(path.join(dir, "results-table.md"), table);
    process.stdout.write("\n" + table);
}

// `node report.mjs` rewrites the tables from results.json without measuring again.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const saved = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8"));
    const raw = saved.rows.map(({cmp, ...row}) => row);
    writeResults(dir, raw, saved.meta);
}
