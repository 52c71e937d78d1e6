#!/usr/bin/env bash
# Gateway overhead benchmark: the same GET measured side by side
#   1. direct to the backend service,
#   2. through this gateway (gateway/target/gateway.jar, started here on a free port),
#   3. through nginx (Debian package, started here on a free port) as a peer reverse proxy,
# with wrk (HTTP/1.1, keep-alive): throughput at saturation, then latency at half of the gateway's saturation
# rate (the same rate for all three, so "added p99" compares like with like).
#
# Usage (from the repository root, after `./mvnw -o -q -pl gateway package -DskipTests` or a full build):
#   bench/gateway-bench.sh --help                # this text
#   bench/gateway-bench.sh                       # backend = a running schedule-service (README run command)
#   BACKEND_URL=http://127.0.0.1:8081 BENCH_PATH=/api/schedule/sessions/<id> bench/gateway-bench.sh
#   bench/gateway-bench.sh --stand-in            # no platform: a minimal stand-in backend (nginx static JSON)
# Knobs: DURATION (s, default 20), CONNECTIONS (saturation, default 64), WARMUP (s, default 10),
#        GATEWAY_WARMUP (s, default 180: the gateway is warmed until its throughput stops rising, at most this long),
#        GATEWAY_WARMUP_MIN (s, default 60: it is warmed at least this long),
#        GATEWAY_JAVA (default: the newest JDK 21+ under /usr/lib/jvm, as the local launcher picks, else java),
#        GATEWAY_JAVA_OPTS (default -Xms256m -Xmx448m -XX:+UseParallelGC: the production heap; the throughput collector
#        has cheaper write barriers than G1 and its young pauses are ~1 ms at this heap size).
# On a shared, busy box run it as `chrt -r 10 bench/gateway-bench.sh ...` (root; also `chrt -a -r -p 10 <pid>`
# for an already running service and its database): otherwise the JVMs starve and never finish JIT warm-up.
# The gateway started here keeps every filter on (security, request id, access log to a file, rate limiter with a
# bucket too large to trip); only the rate-limit capacity is raised so one client can saturate it.
set -euo pipefail
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0
fi

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BACKEND_URL="${BACKEND_URL:-http://127.0.0.1:8081}"
BENCH_PATH="${BENCH_PATH:-/api/schedule/sessions}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms256m -Xmx448m -XX:+UseParallelGC}"
GATEWAY_WARMUP="${GATEWAY_WARMUP:-180}"
GATEWAY_WARMUP_MIN="${GATEWAY_WARMUP_MIN:-60}"
GATEWAY_JAR="${GATEWAY_JAR:-$ROOT/gateway/target/gateway.jar}"
# The JDK the local launcher gives the services (the newest 21+ installed), else the one on the PATH.
newest_jdk() { local j; for j in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
  [[ -x "$j/bin/java" ]] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && { echo "$j/bin/java"; return; }
done; echo java; }
GATEWAY_JAVA="${GATEWAY_JAVA:-$(newest_jdk)}"
STAND_IN=false
[[ "${1:-}" == "--stand-in" ]] && STAND_IN=true

WORK="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx; then
  echo "installing wrk and nginx (Debian packages)..."
  apt-get install -y wrk nginx >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk nginx >/dev/null; }
fi
[[ -f "$GATEWAY_JAR" ]] || { echo "missing $GATEWAY_JAR: build it first (./mvnw -o -q -pl gateway package -DskipTests)"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { # url, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "timed out waiting for $1"; return 1
}
start_nginx() { # name, config body
  mkdir -p "$WORK/$1"
  cat > "$WORK/$1/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/$1/nginx.pid;
error_log $WORK/$1/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log $WORK/$1/access.log combined buffer=64k flush=1s;
  client_body_temp_path $WORK/$1; proxy_temp_path $WORK/$1; fastcgi_temp_path $WORK/$1;
  uwsgi_temp_path $WORK/$1; scgi_temp_path $WORK/$1;
  keepalive_requests 1000000;
  $2
}
EOF
  nginx -c "$WORK/$1/nginx.conf" -e "$WORK/$1/error.log" &
  PIDS+=($!)
}

