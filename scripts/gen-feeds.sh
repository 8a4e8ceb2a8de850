#!/usr/bin/env bash
# Writes demo feeds of fixed sizes (written at their epoch, so exactly N projects) and checks
# each with `check-feed`, printing size, approvals per project and the check's verdict.
#
#   scripts/gen-feeds.sh [DIR] [SIZES...]      default: /tmp/investboard-feeds 1000 10000 100000 1000000
#
# EPOCH (default now, in UTC+8) sets the generator's epoch; the benches use 2026-11-29T10:00:00+08:00.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/investboard-feeds}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 1000000)
epoch=${EPOCH:-$(TZ=Asia/Shanghai date +%Y-%m-%dT%H:%M:%S+08:00)}
bin=target/release/investboard
[ -x "$bin" ] || cargo build --release
mkdir -p "$dir"
# Feeds of 100k projects and more pass the default 64 MiB body cap (about 940 bytes a project).
export INVESTBOARD_MAX_BODY_MB=${INVESTBOARD_MAX_BODY_MB:-2048}
printf '%-9s %9s %8s %12s %10s %s\n' projects MB "write s" approvals "per proj" check-feed
for n in "${sizes[@]}"; do
  file="$dir/feed-$n.json"
  start=$(date +%s.%N)
  "$bin" --now "$epoch" demo-feed --projects "$n" --write "$file"
  took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  report=$("$bin" --now "$epoch" check-feed "$file") && code=0 || code=$?
  approvals=$(sed -n 's/.*approvals: \([0-9]*\).*/\1/p' <<<"$report")
  accepted=$(sed -n 's/^projects: \([0-9]*\) accepted.*/\1/p' <<<"$report")
  verdict=$(tail -1 <<<"$report")
  printf '%-9s %9.1f %8.2f %12s %10.2f %s\n' "$n" "$(awk -v b="$(stat -c %s "$file")" 'BEGIN { print b / 1e6 }')" \
    "$took" "$approvals" "$(awk -v a="${approvals:-0}" -v p="${accepted:-1}" 'BEGIN { print a / p }')" \
    "exit $code, $accepted accepted; $verdict"
done
