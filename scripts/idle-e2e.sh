#!/usr/bin/env bash
# Idle cost of the live dashboard on an unchanging feed, polled every 5 s, in tmux at 240x67:
# CPU time (utime+stime from /proc/<pid>/stat), bytes written to the terminal (tmux
# pipe-pane) and peak RSS (VmHWM); beside `watch -n 5 'curl -s URL | jq .'` on the same feed
# and terminal size (its CPU includes curl and jq, reaped children).
#
#   scripts/idle-e2e.sh [FEED_FILE] [SECONDS] [WATCH_SECONDS]
#       default: /tmp/investboard-feeds/feed-100000.json, 300 s, 60 s
#   MODE=file  polls the file itself instead of serving it over HTTP (python3 http.server,
#              which answers If-Modified-Since with 304).
#
# Needs tmux, python3 (HTTP mode), and for the comparison watch, curl and jq.
set -euo pipefail
cd "$(dirname "$0")/.."
feed=${1:-/tmp/investboard-feeds/feed-100000.json}
seconds=${2:-300}
watch_seconds=${3:-60}
mode=${MODE:-http}
bin=$PWD/target/release/investboard
[ -x "$bin" ] || cargo build --release
work=$(mktemp -d)
tag=ibidle$$
hz=$(getconf CLK_TCK)
port=$((20000 + $$ % 20000))
cleanup() {
  tmux kill-session -t "$tag-dash" 2>/dev/null || true
  tmux kill-session -t "$tag-watch" 2>/dev/null || true
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ln -s "$(realpath "$feed")" "$work/feed.json"
if [ "$mode" = http ]; then
  python3 -m http.server --bind 127.0.0.1 --directory "$work" "$port" >"$work/server.log" 2>&1 &
  server=$!
  source="http://127.0.0.1:$port/feed.json"
  sleep 1
else
  source="$work/feed.json"
fi

ticks() { awk -v kids="${2:-0}" '{ print $14 + $15 + (kids ? $16 + $17 : 0) }' "/proc/$1/stat"; }
pane_pid() { tmux display-message -p -t "$1" '#{pane_pid}'; }

tmux new-session -d -s "$tag-dash" -x 240 -y 67 \
  "exec env INVESTBOARD_MAX_BODY_MB=2048 $bin --feed $source --interval 5s"
watching=0
if [ "$watch_seconds" -gt 0 ] && command -v watch >/dev/null && command -v jq >/dev/null && command -v curl >/dev/null; then
  tmux new-session -d -s "$tag-watch" -x 240 -y 67 "exec watch -n 5 'curl -s $source | jq .'"
  watching=1
fi
echo "feed: $feed ($(stat -L -c %s "$feed") bytes) via $mode: $source; warming up 20 s"
sleep 20
dash=$(pane_pid "$tag-dash")
tmux pipe-pane -t "$tag-dash" -o "cat > $work/dash.bytes"
d0=$(ticks "$dash")
if [ "$watching" = 1 ]; then
  watcher=$(pane_pid "$tag-watch")
  tmux pipe-pane -t "$tag-watch" -o "cat > $work/watch.bytes"
  w0=$(ticks "$watcher" 1)
fi
start=$(date +%s.%N)
if [ "$watching" = 1 ]; then
  sleep "$watch_seconds"
  w1=$(ticks "$watcher" 1)
  wt=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  tmux pipe-pane -t "$tag-watch"
  sleep 0.5
  wb=$(stat -c %s "$work/watch.bytes")
  tmux kill-session -t "$tag-watch"
  awk -v t="$wt" -v c="$((w1 - w0))" -v hz="$hz" -v b="$wb" 'BEGIN {
    printf "watch+curl+jq: %.0f s: CPU %.2f s = %.2f%% of a core; %d bytes to the terminal = %.0f bytes/min\n",
      t, c / hz, 100 * c / hz / t, b, b * 60 / t }'
fi
rest=$(awk -v s="$seconds" -v w="$((watching ? watch_seconds : 0))" 'BEGIN { print s - w }')
[ "${rest%.*}" -gt 0 ] && sleep "$rest"
d1=$(ticks "$dash")
dt=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
tmux pipe-pane -t "$tag-dash"
sleep 0.5
db=$(stat -c %s "$work/dash.bytes")
hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$dash/status")
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$dash/status")
awk -v t="$dt" -v c="$((d1 - d0))" -v hz="$hz" -v b="$db" 'BEGIN {
  printf "dashboard:     %.0f s: CPU %.2f s = %.3f%% of a core; %d bytes to the terminal = %.0f bytes/min\n",
    t, c / hz, 100 * c / hz / t, b, b * 60 / t }'
awk -v h="$hwm" -v r="$rss" -v f="$(stat -L -c %s "$feed")" 'BEGIN {
  printf "dashboard RSS: now %.0f MB, peak %.0f MB = %.2fx the feed (%.1f MB)\n", r / 1024, h / 1024, h * 1024 / f, f / 1e6 }'
if [ "$mode" = http ]; then
  echo "server: $(grep -c '" 200 ' "$work/server.log" || true) x 200, $(grep -c '" 304 ' "$work/server.log" || true) x 304"
fi
tmux capture-pane -p -t "$tag-dash" | head -4
