#!/bin/sh
# Predicted vs measured speed for the public rows in this directory (see README.md).
#   bench/accuracy/speed/run.sh [BUILD_DIR] [--fit | --dump | --lodo]
# --lodo: leave-one-device-out check of the decode constants (fit_speed.py, python3).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${1:-$root/build/dev}
cmake --build "$build" --target speed_accuracy >/dev/null
if [ "$2" = "--lodo" ]; then
    dump=$(mktemp)
    "$build/tests/unit/speed/speed_accuracy" "$here" "$root/data" --dump > "$dump"
    python3 "$here/fit_speed.py" "$dump"
    rm -f "$dump"
    exit 0
fi
"$build/tests/unit/speed/speed_accuracy" "$here" "$root/data" $2
