#!/usr/bin/env bash
# Builds the PDF benchmark in release mode and prints ms and KB per report, on one core.
# Usage: bench/run-pdf-bench.sh [content-dir] [runs] [padded.pdf]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-bench"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRV_BUILD_BENCH=ON \
  -DRV_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target rv_pdf_bench >/dev/null
exec taskset -c 0 "$build/bench/rv_pdf_bench" "${1:-$root/content}" "${2:-20}" ${3:+"$3"}
