#!/usr/bin/env bash
# The staff program's worker under valgrind --leak-check=full: one worker
# serves STAFF_VALGRIND_ROUNDS (10) rounds of signed-in work on a
# throwaway LOAD_TEST=1 instance (SOAK_VAR, SOAK_PORT), each a sign-in,
# about 300 requests in one curl (dashboard, the complaint queue and a
# complaint, accepting, investigating and resolving it with replies and
# notes, the intake form and a phone complaint entered, outlet, product,
# enterprise, notice, caps, audit, report and account pages, an outlet
# edit, notice previews and drafts, refusals: a wrong CSRF token, bad
# forms, a page that is not there), a notice
# draft published, an attachment, an import checked, and signing out.
# Then the worker is stopped with SIGTERM. Passes with every answer
# below 500, 0 bytes definitely lost and 0 valgrind errors. The figures
# go to $BUILD/soak/staff-figures.txt.
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
export BUILD VAR=${SOAK_VAR:-$BUILD/soak-var} PORT=${SOAK_PORT:-18087} WORKERS=2 LOAD_TEST=1
rounds=${STAFF_VALGRIND_ROUNDS:-10}
BASE="http://127.0.0.1:$PORT"
out=$BUILD/soak/staff
rm -rf "$out"
mkdir -p "$out"
figures=$BUILD/soak/staff-figures.txt
: > "$figures"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL soak-staff: $*" >&2; }
figure() { echo "soak-staff: $*" | tee -a "$figures" >&2; }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }
. tests/private-instance.sh
. tests/soak/valgrind.sh

fresh_instance soak-staff "$out/start.log"
admin_pw=$(cat "$VAR/initial-admin-password")
jar=$out/jar

# One staff worker under valgrind in place of the staff program.
valgrind_start staff

# req METHOD PATH [curl arguments...]: one request of the worker's,
# signed in with the jar, its status in $out/statuses.
req() {
	local m=$1 p=$2
	shift 2
	st=$(curl -s -X "$m" -b "$jar" -c "$jar" -D "$out/h.txt" -o "$out/b.txt" \
	    -w '%{http_code}' --max-time 120 "$@" "$BASE$p")
	echo "$st $m $p" >> "$out/statuses"
}
: > "$out/statuses"
# A block of the curl configuration: a request with the session cookie.
block() {
	local m=$1 p=$2 d
	shift 2
	printf 'next\nurl = "%s%s"\nrequest = "%s"\noutput = "/dev/null"\n' "$BASE" "$p" "$m"
	printf 'silent\ncookie = "jdxx_staff=%s"\nmax-time = 120\n' "$cookie"
	printf 'write-out = "%%{http_code} %s %s\\n"\n' "$m" "${p%%\?*}"
	for d in "$@"; do printf 'data-urlencode = "%s"\n' "$d"; done
}
# outlet_fields ADDRESS: the demo outlet this run edits, all fields.
outlet_fields() {
	printf '%s\n' reg_no=XY-420607-0951 name=峪山镇惠农家电下乡指定店 enterprise=2 \
	    mode=franchise region=420607108 "address=$1" phone=0710-2900051 \
	    cat_tv=1 cat_washer=1 svc_delivery=1 svc_repair=1 \
	    registered_on=2009-04-01 confirm=1
}
printf '%s\n' '备案编号,店名,中标销售企业,经营方式,乡镇代码,地址,电话,经营类别,服务,登记日期' \
    'XY-420607-0961,峪山镇检查用家电店,湖北惠民家电连锁有限公司,加盟,420607108,襄州区峪山镇检查街1号,0710-2900061,彩电,送货上门,2009/4/1' \
    'bad,,,,,,,,,' | sed 's/$/\r/' > "$out/import.csv"
printf '%%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n' > "$out/a.pdf"