# --- backend -----------------------------------------------------------------------------------------------
if ! $STAND_IN && ! curl -fsS -o /dev/null "$BACKEND_URL$BENCH_PATH" 2>/dev/null; then
  echo "backend $BACKEND_URL$BENCH_PATH does not answer: using the stand-in backend (see --stand-in)"
  STAND_IN=true
fi
if $STAND_IN; then
  STAND_IN_PORT="$(free_port)"
  BACKEND_URL="http://127.0.0.1:$STAND_IN_PORT"
  BODY='{"items":[{"id":"s-1","title":"Opening ceremony","start":"2020-10-19T09:00:00+08:00","mode":"OFFLINE"}],"page":0,"size":20,"total":1}'
  start_nginx standin "server { listen 127.0.0.1:$STAND_IN_PORT; access_log off;
    location / { default_type application/json; return 200 '$BODY'; } }"
  BACKEND_KIND="STAND-IN (nginx returning a fixed 150-byte JSON; not a real service)"
else
  BACKEND_KIND="service at $BACKEND_URL"
fi
wait_http "$BACKEND_URL$BENCH_PATH" 20

# --- peer proxy: nginx --------------------------------------------------------------------------------------
NGINX_PORT="$(free_port)"
BACKEND_HOSTPORT="${BACKEND_URL#http://}"
start_nginx proxy "upstream backend { server $BACKEND_HOSTPORT; keepalive 128; }
  server { listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\";
      proxy_set_header X-Request-Id \$request_id; proxy_set_header X-Forwarded-For \$remote_addr; } }"
NGINX_PID=$!

# --- the gateway ---------------------------------------------------------------------------------------------
GATEWAY_BENCH_PORT="$(free_port)"
SCHEDULE_URL="$BACKEND_URL" REGISTRATION_URL="$BACKEND_URL" ANALYTICS_URL="$BACKEND_URL" NOTIFICATION_URL="$BACKEND_URL" \
"$GATEWAY_JAVA" $GATEWAY_JAVA_OPTS -jar "$GATEWAY_JAR" --server.port="$GATEWAY_BENCH_PORT" \
  --eduweek.gateway.rate-limits.api.capacity=1000000000 --eduweek.gateway.rate-limits.api.refill-tokens=1000000000 \
  > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=($!)
wait_http "http://127.0.0.1:$GATEWAY_BENCH_PORT/actuator/health" 90
wait_http "http://127.0.0.1:$NGINX_PORT$BENCH_PATH" 20
wait_http "http://127.0.0.1:$GATEWAY_BENCH_PORT$BENCH_PATH" 20

declare -A URL=( [direct]="$BACKEND_URL$BENCH_PATH" [gateway]="http://127.0.0.1:$GATEWAY_BENCH_PORT$BENCH_PATH"
                 [nginx]="http://127.0.0.1:$NGINX_PORT$BENCH_PATH" )
ORDER=(direct gateway nginx)

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99ms() { # wrk --latency prints e.g. "99%    1.23ms"
  awk '$1=="99%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) }
       else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } printf "%.3f", v }' "$1"
}
p50ms() {
  awk '$1=="50%" { v=$2; if (v ~ /us$/) { sub(/us/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms/,"",v) }
       else if (v ~ /s$/) { sub(/s/,"",v); v=v*1000 } printf "%.3f", v }' "$1"
}
non2xx() { awk '/Non-2xx/ {print $4}' "$1"; }

echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; anything above ~0.5 makes figures noisy)"
for t in "${ORDER[@]}"; do
  echo "warm-up $t (${WARMUP}s)..."
  wrk -t1 -c32 -d"${WARMUP}s" "${URL[$t]}" > /dev/null
