#!/usr/bin/env node
// Real llama.cpp speed on this machine vs canrun's estimate.
// For each model: writes a sparse zero-weight GGUF (tools/canrun_make_model_gguf), loads it with
// node-llama-cpp 3.21.1's bundled llama.cpp on the CPU (threads = physical cores), times a
// 128-token prompt and 64 generated tokens after a warm-up, then asks
// `canrun fit FILE --cpu-only --json` (which reads the `canrun bench` record) for its estimate.
// Zero weights cost the same to load, dequantise and multiply as real ones.
// Usage: node build_machine.mjs [--build DIR] [--threads N] [--out FILE] [--predictor EXE]
//                               [--prompt N] [--generate N] [--only PRESET-FTYPE]
//                               [--canrun EXE] [--kernel-rate EXE]
// Run it on a quiet machine: ggml's threads spin at barriers, so with other jobs competing for
// the cores a 2-thread decode can slow down a hundredfold.
import {execFileSync} from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const buildDir = path.resolve(root, option("--build", "build/accuracy"));
const tool = path.join(buildDir, "tools/canrun_make_model_gguf");
const canrun = path.resolve(option("--canrun", path.join(buildDir, "canrun")));
const threads = Number(option("--threads", "2"));
const predictor = path.resolve(option("--predictor", path.join(root, "build/speed/tests/unit/speed/speed_predict")));
const outFile = option("--out", path.join(here, "build_machine.json"));
const presets = path.join(root, "bench/accuracy/memory/presets.json");
const {getLlama, LlamaLogLevel} = await import(
    path.join(root, "bench/accuracy/memory/node_modules/node-llama-cpp/dist/index.js"));

const kModels = [
    ["Llama-3.2-1B", "Q4_K_M"], ["Llama-3.2-1B", "Q4_0"], ["Llama-3.2-1B", "Q8_0"],
    ["Llama-3.2-1B", "F16"], ["Llama-3.2-3B", "Q4_K_M"], ["Llama-3.2-3B", "Q8_0"],
];
const kPrompt = Number(option("--prompt", "128"));
const kGenerate = Number(option("--generate", "64"));
const only = option("--only", "");

const llama = await getLlama({gpu: false, build: "never", logLevel: LlamaLogLevel.error});
const work = fs.mkdtempSync(path.join(os.tmpdir(), "canrun-speed-"));

async function measure(file) {
    const model = await llama.loadModel({modelPath: file, gpuLayers: 0});
    const context = await model.createContext({contextSize: 1024, batchSize: 512, threads});
    try {
        const tokens = Array.from({length: kPrompt}, (_, i) => 10 + i);
        // warm-up: touches every weight page once
        const warm = context.getSequence();
        for await (const _ of warm.evaluate(tokens.slice(0, 8))) break;
        await warm.clearHistory();
        // Wall time, and CPU time of the process (with --threads 1 that is llama.cpp's one
        // thread: tokens per CPU second hold on a loaded machine, wall time does not).
        const load = os.loadavg()[0];
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        let first = 0, n = 0, last = 0, cFirst = null, cLast = null;
        for await (const _ of warm.evaluate(tokens)) {
            const now = performance.now();
            if (n === 0) { first = now; cFirst = process.cpuUsage(c0); }
            last = now;
            cLast = process.cpuUsage(c0);
            if (++n > kGenerate) break;
        }
        const cpuS = (u) => (u.user + u.system) / 1e6;
        return {prefill_tps: kPrompt / ((first - t0) / 1000), decode_tps: kGenerate / ((last - first) / 1000),
                prefill_tps_per_cpu_s: kPrompt / cpuS(cFirst),
                decode_tps_per_cpu_s: kGenerate / (cpuS(cLast) - cpuS(cFirst)),
                load_1min: load};
    } finally {
        await context.dispose();
        await model.dispose();
    }
}

// `canrun fit --cpu-only --json` when it reports speed; else speed_predict (same model, same
// bench record, same data) from the speed tests' build.
function predict(file) {
    try {
        const out = execFileSync(canrun, ["fit", file, "--ctx", "1024", "--cpu-only", "--json"],
                                 {encoding: "utf8", stdio: ["ignore", "pipe", "pipe"]});
        const s = JSON.parse(out).speed;
        if (s) return {via: "canrun fit", decode_tps: s.decode_tps.p50, prefill_tps: s.prefill_tps.p50, calibrated: s.calibrated};
    } catch (e) { /* fall through */ }
    const out = execFileSync(predictor, [file, path.join(root, "data"), String(threads), String(kPrompt)], {encoding: "utf8"});
    return {via: "speed_predict", ...JSON.parse(out)};
}

// canrun bench's kernels per CPU second (kernel_cpu_rate from a Release build), for bench_scale.
const kernelTool = option("--kernel-rate", "");
const kernels = kernelTool ? JSON.parse(execFileSync(kernelTool, ["1"], {encoding: "utf8"})) : null;
const rows = [];
for (const [preset, ftype] of kModels) {
    if (only && `${preset}-${ftype}` !== only) continue;
    const file = path.join(work, `${preset}-${ftype}.gguf`);
    execFileSync(tool, ["--presets", presets, "--preset", preset, "--ftype", ftype, "--out", file]);
    const measured = await measure(file);
    const predicted = predict(file);
    fs.rmSync(file);
    const row = {model: `${preset} ${ftype}`, threads, measured, predicted};
    rows.push(row);
    console.log(JSON.stringify(row));
}
fs.rmSync(work, {recursive: true, force: true});
fs.writeFileSync(outFile, JSON.stringify({cpu: os.cpus()[0].model, threads, date: new Date().toISOString(),
                                          canrun_kernels_gb_per_cpu_s: kernels, rows}, null, 2) + "\n");
