#!/usr/bin/env node
// Accuracy of canrun's memory estimate against real llama.cpp (the build node-llama-cpp bundles).
// For each preset x ftype x ctx x KV type x flash-attention setting it
//   1. writes a sparse GGUF with zero weights (tools/canrun_make_model_gguf),
//   2. loads it on the CPU through node-llama-cpp's native binding with no_alloc = true, which
//      is llama.cpp's own dry run (the one `llama-server --fit` uses): every buffer is sized
//      exactly as in a real load but nothing is allocated, so a 30B model costs no RAM,
//      (--alloc loads for real instead: same numbers, real memory),
//   3. reads the buffer sizes llama.cpp logs (model, KV, compute, output),
//   4. runs `canrun fit FILE --ctx .. --kv-type .. --flash-attn .. --cpu-only --json`,
//   5. prints predicted vs measured per component and writes results.md / results.json / .csv.
// Usage: node run.mjs [--quick] [--only PRESET] [--build DIR] [--alloc] [--keep]
import {execFileSync, spawnSync} from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {getLlama, LlamaLogLevel} from "node-llama-cpp";
import {matrix} from "./matrix.mjs";
import {parseBuffers} from "./parse_log.mjs";
import {writeResults} from "./report.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const buildDir = path.resolve(root, option("--build", "build/accuracy"));
const tool = path.resolve(option("--tool", path.join(buildDir, "tools/canrun_make_model_gguf")));
const canrun = path.resolve(option("--canrun", path.join(buildDir, "canrun")));
const presetsFile = path.join(here, "presets.json");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "canrun-accuracy-"));
const kGgmlType = {f16: 1, q8_0: 8, q4_0: 2};
const kThreads = 2;  // physical cores of the machine the results were taken on

let logLines = [];
const llama = await getLlama({
    gpu: false, build: "never", logLevel: LlamaLogLevel.debug,
    logger: (_level, message) => logLines.push(message),
});
const bindings = llama._bindings;  // native AddonModel / AddonContext (as node-llama-cpp's GgufInsights uses them)

function writeModel(preset, ftype, file) {
    const out = execFileSync(tool, ["--presets", presetsFile, "--preset", preset, "--ftype", ftype,
                                    "--out", file], {encoding: "utf8"});
    return JSON.parse(out);
}

async function measure(file, row) {
    logLines = [];
    const model = new bindings.AddonModel(file, {gpuLayers: 0, noAlloc: !flag("--alloc"), useMmap: true, useMlock: false});
    if (!(await model.init())) throw new Error(`llama.cpp could not load ${file}`);
    const context = new bindings.AddonContext(model, {
        contextSize: row.ctx, batchSize: row.ubatch, sequences: 1, threads: kThreads,
        flashAttention: row.fa === "on", kvCacheKeyType: kGgmlType[row.kv], kvCacheValueType: kGgmlType[row.kv],
        swaFullCache: false,
    });
    try {
        if (!(await context.init())) throw new Error(`llama.cpp could not create a context for ${file}`);
        const contextBytes = context.getMemoryBreakdown().cpuRam;  // KV + compute, exact bytes
        const modelBytes = model.getMemoryBreakdown().cpuRam;      // weights incl. repacked copies
        await new Promise((resolve) => setTimeout(resolve, 200));  // log lines arrive asynchronously
        return {...parseBuffers(logLines), context_bytes: contextBytes, model_bytes: modelBytes};
    } finally {
        await context.dispose();
        await model.dispose();
    }
}

function predict(file, row) {
    try {
        const out = execFileSync(canrun, ["fit", file, "--ctx", String(row.ctx), "--kv-type", row.kv,
                                          "--flash-attn", row.fa, "--ubatch", String(row.ubatch),
                                          "--batch", String(row.ubatch), "--cpu-only", "--json"],
                                 {encoding: "utf8", stdio: ["ignore", "pipe", "pipe"]});
        return {json: JSON.parse(out)};
    } catch (e) {
        // exit code 1 = "does not fit this machine": the JSON is still on stdout
        if (e.stdout && e.stdout.trim().startsWith("{")) return {json: JSON.parse(e.stdout)};
        return {error: String(e.stderr || e.message).trim().split("\n")[0]};
    }
}

// Each row is measured in a child process, so a llama.cpp abort costs one row, not the run.
if (flag("--measure-row")) {
    const {file, row} = JSON.parse(option("--measure-row"));
    process.stdout.write("@@RESULT@@" + JSON.stringify(await measure(file, row)) + "\n");
    await llama.dispose();
    process.exit(0);
}

function measureInChild(file, row) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--measure-row",
                                               JSON.stringify({file, row}), ...(flag("--alloc") ? ["--alloc"] : [])],
                            {encoding: "utf8", maxBuffer: 64 << 20});
    const line = child.stdout.split("\n").find((l) => l.startsWith("@@RESULT@@"));
    if (line) return JSON.parse(line.slice("@@RESULT@@".length));
    const why = (child.stderr + child.stdout).split("\n").filter((l) => /ASSERT|error|abort/i.test(l)).pop();
    return {error: `llama.cpp failed (exit ${child.status ?? child.signal}): ${why ?? "no message"}`};
}

const rows = matrix({quick: flag("--quick"), only: option("--only", null)});
const results = [];
let current = null;
for (const row of rows) {
    const file = path.join(workDir, `${row.preset}-${row.ftype}.gguf`);
    if (current !== file) {
        if (current && !flag("--keep")) fs.rmSync(current, {force: true});
        row.written = writeModel(row.preset, row.ftype, file);
        current = file;
    }
    const measured = measureInChild(file, row);
    const predicted = fs.existsSync(canrun) ? predict(file, row) : {error: "canrun not built"};
    const written = row.written ?? results.at(-1)?.written;
    results.push({...row, written, file_bytes: fs.statSync(file).size, measured, predicted});
    process.stdout.write(`${row.preset} ${row.ftype} ctx=${row.ctx} kv=${row.kv} fa=${row.fa}: ` +
                         (measured.error ?? `kv ${measured.kv_mib} MiB, compute ${measured.compute_mib} MiB`) + "\n");
}
if (current && !flag("--keep")) fs.rmSync(current, {force: true});
fs.rmSync(workDir, {recursive: true, force: true});
writeResults(here, results, {llamaCpp: llamaCppRelease(), threads: kThreads});
await llama.dispose();

function llamaCppRelease() {
    const info = JSON.parse(fs.readFileSync(path.join(here, "node_modules/node-llama-cpp/llama/llama.cpp.info.json"), "utf8"));
    return `${info.llamaCppGithubRepo} ${info.tag}`;
}