done
# A JVM reaches its speed only once C2 has compiled the hot path: ten seconds are not enough on a busy 2-core box
# (the gateway still spends several times its warm CPU per request). Two 5-second runs that agree are not enough
# either: C2 compiles in steps, and throughput can plateau for a while and then rise again.
# Warm it at least GATEWAY_WARMUP_MIN seconds, then until three 5-second runs in a row agree within 5 %.
runs=(); waited=0
while (( waited < GATEWAY_WARMUP )); do
  now="$(wrk -t1 -c32 -d5s "${URL[gateway]}" | awk '/Requests\/sec/ {printf "%d", $2}')"; waited=$(( waited + 5 ))
  echo "warm-up gateway: ${now} req/s after ${waited}s"
  runs+=("$now")
  if (( waited >= GATEWAY_WARMUP_MIN && ${#runs[@]} >= 3 )); then
    read -r lo hi < <(printf '%s\n' "${runs[@]: -3}" | sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {print lo, hi}')
    (( hi * 100 <= lo * 105 )) && break
  fi
done

# CPU time (user+system, all threads) per request of the proxy processes: on a shared box this is steadier than
# req/s. nginx = its worker processes; gateway = the JVM (event loops, GC and JIT included).
ticks() { local s=0 p; for p in "$@"; do s=$(( s + $(awk '{print $14+$15}' "/proc/$p/stat") )); done; echo "$s"; }
declare -A CPU_PIDS=( [direct]="" [gateway]="$GATEWAY_PID" [nginx]="$(pgrep -P "$NGINX_PID" | tr '\n' ' ')" )
declare -A SAT P99 P50 RATE CPU
for t in "${ORDER[@]}"; do
  t0=0; [[ -n "${CPU_PIDS[$t]}" ]] && t0="$(ticks ${CPU_PIDS[$t]})"
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${URL[$t]}" > "$WORK/sat-$t.txt"
  t1=0; [[ -n "${CPU_PIDS[$t]}" ]] && t1="$(ticks ${CPU_PIDS[$t]})"
  n="$(awk '/requests in/ {print $1}' "$WORK/sat-$t.txt")"
  CPU[$t]="$(awk -v d=$(( t1 - t0 )) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", d * 1e6 / hz / n }')"
  SAT[$t]="$(rps "$WORK/sat-$t.txt")"
  bad="$(non2xx "$WORK/sat-$t.txt")"; [[ -n "$bad" ]] && echo "WARNING: $t answered $bad non-2xx responses"
  echo "saturation $t: ${SAT[$t]} req/s, proxy CPU ${CPU[$t]} us/request"
done

# Half of the gateway's saturation, paced per connection with wrk's delay(): C connections, each waiting 10 ms
# between requests, give about C*100 req/s (a little less: the response time adds to the cycle).
TARGET=$(awk -v r="${SAT[gateway]}" 'BEGIN { printf "%d", r/2 }')
PACED_CONN=$(( TARGET / 100 )); (( PACED_CONN < 1 )) && PACED_CONN=1
cat > "$WORK/paced.lua" <<'EOF'
function delay() return 10 end
EOF
for t in "${ORDER[@]}"; do
  wrk -t1 -c"$PACED_CONN" -d"${DURATION}s" --latency -s "$WORK/paced.lua" "${URL[$t]}" > "$WORK/half-$t.txt"
  RATE[$t]="$(rps "$WORK/half-$t.txt")"; P99[$t]="$(p99ms "$WORK/half-$t.txt")"; P50[$t]="$(p50ms "$WORK/half-$t.txt")"
done

echo
echo "=== gateway benchmark: GET $BENCH_PATH, backend: $BACKEND_KIND"
echo "    wrk -t1 -c$CONNECTIONS -d${DURATION}s (saturation); wrk -t1 -c$PACED_CONN -d${DURATION}s + 10 ms delay (half rate ~$TARGET req/s)"
printf "%-8s %14s %14s %10s %10s %12s\n" target "sat req/s" "half req/s" "p50 ms" "p99 ms" "proxy us/req"
for t in "${ORDER[@]}"; do
  printf "%-8s %14s %14s %10s %10s %12s\n" "$t" "${SAT[$t]}" "${RATE[$t]}" "${P50[$t]}" "${P99[$t]}" "${CPU[$t]}"
done
awk -v g="${SAT[gateway]}" -v n="${SAT[nginx]}" -v d="${SAT[direct]}" -v gp="${P99[gateway]}" -v np="${P99[nginx]}" \
    -v dp="${P99[direct]}" 'BEGIN {
  printf "throughput gateway/nginx = %.2f (target >= 0.80); gateway/direct = %.2f; nginx/direct = %.2f\n", g/n, g/d, n/d;
  printf "added p99 at half rate: gateway %+.3f ms (target < 2 ms), nginx %+.3f ms\n", gp-dp, np-dp }'
echo "raw wrk outputs and logs: $WORK"
