#!/usr/bin/env bash
# Cold builds of one corpus, the JVM launcher (./markata) and the native image alternated run by
# run, then a diff of the two outputs (the profile left out). Prints wall, CPU (user+sys) and
# peak RSS per run and their medians, with the load average.
#   bench/native/compare.sh CORPUS [RUNS] [NATIVE]   (NATIVE default: target/native/markata)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
. "$root/bench/lib.sh"
require_gnu_time
corpus="$1"; runs="${2:-5}"; native="${3:-$root/target/native/markata}"
jvm="$root/markata"
log="$(mktemp)"; trap 'rm -f "$log"' EXIT
"$jvm" build --quiet --no-profile --directory "$corpus" >/dev/null   # the jar and its class-data archive exist
"$native" --version >/dev/null

echo "$(machine_line)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $runs cold runs each, alternated"
declare -A wall=() cpu=() mem=()
for ((r = 1; r <= runs; r++)); do
  for kind in jvm native; do
    rm -rf "$corpus/markout" "$corpus/.markata.cache"
    cmd="$jvm"; [[ "$kind" == native ]] && cmd="$native"
    if ! result=$(TIMED_LOG="$log" timed "$cmd" build --quiet --no-profile --directory "$corpus"); then
      echo "compare: $kind build failed:" >&2; cat "$log" >&2; exit 1
    fi
    read -r s c m <<<"$result"
    wall[$kind]+="$s "; cpu[$kind]+="$c "; mem[$kind]+="$m "
    printf 'run %d %-6s wall %s s  cpu %s s  peak %s MB  (load %s)\n' "$r" "$kind" "$s" "$c" "$m" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
for kind in jvm native; do
  printf 'median %-6s wall %s s  cpu %s s  peak %s MB\n' "$kind" "$(printf '%s\n' ${wall[$kind]} | median)" \
    "$(printf '%s\n' ${cpu[$kind]} | median)" "$(printf '%s\n' ${mem[$kind]} | median)"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

# Same output? One build each into separate folders, compared whole except the profile.
out="$(mktemp -d)"
for kind in jvm native; do
  rm -rf "$corpus/markout" "$corpus/.markata.cache"
  cmd="$jvm"; [[ "$kind" == native ]] && cmd="$native"
  "$cmd" build --quiet --no-profile --directory "$corpus" >/dev/null
  mv "$corpus/markout" "$out/$kind"
done
if diff -r -x _profile "$out/jvm" "$out/native" >"$out/diff.txt"; then
  echo "outputs: identical ($(find "$out/jvm" -type f | wc -l) files)"
else
  echo "outputs: DIFFER ($(grep -c '^diff\|^Only' "$out/diff.txt") files; first lines below, all in $out/diff.txt)"
  head -20 "$out/diff.txt"
fi
