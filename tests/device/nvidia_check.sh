#!/bin/sh
# Device check (only on a machine with an NVIDIA GPU and driver): builds canrun, runs
# `canrun hw --json`, compares each GPU's name, total memory and PCI address with nvidia-smi,
# and saves what the probes read (a snapshot, and the same as a trimmed sysroot tree) as a new
# fixture.
#
#   tests/device/nvidia_check.sh [OUTDIR]      (default OUTDIR: $OUT, else build/device-check)
#
# Exit 0 when every GPU nvidia-smi lists matches canrun's report; 1 on a mismatch; 2 when the
# machine cannot run the check (no nvidia-smi, no python3, build failure).
set -eu
cd "$(dirname "$0")/../.."
out=${1:-${OUT:-build/device-check}}
mkdir -p "$out"
command -v nvidia-smi >/dev/null || { echo "nvidia_check: nvidia-smi not found"; exit 2; }
command -v python3 >/dev/null || { echo "nvidia_check: python3 not found"; exit 2; }

build=build/device
if [ ! -x "$build/canrun" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCANRUN_BUILD_TESTS=OFF >/dev/null \
    || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCANRUN_BUILD_TESTS=OFF >/dev/null || exit 2
  cmake --build "$build" -j"$(nproc)" --target canrun >/dev/null || exit 2
fi
canrun="$build/canrun"

"$canrun" hw --json --save-snapshot "$out/snapshot.json" > "$out/hw.json"
"$canrun" hw --verbose > "$out/hw.txt" || true
nvidia-smi --query-gpu=name,memory.total,pci.bus_id --format=csv,noheader,nounits > "$out/nvidia-smi.csv"
nvidia-smi > "$out/nvidia-smi.txt" 2>&1 || true

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
hw = json.load(open(os.path.join(out, "hw.json")))
gpus = {g["pci"]: g for g in hw["gpus"] if g.get("pci")}
bad = 0
for line in open(os.path.join(out, "nvidia-smi.csv")):
    parts = [p.strip() for p in line.split(",")]
    if len(parts) != 3:
        continue
    name, mib, bus = parts
    pci = bus.lower()[-12:]  # 00000000:01:00.0 -> 0000:01:00.0
    g = gpus.get(pci)
    if g is None:
        print(f"MISMATCH {pci}: nvidia-smi lists {name}, canrun has no GPU there"); bad += 1; continue
    got_mib = (g["vram_total_bytes"] or 0) // (1024 * 1024)
    checks = [("name", g["name"], name), ("memory MiB", got_mib, int(mib))]
    for what, got, want in checks:
        status = "ok" if got == want else "MISMATCH"
        bad += status != "ok"
        print(f"{status:8} {pci} {what}: canrun {got!r}, nvidia-smi {want!r}")
    if "nvml" not in g.get("sources", []):
        print(f"MISMATCH {pci}: NVML did not enrich this GPU (sources {g.get('sources')})"); bad += 1

# The snapshot as a trimmed sysroot: files, links and recorded answers (.canrun/answers).
snap = json.load(open(os.path.join(out, "snapshot.json")))
root = os.path.join(out, "sysroot")
def put(path, data):
    full = os.path.join(root, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)
for path, text in snap["files"].items():
    put(path, text.encode())
for path, hexdata in snap["files_hex"].items():
    put(path, bytes.fromhex(hexdata))
for path, target in snap["links"].items():
    full = os.path.join(root, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if not os.path.lexists(full):
        os.symlink(target, full)
for path, entries in snap["dirs"].items():
    for e in entries:
        os.makedirs(os.path.join(root, path.lstrip("/"), e), exist_ok=True) if not os.path.lexists(
            os.path.join(root, path.lstrip("/"), e)) else None
for key, text in snap["answers"].items():
    if key.startswith("pci-name:"):
        continue
    name = key.replace("/", "_").replace(":", "_").replace(" ", "_")
    put("/.canrun/answers/" + name, text.encode())
print(f"saved {out}/snapshot.json and {root} (copy it to tests/fixtures/sysroots/<name>, add a README)")
sys.exit(1 if bad else 0)
PY
