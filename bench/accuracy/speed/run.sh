#!/bin/sh
# Predicted vs measured speed for the public rows in this directory (see README.md).
#   bench/accuracy/speed/run.sh [BUILD_DIR] [--fit]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build/dev}
cmake --build "$build" --target speed_accuracy >/dev/null
"$build/tests/unit/speed/speed_accuracy" "$here" "$root/data" $2
