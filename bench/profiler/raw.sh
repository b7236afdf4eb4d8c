#!/usr/bin/env bash
# Prints what async-profiler itself costs on the thread-heavy workload, started with raw command
# strings and without this library (no spans, no task wrapping, no recording read back), against
# an unprofiled run in the same JVM, on every JDK given: the floor under ProfilerBench's figures.
# Usage: bench/profiler/raw.sh [ROUNDS] [JAVA_HOME...]
#   RAW_CONFIGS: command strings, one per line (default: wall at 1 ms as the library starts it
#   (cstack=vm), the same with cstack=no (what it used until session 6), and wall at 10 ms).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-25}"
shift || true
. "$here/lib.sh"
mapfile -t jdks < <(bench_jdks "$@")
bench_compile "${jdks[0]}" RawSamplerBench.java
# async-profiler's library for this machine, from the jar the library bundles it in
case "$(uname -m)" in
  aarch64|arm64) platform=linux-arm64 ;;
  *) platform=linux-x64 ;;
esac
unzip -q -o "$jar" "$platform/libasyncProfiler.so" -d "$classes"
library="$classes/$platform/libasyncProfiler.so"
default_configs="start,event=wall,interval=1000us,filter,cstack=vm,jstackdepth=2048,jfr,file=%f
start,event=wall,interval=1000us,filter,cstack=no,jstackdepth=2048,jfr,file=%f
start,event=wall,interval=10000us,filter,cstack=vm,jstackdepth=2048,jfr,file=%f"
mapfile -t configs <<< "${RAW_CONFIGS:-$default_configs}"
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for jdk in "${jdks[@]}"; do
  echo
  "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xms512m -Xmx512m -cp "$jar:$classes" RawSamplerBench "$rounds" \
    "$library" "${configs[@]}" 2>&1 | grep -v '^WARNING'
done
rm -f "${TMPDIR:-/tmp}"/raw-sampler-bench-*.out
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
