#!/usr/bin/env bash
# HTML report benchmark: render time and file size for 1k, 10k and 100k-sample sessions, and
# the time headless Chromium takes to show the first view. Needs chromium + chromedriver.
# Usage: bench/report/run.sh [runs per size, default 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl profiler -am test-compile -DskipTests
./mvnw -q -B -pl profiler dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-report.classpath
CP="profiler/target/classes:profiler/target/test-classes:$(cat profiler/target/bench-report.classpath)"
exec java -cp "$CP" bench/report/ReportBench.java "$@"
