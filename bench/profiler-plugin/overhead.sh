#!/usr/bin/env bash
# What the build profiler plugin costs a real build: builds a generated blog with and without
# --profile (alternating, on a tmpfs), each with --stats-json, and prints the stage times.
# "work" is every stage but save and teardown: where the per-document spans and task decoration
# cost; "save" also holds the profiler's stop and report writing when it is on (a fixed cost
# that grows with samples, not posts). The figures come from --stats-json, which measures with
# clocks whether the profiler runs or not.
# Usage: bench/profiler-plugin/overhead.sh [posts, default 10000] [runs, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
posts="${1:-10000}"
runs="${2:-3}"
base="/dev/shm/markata-overhead-$$"
trap 'rm -rf "$base"' EXIT
java bench/GenCorpus.java --n "$posts" --out "$base/site" >/dev/null
./markata --version >/dev/null # builds the jar once

summary() { # file -> "work_ms save_ms total_ms"
  python3 - "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
work = sum(x["wall_ms"] for x in s["stages"] if x["stage"] not in ("save", "teardown"))
save = sum(x["wall_ms"] for x in s["stages"] if x["stage"] == "save")
print(f"{work:.0f} {save:.0f} {s['wall_ms']:.0f}")
PY
}

printf "%-4s %-8s %10s %10s %10s\n" run profiler "work ms" "save ms" "total ms"
declare -a off_work on_work
for run in $(seq 1 "$runs"); do
  for mode in off on; do
    flag="--no-profile"; [[ "$mode" == on ]] && flag="--profile"
    rm -rf "$base/site/markout" "$base/site/.markata.cache"
    ./markata build --quiet --directory "$base/site" "$flag" --stats-json "$base/$mode-$run.json" >/dev/null 2>&1
    read -r work save total < <(summary "$base/$mode-$run.json")
    printf "%-4s %-8s %10s %10s %10s\n" "$run" "$mode" "$work" "$save" "$total"
    if [[ "$mode" == on ]]; then on_work+=("$work"); else off_work+=("$work"); fi
  done
done
python3 - "${off_work[*]}" "${on_work[*]}" <<'PY'
import statistics, sys
off = [float(x) for x in sys.argv[1].split()]
on = [float(x) for x in sys.argv[2].split()]
m_off, m_on = statistics.median(off), statistics.median(on)
print(f"median work: off {m_off:.0f} ms, on {m_on:.0f} ms, overhead {100 * (m_on - m_off) / m_off:+.1f}%")
PY
