#!/usr/bin/env bash
# Rebuild benchmark: `markata serve --watch` keeps one JVM (and its JIT-compiled code) for every
# rebuild, so this measures what an author waits for after saving a post: one post changed,
# EDITS times, on a corpus of N posts. Prints, per edit, the build's own time (from serve's
# "built ..." line) and the latency from the file's write to that line (which includes the
# watcher's 200 ms wait for an editor to finish saving), and the CPU seconds the server used
# from the write to that line (all its threads: what the rebuild cost on a loaded machine, where
# wall times are not comparable), then their medians.
#
#   bench/watch.sh                    # N = 10000, 10 edits
#   N=1000 EDITS=20 bench/watch.sh
#   MARKATA_JAVA_OPTS=-Xmx1g bench/watch.sh
#   EDIT=prose bench/watch.sh         # edit a post's first paragraph (its descriptions), not its end
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/lib.sh"
n="${N:-10000}"
edits="${EDITS:-10}"
work="${BENCH_DIR:-/dev/shm/markata-bench}"
port="${PORT:-18431}"
corpus="$work/watch-$n"

"$root/markata" --version >/dev/null   # builds the jar once, outside the timings
mkdir -p "$work"
rm -rf "$corpus"
java "$root/bench/GenCorpus.java" --n "$n" --out "$corpus" >/dev/null 2>&1
log="$(mktemp "$work/.watch.XXXXXX")"
"$root/markata" serve --watch --no-profile --port "$port" --directory "$corpus" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

# Waits until the log holds at least $1 "built" lines; fails after 10 minutes.
wait_for_builds() {
  local want="$1" waited=0
  while [ "$(grep -c '^built ' "$log" || true)" -lt "$want" ]; do
    if ! kill -0 "$server" 2>/dev/null; then
      echo "bench: markata serve stopped:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.02
    waited=$((waited + 1))
    if [ "$waited" -gt 30000 ]; then
      echo "bench: no build after 10 minutes" >&2
      exit 1
    fi
  done
}

wait_for_builds 1
echo "$(machine_line); JVM options: ${MARKATA_JAVA_OPTS:-none}"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $n posts; first build: $(grep -m1 '^built ' "$log")"
printf '%-5s %10s %12s %8s\n' edit build_s latency_s cpu_s
posts=()
while IFS= read -r post; do posts+=("$post"); done < <(find "$corpus/posts" -name '*.md' | sort | awk 'NR <= 50')
builds_s=()
latencies_s=()
cpus_s=()
# CPU seconds (user + system) the server has used so far
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$server/stat"; }
for ((i = 1; i <= edits; i++)); do
  sleep 0.5   # the watcher re-registers its folders after a build
  post="${posts[$(( (i - 1) % ${#posts[@]} ))]}"
  cpu_before=$(server_cpu)
  start=$(date +%s%N)
  if [ "${EDIT:-end}" = prose ]; then
    sed -i "0,/^[A-Z]/s/^[A-Z]/Edit$i &/" "$post"   # the first paragraph: what auto_description reads
  else
    printf '\nEdited at %s.\n' "$start" >>"$post"
  fi
  wait_for_builds $((i + 1))
  end=$(date +%s%N)
  cpu=$(awk -v a="$cpu_before" -v b="$(server_cpu)" 'BEGIN { printf "%.2f", b - a }')
  line="$(grep '^built ' "$log" | sed -n "$((i + 1))p")"
  build=$(sed -E 's/.* in ([0-9.]+) s$/\1/' <<<"$line")
  latency=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
  printf '%-5s %10s %12s %8s\n' "$i" "$build" "$latency" "$cpu"
  builds_s+=("$build")
  latencies_s+=("$latency")
  cpus_s+=("$cpu")
done
printf '%-5s %10s %12s %8s\n' median "$(printf '%s\n' "${builds_s[@]}" | median)" \
  "$(printf '%s\n' "${latencies_s[@]}" | median)" "$(printf '%s\n' "${cpus_s[@]}" | median)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
