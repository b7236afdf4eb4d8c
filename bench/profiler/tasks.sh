#!/usr/bin/env bash
# Prints what handing work over through Profiler.wrap costs per task, apart from sampling
# (the profiler runs at a 1 s interval), on every JDK given.
# Usage: bench/profiler/tasks.sh [ROUNDS] [TASKS] [WORK] [JAVA_HOME...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-9}"; tasks="${2:-20000}"; work="${3:-500}"
shift 3 || shift $#
. "$here/lib.sh"
mapfile -t jdks < <(bench_jdks "$@")
bench_compile "${jdks[0]}" TaskBench.java
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for jdk in "${jdks[@]}"; do
  echo
  "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xms512m -Xmx512m -cp "$jar:$classes" TaskBench "$rounds" "$tasks" "$work" 2>&1 \
    | grep -v '^WARNING'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
