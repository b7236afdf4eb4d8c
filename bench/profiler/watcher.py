#!/usr/bin/env python3
"""What the profiler's thread watcher costs a program: runs bench/profiler/src/WatcherLoad.java
(idle, or busy on 2 spinning threads; with 0 or 500 parked threads) under the Java agent, reads
/proc/<pid>/task/*/schedstat (nanoseconds each thread ran) 2 s after the program is ready and
again WINDOW seconds later, and prints per configuration the CPU of the agent's threads in that
window (the watcher is the only one running then: the exit hook starts later), of
async-profiler's timer and of the whole process, in milliseconds per second. Not a test: it
prints figures, alternating the agent builds run by run.

    bench/profiler/watcher.py [ROUNDS] [WINDOW]      # this tree's profiler/target/markata-profiler.jar
    BASE_JAR=/tmp/x/markata-profiler.jar bench/profiler/watcher.py   # also a base build, alternated
    AGENT_ARGS=sampler=jdk bench/profiler/watcher.py  # more agent arguments (the JDK sampler looks
                                                      # for threads itself, at every tick)
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/profiler/watcher.py
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
window = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
jars = [("this", os.path.join(root, "profiler/target/markata-profiler.jar"))]
if os.environ.get("BASE_JAR"):
    jars.insert(0, ("base", os.environ["BASE_JAR"]))
java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
scratch = tempfile.mkdtemp()
subprocess.run([java.replace("bin/java", "bin/javac") if os.sep in java else "javac", "-d", scratch, os.path.join(here, "src", "WatcherLoad.java")], check=True)
extra = "," + os.environ["AGENT_ARGS"] if os.environ.get("AGENT_ARGS") else ""
loads = [("idle", 0), ("idle", 500), ("busy", 0), ("busy", 500)]


def ran(pid):
    """Nanoseconds run by each thread of pid, with its name (cut by Linux to 15 characters)."""
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                nanos = int(f.read().split()[0])
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                threads[tid] = (f.read().strip(), nanos)
        except (OSError, ValueError):
            pass
    return threads


def measure(jar, mode, parked):
    output = os.path.join(scratch, "p.session.json")
    command = [java, "--enable-native-access=ALL-UNNAMED", f"-javaagent:{jar}=output={output},print=none" + extra, "-cp", scratch, "WatcherLoad", mode,
               str(int(window + 4)), str(parked), "2"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    child.stdout.readline()  # "ready"
    time.sleep(2)
    before = ran(child.pid)
    start = time.time()
    time.sleep(window)
    after = ran(child.pid)
    seconds = time.time() - start
    child.communicate()
    groups = {"agent": 0, "timer": 0, "process": 0}
    launcher = after.get(str(child.pid), ("java", 0))[0]
    # as threadcpu.py: the launcher's thread, main, then async-profiler's timer, a native thread
    # that inherits the launcher's name
    launcher_like = sorted(int(t) for t, (n, _) in after.items() if n == launcher)
    for tid, (name, nanos) in after.items():
        delta = nanos - before.get(tid, (name, 0))[1]
        groups["process"] += delta
        if name.startswith("markata-profil"):
            groups["agent"] += delta
        elif name == launcher and launcher_like.index(int(tid)) >= 2:
            groups["timer"] += delta
    return {k: v / 1e6 / seconds for k, v in groups.items()}


load = open("/proc/loadavg").read().split()[:3]
print(f"machine: {os.cpu_count()} CPUs, load {' '.join(load)}; {subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()[0]}")
print(f"window {window:.0f} s, {rounds} rounds, agent arguments output=...,print=none{extra}; ms of CPU per second")
results = {}
for r in range(rounds):
    for mode, parked in loads:
        for name, jar in jars:
            figures = measure(jar, mode, parked)
            results.setdefault((name, mode, parked), []).append(figures)
            print(f"{r + 1} {name:5} {mode} parked={parked:<4} agent threads {figures['agent']:7.2f}"
                  f"  timer {figures['timer']:7.2f}  process {figures['process']:8.1f}", flush=True)
print("\nmedians (ms of CPU per second):")
for (name, mode, parked), runs in results.items():
    med = {k: sorted(run[k] for run in runs)[len(runs) // 2] for k in runs[0]}
    print(f"  {name:5} {mode} parked={parked:<4} agent threads {med['agent']:7.2f}  timer {med['timer']:7.2f}"
          f"  process {med['process']:8.1f}")
shutil.rmtree(scratch, ignore_errors=True)
print(f"load at the end: {' '.join(open('/proc/loadavg').read().split()[:3])}")
