#!/bin/sh
# CTest runs tests as separate processes in parallel (and `make test` runs two build trees), so a
# test that writes under a fixed temporary name can delete another test's file mid-read. Tests
# take temporary paths from support/temp_path.h (unique per process and test) or TempSysroot.
# Usage: shared_temp_names.sh TESTS_DIR
set -eu
dir="$1"
hits=$(grep -rn --include='*.cpp' --include='*.h' -e 'temp_directory_path()' -e 'TempDir()) */' "$dir/unit" "$dir/support" \
    | grep -v '/support/temp_path.h:' | grep -v '/unit/hw/temp_sysroot.h:' || true)
if [ -n "$hits" ]; then
    echo "fixed temporary names shared between test processes; use canrun::testing::unique_temp_path:"
    echo "$hits"
    exit 1
fi
