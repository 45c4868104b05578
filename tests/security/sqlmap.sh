#!/usr/bin/env bash
# SQL injection sweep: sqlmap over every request in tests/security/targets.
#
#   sqlmap.sh full    every target, --level 5 --risk 3, on a throwaway
#                     instance (SECURITY_VAR, SECURITY_PORT) made for it
#   sqlmap.sh light   the "light" targets, --level 1 --risk 1, against the
#                     running instance at VAR and PORT (make test)
#
# SECURITY_ONLY, an extended regular expression, picks the targets whose
# "SCOPE|METHOD|PATH" it matches (to split a sweep between runs).
# SECURITY_SKIP_SHARED=1 leaves out the headers and the session cookie,
# for the later parts of a split sweep whose first part tried them.
#
# One line per target, then "sqlmap: N passed, N failed": a target passes
# when sqlmap tested it and found nothing injectable. The lines are kept
# in $BUILD/security/ (full runs: one file per run, never overwritten).
set -u
cd "$(dirname "$0")/../.." || exit 1
mode=${1:-}
BUILD=${BUILD:-build}
case "$mode" in
full)
	export VAR=${SECURITY_VAR:-$BUILD/security-var} PORT=${SECURITY_PORT:-18088}
	level=5 risk=3 scopes='light|public|staff' ;;
light)
	export VAR PORT
	level=1 risk=1 scopes='light' ;;
*)
	echo "usage: sqlmap.sh full|light" >&2; exit 2 ;;
esac
export BUILD
BASE="http://127.0.0.1:$PORT"
out=$BUILD/security/$mode
# Full runs may go in parallel (one SECURITY_PORT each): each keeps its
# logs in a directory of its own.
work=$out
summary=$out/summary.txt
if [ "$mode" = full ]; then
	stamp=$(date -u +%Y%m%dT%H%M%SZ)-$PORT
	work=$out/$stamp summary=$out/sqlmap-$stamp.txt
fi
mkdir -p "$work"
: > "$summary"
pass=0 fail=0

# The suites' helpers: the instance, and signing in as a browser does.
. tests/http/lib.sh
pass=0 fail=0
note() { echo "$*" | tee -a "$summary" >&2; }

if [ "$mode" = full ]; then
	LOAD_TEST=1 WORKERS=2 fresh_instance sqlmap "$work/start.log"
fi

# What the targets need: accounts, an Open311 key, a filed complaint.
password=Sweep-2009-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
for u in sqlmap victim; do
	if [ -z "$(sql "SELECT id FROM staff WHERE username = '$u'")" ]; then
		role=admin; [ "$u" = sqlmap ] || role=editor
		echo "$password" | staff_cli add "$u" "$role" >/dev/null
	fi
done
victim=$(sql "SELECT id FROM staff WHERE username = 'victim'")
apikey=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
sql "INSERT INTO api_key (key_hash, name, created_at) VALUES
    ('$(printf %s "$apikey" | sha256sum | cut -c1-64)', 'sqlmap', NOW())"
codes=$(file_complaint "$work/receipt.html" "注入测试用的投诉，彩电加收送货费")
no=$(echo "$codes" | sed -n 1p) code=$(echo "$codes" | sed -n 2p)
if [ -z "$no" ] || [ -z "$code" ]; then
	echo "FAIL sqlmap: no complaint receipt to track" >&2
	echo "sqlmap: 0 passed, 1 failed"
	exit 1
fi

# Failed sign-ins and tracking misses would throttle the address and
# hide the statements behind the throttle: keep clearing them.
( while sleep 1; do sql "DELETE FROM login_throttle" 2>/dev/null; done ) &
unthrottle=$!
trap 'kill "$unthrottle" 2>/dev/null; [ "$mode" != full ] || bash src/instance.sh stop >/dev/null 2>&1' EXIT

# Signs sqlmap in afresh; sets $cookie and $csrf.
sign_in() {
	local jar=$BUILD/jar-sqlmap
	echo "$password" | staff_cli reset-password sqlmap >/dev/null
	login sqlmap "$password"
	csrf=$(csrf_of sqlmap)
	cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk 'NF == 7 && $1 !~ /^#/ { print $6 "=" $7 }' | paste -sd';')
}

