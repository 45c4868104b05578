#!/usr/bin/env bash
# make cluster-test: three MariaDB servers (a primary, two semi-synchronous
# replicas), two app hosts and a front nginx on this machine
# (src/cluster.sh), under reads (wrk) and complaint submissions the whole
# time, through three crashes: an app host, a replica, the primary (then
# the most advanced replica promoted). Afterwards every receipted complaint
# must be on every live server exactly once. Ends with the line
# "cluster: F faults survived, R receipted, L lost".
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
export BUILD
export CLUSTER=${CLUSTER_VAR:-$BUILD/cluster} PORT=${CLUSTER_PORT:-18190}
export DB_BASE=${CLUSTER_DB_BASE:-18200} APP_PORT=${CLUSTER_APP_PORT:-18290}
export WORKERS=${CLUSTER_WORKERS:-2}
SECONDS_PER_FAULT=${SECONDS_PER_FAULT:-12}
BASE=http://127.0.0.1:$PORT
# A read that reaches the database: the API is not kept in nginx's cache.
READ_PATH=/api/v1/outlets?county=420607
cl() { bash src/cluster.sh "$@"; }
trap 'cl down >/dev/null 2>&1' EXIT

cl down >/dev/null 2>&1
rm -rf "$CLUSTER"
cl up > "$BUILD/cluster-up.log" 2>&1 || {
	tail -20 "$BUILD/cluster-up.log"
	echo "cluster-checks: 0 passed, 1 failed"
	echo "cluster: 0 faults survived, 0 receipted, 0 lost"
	exit 1
}

# gtid SERVER: its GTID position, "" when it is down.
gtid() { cl sql "$1" "SELECT @@gtid_current_pos" 2>/dev/null | tail -n 1; }
# Waits until the live servers hold the same position (at most 60 s).
in_step() {
	local i a b
	for i in $(seq 1 600); do
		a=$(gtid "$1"); b=$(gtid "$2")
		[ -n "$a" ] && [ "$a" = "$b" ] && return 0
		sleep 0.1
	done
	echo "servers not in step: $1 $a, $2 $b" >&2
	return 1
}
in_step db1 db2 && in_step db1 db3 || exit 1

# Read-your-writes: with the replicas applying 3 s late, the client that
# filed a complaint finds it at once (its cookie carries the write's GTID,
# which a replica must have before it answers), another client not yet.
ryw=0
for s in db2 db3; do cl sql "$s" "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 3; START SLAVE" >/dev/null; done
sleep 1.5
jar=$CLUSTER/cookies.txt
token=$(curl -s -c "$jar" -b "$jar" "$BASE/complaints/new?outlet=1" | sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -c "$jar" -b "$jar" -o "$CLUSTER/receipt.html" "$BASE/complaints" \
    --data-urlencode "form_token=$token" --data-urlencode outlet=1 \
    --data-urlencode category=overcharge --data-urlencode "description=读己之写测试" \
    --data-urlencode name=测试 --data-urlencode phone=13912345678 \
    --data-urlencode region=420607001 --data-urlencode consent=1 --data-urlencode action=submit
no=$(sed -n 's/.*<dt>受理编号<\/dt><dd><strong class="code">\([^<]*\)<.*/\1/p' "$CLUSTER/receipt.html")
# Read through Open311, which a replica answers (tracking reads the
# primary: its throttle lives there, in the same statement).
mine=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$BASE/open311/v2/requests/$no.json")
other=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/open311/v2/requests/$no.json")
echo "read-your-writes: complaint $no read at once by its sender: $mine; by another client while the replicas lag: $other"
[ -n "$no" ] && [ "$mine" = 200 ] && [ "$other" = 404 ] && ryw=1
for s in db2 db3; do cl sql "$s" "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = 0; START SLAVE" >/dev/null; done
in_step db1 db2 && in_step db1 db3 || exit 1

# Every host's page cache follows a change within a second: a notice's
# title changed on the primary shows in every answer through the front.
pc=0
for i in 1 2 3 4 5 6; do curl -s -o /dev/null "$BASE/notices/1"; done
cl sql db1 "UPDATE notice SET title = CONCAT(title, '（已更新）') WHERE id = 1"
sleep 1
seen=0
for i in 1 2 3 4 5 6; do
	curl -s "$BASE/notices/1" | grep -q '（已更新）' && seen=$((seen + 1))
done
echo "page caches: $seen of 6 answers show a change made 1 s before"
[ "$seen" = 6 ] && pc=1

receipts=$CLUSTER/receipts.txt
: > "$receipts"
survived=0 faults=0
printf '%-10s %9s %9s %7s %10s %9s %9s %11s\n' fault submitted receipted errors recover_s reads read_err read_rps
# phase NAME FAULT REPAIR_AT REPAIR: one fault at second 2.
phase() {
	local name=$1 fault=$2 repair_at=$3 repair=$4 json reads errs rps
	faults=$((faults + 1))
	# One reader thread: the machine's two cores are also the servers'.
	wrk -t1 -c4 -d"${SECONDS_PER_FAULT}s" --timeout 5s "$BASE$READ_PATH" \
	    > "$CLUSTER/wrk-$name.txt" 2>&1 &
	json=$(python3 tests/cluster/phase.py --base "$BASE" --name "$name" \
	    --seconds "$SECONDS_PER_FAULT" --fault-at 2 --fault "$fault" \
	    --repair-at "$repair_at" --repair "$repair" --receipts "$receipts")
	wait
	reads=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$CLUSTER/wrk-$name.txt")
	errs=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$CLUSTER/wrk-$name.txt")
	rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "$CLUSTER/wrk-$name.txt")
	python3 - "$name" "$json" "${reads:-0}" "$errs" "${rps:-0}" <<'PY'
import json, sys
name, j, reads, errs, rps = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
print("%-10s %9d %9d %7d %10.2f %9s %9s %11s" % (name, j["submitted"], j["receipted"], j["errors"], j["recovered_s"], reads, errs, rps))
PY
	# Survived: complaints were filed again after the fault.
	if [ "$(printf '%s' "$json" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["survived"]))')" = 1 ]; then
		survived=$((survived + 1))
	fi
}

