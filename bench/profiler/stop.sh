#!/usr/bin/env bash
# Prints what Profiler.stop() costs after a recording of two busy threads (async-profiler, 1 ms):
# stop wall and CPU time, bytes allocated by the stop, raw samples, merged rows, distinct stacks.
# Usage: bench/profiler/stop.sh [ROUNDS] [SECONDS] [JAVA_HOME]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-3}"
seconds="${2:-10}"
jdk="${3:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
. "$here/lib.sh"
bench_compile "$jdk" StopBench.java
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xms256m -Xmx256m -cp "$jar:$classes" StopBench "$rounds" "$seconds" 2>&1 \
  | grep -v '^WARNING'
