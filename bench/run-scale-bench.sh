#!/usr/bin/env bash
# Scale benchmark: builds synthetic corpora of 1,200 reports (120 services x 10 years) and
# 12,000 reports (1,200 x 10) with bench/make_corpus.cpp, then times `rapportverk build` on
# them: the full site, one edited report (incremental), and for 1,200 reports the PDFs and
# --jobs 1 against the default (with a byte-for-byte comparison of the two sites).
# Usage: bench/run-scale-bench.sh [--quick]   (--quick: only the 1,200-report corpus)
# The corpora and sites go to $RV_BENCH_DIR (default /tmp/rv-scale-bench); a corpus is
# generated again only when its parameters or the generator's sources changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-bench"
work="${RV_BENCH_DIR:-/tmp/rv-scale-bench}"
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h | --help) sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
  esac
done
export SOURCE_DATE_EPOCH=1700000000  # the same bytes from every build, for the comparison

if [[ ! -x /usr/bin/time ]]; then  # GNU time, for peak memory
  echo "Installing the Debian package time (for /usr/bin/time) ..."
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y time >/dev/null ||
    { "${sudo_cmd[@]}" apt-get update >/dev/null && "${sudo_cmd[@]}" apt-get install -y time >/dev/null; }
fi

mem_gib=$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
cpu_model=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
echo "Machine: $(nproc) cores, ${cpu_model:-unknown CPU}, ${mem_gib} GiB RAM," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v load="$(cut -d' ' -f1 /proc/loadavg)" -v cores="$(nproc)" 'BEGIN { exit !(load > cores / 2) }'; then
  echo "Note: the machine is busy (load above half the cores): wall times will be high."
fi
echo "Work folder: $work"
echo

echo "Building rapportverk and rv_make_corpus (Release, $build) ..."
mkdir -p "$work/logs"
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRV_BUILD_BENCH=ON \
  -DRV_BUILD_TESTS=OFF && cmake --build "$build" -j"$(nproc)" --target rapportverk rv_make_corpus; } \
  >"$work/logs/build.log" 2>&1; then
  tail -n 30 "$work/logs/build.log" >&2
  exit 1
fi
rv="$build/generator/rapportverk"
make_corpus="$build/bench/rv_make_corpus"

