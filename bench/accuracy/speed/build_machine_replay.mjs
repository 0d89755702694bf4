// Replays canrun's estimate for recorded build-machine runs, without running llama.cpp: for each
// row of a run file (build_machine_wall.json) it writes the same zero-weight GGUF, asks
// speed_predict for the estimate on the recorded machine (build_machine_record.json: CPU
// features and the `canrun bench` record of that session) and prints measured vs predicted.
// Usage: node build_machine_replay.mjs --build DIR [--run FILE] [--machine FILE] [--prompt N]
//                                      [--data DIR] [--uncalibrated]
//   DIR holds tools/canrun_make_model_gguf and tests/unit/speed/speed_predict (a Release build).
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
const buildDir = path.resolve(root, option("--build", "build/speed-rel"));
const run = JSON.parse(fs.readFileSync(option("--run", path.join(here, "build_machine_wall.json")), "utf8"));
const machine = path.resolve(option("--machine", path.join(here, "build_machine_record.json")));
const prompt = option("--prompt", "128");  // build_machine.mjs's default prompt length
const dataDir = path.resolve(option("--data", path.join(root, "data")));
const tool = path.join(buildDir, "tools/canrun_make_model_gguf");
const predictor = path.join(buildDir, "tests/unit/speed/speed_predict");
const presets = path.join(root, "bench/accuracy/memory/presets.json");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "canrun-replay-"));
// --uncalibrated: the same CPU without its bench record (the per-core table instead).
let machineFile = machine;
if (args.includes("--uncalibrated")) {
    machineFile = path.join(work, "machine.json");
    fs.writeFileSync(machineFile, JSON.stringify({...JSON.parse(fs.readFileSync(machine, "utf8")), bench: null}));
}

const errors = {decode: [], prefill: []};
const pct = (p, m) => 100 * (p - m) / m;
const median = (xs) => {
    const s = xs.map(Math.abs).sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log("| model | decode measured | canrun | error | prefill measured | canrun | error |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const row of run.rows) {
    const [preset, ftype] = row.model.split(" ");
    const file = path.join(work, `${preset}-${ftype}.gguf`);
    execFileSync(tool, ["--presets", presets, "--preset", preset, "--ftype", ftype, "--out", file]);
    const p = JSON.parse(execFileSync(predictor, [file, dataDir, String(row.threads),
                                                  prompt, machineFile], {encoding: "utf8"}));
    fs.rmSync(file);
    const m = row.measured;
    const d = pct(p.decode_tps, m.decode_tps);
    const f = pct(p.prefill_tps, m.prefill_tps);
    errors.decode.push(d);
    errors.prefill.push(f);
    const x = (v) => v.toFixed(1);
    console.log(`| ${row.model} | ${x(m.decode_tps)} | ${x(p.decode_tps)} | ${d >= 0 ? "+" : ""}${d.toFixed(0)} % ` +
                `| ${x(m.prefill_tps)} | ${x(p.prefill_tps)} | ${f >= 0 ? "+" : ""}${f.toFixed(0)} % |`);
}
fs.rmSync(work, {recursive: true, force: true});
console.log(`\nmedian |error|: decode ${median(errors.decode).toFixed(1)} %, ` +
            `prefill ${median(errors.prefill).toFixed(1)} % (${run.rows.length} rows)`);
