#!/usr/bin/env bash
# Soak of `markata serve --watch`, as an author who keeps it open all day: EDITS edits of a
# site of N posts (bodies, titles saved through a temporary file and a rename, the post
# template, markata.toml, broken front matter then its fix, bursts of saves), the profiler and
# covers on, while a loop fetches pages over HTTP. Prints figures, asserts nothing:
#   - every EVERY edits: builds and errors so far, the JVM's resident memory and heap after a
#     full collection (jcmd), its threads and open file descriptors, its CPU time, HTTP failures
#     (what must not grow without bound across rebuilds);
#   - at the end: CPU used in 20 s of idling, and the output folder against a clean build of a
#     copy of the same sources (the profile left out; files only the warm build has count too, since
#     builds remove what earlier ones wrote and no longer make).
#
#   bench/soak.sh                      # N = 300, 200 edits
#   N=1000 EDITS=500 EVERY=100 bench/soak.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/bench/lib.sh"
n="${N:-300}"
edits="${EDITS:-200}"
every="${EVERY:-50}"
work="${BENCH_DIR:-/dev/shm/markata-bench}"
port="${PORT:-18432}"
site="$work/soak-$n"
log="$work/soak-$n.log"

"$root/markata" --version >/dev/null   # builds the jar once, before the server starts
mkdir -p "$work"
rm -rf "$site" "$site.clean"
java "$root/bench/GenCorpus.java" --n "$n" --out "$site" >/dev/null 2>&1
mkdir -p "$site/templates" "$site/static/css"
cp "$root/generator/src/main/resources/dev/markata/theme/templates/post.html" "$site/templates/"
echo 'body { margin: 0 auto; }' >"$site/static/css/extra.css"
font="$( (fc-match -f '%{file}' 'sans:bold' 2>/dev/null || find /usr/share/fonts -name '*.ttf' 2>/dev/null | sort | head -n 1) \
  | grep -E '\.(ttf|otf)$' || true)"
sed -i 's/^\[markata\]$/[markata]\nhooks = ["default", "markata.plugins.pyinstrument"]/' "$site/markata.toml"
{
  echo '[[markata.covers]]'
  echo 'name = "-og"'
  [[ -n "$font" ]] && mkdir -p "$site/static/fonts" && cp "$font" "$site/static/fonts/cover.ttf" \
    && echo 'font = "static/fonts/cover.ttf"'
} >>"$site/markata.toml"

"$root/markata" serve --watch --port "$port" --directory "$site" >"$log" 2>&1 &
server=$!
fetcher=""
trap 'kill "$server" ${fetcher:+"$fetcher"} 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

outcomes() { grep -c -E '^(built |error: )' "$log" || true; }
# Waits until the log holds more than $1 outcomes (a build or an error); 0 after 5 minutes.
wait_outcome() {
  local waited=0
  while [ "$(outcomes)" -le "$1" ]; do
    kill -0 "$server" 2>/dev/null || { echo "soak: serve stopped:" >&2; tail -n 20 "$log" >&2; exit 1; }
    sleep 0.05
    waited=$((waited + 1))
    [ "$waited" -gt 6000 ] && return 1
  done
  return 0
}
wait_outcome 0 || { echo "soak: no first build" >&2; exit 1; }

mapfile -t posts < <(find "$site/posts" -name '*.md' | sort | head -n 100)
mapfile -t slugs < <(for post in "${posts[@]}"; do sed -n 's/^slug: //p' "$post" | head -n 1; done)
http_failures="$work/soak-$n.http"
: >"$http_failures"
(
  while true; do
    slug="${slugs[$((RANDOM % ${#slugs[@]}))]}"
    for page in / /rss.xml "/$slug/" "/$slug-og.png" /__markata/version; do
      code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "http://127.0.0.1:$port$page" || true)"
      echo "$code $page" >>"$http_failures.all"
      [[ "$code" == 200 ]] || echo "$code $page" >>"$http_failures"
    done
    sleep 0.1
  done
) &
fetcher=$!

