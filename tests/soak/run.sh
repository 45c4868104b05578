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
kill -TERM "$(cat "$VAR/run/public.pid")"
for i in $(seq 1 150); do kill -0 "$(cat "$VAR/run/public.pid")" 2>/dev/null || break; sleep 0.1; done
sed 's/^Workers = .*/Workers = 1/' "$VAR/jdxx.hdf" > "$out/valgrind.hdf"
chmod 600 "$out/valgrind.hdf"
# The worker writes its own log once it no longer is root, so in a
# directory that user can reach.
vgdir=$(mktemp -d /tmp/jdxx-valgrind.XXXXXX)
chmod 1777 "$vgdir"
sock=$(runtime_dir)/public.sock
user=()
[ "$(id -u)" -ne 0 ] || user=(--user jdxx)
rm -f "$sock"
setsid valgrind --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
    --log-file="$vgdir/public-%p.log" "$BUILD/public.fcgi" --config "$out/valgrind.hdf" \
    --socket "$sock" "${user[@]}" >> "$VAR/log/public.log" 2>&1 < /dev/null &
vg=$!
for i in $(seq 1 300); do [ -S "$sock" ] && break; sleep 0.1; done
sleep 2
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
kill -TERM "$vg"
wait "$vg"
figure "valgrind: one worker served $served mixed requests in $(awk -v a="$t" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s"
mkdir -p "$out/valgrind"
mv "$vgdir"/public-*.log "$out/valgrind/"
rmdir "$vgdir"
for f in "$out"/valgrind/public-*.log; do
	lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$f" | tr -d , | tail -n 1)
	errs=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$f" | tail -n 1)
	figure "valgrind $(basename "$f"): definitely lost ${lost:-0} bytes, ${errs:-?} errors"
	[ "${lost:-0}" = 0 ] && ok || bad "$(basename "$f"): $lost bytes definitely lost"
	[ "${errs:-1}" = 0 ] && ok || bad "$(basename "$f"): $errs valgrind errors"
done
[ "$served" -ge "$vg_requests" ] && ok || bad "the worker under valgrind served only $served"
echo "soak: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
