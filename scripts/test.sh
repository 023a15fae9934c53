#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine and runs every test: formatting, then the test suite
# built with warnings as errors under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test

echo "== clang-format"
find generator tests fuzz -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run --Werror

echo "== build (ASan + UBSan, -Werror)"
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DRV_SANITIZE=ON -DRV_WERROR=ON >/dev/null
cmake --build build-test -j"$(nproc)"

echo "== tests"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-test
ctest --output-on-failure -j"$(nproc)"
