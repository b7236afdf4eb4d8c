#!/usr/bin/env python3
"""Which of a command's threads ran when: a timeline of a JVM's threads, for finding the idle core.

    bench/threads.py ./markata build --quiet --no-profile --directory SITE
    BUCKET=25 chrt -f 20 bench/threads.py chrt -f 10 ./markata build ...   # shielded from other load

Runs the command and reads /proc/<pid>/task/*/schedstat (run and run-queue time in nanoseconds,
per thread) every 5 ms until it exits. Prints, per BUCKET ms (default 50), the milliseconds each
group of threads ran (the build threads, C1/C2, main, GC, the rest by name) and how long runnable
threads waited for a core; then each group's total and, per 100 ms, the core-milliseconds no thread
of the command used (two cores assumed: NCPU overrides). The launcher execs java, so the child's
pid is the JVM's. Under load the sampler itself may be late; run it at a higher real-time
priority than the command, as above, to keep the buckets honest.
"""
import collections
import os
import subprocess
import sys
import time

bucket_ms = int(os.environ.get("BUCKET", "50"))
ncpu = int(os.environ.get("NCPU", "2"))
child = subprocess.Popen(sys.argv[1:])
start = time.time()
previous, names, rows = {}, {}, []
while child.poll() is None:
    now = time.time() - start
    try:
        tids = os.listdir(f"/proc/{child.pid}/task")
    except OSError:
        break
    delta = {}
    for tid in tids:
        try:
            with open(f"/proc/{child.pid}/task/{tid}/schedstat") as f:
                run, wait, _ = (int(x) for x in f.read().split())
            with open(f"/proc/{child.pid}/task/{tid}/comm") as f:
                names[tid] = f.read().strip()  # read each time: a new thread is named after it starts
        except OSError:
            continue
        last_run, last_wait = previous.get(tid, (0, 0))
        if run > last_run or wait > last_wait:
            delta[tid] = (run - last_run, wait - last_wait)
        previous[tid] = (run, wait)
    rows.append((now, delta))
    time.sleep(0.005)
wall = time.time() - start


def group(name):
    if name.startswith(("C1 ", "C2 ")):
        return "compiler"
    if name.startswith("VM Thread") or "GC" in name:
        return "VM/GC"
    if name.startswith("markata-build"):
        return "build"
    if name == "java":
        return "main"
    return name[:10]


buckets = collections.defaultdict(collections.Counter)
waits, totals, per_100 = collections.Counter(), collections.Counter(), collections.Counter()
for now, delta in rows:
    b = int(now * 1000 / bucket_ms)
    for tid, (run, wait) in delta.items():
        g = group(names[tid])
        buckets[b][g] += run
        totals[g] += run
        waits[b] += wait
        per_100[int(now * 10)] += run
groups = [g for g, _ in totals.most_common(6)]
print("ms    " + " ".join(f"{g[:8]:>8}" for g in groups) + "  waiting")
for b in sorted(buckets):
    print(f"{b * bucket_ms:5d} " + " ".join(f"{buckets[b][g] / 1e6:8.0f}" for g in groups) + f"  {waits[b] / 1e6:7.0f}")
print("ran (ms):", {g: round(v / 1e6) for g, v in totals.most_common(8)}, "wall", round(wall, 3), "s")
print("idle core-ms per 100 ms:", " ".join(
    f"{b * 100}:{max(0, ncpu * 100 - per_100[b] / 1e6):.0f}" for b in sorted(per_100)))
sys.exit(child.returncode)
