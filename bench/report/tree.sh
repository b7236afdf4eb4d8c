#!/usr/bin/env bash
# The call tree of a big report in headless Chromium: expand all, collapse, show all, scroll,
# search, End/Home, each timed to the frame after it (see TreeBench.java). Needs chromium +
# chromedriver and a saved session, e.g. a profiled 10,000-post build's index.session.json:
#   python3 ../shared/bench/gen_corpus.py --n 10000 --out /tmp/c10k
#   ./markata build --profile --directory /tmp/c10k
#   bench/report/tree.sh /tmp/c10k/markout/_profile/index.session.json [runs, default 3] [BASELINE]
# BASELINE: another build's index.session.json, loaded in the Compare tab (its actions are timed too).
# BENCH=ShowAllBench: the "show all" option instead (script time on, off, on again; where it goes).
# PAGE_CLASSES=DIR: the report's page code from DIR (another checkout's profiler/target/classes,
# built there first), to time the page before a change against after it on the same session.
set -euo pipefail
SESSION="$(realpath "${1:?usage: bench/report/tree.sh SESSION_JSON [runs] [BASELINE_SESSION_JSON]}")"
BASELINE="${3:+$(realpath "$3")}"
cd "$(dirname "$0")/../.."
./mvnw -q -B -pl profiler -am test-compile -DskipTests
./mvnw -q -B -pl profiler dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-report.classpath
CP="${PAGE_CLASSES:+$PAGE_CLASSES:}profiler/target/classes:profiler/target/test-classes:$(cat profiler/target/bench-report.classpath)"
exec java -cp "$CP" "bench/report/${BENCH:-TreeBench}.java" "$SESSION" "${2:-3}" ${BASELINE:+"$BASELINE"}
