#!/usr/bin/env python3
"""Refit the decode constants of data/speed.json and check them by leaving one device out.

    speed_accuracy ROWS DATA --dump > /tmp/dump.txt
    python3 bench/accuracy/speed/fit_speed.py /tmp/dump.txt [--rows]

It re-implements the decode formulas of src/core/estimate/speed_decode.cpp on the per-row terms
the harness dumps (bytes read per token, bandwidth, layers, TFLOPS), starting from the shipped
constants:

  GPU: t = softmax4(bytes / (bw x eff_backend x f_quant), bytes / (TFLOPS x bpf_backend x f_quant))
           + layers x layer_floor_backend + token_floor
  CPU: t = softmax4(bytes / (bw x eff_cpu), bytes / (core_rate_quant x isa x threads))
           + layers x threads x sync + token_floor_cpu

It prints (1) the in-sample median |error| with the shipped constants, (2) with constants refitted
on all rows (coordinate descent on the mean |log(predicted/measured)|), and (3) leave-one-device-
out: for each device (GPU model or CPU), the constants are refitted on the other devices and the
held-out device's rows are predicted. (3) is the figure to expect on hardware not in the table.
Layer-split rows are summed as one device (the handoff per boundary is left out). The CPU
compute term here uses the quant family's rate for the KV bytes too (the C++ uses the F16 rate
for them), so in-sample figures differ from speed_accuracy by a few tenths of a point.
Standard library only.
"""
import csv
import json
import re
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
SHARP = 4.0


def load(dump_path):
    rows = {r["id"]: r for r in csv.DictReader(open(os.path.join(HERE, "rows.csv")))}
    cpus = {r["cpu"]: r for r in csv.DictReader(open(os.path.join(HERE, "cpus.csv")))}
    tuning = json.load(open(os.path.join(ROOT, "data", "speed.json")))
    data = []
    for line in open(dump_path):
        f = line.split()
        if len(f) != 11 or f[0] != "DUMP" or f[3] != "1":
            continue  # decode rows only
        r = rows[f[1]]
        # "RTX 3090 x2" (layer split over 2 GPUs) is held out together with "RTX 3090"
        dev = re.sub(r" x[0-9]+$", "", r["device"] or r["cpu"])
        d = dict(id=int(f[1]), g=f[2], meas=float(f[4]), by=float(f[5]), bw=float(f[6]),
                 L=int(f[7]), tf=float(f[9]), q=f[10], dev=dev,
                 model=r["model"], rt=r["runtime"])
        if d["g"] == "cpu":
            c = cpus[r["cpu"]]
            d.update(th=int(c["threads"]), isa=c["isa"])
        elif float(r["gpu_share"]) < 1:
            continue  # partial offload: not covered by this re-implementation
        data.append(d)
    return data, tuning


def family(q):
    q = q.upper()
    for p, fam in (("MXFP4", "mxfp4"), ("F16", "f16"), ("Q2_K", "q2_k"), ("Q3_K", "q3_k"),
                   ("Q4_K", "q4_k"), ("Q5_K", "q5_k"), ("Q6_K", "q6_k"), ("Q4_0", "q4_0"),
                   ("Q4_1", "q4_0"), ("Q5_0", "q5_0"), ("Q8_0", "q8_0")):
        if q.startswith(p):
            return fam
    return "q4_k"


def params_from(t):
    p = {}
    for b in t["backends"]:
        p["e_" + b["id"]] = b["decode_bw_efficiency"]
        p["lf_" + b["id"]] = b["layer_floor_s"]
        p["bpf_" + b["id"]] = b.get("decode_bytes_per_flop", 0.0)
        p["floor_gpu"] = b["token_floor_s"]
    for q in t["quants"]:
        p["qf_" + q["id"]] = q["gpu_decode_factor"]
        p["r_" + q["id"]] = q["cpu_core_gbps"]
    for i in t["isas"]:
        key = "isa_" + (i["feature"] or "generic")
        if i.get("cpu_name_prefix"):  # e.g. Apple M: a named CPU family within a feature class
            key += "@" + i["cpu_name_prefix"]
        p[key] = i["core_factor"]
    c = {x["id"]: x["value"] for x in t["constants"]}
    p.update(e_cpu=c["cpu_bw_efficiency"], floor_cpu=c["cpu_token_floor_s"], sync=c["cpu_sync_s"])
    return p


