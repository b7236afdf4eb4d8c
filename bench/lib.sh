# Shared by the build benchmarks (run.sh, peers.sh, watch.sh); sourced, not run.

# The median of the numbers on stdin, one per line.
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# One line describing the machine the figures come from.
machine_line() {
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $(java -version 2>&1 | head -n 1)"
}

# Stops the script unless GNU time is at /usr/bin/time (peak memory needs it).
require_gnu_time() {
  [ -x /usr/bin/time ] || { echo "bench: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
}

# Runs a command under GNU time, its output to $TIMED_LOG (default: discarded); prints
# "wall_seconds cpu_seconds peak_rss_mb". Returns the command's status.
timed() {
  local measure start end status=0
  measure="$(mktemp)"
  start=$(date +%s%N)
  /usr/bin/time -o "$measure" -f '%U %S %M' "$@" >"${TIMED_LOG:-/dev/null}" 2>&1 || status=$?
  end=$(date +%s%N)
  if [ "$status" = 0 ]; then
    awk -v ns=$((end - start)) '{ printf "%.3f %.2f %.0f\n", ns / 1e9, $1 + $2, $3 / 1024 }' "$measure"
  fi
  rm -f "$measure"
  return "$status"
}
