#!/usr/bin/env bash
# Prints the profiler's overhead table (both samplers, 1 ms and 10 ms, CPU-heavy and
# thread-heavy workloads) against an unprofiled run in the same JVM, on every JDK given.
# Usage: bench/profiler/run.sh [ROUNDS] [JAVA_HOME...]
#   default JDKs: the java on PATH, and Temurin 25 when installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-7}"
shift || true
. "$here/lib.sh"
mapfile -t jdks < <(bench_jdks "$@")
bench_compile "${jdks[0]}" ProfilerBench.java
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for jdk in "${jdks[@]}"; do
  echo
  "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xms512m -Xmx512m -cp "$jar:$classes" ProfilerBench "$rounds" 2>&1 \
    | grep -v '^WARNING'
done
