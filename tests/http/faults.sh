# Faults under load: the database killed with -9 while complaints are
# filed, a worker killed with -9, every worker stopped. Restarts the
# instance with LOAD_TEST=1 (no per-address complaint limits); the
# figures go to $BUILD/faults-figures.txt. Runs after lifecycle.sh.

fdir=$BUILD/faults
rm -rf "$fdir"
mkdir -p "$fdir"
figures=$BUILD/faults-figures.txt
: > "$figures"
figure() { echo "faults: $*" | tee -a "$figures" >&2; }
ms_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }'; }

# The defaults keep both limits; LOAD_TEST=1 lifts them.
check "default PerHour 5" grep -q 'PerHour = 5$' "$VAR/jdxx.hdf"
check "default limit_req key" grep -qF 'default $binary_remote_addr;' "$VAR/nginx.conf"
instance stop >/dev/null 2>&1
LOAD_TEST=1 instance start > "$BUILD/faults-start.log" 2>&1 || bad "LOAD_TEST=1 start"
check "LOAD_TEST PerHour" grep -q 'PerHour = 0$' "$VAR/jdxx.hdf"
check "LOAD_TEST limit_req key" grep -qF 'default "";' "$VAR/nginx.conf"
LOAD_TEST=2 instance status >/dev/null 2>&1 && bad "LOAD_TEST=2 accepted" || ok

form_token() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43; }
complaint_args() {
	printf '%s\n' --data-urlencode "form_token=$(form_token)" \
	    --data-urlencode outlet=1 --data-urlencode category=overcharge \
	    --data-urlencode "description=故障测试 $1：彩电结账时加收送货费" \
	    --data-urlencode name=王五 --data-urlencode phone=13912345678 \
	    --data-urlencode region=420607001 --data-urlencode consent=1 \
	    --data-urlencode action=submit
}

# Readers: one "status path" line per request.
reader() {
	local n=0 p paths=(/ "/outlets?region=420607" /caps
	    "/subsidy?category=tv&price=1999" /notices/1 "/api/v1/outlets?q=%E5%AE%B6"
	    /stats "/products?category=tv" "/outlets/check?q=13800000000")
	while [ ! -e "$fdir/stop-readers" ]; do
		p=${paths[n % ${#paths[@]}]}
		n=$((n + 1))
		echo "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE$p") $p"
	done > "$fdir/reader-$1"
}
# Submitters: one "status id tracking-number" line per complaint.
submitter() {
	local n=0 st no args
	while [ ! -e "$fdir/stop-submitters" ]; do
		n=$((n + 1))
		mapfile -t args < <(complaint_args "$1-$n")
		st=$(curl -s -o "$fdir/receipt-$1" -w '%{http_code}' --max-time 10 \
		    "${args[@]}" "$BASE/complaints")
		no=
		[ "$st" != 200 ] || no=$(grep -o 'class="code">[0-9A-Z]\{4\}-[0-9A-Z]\{4\}<' \
		    "$fdir/receipt-$1" | head -n 1 | cut -c14-22)
		echo "$st $1-$n ${no:--}"
	done > "$fdir/submitter-$1"
}

readers=() submitters=()
for i in 1 2 3; do reader "$i" & readers+=($!); done
for i in 1 2; do submitter "$i" & submitters+=($!); done
sleep 2

# The database dies with -9 in the middle of it all.
dbpid=$(cat "$VAR/run/mariadb.pid")
kill -KILL "$dbpid"
for i in $(seq 1 50); do kill -0 "$dbpid" 2>/dev/null || break; sleep 0.1; done
expect GET / 503 "服务暂时不可用"
expect GET /healthz 503 "database unavailable"
mapfile -t args < <(complaint_args "while-down")
cpost_status=$(curl -s -o "$fdir/down.html" -w '%{http_code}' --max-time 10 "${args[@]}" "$BASE/complaints")
check "complaint while down: $cpost_status" [ "$cpost_status" = 503 ]
check "complaint while down says so" grep -q '没有</strong>提交成功' "$fdir/down.html"
check "complaint while down keeps the text" grep -q '故障测试 while-down：彩电结账时加收送货费' "$fdir/down.html"
check "complaint while down keeps the phone" grep -q 'value="13912345678"' "$fdir/down.html"
sleep 1

# Back up: full service (a read and a filing) within 5 s of the database.
LOAD_TEST=1 instance start > "$fdir/restart.log" 2>&1 &
restart=$!
t_db=
for i in $(seq 1 600); do
	if mariadb-admin --defaults-file="$VAR/my.cnf" ping >/dev/null 2>&1; then
		t_db=$EPOCHREALTIME; break
	fi
	sleep 0.05
done
check "database back" [ -n "$t_db" ]
back=
for i in $(seq 1 200); do
	mapfile -t args < <(complaint_args "probe-$i")
	if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/outlets?region=420607")" = 200 ] &&
	    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${args[@]}" "$BASE/complaints")" = 200 ]; then
		back=$(ms_since "${t_db:-$EPOCHREALTIME}"); break
	fi
	sleep 0.05
