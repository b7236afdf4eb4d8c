#!/usr/bin/env bash
# What the end of a profiled build costs, without markata: a build-shaped recording (7 hooks of
# TASKS decorated tasks on 2 threads, one document span each, as markata makes them;
# async-profiler at 1 ms),
# then the stop, the session JSON, the pyinstrument JSON and the console text tree, each timed
# once in a fresh JVM with the launcher's C1-only JIT (the costs a build pays are the cold ones).
# Usage: bench/profiler/buildstop.sh [RUNS] [TASKS] [WORK] [JAVA_HOME]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-3}"
tasks="${2:-10000}"
work="${3:-3000}"
jdk="${4:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
. "$here/lib.sh"
bench_compile "$jdk" BuildStopBench.java
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < runs; i++)); do
  "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$jar:$classes" BuildStopBench \
    "$tasks" "$work" 2>&1 | grep -v '^WARNING'
done
