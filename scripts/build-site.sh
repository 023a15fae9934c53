#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds rapportverk, checks the bundled content/ and
# writes the site to output/site/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DRV_BUILD_TESTS=OFF -DRV_SANITIZE=OFF -DRV_WERROR=OFF \
  >/dev/null
cmake --build build -j"$(nproc)"
build/generator/rapportverk build content --out output/site
