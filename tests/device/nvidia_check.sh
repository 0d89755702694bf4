#!/bin/sh
# Device check (only on a machine with an NVIDIA GPU and driver): builds canrun (or uses
# $CANRUN), runs `canrun hw --json` and checks each GPU nvidia-smi lists:
#   - found at the same PCI address, enriched by NVML, same name as nvidia-smi;
#   - total memory within 1 % of nvidia-smi's memory.total;
#   - its PCI ID is in data/hardware.json (an H100 must be recognised as an H100) and the
#     bandwidth canrun reports is within 5 % of that table row's bandwidth_gbps.
# It also saves what the probes read (a snapshot, and the same as a trimmed sysroot tree) as a
# new fixture. Takes seconds once canrun is built.
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
canrun=${CANRUN:-$build/canrun}
if [ ! -x "$canrun" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCANRUN_BUILD_TESTS=OFF >/dev/null \
    || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCANRUN_BUILD_TESTS=OFF >/dev/null || exit 2
  cmake --build "$build" -j"$(nproc)" --target canrun >/dev/null || exit 2
fi

"$canrun" hw --json --save-snapshot "$out/snapshot.json" > "$out/hw.json"
"$canrun" hw --verbose > "$out/hw.txt" || true
nvidia-smi --query-gpu=name,memory.total,pci.bus_id --format=csv,noheader,nounits > "$out/nvidia-smi.csv"
nvidia-smi > "$out/nvidia-smi.txt" 2>&1 || true

python3 - "$out" data/hardware.json <<'PY'
import json, os, sys
out, table_path = sys.argv[1], sys.argv[2]
hw = json.load(open(os.path.join(out, "hw.json")))
table = {pid.lower(): d for d in json.load(open(table_path))["devices"] for pid in d.get("pci_ids", [])}
gpus = {g["pci"]: g for g in hw["gpus"] if g.get("pci")}
bad = 0
seen = 0

def check(ok, pci, what, got, want):
    global bad
    bad += not ok
    print(f"{'ok' if ok else 'MISMATCH':8} {pci} {what}: canrun {got!r}, expected {want!r}")

for line in open(os.path.join(out, "nvidia-smi.csv")):
    parts = [p.strip() for p in line.split(",")]
    if len(parts) != 3:
        continue
    name, mib, bus = parts
    seen += 1
    pci = bus.lower()[-12:]  # 00000000:01:00.0 -> 0000:01:00.0
    g = gpus.get(pci)
    if g is None:
        check(False, pci, "GPU present", None, name); continue
    check(g["name"] == name, pci, "name (nvidia-smi)", g["name"], name)
    check("nvml" in g.get("sources", []), pci, "sources has nvml", g.get("sources"), "nvml")
    got_mib = (g["vram_total_bytes"] or 0) / (1024 * 1024)
    check(abs(got_mib - int(mib)) <= 0.01 * int(mib), pci, "memory MiB (within 1 %)", round(got_mib), int(mib))
    row = table.get((g.get("pci_id") or "").lower())
    check(row is not None, pci, f"pci_id {g.get('pci_id')} in data/hardware.json",
          row and row["id"], "a table row")
    if row is None:
        continue
    if "H100" in name:
        check("H100" in row["name"] and "H100" in g["name"], pci, "recognised as H100", row["name"], "H100 ...")
    bw, want_bw = g.get("bandwidth_gbps") or 0, row["bandwidth_gbps"]
    check(abs(bw - want_bw) <= 0.05 * want_bw, pci,
          f"bandwidth GB/s (within 5 % of table row {row['id']}; source {g.get('bandwidth_source')})",
          bw, want_bw)
if seen == 0:
    print("MISMATCH nvidia-smi listed no GPU"); bad += 1

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
