#!/usr/bin/env bash
# Build benchmark: cold, warm (nothing changed) and one-post-changed builds of a generated
# corpus, each with the profiler off and on (interval 1 ms, the default), alternated within the
# same invocation so the overhead ratio compares runs made under the same load.
#
#   bench/run.sh                          # N = 1000 and 10000, median of 3 runs each
#   SIZES="1000" RUNS=5 bench/run.sh
#   KINDS="warm changed" bench/run.sh     # only some of the rows
#   MARKATA_JAVA_OPTS="-Xmx1g" bench/run.sh   # JVM options for every build (see ./markata)
#
# Columns: wall seconds (median), CPU seconds (user + system, median: steadier than wall time
# on a shared machine), pages per wall second, profiler-on / profiler-off wall ratio, peak
# resident memory (median). Corpora live on tmpfs (BENCH_DIR, default /dev/shm/markata-bench)
# because creating and deleting thousands of files slows this kind of VM's disk over time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes="${SIZES:-1000 10000}"
runs="${RUNS:-3}"
kinds="${KINDS:-cold warm changed}"
work="${BENCH_DIR:-/dev/shm/markata-bench}"
. "$root/bench/lib.sh"
require_gnu_time

launcher="$root/markata"
"$launcher" --version >/dev/null   # builds the jar once, outside the timings

mkdir -p "$work"
# One small build outside the timings, so the launcher's class-data archive (AppCDS) exists.
java "$root/bench/GenCorpus.java" --n 10 --out "$work/warmup" >/dev/null 2>&1
"$launcher" build --quiet --directory "$work/warmup" >/dev/null
log="$(mktemp "$work/.log.XXXXXX")"
trap 'rm -f "$log"' EXIT

# Runs one build; prints "wall_seconds cpu_seconds peak_rss_mb". A failed build stops the script.
# Not --quiet: a profiled build then skips its console summary, which a user who profiles sees
# (and pays for); its output goes to the log.
one_build() {
  local dir="$1" profile="$2"
  if ! TIMED_LOG="$log" timed "$launcher" build "$profile" --directory "$dir"; then
    echo "bench: build of $dir ($profile) failed:" >&2
    cat "$log" >&2
    exit 1
  fi
}

# Appends a paragraph to one post, so the next build has exactly one changed post.
edit_one_post() {
  local post
  post="$(find "$1/posts" -name '*.md' | sort | awk 'NR == 1')"   # not head: SIGPIPE + pipefail
  printf '\nEdited at %s.\n' "$(date +%s%N)" >>"$post"
}

echo "$(machine_line); JVM options: ${MARKATA_JAVA_OPTS:-none}"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs"
printf '%-6s %-8s %-8s %8s %8s %8s %7s %8s\n' posts build profiler wall_s cpu_s pages/s ratio peak_MB
for n in $sizes; do
  corpus="$work/corpus-$n"
  rm -rf "$corpus"
  java "$root/bench/GenCorpus.java" --n "$n" --out "$corpus" >/dev/null 2>&1
  for kind in $kinds; do
    declare -A wall=() cpu=() mem=()
    for profile in --no-profile --profile; do wall[$profile]=""; cpu[$profile]=""; mem[$profile]=""; done
    if [ "$kind" != cold ]; then
      one_build "$corpus" --no-profile >/dev/null   # the site is built: warm and changed start from it
    fi
    for ((r = 0; r < runs; r++)); do
      for profile in --no-profile --profile; do
        case "$kind" in
          cold) rm -rf "$corpus/markout" "$corpus/.markata.cache" ;;
          warm) ;;
          changed) edit_one_post "$corpus" ;;
        esac
        result=$(one_build "$corpus" "$profile")
        read -r s c m <<<"$result"
        wall[$profile]+="$s "; cpu[$profile]+="$c "; mem[$profile]+="$m "
      done
    done
    off=$(printf '%s\n' ${wall[--no-profile]} | median)
    for profile in --no-profile --profile; do
      s=$(printf '%s\n' ${wall[$profile]} | median)
      c=$(printf '%s\n' ${cpu[$profile]} | median)
      m=$(printf '%s\n' ${mem[$profile]} | median)
      label=off; [ "$profile" = --profile ] && label=on
      ratio=$(awk -v a="$s" -v b="$off" 'BEGIN { printf "%.3f", a / b }')
      pages=$(awk -v s="$s" -v n="$n" 'BEGIN { printf "%.0f", (n + 1) / s }')
      printf '%-6s %-8s %-8s %8s %8s %8s %7s %8s\n' "$n" "$kind" "$label" "$s" "$c" "$pages" "$ratio" "$m"
    done
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
