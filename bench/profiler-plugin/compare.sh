#!/usr/bin/env bash
# What comparing a profiled build with the previous one costs: a profiled build of a generated
# blog leaves its figures (_profile/index.stats.json); CompareBench then reads them back and makes
# the console block and the report's baseline, and writes figures of as many documents, in a fresh
# JVM with the launcher's JIT settings (C1 only), first call and warm. Prints CPU milliseconds.
# Usage: bench/profiler-plugin/compare.sh [posts, default 10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
posts="${1:-10000}"
base="/dev/shm/markata-compare-$$"
trap 'rm -rf "$base"' EXIT
java bench/GenCorpus.java --n "$posts" --out "$base/site" >/dev/null
./markata build --quiet --profile --directory "$base/site" >/dev/null 2>&1
jar="generator/target/markata.jar"
mkdir -p "$base/classes"
javac -cp "$jar" -d "$base/classes" bench/profiler-plugin/CompareBench.java
java -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=50 -XX:Tier3CompileThreshold=500 -XX:+UseSerialGC \
  -cp "$jar:$base/classes" dev.markata.plugins.profiler.CompareBench "$base/site/markout/_profile/index.stats.json" "$posts"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
