#!/usr/bin/env bash
# What recording the JVM's own activity (GC pauses, JIT and GC threads' CPU, classes loaded:
# JvmWatch) costs a build: cold builds of this checkout and of another (BASE, a checkout of the
# commit before, packaged) alternated run by run, so both meet the same load. Prints the median
# wall and CPU seconds of each, then the JVM line of this checkout's last console summary.
#
#   BASE=/tmp/jvm/base bench/jvm.sh                       # 1,000 and 10,000 posts, --profile, median of 3
#   BASE=/tmp/jvm/base SIZES=1000 RUNS=5 FLAGS="--no-profile --stats-json /dev/shm/s.json" bench/jvm.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
base="${BASE:?BASE=<a checkout of the commit to compare with, its jar packaged>}"
sizes="${SIZES:-1000 10000}"
runs="${RUNS:-3}"
flags="${FLAGS:---profile}"
work="${BENCH_DIR:-/dev/shm/markata-bench-jvm}"
. "$root/bench/lib.sh"
require_gnu_time

mkdir -p "$work"
java "$root/bench/GenCorpus.java" --n 10 --out "$work/warmup" >/dev/null 2>&1
for side in "$base" "$root"; do   # each launcher's class-data archive, outside the timings
  "$side/markata" build --quiet --directory "$work/warmup" >/dev/null
done
log="$work/log"
echo "$(machine_line); flags: $flags"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
printf '%-6s %-8s %8s %8s\n' posts side wall_s cpu_s
for n in $sizes; do
  corpus="$work/corpus-$n"
  rm -rf "$corpus"
  java "$root/bench/GenCorpus.java" --n "$n" --out "$corpus" >/dev/null 2>&1
  declare -A wall=() cpu=()
  for ((r = 0; r < runs; r++)); do
    for side in "$base" "$root"; do
      rm -rf "$corpus/markout" "$corpus/.markata.cache"
      # shellcheck disable=SC2086
      read -r s c _ <<<"$(TIMED_LOG="$log.$(basename "$side")" timed "$side/markata" build $flags --directory "$corpus")"
      wall[$side]+="$s "; cpu[$side]+="$c "
    done
  done
  for side in "$base" "$root"; do
    printf '%-6s %-8s %8s %8s\n' "$n" "$([ "$side" = "$root" ] && echo this || echo base)" \
      "$(printf '%s\n' ${wall[$side]} | median)" "$(printf '%s\n' ${cpu[$side]} | median)"
  done
  grep -h '^JVM: \|^Profiler cost' "$log.$(basename "$root")" || true
  unset wall cpu
  rm -rf "$corpus"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