# An attachment on a published notice, uploaded through the staff pages, for
# /attachments/@ATTACHMENT@ to reach its statements (full runs:
# their instance is a throwaway one).
attachment=
if [ "$mode" = full ]; then
	printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' > "$work/sweep.pdf"
	nid=$(sql "SELECT MIN(id) FROM notice WHERE status = 'published'")
	sign_in
	curl -s -o /dev/null -b "$work/jar" --max-time 20 -F "csrf=$csrf" \
	    -F "file=@$work/sweep.pdf;filename=sweep.pdf" "$BASE/staff/notices/$nid/attachments"
	attachment=$(sql "SELECT MAX(id) FROM attachment WHERE notice_id = '$nid'")
	if [ -z "$attachment" ] || [ "$attachment" = NULL ]; then
		echo "FAIL sqlmap: no attachment to download" >&2
		echo "sqlmap: 0 passed, 1 failed"
		exit 1
	fi
fi

fill() {
	local s=$1
	s=${s//@NO@/$no}
	s=${s//@CODE@/$code}
	s=${s//@APIKEY@/$apikey}
	s=${s//@VICTIM@/$victim}
	s=${s//@ATTACHMENT@/$attachment}
	s=${s//@PASSWORD@/$password}
	s=${s//@CSRF@/${csrf:-}}
	s=${s//@LOGINCSRF@/$login_token}
	printf '%s' "$s"
}

login_token=sqlmap$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
started=$EPOCHREALTIME
n=0
# The headers (level 3 and up) and the session cookie (level 2 and up)
# reach the same code on every page: try them on the first target and
# the first staff target only.
skip_headers= skip_cookie=
if [ -n "${SECURITY_SKIP_SHARED:-}" ]; then
	skip_headers=user-agent,referer,host skip_cookie=jdxx_staff
fi
note "sqlmap $(sqlmap --version 2>/dev/null | head -n 1) --level $level --risk $risk against $BASE ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
while IFS='|' read -r scope method path body only; do
	case "$scope" in ''|\#*) continue ;; esac
	printf '%s\n' "$scopes" | tr '|' '\n' | grep -qx "$scope" || continue
	[ -z "${SECURITY_ONLY:-}" ] ||
	    printf '%s|%s|%s\n' "$scope" "$method" "$path" | grep -qE -- "$SECURITY_ONLY" || continue
	n=$((n + 1))
	cookie= csrf=
	sql "DELETE FROM login_throttle"
	[ "$scope" != staff ] || sign_in
	url=$BASE$(fill "$path")
	args=(-u "$url" --batch --disable-coloring --flush-session
	    --output-dir="$work/sqlmap" --level "$level" --risk "$risk"
	    --dbms=mysql --timeout=15 --retries=1 --ignore-code=401)
	[ "$method" != POST ] || args+=(--method POST --data "$(fill "$body")")
	[ "$mode" != light ] || [ -z "$only" ] || args+=(-p "$only")
	# The sign-in form's token must match its cookie: sqlmap sends both.
	case "$path" in /staff/login) cookie="jdxx_login=$login_token" ;; esac
	[ -z "$cookie" ] || args+=(--cookie "$cookie" --drop-set-cookie)
	skip=$skip_headers
	if [ "$scope" = staff ]; then
		[ -z "$skip_cookie" ] || skip=${skip:+$skip,}$skip_cookie
		skip_cookie=jdxx_staff
	fi
	[ -z "$skip" ] || args+=(--skip="$skip")
	skip_headers=user-agent,referer,host
	log=$work/target-$n.log
	before=$(wc -l < "$VAR/log/nginx-access.log")
	t=$EPOCHREALTIME
	sqlmap "${args[@]}" > "$log" 2>&1
	secs=$(awk -v a="$t" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
	requests=$(($(wc -l < "$VAR/log/nginx-access.log") - before))
	if grep -q 'identified the following injection point' "$log"; then
		verdict=INJECTABLE
	elif grep -q 'do not appear to be injectable' "$log"; then
		verdict="not injectable"
	else
		why=$(grep -m1 -E 'CRITICAL|ERROR' "$log" ||
		    grep '^\[!\]' "$log" | grep -vm1 'legal disclaimer')
		verdict="NOT TESTED (${why:0:100})"
	fi
	line="$verdict | $scope $method $path | $requests requests | $secs s"
	if [ "$verdict" = "not injectable" ] && [ "$requests" -gt 10 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		line="FAIL $line (see $log)"
	fi
	note "$line"
done < tests/security/targets
note "$n targets in $(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s; $pass not injectable, $fail failed"
# The program must have answered every payload without crashing.
if grep "ended (status" "$VAR/log/public.log" "$VAR/log/staff.log" 2>/dev/null |
    grep -qv "(status 9)"; then
	note "FAIL a worker crashed under the payloads"
	fail=$((fail + 1))
fi
echo "sqlmap: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
