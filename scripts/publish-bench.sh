#!/usr/bin/env bash
# One feed, many screens: nginx on loopback serves a demo feed the way docs/publishing.md
# configures it (ETag, gzip_static, Cache-Control: no-cache, a bearer-token check), and wrk
# plays hundreds of pollers: with If-None-Match (each answer a 304) and without (each answer
# the whole gzip body). Prints requests/s and latency (wrk), the nginx workers' CPU per request
# (utime+stime from /proc), and what one poll costs the client: `investboard status` over the
# same URL (a changed feed: fetch, parse, aggregate), under GNU time.
#
#   scripts/publish-bench.sh [PROJECTS] [POLLERS] [SECONDS]
#       default: 100000 projects, 400 pollers, 20 s per run
#   BIN=path/to/investboard   the binary to use [default: target/release/investboard, built
#                             if missing]
#
# Installs nginx and wrk from Debian (apt-get) when missing. Everything listens on 127.0.0.1;
# every run is bounded by SECONDS. Not part of `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=${1:-100000}
pollers=${2:-400}
seconds=${3:-20}
bin=${BIN:-$PWD/target/release/investboard}
if [ ! -x "$bin" ]; then cargo build --release; fi
need() {
  command -v "$1" >/dev/null && return
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need nginx nginx
need wrk wrk
[ -x /usr/bin/time ] || need /usr/bin/time time

work=$(mktemp -d)
port=$((20000 + $$ % 20000))
token=bench-$$-$RANDOM
hz=$(getconf CLK_TCK)
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# nginx workers run as another user (www-data when started as root): let them read.
chmod 755 "$work"
mkdir -p "$work/www" "$work/logs"
"$bin" demo-feed --write "$work/www/feed.json" --projects "$projects" \
  --now 2022-02-15T10:00:00+08:00
gzip -k -9 "$work/www/feed.json"
touch -r "$work/www/feed.json" "$work/www/feed.json.gz"
echo "feed: $projects projects, $(du -h "$work/www/feed.json" | cut -f1) ($(du -h "$work/www/feed.json.gz" | cut -f1) gzip)"

# The configuration of docs/publishing.md, on loopback without TLS (the doc's server block
# adds the certificate; TLS handshakes are per connection, and pollers keep theirs open).
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp;
  proxy_temp_path $work/tmp;
  fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp;
  scgi_temp_path $work/tmp;
  sendfile on;
  keepalive_requests 100000;
  map \$http_authorization \$feed_token_ok {
    default 0;
    "Bearer $token" 1;
  }
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    location = /feed.json {
      if (\$feed_token_ok = 0) { return 401; }
      gzip_static on;
      etag on;
      add_header Cache-Control "no-cache" always;
      default_type application/json;
    }
  }
}
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.5
url=http://127.0.0.1:$port/feed.json
auth="Authorization: Bearer $token"
headers=$(curl -sI -H "$auth" -H 'Accept-Encoding: gzip' "$url" | tr -d '\r')
etag=$(printf '%s\n' "$headers" | awk -F': ' 'tolower($1)=="etag"{print $2}')
[ -n "$etag" ] || { echo "no ETag in the answer:"; echo "$headers"; exit 1; }
echo "ETag of the gzip body: $etag"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 401 ] || { echo "no token must be 401"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H 'Accept-Encoding: gzip' -H "If-None-Match: $etag" "$url")" = 304 ] \
  || { echo "If-None-Match must be 304"; exit 1; }

workers_cpu() {
  local total=0 pid
  for pid in $(pgrep -P "$(cat "$work/nginx.pid")"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

run() { # name, wrk arguments...
  local name=$1; shift
  local before after requests
  before=$(workers_cpu)
  wrk -t2 -c"$pollers" -d"${seconds}s" --timeout 10s --latency "$@" "$url" > "$work/wrk.txt"
  after=$(workers_cpu)
  requests=$(awk '/requests in/{print $1}' "$work/wrk.txt")
  echo "== $name: $pollers pollers, ${seconds}s"
  grep -E 'Requests/sec|Transfer/sec|requests in|Non-2xx|Socket errors|^ +(50|90|99)%' "$work/wrk.txt"
  awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" -v s="$seconds" 'BEGIN {
    printf "nginx workers: %.2f CPU s over %d s (%.0f%% of one core), %.1f us CPU per request\n",
      t / hz, s, 100 * t / hz / s, (n > 0 ? 1e6 * t / hz / n : 0) }'
}

run "conditional polls (If-None-Match, every answer 304)" \
  -H "$auth" -H 'Accept-Encoding: gzip' -H "If-None-Match: $etag"
run "full polls (no validator, every answer the gzip body)" \
  -H "$auth" -H 'Accept-Encoding: gzip'
run "no token (every answer 401)"

echo "== one poll on the client: investboard status --feed $url (a changed feed: fetch, parse, aggregate)"
for _ in 1 2 3; do
  INVESTBOARD_TOKEN=$token /usr/bin/time -f '%e s wall, %U s user, %S s sys, %M KB peak RSS' \
    "$bin" status --feed "$url" --now 2022-02-15T10:00:00+08:00 --format json > /dev/null 2> "$work/time.txt" || true
  tail -1 "$work/time.txt"
done
echo "(an unchanged poll costs the client one 304: cargo bench --bench poll, docs/performance.md)"
