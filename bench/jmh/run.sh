#!/usr/bin/env bash
# Builds and runs the JMH benchmarks of the build's hot paths (bench/jmh), on the 1,000-post
# corpus made by bench/GenCorpus.java (made here when missing).
#   bench/jmh/run.sh                    # every benchmark
#   bench/jmh/run.sh TemplateBench      # any JMH arguments (a regex of benchmarks, -f, -i, -prof gc ...)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="${MARKATA_BENCH_CORPUS:-/dev/shm/markata-bench/corpus-1000}"
[ -d "$corpus/posts" ] || java "$root/bench/GenCorpus.java" --n 1000 --out "$corpus" >/dev/null
(cd "$root" && ./mvnw -q -B -Pbench -pl bench/jmh -am package -DskipTests)
exec java -Dmarkata.bench.corpus="$corpus" -jar "$root/bench/jmh/target/benchmarks.jar" \
  -jvmArgsAppend "-Dmarkata.bench.corpus=$corpus" "$@"