done
wait "$restart" || bad "instance start after kill -9"
figure "full service ${back:-never} ms after the database answered"
check "full service within 5 s (${back:-never} ms)" [ "${back:-99999}" -le 5000 ]
sleep 2
touch "$fdir/stop-submitters"
wait "${submitters[@]}"

# Every complaint that got a receipt is there.
cat "$fdir"/submitter-* > "$fdir/submitted"
submitted=$(wc -l < "$fdir/submitted")
receipted=$(awk '$1 == 200 && $3 != "-"' "$fdir/submitted" | wc -l)
awk '$1 == 200 && $3 != "-" { print $3 }' "$fdir/submitted" | sort > "$fdir/receipted"
sql "SELECT tracking_no FROM complaint WHERE description LIKE '故障测试 %'" | sort > "$fdir/stored"
found=$(comm -12 "$fdir/receipted" "$fdir/stored" | wc -l)
unavailable=$(awk '$1 == 503' "$fdir/submitted" | wc -l)
other=$(awk '$1 != 200 && $1 != 503' "$fdir/submitted" | wc -l)
figure "complaints submitted $submitted, receipted $receipted, found afterwards $found, 503 $unavailable, other $other"
check "some complaints filed under load ($receipted)" [ "$receipted" -ge 5 ]
check "every receipt found ($found of $receipted)" [ "$found" = "$receipted" ]
check "no answer but 200 or 503 ($other)" [ "$other" = 0 ]
check "filing never answered 200 without a receipt" [ "$(awk '$1 == 200 && $3 == "-"' "$fdir/submitted" | wc -l)" = 0 ]
cat "$fdir"/reader-* | awk '$1 != 200 && $1 != 503' > "$fdir/reader-bad"
check "reads only 200 or 503 around the outage ($(wc -l < "$fdir/reader-bad"))" [ ! -s "$fdir/reader-bad" ]

# A worker killed with -9 under load: replaced within 1 s, only its
# request in flight may fail.
master=$(cat "$VAR/run/public.pid")
before=()
for i in 1 2 3; do before[i]=$(wc -l < "$fdir/reader-$i"); done
sleep 0.5
kid=$(pgrep -P "$master" | head -n 1)
t_kill=$EPOCHREALTIME
kill -KILL "$kid"
replaced=
for i in $(seq 1 300); do
	n=$(pgrep -P "$master" | wc -l)
	if [ "$n" -ge "$WORKERS" ] && ! pgrep -P "$master" | grep -qx "$kid"; then
		replaced=$(ms_since "$t_kill"); break
	fi
	sleep 0.01
done
sleep 1
touch "$fdir/stop-readers"
wait "${readers[@]}"
figure "worker killed with -9 replaced in ${replaced:-never} ms"
check "worker replaced within 1 s (${replaced:-never} ms)" [ "${replaced:-9999}" -le 1000 ]
failed=0 total=0
for i in 1 2 3; do
	from=${before[i]}
	total=$((total + $(tail -n +"$((from + 1))" "$fdir/reader-$i" | wc -l)))
	failed=$((failed + $(tail -n +"$((from + 1))" "$fdir/reader-$i" | awk '$1 != 200' | wc -l)))
done
figure "reads around the worker kill $total, failed $failed"
check "reads went on ($total)" [ "$total" -ge 10 ]
check "at most the killed worker's request failed ($failed)" [ "$failed" -le 1 ]

# Every worker stopped: nginx answers with the styled pages.
kill -TERM "$master"
for i in $(seq 1 100); do kill -0 "$master" 2>/dev/null || break; sleep 0.1; done
expect GET / 502 "服务暂时不可用"
expect GET "/outlets?region=420607" 502 "错误代码 502"
# The APIs' clients get their own error bodies, as JSON.
for p in "/api/v1/regions|j.error.status === 502 && j.error.code === 'unavailable'" \
    "/open311/v2/services.json|j[0].code === 502 && j[0].description.length > 0"; do
	fetch GET "${p%%|*}"
	check "${p%%|*} with workers down: $status" [ "$status" = 502 ]
	check "${p%%|*} down: JSON" grep -qi '^content-type: application/json; charset=utf-8' <<<"$headers"
	check "${p%%|*} down: its error body" [ "$(json_get "${p#*|}")" = true ]
done
mapfile -t args < <(complaint_args "workers-down")
st=$(curl -s -o "$fdir/502.html" -w '%{http_code}' --max-time 10 "${args[@]}" "$BASE/complaints")
check "complaint with workers down: $st" [ "$st" = 502 ]
check "styled 502 page" grep -q 'href="/static/site.css"' "$fdir/502.html"
LOAD_TEST=1 instance start >/dev/null 2>&1 || bad "restart after workers stopped"
expect GET /healthz 200 "ok"