# The generator's sources and the template it copies: a change makes new corpora.
generator_hash=$(cat "$root"/bench/make_corpus.cpp "$root"/bench/corpus* "$root"/content/site.json \
  "$root"/content/regions.json "$root"/content/criteria.json "$root"/content/forms/*.json |
  sha256sum | cut -c1-16)

# ensure_corpus NAME SERVICES YEARS: generates $work/NAME unless it is already there.
ensure_corpus() {
  local name=$1 services=$2 years=$3
  local dir="$work/$name" stamp="$work/$name.stamp"
  local params="services=$services years=$years seed=20240912 generator=$generator_hash"
  if [[ -d $dir && -f $stamp && $(head -n1 "$stamp") == "$params" ]]; then
    echo "Corpus $name: already generated ($(tail -n1 "$stamp"))"
    return
  fi
  rm -rf "$dir" "$stamp"
  local summary
  summary=$("$make_corpus" --services "$services" --years "$years" --seed 20240912 \
    --out "$dir" --template "$root/content")
  printf '%s\n%s\n' "$params" "$summary" >"$stamp"
  echo "Corpus $name: generated: $summary"
}

# warm_up: reads the corpus being measured ($corpus_now) into the page cache. This machine
# keeps only part of what the runs write and read in memory; without it a run may wait
# seconds for the disk to give back source files that an earlier run pushed out. Every run
# is measured with warm sources, as a build on a workstation would run.
corpus_now=""
warm_up() {
  if [[ -n $corpus_now ]]; then
    find "$corpus_now" -type f -print0 | xargs -0 cat >/dev/null
  fi
}

# timed LABEL OUT-DIR EXT GOAL -- COMMAND...: runs COMMAND under /usr/bin/time, counts the
# files *.EXT under OUT-DIR and prints a row; sets $last_wall. With warm=1 the command runs
# once untimed first (as hyperfine's warm-up run): the measured build then finds the
# previous site, its spare and the sources as a build after a build finds them, rather
# than pushed out of memory by the runs before it.
last_wall=0
warm=0
timed() {
  local label=$1 out=$2 ext=$3 goal=$4
  shift 5
  local log="$work/logs/${label//[^A-Za-z0-9]/_}.log" times="$work/logs/time.txt"
  if ((warm)); then
    "$@" >"$log" 2>&1 || true
  fi
  warm_up
  sync  # earlier steps' writes are not this run's cost
  if ! /usr/bin/time -o "$times" -f '%e %U %S %M' "$@" >"$log" 2>&1; then
    echo "FAILED: $label: $*" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  local wall user sys peak_kb count
  read -r wall user sys peak_kb < <(tail -n1 "$times")
  count=$(find "$out" -name "*.$ext" | wc -l)
  last_wall=$wall
  awk -v label="$label" -v wall="$wall" -v cpu="$(awk -v u="$user" -v s="$sys" \
    'BEGIN { print u + s }')" -v peak="$peak_kb" -v count="$count" -v ext="$ext" -v goal="$goal" \
    'BEGIN { printf "%-34s %8.2f %8.2f %9.0f %7d %-4s %9.0f   %s\n", label, wall, cpu,
             peak / 1024, count, ext, (wall > 0 ? count / wall : 0), goal }'
}

header() {
  echo
  echo "== $1"
  printf '%-34s %8s %8s %9s %12s %9s   %s\n' "run" "wall s" "CPU s" "peak MB" "written" \
    "per s" "reference / goal"
}

# edit_and_build CORPUS OUT LABEL GOAL: appends a sentence to one section of the report in
# the middle of the corpus, builds incrementally, and puts the file back as it was.
edited_file=""
restore_edit() {
  if [[ -n $edited_file && -f $work/edit-backup.md ]]; then
    cp -p "$work/edit-backup.md" "$edited_file"
    edited_file=""
  fi
}
trap restore_edit EXIT
edit_and_build() {
  local corpus=$1 out=$2 label=$3 goal=$4
  local services service years year
  mapfile -t services < <(find "$corpus/services" -mindepth 1 -maxdepth 1 -type d | sort)
  service=${services[$((${#services[@]} / 2))]}
  mapfile -t years < <(find "$service" -mindepth 1 -maxdepth 1 -type d | sort)
  year=${years[$((${#years[@]} / 2))]}
  edited_file="$year/sammendrag.md"
  cp -p "$edited_file" "$work/edit-backup.md"
  printf '\nDenne setningen er lagt til av skalatesten.\n' >>"$edited_file"
  timed "$label" "$out" html "$goal" -- "$rv" build "$corpus" --out "$out" --no-pdf
  restore_edit
}

# serve_edit CORPUS OUT GOAL: starts `rapportverk serve` on an empty preview folder (a cold
# start: the whole build), saves one edit to a section and reads the time from the save to
# the page rebuilt from the server's own log line, then puts the file back and stops it.
# The last run's preview folder is moved aside and deleted after the measurement: ext4 makes
# new files slowly for a minute after tens of thousands were deleted (it skips recently freed
# inodes one by one), which is the bench's own cleanup, not the server's work.
serve_edit() {
  local corpus=$1 out=$2 goal=$3
  local log="$work/logs/serve.log" services service years year start ready pid waited
  rm -rf "$out.old"
  if [[ -e $out ]]; then
    mv "$out" "$out.old"
  fi
  warm_up
  sync
  start=$(date +%s.%N)
  "$rv" serve "$corpus" --out "$out" --no-pdf --port 0 --lang en >"$log" 2>&1 &
  pid=$!
  waited=0
  until grep -q "http://127.0.0.1:" "$log"; do
    sleep 0.05
    waited=$((waited + 1))
    if ((waited > 6000)) || ! kill -0 "$pid" 2>/dev/null; then
      echo "FAILED: serve did not start" >&2
      tail -n 20 "$log" >&2
      kill "$pid" 2>/dev/null || true
      exit 1
    fi
  done
  ready=$(date +%s.%N)
  mapfile -t services < <(find "$corpus/services" -mindepth 1 -maxdepth 1 -type d | sort)
  service=${services[$((${#services[@]} / 3))]}
  mapfile -t years < <(find "$service" -mindepth 1 -maxdepth 1 -type d | sort)
  year=${years[$((${#years[@]} / 2))]}
  edited_file="$year/sammendrag.md"
  cp -p "$edited_file" "$work/edit-backup.md"
  printf '\nDenne setningen er lagt til av skalatesten.\n' >>"$edited_file"
  waited=0
  until grep -q "after the save" "$log"; do
    sleep 0.05
    waited=$((waited + 1))
    if ((waited > 2400)); then
      echo "FAILED: serve did not rebuild after the edit" >&2
      tail -n 20 "$log" >&2
      break
    fi
  done
  local page_ms total_ms peak_kb
  page_ms=$(grep -m1 -oE "rebuilt [0-9]+ ms after the save" "$log" | grep -oE "[0-9]+" || echo "?")
  total_ms=$(grep -m1 -oE "(update|rebuild) took [0-9]+ ms|Rebuilt in [0-9]+ ms" "$log" |
    grep -oE "[0-9]+" || echo "?")
  peak_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
  restore_edit
  sleep 0.5
  kill -INT "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$out.old"
  awk -v start="$start" -v ready="$ready" -v peak="$peak_kb" \
    'BEGIN { printf "%-34s %8.2f %8s %9.0f %12s %9s   %s\n", "serve: start (whole build)",
             ready - start, "-", peak / 1024, "-", "-", "Hugo 86 s, 10 GiB; goal <= 10 s" }'
  printf '%-34s %8s %8s %9s %12s %9s   %s\n' "serve: save -> page rebuilt" "${page_ms} ms" "-" \
    "-" "-" "-" "$goal"
  echo "  (with the overview pages the update took ${total_ms} ms)"
}

run_corpus() {
  local name=$1 full_goal=$2 edit_goal=$3
  local corpus="$work/$name" out="$work/site-$name"
  corpus_now=$corpus
  header "$name: $(tail -n1 "$work/$name.stamp")"
  warm=1
  timed "full site (--no-pdf --clean)" "$out" html "$full_goal" -- \
    "$rv" build "$corpus" --out "$out" --no-pdf --clean
  local site_wall=$last_wall
  if [[ $name == reports-1200 ]]; then
    timed "full site, --jobs 1" "$out-jobs1" html "for comparison" -- \
      "$rv" build "$corpus" --out "$out-jobs1" --no-pdf --clean --jobs 1
    if diff -r -q "$out" "$out-jobs1" >/dev/null 2>&1; then
      echo "  --jobs 1 against the default: identical"
    else
      echo "  --jobs 1 against the default: DIFFERENT"
    fi
  fi
  warm=0
  edit_and_build "$corpus" "$out" "one report edited (incremental)" "for information"
  serve_edit "$corpus" "$out-serve" "$edit_goal"
  if [[ $name == reports-1200 ]]; then
    warm=1
    timed "full site with PDFs (--clean)" "$out-pdf" pdf "goal: <= 15 s more than the site" -- \
      "$rv" build "$corpus" --out "$out-pdf" --clean
    awk -v a="$last_wall" -v b="$site_wall" \
      'BEGIN { printf "  PDFs cost %.2f s more than the site alone (goal: <= 15 s)\n", a - b }'
  fi
}

ensure_corpus reports-1200 120 10
if [[ $quick -eq 0 ]]; then
  ensure_corpus reports-12000 1200 10
fi

run_corpus reports-1200 "Hugo 4.1 s, 0.94 GiB; goal <= 1.0 s, <= 200 MB" "goal <= 100 ms"
if [[ $quick -eq 0 ]]; then
  run_corpus reports-12000 "Hugo 42 s, 8.7 GiB; goal <= 8 s, <= 500 MB" \
    "Hugo 1.15 s (1.7 s to its log line); goal <= 100 ms"
fi
echo
echo "Logs: $work/logs"
