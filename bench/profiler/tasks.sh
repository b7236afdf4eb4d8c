#!/usr/bin/env bash
# Prints what handing work over through Profiler.wrap costs per task, apart from sampling
# (the profiler runs at a 1 s interval), on every JDK given.
# Usage: bench/profiler/tasks.sh [ROUNDS] [TASKS] [WORK] [JAVA_HOME...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-9}"; tasks="${2:-20000}"; work="${3:-500}"
shift 3 || shift $#
jdks=("$@")
if [ ${#jdks[@]} -eq 0 ]; then
  jdks=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && jdks+=(/usr/lib/jvm/temurin-25-jdk-amd64)
fi
jar="$root/profiler/target/markata-profiler.jar"
(cd "$root" && ./mvnw -q -B -pl profiler -am package -Dmaven.test.skip=true)
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
"${jdks[0]}/bin/javac" --release 17 -d "$classes" -cp "$jar" "$here/src/TaskBench.java"
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for jdk in "${jdks[@]}"; do
  echo
  "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -Xms512m -Xmx512m -cp "$jar:$classes" TaskBench "$rounds" "$tasks" "$work" 2>&1 \
    | grep -v '^WARNING'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
