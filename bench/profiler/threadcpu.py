#!/usr/bin/env python3
"""CPU seconds of each group of a command's threads: runs the command and reads
/proc/<pid>/task/*/schedstat (nanoseconds a thread ran) every 20 ms until it exits; a thread that
ends is counted up to its last read. Prints one line to standard error:

    wall=4.52 cpu=8.43 user=7.59 sys=0.85 load=2.91 | C2=3.126 main=2.900 C1=1.519 timer=0.239 ...

Groups: C1, C2 (compiler threads), GC (GC workers and G1's threads), VM (VM Thread), main (the
program's first Java thread: the launcher names it after the command, java or javac), timer
(async-profiler's wall-clock or CPU timer thread: a native thread the launcher's name is
inherited by, so the third thread of that name: after the launcher's and main), profiler (the
agent's threads: its exit hook, which stops async-profiler, reads the recording and writes the
report, and the library's loader and thread watcher), and the rest by their name. cpu is user+sys of the process from wait4, the groups sum to about it.

    bench/profiler/threadcpu.py javac -J-javaagent:markata-profiler.jar -d out A.java
"""
import collections
import os
import resource
import subprocess
import sys
import time


def group(name, order):
    if name.startswith("C1 "):
        return "C1"
    if name.startswith("C2 "):
        return "C2"
    if name.startswith(("GC ", "G1 ")):
        return "GC"
    if name == "VM Thread":
        return "VM"
    if name.startswith("markata-profil"):
        return "profiler"  # Linux cuts names to 15 characters: all the agent's threads look alike
    if order == 0:
        return "launcher"  # the primordial thread: waits for main
    if order == 1:
        return "main"
    if order >= 2 and name == launcher_name:
        return "timer"  # a native thread named after the launcher: async-profiler's timer
    return name


child = subprocess.Popen(sys.argv[1:])
start = time.time()
run_by_tid, names = {}, {}
while True:
    finished = child.poll() is not None
    try:
        tids = os.listdir(f"/proc/{child.pid}/task")
    except OSError:
        tids = []
    for tid in tids:
        try:
            with open(f"/proc/{child.pid}/task/{tid}/schedstat") as f:
                ran = int(f.read().split()[0])
            with open(f"/proc/{child.pid}/task/{tid}/comm") as f:
                names[tid] = f.read().strip()  # read each time: threads are named after they start
        except (OSError, ValueError):
            continue
        run_by_tid[tid] = ran
    if finished:
        break
    time.sleep(0.02)
wall = time.time() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
launcher_name = names.get(str(child.pid), "java")
by_group = collections.Counter()
launcher_like = sorted((int(t) for t, n in names.items() if n == launcher_name))
for tid, ran in run_by_tid.items():
    order = launcher_like.index(int(tid)) if int(tid) in launcher_like else -1
    by_group[group(names[tid], order)] += ran / 1e9
load = open("/proc/loadavg").read().split()[0]
groups = " ".join(f"{k}={v:.3f}" for k, v in sorted(by_group.items(), key=lambda kv: -kv[1]) if v >= 0.005)
print(f"wall={wall:.2f} cpu={usage.ru_utime + usage.ru_stime:.2f} user={usage.ru_utime:.2f} "
      f"sys={usage.ru_stime:.2f} load={load} | {groups}", file=sys.stderr)
sys.exit(child.returncode)
