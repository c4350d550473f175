#!/bin/sh
# Run `veil deidentify` once under /usr/bin/time -v and print wall, CPU and peak RSS.
# Usage: bench/deidentify_rss.sh SRC_DIR INPUT OUTDIR [deidentify options...]
# SRC_DIR: the veil source tree to run (for before/after comparisons of a copy).
src=$1; input=$2; out=$3; shift 3
rm -rf "$out"
load=$(cut -d' ' -f1-3 /proc/loadavg)
PYTHONPATH="$src" /usr/bin/time -v "$(dirname "$0")/../.venv/bin/python" -m veil deidentify \
    "$input" -o "$out" --reference-date 2026-01-01 "$@" >/dev/null 2>/tmp/veil_rss_$$.txt
rc=$?
awk -v load="$load" -v rc="$rc" '
/Elapsed/ {wall=$NF} /User time/ {u=$NF} /System time/ {s=$NF}
/Maximum resident/ {rss=$NF}
END {printf "rc=%s wall=%s cpu=%.2f peak_rss_mib=%.0f load_before=%s\n", rc, wall, u+s, rss/1024, load}' \
    /tmp/veil_rss_$$.txt
rm -f /tmp/veil_rss_$$.txt
