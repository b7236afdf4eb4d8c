#!/usr/bin/env bash
# Build benchmark: cold, warm (nothing changed) and one-post-changed builds of a generated
# corpus, each with the profiler off and on, in the same invocation so the ratio is honest.
#
#   bench/run.sh                 # N = 1000 and 10000
#   SIZES="1000" RUNS=3 bench/run.sh
#
# Corpora live on tmpfs (/dev/shm) because creating and deleting thousands of files slows this
# kind of VM's disk over time; each figure is the median of RUNS runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes="${SIZES:-1000 10000}"
runs="${RUNS:-3}"
work="${BENCH_DIR:-/dev/shm/markata-bench}"
timer=/usr/bin/time
[ -x "$timer" ] || { echo "bench: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

"$root/markata" --version >/dev/null   # builds the jar once, outside the timings

# Runs one build; prints "seconds peak_rss_mb".
one_build() {
  local dir="$1"; shift
  local start end rss
  start=$(date +%s%N)
  rss=$("$timer" -f '%M' "$root/markata" build --quiet --directory "$dir" "$@" 2>&1 >/dev/null | tail -n 1)
  end=$(date +%s%N)
  awk -v ns=$((end - start)) -v kb="$rss" 'BEGIN { printf "%.3f %.0f\n", ns / 1e9, kb / 1024 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '%-7s %-9s %-8s %9s %9s %8s %10s\n' posts build profiler seconds pages/s ratio peak_MB
for n in $sizes; do
  corpus="$work/corpus-$n"
  rm -rf "$corpus"
  java "$root/bench/GenCorpus.java" --n "$n" --out "$corpus" 2>/dev/null
  for kind in cold warm changed; do
    declare -A secs=() mem=()
    for profile in --no-profile --profile; do
      times=(); peak=0
      for ((r = 0; r < runs; r++)); do
        case "$kind" in
          cold) rm -rf "$corpus/markout" "$corpus/.markata.cache" ;;
          warm) one_build "$corpus" "$profile" >/dev/null ;;
          changed) one_build "$corpus" "$profile" >/dev/null
                   first=$(ls "$corpus/posts" | head -n 1)
                   printf '\nEdited in run %s.\n' "$r$RANDOM" >> "$corpus/posts/$first" ;;
        esac
        read -r s m < <(one_build "$corpus" "$profile")
        times+=("$s"); (( m > peak )) && peak=$m
      done
      secs[$profile]=$(printf '%s\n' "${times[@]}" | median)
      mem[$profile]=$peak
    done
    for profile in --no-profile --profile; do
      s=${secs[$profile]}
      label=${profile#--}; label=${label/no-profile/off}; label=${label/profile/on}
      ratio=$(awk -v a="$s" -v b="${secs[--no-profile]}" 'BEGIN { printf "%.3f", a / b }')
      pages=$(awk -v s="$s" -v n="$n" 'BEGIN { printf "%.0f", (n + 1) / s }')
      printf '%-7s %-9s %-8s %9s %9s %8s %10s\n' "$n" "$kind" "$label" "$s" "$pages" "$ratio" "${mem[$profile]}"
    done
  done
done