figures() {
  jcmd "$server" GC.run >/dev/null 2>&1 || true
  local heap rss threads fds cpu
  heap="$(jcmd "$server" GC.heap_info 2>/dev/null | sed -n 's/.*total \([0-9]*\)K, used \([0-9]*\)K.*/\2 \1/p' | head -n 1)"
  rss="$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$server/status")"
  threads="$(awk '/Threads/ { print $2 }' "/proc/$server/status")"
  fds="$(find "/proc/$server/fd" -mindepth 1 2>/dev/null | wc -l)"
  cpu="$(awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$server/stat")"
  printf '%-6s %6s %6s %8s %12s %7s %5s %7s %9s\n' "$1" "$(grep -c '^built ' "$log" || true)" \
    "$(grep -c '^error: ' "$log" || true)" "$rss" "$(awk '{ printf "%d/%d", $1 / 1024, $2 / 1024 }' <<<"$heap")" \
    "$threads" "$fds" "$cpu" "$(wc -l <"$http_failures")/$(wc -l <"$http_failures.all" 2>/dev/null || echo 0)"
}

echo "$(machine_line); JVM options: ${MARKATA_JAVA_OPTS:-none}"
echo "$n posts, $edits edits; cover font: ${font:-none, the JDK SansSerif}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %6s %6s %8s %12s %7s %5s %7s %9s\n' edits builds errors rss_mb heap_mb threads fds cpu_s http_fail
figures 0
missed=0
for ((i = 1; i <= edits; i++)); do
  post="${posts[$((RANDOM % ${#posts[@]}))]}"
  before="$(outcomes)"
  case $((i % 6)) in
    0) printf '\nEdit %d.\n' "$i" >>"$post" ;;
    1) sed "s/^title: .*/title: \"Retitled $i\"/" "$post" >"$post.tmp~" && mv "$post.tmp~" "$post" ;;
    2) sed -i "s/^<article[^>]*>/<article data-edit=\"$i\">/" "$site/templates/post.html" ;;
    3) sed -i "s/^title = .*/title = \"Soak $i\"/" "$site/markata.toml" ;;
    4) cp "$post" "$work/soak-$n.saved"
       printf -- '---\ntitle: "unclosed\n---\n' >"$post"
       wait_outcome "$before" || missed=$((missed + 1))
       before="$(outcomes)"
       cp "$work/soak-$n.saved" "$post" ;;
    5) for burst in 1 2 3 4 5 6 7 8 9 10; do
         printf '\nBurst %d.%d.\n' "$i" "$burst" >>"${posts[$((RANDOM % ${#posts[@]}))]}"
       done ;;
  esac
  wait_outcome "$before" || missed=$((missed + 1))
  sleep 0.3
  ((i % every == 0)) && figures "$i"
done
sleep 3
kill "$fetcher" 2>/dev/null || true
fetcher=""
idle_start="$(awk '{ print $14 + $15 }' "/proc/$server/stat")"
sleep 20
idle_end="$(awk '{ print $14 + $15 }' "/proc/$server/stat")"
echo "edits with no build or error within 5 minutes: $missed"
echo "CPU while idle for 20 s: $(awk -v t=$((idle_end - idle_start)) 'BEGIN { printf "%.2f", t / 100 }') s"
echo "HTTP answers other than 200: $(sort "$http_failures" | uniq -c | sort -rn | head -n 5 | tr '\n' ';')"
# the same sources built clean, in a new process
mkdir -p "$site.clean"
(cd "$site" && tar --exclude=./markout --exclude=./.markata.cache -cf - .) | (cd "$site.clean" && tar xf -)
"$root/markata" build -q --no-profile --directory "$site.clean" >/dev/null 2>&1 || echo "the clean build failed"
differ="$(diff -r -q -x _profile "$site/markout" "$site.clean/markout" || true)"
echo "files differing from a clean build: $(grep -c . <<<"$differ" || true)"
[[ -n "$differ" ]] && head -n 10 <<<"$differ"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