def soft(a, b):
    return (a ** SHARP + b ** SHARP) ** (1 / SHARP)


def predict(d, p):
    fam = family(d["q"])
    if d["g"] == "cpu":
        isa = p.get("isa_" + d["isa"], p["isa_generic"])
        for k in p:  # a name-prefixed row wins for the CPUs it names
            if k.startswith("isa_" + d["isa"] + "@") and d["dev"].startswith(k.split("@", 1)[1]):
                isa = p[k]
        tm = d["by"] / (d["bw"] * 1e9 * p["e_cpu"])
        tc = d["by"] / (p["r_" + fam] * 1e9 * isa * d["th"])
        return 1 / (soft(tm, tc) + d["L"] * d["th"] * p["sync"] + p["floor_cpu"])
    g, qf = d["g"], p["qf_" + fam]
    t = d["by"] / (d["bw"] * 1e9 * p["e_" + g] * qf)
    if p["bpf_" + g] > 0 and d["tf"] > 0:
        t = soft(t, d["by"] / (d["tf"] * 1e12 * p["bpf_" + g] * qf))
    return 1 / (t + d["L"] * p["lf_" + g] + p["floor_gpu"])


def errors(p, rows):
    return [predict(d, p) / d["meas"] - 1 for d in rows]


def objective(p, rows):
    return sum(abs(math.log(1 + e)) for e in errors(p, rows)) / len(rows)


def median(v):
    v = sorted(v)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def refit(p, keys, rows, rounds=40):
    p = dict(p)
    for _ in range(rounds):
        moved = False
        for k in keys:
            best = objective(p, rows)
            for f in (0.5, 0.8, 0.9, 0.97, 1.03, 1.1, 1.25, 2.0):
                q = dict(p, **{k: p[k] * f})
                o = objective(q, rows)
                if o < best - 1e-9:
                    best, p, moved = o, q, True
        if not moved:
            break
    return p


# What the fit may move: per-backend efficiency and layer floor, the Metal ALU bound, the
# shared GPU token floor, the F16 and MXFP4 factors; CPU efficiency, floors and Arm/SSE factors.
KEYS = ["e_cuda", "e_vulkan", "e_metal", "lf_cuda", "lf_vulkan", "lf_metal", "bpf_metal",
        "floor_gpu", "qf_f16", "qf_mxfp4", "e_cpu", "floor_cpu", "sync", "isa_dotprod",
        "isa_neon", "isa_sse4_1"]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    data, tuning = load(sys.argv[1])
    p0 = params_from(tuning)
    p0.setdefault("isa_sse4_1", p0["isa_generic"])
    keys = [k for k in KEYS if k in p0 and p0[k] > 0]
    shipped = [abs(e) for e in errors(p0, data)]
    print(f"decode rows {len(data)} (full offload or CPU only)")
    print(f"shipped constants, in-sample   median |err| {100 * median(shipped):5.1f}%")
    fitted = refit(p0, keys, data)
    print(f"refitted on all rows           median |err| {100 * median([abs(e) for e in errors(fitted, data)]):5.1f}%")
    held = []
    by_group = {}
    for dev in sorted({d["dev"] for d in data}):
        train = [d for d in data if d["dev"] != dev]
        test = [d for d in data if d["dev"] == dev]
        p = refit(p0, keys, train, rounds=15)
        for d, e in zip(test, errors(p, test)):
            held.append(abs(e))
            by_group.setdefault(d["g"], []).append(abs(e))
            if "--rows" in sys.argv:
                print(f"  held out {d['id']:4} {dev[:30]:30} {d['model'][:20]:20} {100 * e:+6.1f}%")
    print(f"leave one device out           median |err| {100 * median(held):5.1f}%  "
          f"({len({d['dev'] for d in data})} devices)")
    for g, v in sorted(by_group.items()):
        print(f"  {g:7} rows {len(v):3}  leave-one-device-out median |err| {100 * median(v):5.1f}%")


if __name__ == "__main__":
    main()