phase app-host "bash src/cluster.sh kill app2" 7 "bash src/cluster.sh start app2"
phase replica "bash src/cluster.sh kill db3" 7 "bash src/cluster.sh start db3"
phase primary "bash src/cluster.sh kill db1" 4 "bash src/cluster.sh promote"

# Afterwards: every receipt once on the new primary and the other replica.
primary=$(cat "$CLUSTER/primary")
lost=0
receipted=$(sort -u "$receipts" | wc -l)
dup_receipts=$(( $(wc -l < "$receipts") - receipted ))
for s in db2 db3; do
	[ "$s" = "$primary" ] || in_step "$primary" "$s" || true
	cl sql "$s" "SELECT tracking_no, COUNT(*) FROM complaint WHERE description LIKE '集群测试投诉%' GROUP BY tracking_no" \
	    2>/dev/null | sort > "$CLUSTER/on-$s.txt"
	found=$(sort -u "$receipts" | join - "$CLUSTER/on-$s.txt" | wc -l)
	twice=$(awk '$2 > 1' "$CLUSTER/on-$s.txt" | wc -l)
	missing=$((receipted - found))
	echo "on $s ($( [ "$s" = "$primary" ] && echo primary || echo replica)): $found of $receipted receipts found, $missing missing, $twice held twice"
	[ "$missing" -le "$lost" ] || lost=$missing
	[ "$twice" = 0 ] || lost=$((lost + twice))
done
[ "$dup_receipts" = 0 ] || { echo "$dup_receipts receipts given twice"; lost=$((lost + dup_receipts)); }
# Search on a replica: the Mroonga rows came with replication.
s=$([ "$primary" = db2 ] && echo db3 || echo db2)
n=$(cl sql "$s" "SELECT COUNT(*) FROM outlet_search WHERE MATCH(body) AGAINST('+电器' IN BOOLEAN MODE)" 2>/dev/null | tail -n 1)
echo "search on $s: ${n:-0} outlets match 电器"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/outlets?q=%E7%94%B5%E5%99%A8")
echo "search through the front after failover: $code"
search=0
[ "${n:-0}" -gt 0 ] && [ "$code" = 200 ] && search=1
# For make test's tally: each fault survived, nothing lost, read-your-
# writes, the page caches and search each one check.
failed=$((faults - survived + (lost > 0) + (1 - ryw) + (1 - pc) + (1 - search)))
echo "cluster-checks: $((faults + 4 - failed)) passed, $failed failed"
echo "cluster: $survived faults survived, $receipted receipted, $lost lost"
[ "$failed" = 0 ]
