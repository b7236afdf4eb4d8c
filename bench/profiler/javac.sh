#!/usr/bin/env bash
# What the Java agent costs a real, JIT-heavy program: javac compiling the generator's sources
# (216 files), unprofiled and under each configuration, runs alternated, one fresh JVM each. Per
# run: wall, process CPU (user+sys) and CPU by thread group (threadcpu.py: main, C1, C2, GC,
# async-profiler's timer, the agent's threads, ...); then the median of each per configuration.
# Usage: bench/profiler/javac.sh [ROUNDS] [NAME=JVM_FLAGS ...]
#   default configurations: off (no agent) and agent (the agent's defaults: async-profiler,
#   wall clock, 1 ms, every thread, an HTML report). JVM_FLAGS are split on spaces; @JAR@ is the
#   agent jar, @OUT@ a scratch folder, @LIB@ async-profiler's library (for -agentpath runs
#   without this library), "-" means none. Example:
#   bench/profiler/javac.sh 5 off=- agent=-javaagent:@JAR@=output=@OUT@/p.html \
#     10ms=-javaagent:@JAR@=output=@OUT@/p.html,interval=10ms
#   JAVA_HOME: the JDK whose javac runs (default: the javac on PATH); AGENT_JAR: another build
#   of the agent to measure instead of this tree's (a base worktree's jar, for an A/B).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-5}"
shift || true
if [ $# -eq 0 ]; then
  set -- off=- agent=-javaagent:@JAR@=output=@OUT@/profile.html
fi
javac="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
jar="${AGENT_JAR:-$root/profiler/target/markata-profiler.jar}"
if [ -z "${AGENT_JAR:-}" ]; then
  (cd "$root" && ./mvnw -q -B -pl profiler -am package -Dmaven.test.skip=true)
fi
(cd "$root" && ./mvnw -q -B dependency:build-classpath -pl generator -Dmdep.outputFile="$scratch/cp.txt" >/dev/null)
find "$root/generator/src/main/java" -name '*.java' > "$scratch/sources.txt"
case "$(uname -m)" in
  aarch64|arm64) platform=linux-arm64 ;;
  *) platform=linux-x64 ;;
esac
unzip -q -o "$jar" "$platform/libasyncProfiler.so" -d "$scratch"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "javac: $("$javac" -version 2>&1), $(wc -l < "$scratch/sources.txt") sources; agent: $jar"
for round in $(seq "$rounds"); do
  for config in "$@"; do
    name="${config%%=*}"
    flags="${config#*=}"
    flags="${flags//@JAR@/$jar}"
    flags="${flags//@OUT@/$scratch}"
    flags="${flags//@LIB@/$scratch/$platform/libasyncProfiler.so}"
    extra=()
    if [ "$flags" != "-" ]; then
      for flag in $flags; do extra+=("-J$flag"); done
    fi
    rm -rf "$scratch/classes"
    line="$(python3 "$here/threadcpu.py" "$javac" "${extra[@]}" -nowarn -d "$scratch/classes" \
      -cp "$(cat "$scratch/cp.txt")" "@$scratch/sources.txt" 2>&1 | grep '^wall=')"
    echo "$round $name $line" | tee -a "$scratch/runs.txt"
  done
done
echo
echo "medians (seconds; $rounds rounds):"
python3 - "$scratch/runs.txt" <<'EOF'
import collections, statistics, sys
runs = collections.defaultdict(lambda: collections.defaultdict(list))
order = []
for line in open(sys.argv[1]):
    fields = line.split()
    name = fields[1]
    if name not in order:
        order.append(name)
    for field in fields[2:]:
        if "=" in field:
            key, value = field.split("=", 1)
            try:
                runs[name][key].append(float(value))
            except ValueError:
                pass
keys = ["wall", "cpu", "sys", "main", "C2", "C1", "GC", "timer", "profiler"]
print("config".ljust(12) + "".join(k.rjust(15) for k in keys))
for name in order:
    row = name.ljust(12)
    for key in keys:
        values = runs[name].get(key, [])
        row += (f"{statistics.median(values):.2f}" if values else "-").rjust(15)
    print(row)
EOF
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
