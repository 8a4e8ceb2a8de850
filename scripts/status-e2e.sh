#!/usr/bin/env bash
# `investboard status` end to end on fixed-size feeds: wall time, CPU time and peak RSS per
# run (GNU time), and peak RSS as a multiple of the feed's size.
#
#   scripts/status-e2e.sh [DIR] [RUNS]     feeds from scripts/gen-feeds.sh (default /tmp/investboard-feeds, 3 runs)
#
# With hyperfine installed, also prints its mean and spread (not required).
set -euo pipefail
cd "$(dirname "$0")/.."
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
