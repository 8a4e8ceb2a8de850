#!/usr/bin/env bash
# `investboard status` end to end on fixed-size feeds: wall time, CPU time and peak RSS per
# run (GNU time), and peak RSS as a multiple of the feed's size.
#
#   scripts/status-e2e.sh [DIR] [RUNS]     feeds from scripts/gen-feeds.sh (default /tmp/investboard-feeds, 3 runs)
#
# With hyperfine installed, also prints its mean and spread (not required).
#
#   scripts/status-e2e.sh --ratios FILE [RUNS]
#
# Issue 14's table on one feed (scripts/gen-scale-feeds.py writes it): Python's `json.load`, the
# serde floor (examples/serde_floor.rs: read + borrowed typed parse, nothing else), `check-feed`,
# `status` and `status --format json`, timed in interleaved rounds (each round runs every
# command once, so all see the same load); prints median wall seconds, user+sys seconds, peak
# RSS (GNU time) and each as a ratio to `json.load` and to the file's size. BEFORE=path/to/an/
# older/investboard adds its three commands to the same rounds (a before/after in one run).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--ratios" ]; then
  file=${2:?"usage: $0 --ratios FILE [RUNS]"}
  runs=${3:-5}
  bin=target/release/investboard
  floor=target/release/examples/serde_floor
  [ -x "$bin" ] && [ -x "$floor" ] || cargo build --release --bin investboard --example serde_floor
  export INVESTBOARD_MAX_BODY_MB=${INVESTBOARD_MAX_BODY_MB:-2048}
  now=2026-11-29T10:00:00+08:00
  size=$(stat -c %s "$file")
  names=("python json.load" "serde floor")
  commands=("python3 -c 'import json,sys; json.load(open(sys.argv[1], \"rb\"))' $file" "$floor $file")
  for who in ${BEFORE:+before} after; do
    b=$bin; [ "$who" = before ] && b=$BEFORE
    names+=("$who check-feed" "$who status" "$who status --format json")
    commands+=("$b --now $now check-feed $file" "$b --now $now status --feed $file"
      "$b --now $now status --format json --feed $file")
  done
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  echo "feed: $file, $(awk -v b="$size" 'BEGIN { printf "%.1f MB", b / 1e6 }'); $runs interleaved rounds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for round in $(seq "$runs"); do
    for i in "${!commands[@]}"; do
      out=$( { /usr/bin/time -f '%e %U %S %M' sh -c "${commands[$i]} >/dev/null"; } 2>&1 | tail -1) || true
      echo "$i $out" >>"$log"
    done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  py_wall=$(awk '$1 == 0 { print $2 }' "$log" | median)
  py_cpu=$(awk '$1 == 0 { print $3 + $4 }' "$log" | median)
  # Wall time is what a user waits; on a shared machine CPU time (user+sys) is the steadier
  # measure of the work done: both are shown as ratios to json.load's.
  printf '%-30s %8s %11s %11s %8s %11s %12s %9s\n' what "wall s" "wall range" "x json.load" \
    "cpu s" "x json.load" "peak RSS MB" "RSS/file"
  for i in "${!commands[@]}"; do
    wall=$(awk -v i="$i" '$1 == i { print $2 }' "$log" | median)
    cpu=$(awk -v i="$i" '$1 == i { print $3 + $4 }' "$log" | median)
    range=$(awk -v i="$i" '$1 == i { print $2 }' "$log" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }')
    rss=$(awk -v i="$i" '$1 == i && $5 > m { m = $5 } END { print m }' "$log")
    printf '%-30s %8.2f %11s %10.2fx %8.2f %10.2fx %12.0f %8.2fx\n' "${names[$i]}" "$wall" "$range" \
      "$(awk -v a="$wall" -v b="$py_wall" 'BEGIN { print a / b }')" "$cpu" \
      "$(awk -v a="$cpu" -v b="$py_cpu" 'BEGIN { print a / b }')" \
      "$(awk -v k="$rss" 'BEGIN { print k * 1024 / 1e6 }')" "$(awk -v k="$rss" -v b="$size" 'BEGIN { print k * 1024 / b }')"
  done
  exit 0
fi
dir=${1:-/tmp/investboard-feeds}
runs=${2:-3}
bin=target/release/investboard
[ -x "$bin" ] || cargo build --release
export INVESTBOARD_MAX_BODY_MB=${INVESTBOARD_MAX_BODY_MB:-2048}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %9s %-26s %-26s %-22s %s\n' projects "feed MB" "wall s (runs)" "user+sys s (runs)" "peak RSS MB (max)" "RSS/feed"
for file in "$dir"/feed-*.json; do
  n=$(basename "$file" .json); n=${n#feed-}
  size=$(stat -c %s "$file")
  walls=() cpus=() rss=0
  for _ in $(seq "$runs"); do
    out=$( { /usr/bin/time -f '%e %U %S %M' "$bin" status --feed "$file" >/dev/null; } 2>&1 | tail -1) || true
    read -r wall user sys kb <<<"$out"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  printf '%-9s %9.1f %-26s %-26s %-22s %.2fx\n' "$n" "$(awk -v b="$size" 'BEGIN { print b / 1e6 }')" \
    "${walls[*]}" "${cpus[*]}" "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" \
    "$(awk -v k="$rss" -v b="$size" 'BEGIN { print k * 1024 / b }')"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null 2>&1; then
  for file in "$dir"/feed-10000.json "$dir"/feed-100000.json; do
    [ -f "$file" ] && hyperfine -N -i --warmup 1 --runs "$runs" "$bin status --feed $file"
  done
fi
