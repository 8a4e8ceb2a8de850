#!/usr/bin/env bash
# Peak and resident memory of the live dashboard while its feed file changes: loads feed A,
# then swaps in feed B and back (atomic renames) ROUNDS times, SWAP_SECONDS (12) apart at a 5 s poll
# interval; prints VmRSS and VmHWM after each load, as multiples of the feed's size.
#
#   scripts/reload-rss.sh [FEED_A] [FEED_B] [ROUNDS]
#       default: /tmp/investboard-feeds/feed-100000.json and a seed-7 feed of the same size
#   INVESTBOARD_BIN=path runs another build (a before/after in the same conditions)
#   RELOAD_ENV="MALLOC_ARENA_MAX=1" adds environment to the dashboard (allocator experiments)
set -euo pipefail
cd "$(dirname "$0")/.."
a=${1:-/tmp/investboard-feeds/feed-100000.json}
b=${2:-}
rounds=${3:-3}
bin=${INVESTBOARD_BIN:-$PWD/target/release/investboard}
[ -x "$bin" ] || cargo build --release
work=$(mktemp -d)
tag=ibreload$$
trap 'tmux kill-session -t "$tag" 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -z "$b" ]; then
  b=$work/feed-b.json
  n=$(grep -c '^{"id"' "$a" || true)
  "$bin" --now 2026-11-29T10:00:00+08:00 demo-feed --projects "${n:-100000}" --seed 7 --write "$b"
fi
size=$(stat -c %s "$a")
cp "$a" "$work/feed.json"
tmux new-session -d -s "$tag" -x 240 -y 67 \
  "exec env ${RELOAD_ENV:-} INVESTBOARD_MAX_BODY_MB=2048 $bin --feed $work/feed.json --interval 5s"
pid=$(tmux display-message -p -t "$tag" '#{pane_pid}')
report() {
  awk -v what="$1" -v size="$size" '/VmRSS/ { r = $2 } /VmHWM/ { h = $2 } END {
    printf "%-12s RSS %4.0f MB (%.2fx)  peak %4.0f MB (%.2fx the feed)\n", what, r / 1024, r * 1024 / size, h / 1024, h * 1024 / size }' \
    "/proc/$pid/status"
}
sleep 15
report "first load"
for i in $(seq "$rounds"); do
  for next in "$b" "$a"; do
    cp "$next" "$work/feed.tmp" && mv "$work/feed.tmp" "$work/feed.json"
    sleep "${SWAP_SECONDS:-12}"
    report "reload $i$([ "$next" = "$b" ] && echo b || echo a)"
  done
done
tmux capture-pane -p -t "$tag" | sed -n 2p