t=$EPOCHREALTIME
for r in $(seq 1 "$rounds"); do
	# The forms of a browser: the sign-in's token, then the second factor.
	login admin "$admin_pw"
	st=$status
	echo "$st POST /staff/login" >> "$out/statuses"
	cp "$BUILD/jar-admin" "$jar"
	[ "$st" = 303 ] || bad "round $r: sign-in answered $st"
	cookie=$(awk '$6 == "jdxx_staff" { print $7 }' "$jar")
	req GET /staff/
	csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$out/b.txt" | head -n 1)
	[ -n "$csrf" ] && [ -n "$cookie" ] || { bad "round $r: no session"; continue; }
	# A complaint of this round's, filed through the public pages.
	codes=$(file_complaint "$out/receipt.html" "员工程序内存检查第 $r 轮：彩电加收送货费")
	no=$(echo "$codes" | sed -n 1p)
	cid=$(sql "SELECT id FROM complaint WHERE tracking_no = '$no'")
	[ -n "$cid" ] || bad "round $r: no complaint filed"
	oid=$(sql "SELECT id FROM outlet WHERE reg_no = 'XY-420607-0951'")
	if [ -z "$oid" ]; then
		mapfile -t f < <(outlet_fields 襄州区峪山镇新街0号 | sed 's/^/--data-urlencode\n/')
		req POST /staff/outlets/new --data-urlencode "csrf=$csrf" "${f[@]}"
		oid=$(sql "SELECT id FROM outlet WHERE reg_no = 'XY-420607-0951'")
		[ -n "$oid" ] || bad "no outlet to edit ($st)"
	fi
	{
		for i in $(seq 1 12); do
			block GET /staff/
			block GET /staff/complaints
			block GET "/staff/complaints?status=submitted&category=overcharge"
			block GET "/staff/complaints?overdue=1&region=420607"
			block GET "/staff/complaints/$cid"
			block GET /staff/complaints/new
			block GET "/staff/outlets?q=%E5%B3%AA%E5%B1%B1"
			block GET "/staff/outlets?region=420607&status=all&page=2"
			block GET /staff/outlets/1
			block GET /staff/products
			block GET "/staff/products?category=tv&q=L32"
			block GET /staff/products/1
			block GET /staff/enterprises
			block GET /staff/notices
			block GET /staff/notices/new
			block GET /staff/notices/1
			block GET /staff/caps
			block GET /staff/audit
			block GET "/staff/reports/weekly?region=420607"
			block GET /staff/accounts
			block GET /staff/apikeys
			block GET /staff/outlets/export.csv
			block POST "/staff/complaints/$cid" "csrf=$csrf" action=note \
			    "internal_note=第 $i 次内部记录" "public_reply=第 $i 次答复"
			block POST /staff/notices/new "csrf=$csrf" kind=policy \
			    "title=内存检查公告 $r-$i" issuer=襄阳市商务局 issued_on=2009-02-01 \
			    "body=## 小标题\\n正文 **加粗** [链接](https://example.cn)" \
			    action=preview
			block POST "/staff/complaints/$cid" "csrf=wrong$csrf" action=note \
			    "internal_note=错误的令牌"
			block POST /staff/products/new "csrf=$csrf" category=tv brand= model=
			block POST /staff/complaints/new "csrf=$csrf" channel=web \
			    "description=第 $i 次：渠道不对的登记" region=420607
			block GET /staff/nothing-here
		done
		block POST "/staff/complaints/$cid" "csrf=$csrf" action=accept \
		    "public_reply=已受理，将于30个工作日内办结。"
		block POST "/staff/complaints/$cid" "csrf=$csrf" action=investigate \
		    "internal_note=电话联系商家"
		block POST "/staff/complaints/$cid" "csrf=$csrf" action=resolve \
		    "public_reply=经查属实，已责令退还多收的费用。"
		block POST /staff/complaints/new "csrf=$csrf" channel=phone \
		    "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)" \
		    name=王五 phone=13912345678 region=420607001 outlet=1 \
		    category=overcharge "description=电话登记的第 $r 轮投诉：彩电加收送货费"
		mapfile -t f < <(outlet_fields "襄州区峪山镇新街$r号")
		block POST "/staff/outlets/$oid" "csrf=$csrf" "${f[@]}"
		block POST /staff/notices/new "csrf=$csrf" kind=notice \
		    "title=内存检查草稿 $r" issuer=襄阳市商务局 issued_on=2009-02-01 \
		    "body=草稿正文 $r" action=save
	} | sed '1d' > "$out/round.cfg"
	curl -s -K "$out/round.cfg" >> "$out/statuses"
	# The draft of this round published, a file attached, an import checked.
	nid=$(sql "SELECT id FROM notice WHERE title = '内存检查草稿 $r'")
	[ -n "$nid" ] || bad "round $r: no draft saved"
	req POST "/staff/notices/$nid/attachments" -F "csrf=$csrf" -F "file=@$out/a.pdf;filename=名单.pdf"
	req POST "/staff/notices/$nid/status" --data-urlencode "csrf=$csrf" --data-urlencode status=published
	[ "$st" = 303 ] || bad "round $r: publishing answered $st"
	req POST /staff/outlets/import -F "csrf=$csrf" -F action=dryrun -F "file=@$out/import.csv;type=text/csv"
	grep -q '备案编号须为' "$out/b.txt" || bad "round $r: the import check did not list the bad row ($st)"
	req POST /staff/logout --data-urlencode "csrf=$csrf"
	req GET /staff/
	[ "$st" = 303 ] || bad "round $r: still signed in after signing out ($st)"
done
secs=$(awk -v a="$t" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')

# Every request reached the worker under valgrind and none broke it.
served=$(wc -l < "$out/statuses")
sort -k1,1 "$out/statuses" | awk '{ print $1 }' | uniq -c | tr -s ' ' |
    sed 's/^ //' | paste -sd, > "$out/by-status"
figure "answers by status: $(cat "$out/by-status")"
awk '$1 >= 500 || $1 == "000"' "$out/statuses" > "$out/broken"
check "no answer 5xx or none ($(head -n 3 "$out/broken" | paste -sd,))" [ ! -s "$out/broken" ]
check "a wrong CSRF token refused each time" \
    [ "$(grep -c '^403 POST /staff/complaints/' "$out/statuses")" = "$((rounds * 12))" ]
check "every complaint resolved" \
    [ "$(sql "SELECT COUNT(*) FROM complaint WHERE description LIKE '员工程序内存检查%' AND status = 'resolved'")" = "$rounds" ]
check "every draft published" \
    [ "$(sql "SELECT COUNT(*) FROM notice WHERE title LIKE '内存检查草稿%' AND status = 'published'")" = "$rounds" ]
check "the outlet edited" \
    [ "$(sql "SELECT address FROM outlet WHERE reg_no = 'XY-420607-0951'")" = "襄州区峪山镇新街${rounds}号" ]

valgrind_verdict staff
figure "valgrind: one staff worker served $served requests in $secs s"
[ "$served" -ge 1000 ] && ok || bad "the worker under valgrind served only $served"
echo "soak-staff: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
