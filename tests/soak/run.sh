#!/usr/bin/env bash
# make soak: SOAK_SECONDS (600) of mixed traffic at SOAK_CONNECTIONS (64)
# against a throwaway LOAD_TEST=1 instance (SOAK_VAR, SOAK_PORT), with the
# public workers' RSS before and after; then one public worker under
# valgrind --leak-check=full serving SOAK_VALGRIND_REQUESTS (3000) mixed
# requests. Passes with 0 errors, RSS flat (at most 20% and 2 MB more)
# and 0 bytes definitely lost. The figures go to $BUILD/soak/figures.txt.
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
export BUILD VAR=${SOAK_VAR:-$BUILD/soak-var} PORT=${SOAK_PORT:-18087} WORKERS=4 LOAD_TEST=1
seconds=${SOAK_SECONDS:-600}
conns=${SOAK_CONNECTIONS:-64}
vg_requests=${SOAK_VALGRIND_REQUESTS:-3000}
BASE="http://127.0.0.1:$PORT"
out=$BUILD/soak
rm -rf "$out"
mkdir -p "$out"
figures=$out/figures.txt
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL soak: $*" >&2; }
figure() { echo "soak: $*" | tee -a "$figures" >&2; }
. tests/private-instance.sh
. tests/soak/valgrind.sh

fresh_instance soak "$out/start.log"

# A complaint to track, as the traffic does.
codes=$(file_complaint "$out/receipt.html" "长时间运行测试的投诉，彩电加收送货费")
export TRACK_NO=$(echo "$codes" | sed -n 1p) TRACK_CODE=$(echo "$codes" | sed -n 2p)
[ -n "$TRACK_NO" ] && ok || bad "no complaint to track"

# Resident set of each public worker, in KB, summed.
worker_rss() {
	local kids
	kids=$(pgrep -d, -P "$(cat "$VAR/run/public.pid")")
	ps -o rss= -p "$kids" | awk '{ s += $1; n++ } END { printf "%d %d", s, n }'
}
before_workers=$(pgrep -P "$(cat "$VAR/run/public.pid")" | sort | paste -sd,)

# Warm up (every page, statement and cache once), then measure.
wrk -t 2 -c 8 -d 10s -s tests/soak/mixed.lua "$BASE" > "$out/warmup.txt" 2>&1
read -r rss0 n0 <<< "$(worker_rss)"
figure "public workers before: $n0, RSS $rss0 KB"
complaints0=$(mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "SELECT COUNT(*) FROM complaint")
wrk -t 2 -c "$conns" -d "${seconds}s" --timeout 10s -s tests/soak/mixed.lua \
    --latency "$BASE" > "$out/wrk.txt" 2>&1
cat "$out/wrk.txt" >&2
read -r rss1 n1 <<< "$(worker_rss)"
figure "public workers after: $n1, RSS $rss1 KB"
after_workers=$(pgrep -P "$(cat "$VAR/run/public.pid")" | sort | paste -sd,)
complaints1=$(mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "SELECT COUNT(*) FROM complaint")
line=$(grep '^soak: requests' "$out/wrk.txt")
figure "${seconds} s at c=$conns: ${line#soak: }; complaints stored $((complaints1 - complaints0))"
grep -E 'Requests/sec|Non-2xx|Socket errors|50%|99%' "$out/wrk.txt" | sed 's/^ */soak: /' | tee -a "$figures" >&2
errors=$(echo "$line" | awk '{ print $8 + $10 + $12 + $14 + $16 }')
[ -n "$line" ] && [ "$errors" = 0 ] && ok || bad "errors under load: $line"
grep -q 'Non-2xx' "$out/wrk.txt" && bad "non-2xx answers" || ok
filed=$(echo "$line" | awk '{ print $5 }' | tr -d ,)
# Those still in flight when wrk stopped may or may not have landed.
stored=$((complaints1 - complaints0))
[ "$stored" -le "$filed" ] && [ "$stored" -ge "$((filed - conns))" ] && ok ||
    bad "complaints sent $filed, stored $stored"
[ "$before_workers" = "$after_workers" ] && ok || bad "workers replaced during the soak ($before_workers, $after_workers)"
awk -v a="$rss0" -v b="$rss1" 'BEGIN { exit !(b <= a * 1.2 && b - a <= 2048) }' && ok ||
    bad "worker RSS grew from $rss0 KB to $rss1 KB"
grep "ended (status" "$VAR/log/public.log" && bad "a worker ended" || ok

# One worker under valgrind serving mixed requests, then stopped.
valgrind_start public
t=$EPOCHREALTIME
base_lines=$(grep -c "" "$VAR/log/nginx-access.log")
wrk -t 1 -c 2 -d 600s --timeout 30s -s tests/soak/mixed.lua "$BASE" > "$out/valgrind-wrk.txt" 2>&1 &
wrkpid=$!
# Stop wrk once the worker served the number asked.
served=0
while kill -0 "$wrkpid" 2>/dev/null; do
	served=$(grep -c "" "$VAR/log/nginx-access.log")
	[ "$served" -ge "$((vg_requests + base_lines))" ] && break
	sleep 1
done
kill -INT "$wrkpid" 2>/dev/null
wait "$wrkpid"
served=$((served - base_lines))
figure "valgrind: one worker served $served mixed requests in $(awk -v a="$t" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s"
valgrind_verdict public
[ "$served" -ge "$vg_requests" ] && ok || bad "the worker under valgrind served only $served"
echo "soak: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
