#!/usr/bin/env bash
# Soak test: the release dashboard in tmux against the embedded demo feed served over HTTP,
# polling every 200 ms (50x the default rate) for a given time. Reports the dashboard's RSS
# (VmRSS, VmHWM from /proc/PID/status) and CPU (utime+stime from /proc/PID/stat) at the start
# and the end, with a sample every 30 s in between, and checks the screen still shows data.
#
#   scripts/soak.sh [SECONDS]          default 180
#   INVESTBOARD_SOAK_BIN=path scripts/soak.sh 3600
#
# Needs tmux. Builds the release binary unless INVESTBOARD_SOAK_BIN names one. Everything it
# starts (the demo server, the tmux session) is stopped on exit. Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-180}
interval=${INVESTBOARD_SOAK_INTERVAL:-200ms}
bin=${INVESTBOARD_SOAK_BIN:-}
if [[ -z "$bin" ]]; then
  cargo build --release --quiet
  bin=$PWD/target/release/investboard
fi
command -v tmux >/dev/null || { echo "soak: tmux is required" >&2; exit 2; }

session="investboard-soak-$$"
work=$(mktemp -d)
server_pid=""
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The demo feed on a free loopback port; its address is in its first line on stderr.
"$bin" demo-feed --listen 127.0.0.1:0 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 50); do
  url=$(grep -o 'http://[0-9.:]*/' "$work/server.log" || true)
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { echo "soak: the demo feed did not start" >&2; cat "$work/server.log" >&2; exit 2; }

tmux new-session -d -s "$session" -x 160 -y 50 "$bin --feed $url --interval $interval"
pane=$(tmux display -p -t "$session" '#{pane_pid}')
pid=""
for _ in $(seq 50); do
  if [[ "$(cat "/proc/$pane/comm" 2>/dev/null)" == investboard ]]; then
    pid=$pane
  else
    pid=$(pgrep -P "$pane" -x investboard || true)
  fi
  [[ -n "$pid" ]] && break
  sleep 0.1
done
[[ -n "$pid" ]] || { echo "soak: no dashboard process" >&2; exit 2; }

ticks_per_second=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"; }
kib() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$pid/status"; }
sample() {
  printf '%-6s t=%5ss  VmRSS=%6s KiB  VmHWM=%6s KiB  cpu=%6s ticks\n' \
    "$1" "$(( $(date +%s) - started ))" "$(kib VmRSS)" "$(kib VmHWM)" "$(cpu_ticks)"
}

sleep 5 # warm-up: first polls, first frames
started=$(date +%s)
start_ticks=$(cpu_ticks)
start_rss=$(kib VmRSS)
echo "soak: $bin, pid $pid, feed $url, interval $interval, ${duration}s"
sample start
end=$(( started + duration ))
while (( $(date +%s) < end )); do
  sleep $(( end - $(date +%s) < 30 ? end - $(date +%s) : 30 ))
  [[ -d "/proc/$pid" ]] || { echo "soak: the dashboard exited" >&2; exit 1; }
  sample run
done
end_ticks=$(cpu_ticks)
end_rss=$(kib VmRSS)
sample end
elapsed=$(( $(date +%s) - started ))
awk -v t=$(( end_ticks - start_ticks )) -v hz="$ticks_per_second" -v s="$elapsed" \
  -v r0="$start_rss" -v r1="$end_rss" 'BEGIN {
    printf "soak: CPU %.2f%% of one core over %ds; RSS %d -> %d KiB (%+d KiB)\n",
      100 * t / hz / s, s, r0, r1, r1 - r0 }'

screen=$(tmux capture-pane -p -t "$session")
if grep -q 'FRESH' <<<"$screen"; then
  echo "soak: the dashboard still shows FRESH data"
else
  echo "soak: the dashboard does not show FRESH data at the end:" >&2
  echo "$screen" >&2
  exit 1
fi
