#!/usr/bin/env bash
# Cold builds of one corpus by markata-java and by Hugo, alternated within the same run, so the
# comparison the performance goal makes ("faster than Hugo") is measured on this machine, under
# the same load, on the same posts. The corpus and the Hugo site come from the team's generator
# (../shared/bench/gen_corpus.py, beside the checkout); Hugo from Debian (apt-get install hugo).
#
#   bench/peers.sh                     # N = 1000 and 10000, median of 3 runs each
#   SIZES="10000" RUNS=5 bench/peers.sh
#
# Pages: Hugo builds one page per post plus the index (the generator switches its feeds,
# sitemap and taxonomies off); markata-java also writes its feeds, sitemap, 404 page and
# markata.json, with its default plugins, and no profiler.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sizes="${SIZES:-1000 10000}"
runs="${RUNS:-3}"
work="${BENCH_DIR:-/dev/shm/markata-bench}"
generator="${GEN_CORPUS:-$root/../shared/bench/gen_corpus.py}"
. "$root/bench/lib.sh"
require_gnu_time
[ -f "$generator" ] || { echo "peers: needs the team's corpus generator at $generator (or GEN_CORPUS=...)" >&2; exit 2; }
command -v hugo >/dev/null || { echo "peers: needs hugo on PATH (apt-get install hugo)" >&2; exit 2; }

launcher="$root/markata"
"$launcher" --version >/dev/null   # builds the jar once, outside the timings
mkdir -p "$work"

echo "$(machine_line); $(hugo version | cut -d' ' -f1-2)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); cold builds, median of $runs runs"
printf '%-6s %-14s %8s %8s %8s %8s %8s\n' posts tool wall_s cpu_s pages/s vs_hugo peak_MB
for n in $sizes; do
  corpus="$work/peers-$n"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    python3 "$generator" --n "$n" --out "$corpus" --tools hugo >/dev/null
    touch "$corpus/.complete"
  fi
  hugo_site="$corpus/sites/hugo"
  "$launcher" build --quiet --no-profile --directory "$corpus" >/dev/null 2>&1   # class-data archive, disk cache
  declare -A wall=() cpu=() mem=()
  for ((r = 0; r < runs; r++)); do
    rm -rf "$corpus/markout" "$corpus/.markata.cache"
    read -r s c m <<<"$(timed "$launcher" build --quiet --no-profile --directory "$corpus")"
    [ -n "$s" ] || { echo "peers: markata-java failed to build $corpus" >&2; exit 1; }
    wall[markata]+="$s "; cpu[markata]+="$c "; mem[markata]+="$m "
    rm -rf "$hugo_site/public" "$hugo_site/resources"
    read -r s c m <<<"$(timed hugo --quiet -s "$hugo_site")"
    [ -n "$s" ] || { echo "peers: hugo failed to build $hugo_site" >&2; exit 1; }
    wall[hugo]+="$s "; cpu[hugo]+="$c "; mem[hugo]+="$m "
  done
  hugo_wall=$(printf '%s\n' ${wall[hugo]} | median)
  for tool in markata hugo; do
    s=$(printf '%s\n' ${wall[$tool]} | median)
    c=$(printf '%s\n' ${cpu[$tool]} | median)
    m=$(printf '%s\n' ${mem[$tool]} | median)
    label=markata-java; [ "$tool" = hugo ] && label=hugo
    printf '%-6s %-14s %8s %8s %8.0f %8.2f %8s\n' "$n" "$label" "$s" "$c" "$(awk -v s="$s" -v n="$n" 'BEGIN { print (n + 1) / s }')" \
      "$(awk -v a="$s" -v b="$hugo_wall" 'BEGIN { print a / b }')" "$m"
  done
  unset wall cpu mem
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
