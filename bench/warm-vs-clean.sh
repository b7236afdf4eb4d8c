#!/usr/bin/env bash
# Checks that warm builds make what a clean build makes, across a sequence of edits.
#
#   bench/warm-vs-clean.sh SITE EDITS
#
# SITE is a site folder (built in place, warm); EDITS a file with one shell command per line
# (blank lines and # comments skipped), each run in SITE. First SITE is built, then for each
# edit: the edit, a warm build of SITE, a clean build of a copy of SITE's sources (no output
# folder, no cache), and a file-by-file comparison of the two output folders (the profile left
# out). Prints SAME or DIFFER per step with the differing files (FAILED when a build failed);
# exits 1 if any step differed or failed.
# A file only in the warm output is a difference too: a warm build removes the files earlier
# builds wrote that it no longer makes (a deleted or renamed post's pages, a deleted asset), so
# one left behind would be published by a deploy of the output folder. Edits that delete, rename
# or unpublish posts check that. (A file the edits put into the output folder themselves, not
# written by markata-java, stays and differs: leave the output folder to the builds.)
# Not a timing: warm builds skip unchanged pages and reuse caches, and any page they leave
# stale (a listing showing an old title or body) shows up here.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
markata="$here/../markata"
site="$(cd "${1:?usage: warm-vs-clean.sh SITE EDITS}" && pwd)"
edits="$(readlink -f "${2:?usage: warm-vs-clean.sh SITE EDITS}")"
out="$(cd "$site" && "$markata" config get output_dir 2>/dev/null | tr -d '"' || true)"
out="${out:-markout}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# a failed build fails the step: two failed builds leave no output folders to differ
build() { "$markata" build -q --no-profile -d "$1" >"$scratch/log" 2>&1 || { echo "build of $1 failed:"; cat "$scratch/log"; failed=1; }; }

compare() {
  [[ -n "${failed:-}" ]] && { echo "FAILED  $1"; status=1; failed=; return; }
  rm -rf "$scratch/clean" && mkdir -p "$scratch/clean"
  (cd "$site" && tar --exclude="./$out" --exclude=./.markata.cache -cf - .) | (cd "$scratch/clean" && tar xf -)
  build "$scratch/clean"
  [[ -n "${failed:-}" ]] && { echo "FAILED  $1"; status=1; failed=; return; }
  diff -r -q -x _profile "$site/$out" "$scratch/clean/$out" >"$scratch/diff"
  if [[ ! -s "$scratch/diff" ]]; then
    echo "SAME    $1"
  else
    echo "DIFFER  $1"
    sed 's/^/        /' "$scratch/diff"
    status=1
  fi
}

status=0
build "$site"
compare "(first build)"
while IFS= read -r edit; do
  [[ -z "${edit// }" || "$edit" == \#* ]] && continue
  (cd "$site" && eval "$edit") || { echo "edit failed: $edit"; exit 2; }
  build "$site"
  compare "$edit"
done <"$edits"
exit "$status"
