#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan in build-fuzz/, and runs each
# for SECONDS (default 60) on seed corpora made from content/ and examples/. Prints executions
# and coverage per target; exits 1 when a target found a crash, hang or leak (the input is
# saved as build-fuzz/findings/<target>-crash-…, to be made a regression test).
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]      targets: json markdown check pdf (default: all)
#
# The corpus each run grows is kept in build-fuzz/corpus/<target>, so later runs start where
# earlier ones stopped. Installs clang and libFuzzer (Debian 12) when they are missing.
# RV_FUZZ_SKIP_BUILD=1: run the targets as built, without configuring or building.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(json markdown check pdf)

build=build-fuzz
# RV_FUZZ_SKIP_BUILD=1 runs the targets already in build-fuzz/ (a long run that must not
# stop on someone's half-edited source).
build_targets() {
  scripts/install-deps.sh
  local missing=()
  for package in clang libclang-rt-14-dev; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi

  echo "== build ($build: clang, libFuzzer, ASan + UBSan)"
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRV_FUZZ=ON \
    -DRV_BUILD_TESTS=OFF >/dev/null
  for target in "${targets[@]}"; do
    cmake --build "$build" -j"$(nproc)" --target "fuzz_$target"
  done
}
if [ "${RV_FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  build_targets
fi

# Seed corpora: every JSON and Markdown file of the bundled content and the examples; for
# the check and the PDF, each report.json joined to each of its sections by the split line.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{json,markdown,check,pdf}
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  cp "$file" "$seeds/json/$n.json"
done < <(find -L content examples schemas -name '*.json' -print0)
while IFS= read -r -d '' file; do
  n=$((n + 1))
  cp "$file" "$seeds/markdown/$n.md"
  cp "$file" "$seeds/pdf/$n.md"
done < <(find -L content examples -name '*.md' -print0)
while IFS= read -r -d '' report; do
  dir="$(dirname "$report")"
  n=$((n + 1))
  cp "$report" "$seeds/check/$n.txt"
  for section in "$dir"/*.md; do
    [ -e "$section" ] || continue
    n=$((n + 1))
    { cat "$report"; printf '\n-----8<-----\n'; cat "$section"; } >"$seeds/check/$n.txt"
    cp "$seeds/check/$n.txt" "$seeds/pdf/$n.txt"  # the PDF target takes figures too
  done
done < <(find -L content examples -name report.json -print0)
# Earlier findings, once fixed, stay in the seeds.
if [ -d tests/fuzz-regressions ]; then
  for target in json markdown check pdf; do
    for file in tests/fuzz-regressions/"$target"-*; do
      [ -e "$file" ] && cp "$file" "$seeds/$target/"
    done
  done
fi

mkdir -p "$build/findings" "$build/logs"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
summary=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  dict="fuzz/$target.dict"
  [ "$target" = pdf ] && dict="fuzz/check.dict"
  mkdir -p "$corpus"
  log="$build/logs/$target.log"
  echo "== fuzz_$target: ${seconds}s (log: $log)"
  result=ok
  # -timeout: an input that takes longer than 10 s is a hang; -rss_limit_mb bounds memory.
  if ! "$build/fuzz/fuzz_$target" "$corpus" "$seeds/$target" -dict="$dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$target-" >"$log" 2>&1; then
    result=FOUND
    status=1
    grep -m1 -E "ERROR|WARNING|timeout|out-of-memory" "$log" || true
  fi
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  cov="$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 || true)"
  line="fuzz_$target: $result, ${runs} executions in ${seconds}s, ${cov:-no coverage line}"
  echo "$line"
  summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$status"
