# Shared by the profiler benchmarks (sourced): the JDKs to run on, and the benchmark classes.

# Prints the JDK homes to measure on, one per line: the arguments, or else the java on PATH and
# Temurin 25 when installed.
bench_jdks() {
  if [ $# -gt 0 ]; then
    printf '%s\n' "$@"
    return
  fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    echo /usr/lib/jvm/temurin-25-jdk-amd64
  fi
}

# Builds profiler/target/markata-profiler.jar and compiles the benchmark MAIN_SOURCE (with the
# shared BenchWork) into a temporary folder, removed on exit. Sets `jar` and `classes`.
# Usage: bench_compile JDK_HOME MAIN_SOURCE
bench_compile() {
  jar="$root/profiler/target/markata-profiler.jar"
  (cd "$root" && ./mvnw -q -B -pl profiler -am package -Dmaven.test.skip=true)
  classes="$(mktemp -d)"
  trap 'rm -rf "$classes"' EXIT
  "$1/bin/javac" --release 17 -d "$classes" -cp "$jar" "$here/src/$2" "$here/src/BenchWork.java"
}
