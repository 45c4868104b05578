# Complaints: the form and its validation, receipts and double submits,
# a database outage during submit, tracking and its throttle, staff
# handling with working-day deadlines, satisfaction and reopening.

# new_form [QUERY]: GET the form; sets $token.
new_form() {
	fetch_fresh "/complaints/new${1:-}"
	token=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt" | head -n 1)
}
# submit TOKEN [extra curl args...]: a complete, valid complaint unless
# the extra arguments override fields (curl keeps the last of a name? no:
# the app refuses duplicates, so callers pass full field sets instead).
cpost() {
	status=$(curl -s -D "$BUILD/h.txt" -o "$BUILD/b.txt" -w '%{http_code}' --max-time 20 "$@" "$BASE/complaints")
}
good_fields() {
	printf '%s\n' "form_token=$1" "outlet=1" "category=overcharge" \
	    "description=彩电标价1999元，结账时加收送货费300元。" "name=王五" \
	    "phone=13912345678" "region=420607001" "consent=1" "action=submit"
}
# file_with TOKEN [FIELD=VALUE to replace or add...]
file_with() {
	local t=$1 args=() f k
	shift
	local -A over=()
	for f in "$@"; do over[${f%%=*}]=${f#*=}; done
	while IFS= read -r f; do
		k=${f%%=*}
		if [ -n "${over[$k]+x}" ]; then
			args+=(--data-urlencode "$k=${over[$k]}"); unset "over[$k]"
		else
			args+=(--data-urlencode "$f")
		fi
	done < <(good_fields "$t")
	for k in "${!over[@]}"; do args+=(--data-urlencode "$k=${over[$k]}"); done
	cpost "${args[@]}"
}
reset_rate() { sql "UPDATE complaint SET submit_address = 'earlier'"; sql "DELETE FROM login_throttle"; }
# tpost [FIELD=VALUE...]: the tracking form, posted as a browser does.
tpost() {
	local args=() f
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	status=$(curl -s -X POST -D "$BUILD/h.txt" -o "$BUILD/b.txt" \
	    -w '%{http_code}' --max-time 10 "${args[@]}" "$BASE/complaints/track")
}
# The last answer's Referrer-Policy, all its headers joined: a page that
# shows a tracking number or query code, or was asked for with them,
# sends one, no-referrer.
referrer_policy() {
	tr -d '\r' < "$BUILD/h.txt" | sed -n 's/^referrer-policy: *//Ip' | paste -sd ,
}

new_form "?outlet=1"
check "form 200" [ "$status" = 200 ]
check "form token" [ ${#token} = 43 ]
check "outlet prefilled" grep -q "备案编号" "$BUILD/b.txt"
check "outlet's county preselected" grep -q 'value="420607" selected' "$BUILD/b.txt"
expect GET "/complaints/new?outlet=999999" 400 "没有这个网点"
expect GET "/complaints/new?outlet=abc" 400 "被投诉网点须为"
expect GET /complaints/new 200 "户籍所在地"

# The region chooser moves on a level at a time and keeps what was typed.
cpost --data-urlencode "form_token=$token" --data-urlencode province=42 \
    --data-urlencode "description=我的投诉内容<b>粗</b>" --data-urlencode action=region
check "region step 200: $status" [ "$status" = 200 ]
check "cities offered" grep -q '>襄阳市<' "$BUILD/b.txt"
check "typed text kept" grep -qF '我的投诉内容&lt;b&gt;粗&lt;/b&gt;' "$BUILD/b.txt"
cpost --data-urlencode "form_token=$token" --data-urlencode province=42 --data-urlencode city=4206 \
    --data-urlencode action=region
check "counties offered" grep -q '>襄州区<' "$BUILD/b.txt"
cpost --data-urlencode "form_token=$token" --data-urlencode province=42 --data-urlencode city=4206 \
    --data-urlencode county=420607 --data-urlencode action=region
check "townships offered" grep -q 'value="420607001"' "$BUILD/b.txt"
check "nothing filed by region steps" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE description LIKE '我的投诉内容%'")" = 0 ]

# Every validation error comes back with the form as typed.
before=$(sql "SELECT COUNT(*) FROM complaint")
new_form
while IFS='|' read -r field value message; do
	[ -z "$field" ] && continue
	file_with "$token" "$field=$value"
	check "bad $field: $status" [ "$status" = 400 ]
	check "bad $field message" grep -q "$message" "$BUILD/b.txt"
	if [ "$field" = description ]; then kept=王五; else kept=结账时加收送货费300元; fi
	check "bad $field keeps the rest" grep -q "$kept" "$BUILD/b.txt"
done <<CASES
name||请填写姓名
phone|12345|请填写 11 位手机号码
phone|0710|请填写 11 位手机号码
phone||请填写联系电话
region||请选择您户籍所在的乡镇
region|420607|请选择您户籍所在的乡镇
region|999999999|请从列表中选择乡镇
outlet|999999|没有这个网点
category||请选择投诉类别
category|nonsense|请选择投诉类别
purchase_date|2099-01-01|购买日期不能晚于今天
purchase_date|2009-02-30|有效日期
product_category|aircon|请从列表中选择商品类别
description||请写明投诉的事情经过
description|$(printf '长%.0s' $(seq 1 4001))|太长
consent|0|请阅读并同意
name|$(printf 'x%.0s' $(seq 1 21))|太长
CASES
file_with "$token" outlet= outlet_name=
check "no shop at all: $status" [ "$status" = 400 ]
check "no shop message" grep -q "请填写被投诉商店的名称" "$BUILD/b.txt"
cpost --data-urlencode "form_token=$token" --data-urlencode "name=%FF" -H 'Content-Type: application/x-www-form-urlencoded' --data-binary 'description=%FF'
check "invalid UTF-8: $status" [ "$status" = 400 ]
check "nothing filed by bad forms" [ "$(sql "SELECT COUNT(*) FROM complaint")" = "$before" ]

# The honeypot: nothing filed.
file_with "$token" website=http://spam.example
check "honeypot: $status" [ "$status" = 400 ]
check "honeypot files nothing" [ "$(sql "SELECT COUNT(*) FROM complaint")" = "$before" ]

# A good complaint, then the same form again (double click, reload).
file_with "$token" "description=第一件：加收送货费<script>alert(1)</script>"
check "filed: $status" [ "$status" = 200 ]
no1=$(sed -n 's/.*<dt>受理编号<\/dt><dd><strong class="code">\([^<]*\)<.*/\1/p' "$BUILD/b.txt")
code1=$(sed -n 's/.*<dt>查询码<\/dt><dd><strong class="code">\([^<]*\)<.*/\1/p' "$BUILD/b.txt")
check "tracking number shape: $no1" sh -c "echo '$no1' | grep -Eq '^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$'"
check "query code shape: $code1" sh -c "echo '$code1' | grep -Eq '^[2-9A-HJ-NP-Z]{8}$'"
check "receipt not cached" grep -qi '^Cache-Control: no-store' "$BUILD/h.txt"
check "receipt named in no Referer: $(referrer_policy)" [ "$(referrer_policy)" = no-referrer ]
file_with "$token" "description=第一件：加收送货费<script>alert(1)</script>"
check "double submit: same receipt" grep -q "$no1" "$BUILD/b.txt"
check "double submit: same code" grep -q "$code1" "$BUILD/b.txt"
check "double submit: one complaint" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE tracking_no = '$no1'")" = 1 ]
check "query code stored hashed" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE code_hash LIKE '%$code1%'")" = 0 ]
check "first event recorded" [ "$(sql "SELECT COUNT(*) FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE c.tracking_no = '$no1' AND e.kind = 'submitted'")" = 1 ]
check "the web form's channel, entered by no one" [ "$(sql "SELECT CONCAT(channel, '|', COALESCE(entered_by, 'none')) FROM complaint WHERE tracking_no = '$no1'")" = "web|none" ]
reset_rate

# Working days: the acceptance deadline skips weekends and holidays.
expected_due() {
	local d n=0
	d=$(TZ=Asia/Shanghai date +%F)
	while [ "$n" -lt 7 ]; do
		d=$(date -d "$d + 1 day" +%F)
		case "$(date -d "$d" +%u)" in 6|7) continue ;; esac
		grep -qx "$d" "$BUILD/holidays.txt" && continue
		n=$((n + 1))
	done
	echo "$d"
}
: > "$BUILD/holidays.txt"
for i in 2 3 4; do
	h=$(TZ=Asia/Shanghai date -d "+$i day" +%F)
	case "$(date -d "$h" +%u)" in 6|7) continue ;; esac
	echo "$h" >> "$BUILD/holidays.txt"
	sql "INSERT IGNORE INTO calendar_day (day, is_workday, name) VALUES ('$h', 0, '测试假日')"
done
# Each worker keeps the calendar; a change made straight in the database
# shows within a second.
sleep 1.1
new_form
file_with "$token"
no2=$(sed -n 's/.*<dt>受理编号<\/dt><dd><strong class="code">\([^<]*\)<.*/\1/p' "$BUILD/b.txt")
code2=$(sed -n 's/.*<dt>查询码<\/dt><dd><strong class="code">\([^<]*\)<.*/\1/p' "$BUILD/b.txt")
want=$(expected_due)
got=$(sql "SELECT accept_due FROM complaint WHERE tracking_no = '$no2'")
check "accept due over holidays: $got, want $want" [ "$got" = "$want" ]
sql "DELETE FROM calendar_day WHERE name = '测试假日'"
reset_rate

# The database goes away during a submit: nothing saved, form kept;
# the same form succeeds once it is back.
new_form
kill -TERM "$(cat "$VAR/run/mariadb.pid")"
for i in $(seq 1 100); do kill -0 "$(cat "$VAR/run/mariadb.pid")" 2>/dev/null || break; sleep 0.1; done
file_with "$token" "description=数据库中断时提交的投诉"
check "outage: $status" [ "$status" = 503 ]
check "outage says nothing saved" grep -q "没有</strong>提交成功" "$BUILD/b.txt"
check "outage keeps the text" grep -q "数据库中断时提交的投诉" "$BUILD/b.txt"
check "outage keeps the token" grep -qF -- "$token" "$BUILD/b.txt"
instance start >/dev/null 2>&1
file_with "$token" "description=数据库中断时提交的投诉"
check "after outage: $status" [ "$status" = 200 ]
check "after outage: one complaint" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE description = '数据库中断时提交的投诉'")" = 1 ]
reset_rate

# Per-address rate limit, with the form kept.
sql "INSERT INTO complaint (tracking_no, code_hash, category, name, phone, region_code, outlet_region, description, submitted_at, accept_due, submit_address) SELECT CONCAT('RLT', seq, '-TEST'), REPEAT('0', 64), 'other', '测试', '13900000000', '420607001', '420607001', '频率测试', NOW(), CURDATE(), '127.0.0.1' FROM seq_1_to_5"
new_form
file_with "$token" "description=第六件投诉内容"
check "rate limit: $status" [ "$status" = 429 ]
check "rate limit keeps the form" grep -q "第六件投诉内容" "$BUILD/b.txt"
sql "DELETE FROM complaint WHERE tracking_no LIKE 'RLT%'"
reset_rate

# Tracking: the form posts the number and code, so that neither is in an
# address, a log or a Referer; right number and code; wrong ones look
# the same; throttled.
expect GET "/complaints/track" 200 "受理编号"
check "the tracking form posts" \
    grep -qF '<form action="/complaints/track" method="post"' "$BUILD/b.txt"
tpost "no=$no1" "code=$code1"
check "track: $status" [ "$status" = 200 ]
check "track: the status" grep -q "待受理" "$BUILD/b.txt"
check "track: not cached" grep -qi '^Cache-Control: no-store' "$BUILD/h.txt"
check "track: named in no Referer: $(referrer_policy)" [ "$(referrer_policy)" = no-referrer ]
check "track: the feedback form posts too" sh -c "! grep -q 'method=\"get\"' '$BUILD/b.txt'"
check "track hides the name" sh -c "! grep -q '王五' '$BUILD/b.txt'"
check "track hides the phone" sh -c "! grep -q '13912345678' '$BUILD/b.txt'"
lower=$(echo "$no1" | tr 'A-Z' 'a-z' | tr -d -)
tpost "no=$lower" "code=$(echo "$code1" | tr 'A-Z' 'a-z')"
check "track in lower case, no dash: $status" [ "$status" = 200 ]
check "track in lower case: the number" grep -q "$no1" "$BUILD/b.txt"
while IFS='|' read -r no code; do
	tpost "no=$no" "code=$code"
	check "track $no/$code: $status" [ "$status" = 404 ]
	check "track $no/$code: the same answer" grep -q "没有找到这件投诉" "$BUILD/b.txt"
	check "track $no/$code: no Referer" [ "$(referrer_policy)" = no-referrer ]
done <<CASES
$no1|AAAAAAAA
ZZZZ-ZZZZ|$code1
$no2|$code1
CASES
reset_rate
# A field left out: said so, the other kept, and no miss counted.
while IFS='|' read -r field value message; do
	for i in $(seq 1 12); do tpost "$field=$value"; done
	check "track with $field alone: $status" [ "$status" = 400 ]
	check "track with $field alone: $message" grep -q "$message" "$BUILD/b.txt"
	check "track with $field alone: kept" grep -qF "value=\"$value\"" "$BUILD/b.txt"
done <<CASES
no|$no1|请填写查询码
code|$code1|请填写受理编号
CASES
tpost
check "track with nothing: $status" [ "$status" = 400 ]
check "track with nothing: both named" sh -c "grep -q 请填写受理编号 '$BUILD/b.txt' && grep -q 请填写查询码 '$BUILD/b.txt'"
status=$(curl -s -o "$BUILD/b.txt" -w '%{http_code}' --data-binary 'no=%FF&code=x' "$BASE/complaints/track")
check "track with bad UTF-8: $status" [ "$status" = 400 ]
check "track with bad UTF-8: said so" grep -q "UTF-8" "$BUILD/b.txt"
tpost "no=$no1" "code=$code1"
check "fields left out are no misses: $status" [ "$status" = 200 ]
# The receipt's link carries the number alone: it is filled in, the code
# is asked for, nothing is counted.
for i in $(seq 1 12); do fetch GET "/complaints/track?no=$no1"; done
check "receipt's link: $status" [ "$status" = 200 ]
check "receipt's link: the number filled in" grep -qF "value=\"$no1\"" "$BUILD/b.txt"
check "receipt's link: no miss said" sh -c "! grep -q '没有找到' '$BUILD/b.txt'"
check "receipt's link: no Referer" [ "$(referrer_policy)" = no-referrer ]
# Links with both (bookmarked before the form posted) still work.
expect GET "/complaints/track?no=$no1&code=$code1" 200 "待受理"
check "link with the code: no Referer: $(referrer_policy)" [ "$(referrer_policy)" = no-referrer ]
expect GET "/complaints/track?no=$lower&code=$(echo "$code1" | tr 'A-Z' 'a-z')" 200 "$no1"
expect GET "/complaints/track?no=$no1&code=AAAAAAAA" 404 "没有找到这件投诉"
expect GET "/complaints/track?no=%FF&code=x" 400 "UTF-8"
# The steps in time, then as entered; a note without a public reply is
# not shown; times to the minute. Entered out of time order on purpose.
cid1=$(sql "SELECT id FROM complaint WHERE tracking_no = '$no1'")
sql "INSERT INTO complaint_event (complaint_id, at, kind, public_reply, internal_note) VALUES
  ($cid1, '2031-01-02 10:00:30', 'note', '第二条答复', NULL),
  ($cid1, '2031-01-02 10:00:30', 'note', NULL, '内部记录不公开'),
  ($cid1, '2031-01-02 09:59:59', 'note', '第一条答复', NULL),
  ($cid1, '2031-01-02 10:00:30', 'note', '第三条答复', NULL)"
fetch_fresh "/complaints/track?no=$no1&code=$code1"
steps=$(grep -o '<li><time>[^<]*</time> <strong>[^<]*</strong>\(<p>[^<]*</p>\)\?' "$BUILD/b.txt" |
    sed 's/<[^>]*>/ /g; s/  */ /g' | tr '\n' '/')
check "track: steps in time, then as entered: $steps" [ "$(echo "$steps" | sed 's/^[^/]*提交投诉[^/]*\///')" = \
    " 2031-01-02 09:59 答复 第一条答复 / 2031-01-02 10:00 答复 第二条答复 / 2031-01-02 10:00 答复 第三条答复 /" ]
check "track: an internal note is not shown" sh -c "! grep -q '内部记录' '$BUILD/b.txt'"
check "track: no photos, no photo section" sh -c "! grep -q '您提交的照片' '$BUILD/b.txt'"
sql "DELETE FROM complaint_event WHERE complaint_id = $cid1 AND at > '2031-01-01'"
reset_rate
# Neither reaches nginx's access log, as the request or as a Referer.
logged() { grep -cF -- "$1" "$VAR/log/nginx-access.log"; }
n=$(logged '"GET /complaints/track HTTP/1.1" 200')
fetch_fresh "/complaints/track?no=$no1&code=$code1"
curl -s -o /dev/null -H "Referer: $BASE/complaints/track?no=$no1&code=$code1" "$BASE/static/site.css"
check "access log: the tracking request, without its query" \
    [ "$(logged '"GET /complaints/track HTTP/1.1" 200')" = $((n + 1)) ]
check "access log: the Referer, without its query" \
    grep -qF "\"$BASE/complaints/track\"" "$VAR/log/nginx-access.log"
check "access log: no query code" sh -c "! grep -qF '$code1' '$VAR/log/nginx-access.log'"
check "access log: no tracking number" sh -c "! grep -qF '$no1' '$VAR/log/nginx-access.log'"
# nginx's own answers for a tracking address send no Referer either.
big=$(head -c 70000 /dev/zero | tr '\0' 'a')
status=$(curl -s -D "$BUILD/h.txt" -o "$BUILD/b.txt" -w '%{http_code}' --data-binary "no=$big" "$BASE/complaints/track")
check "track, body too large: $status" [ "$status" = 413 ]
check "track, body too large: no Referer: $(referrer_policy)" [ "$(referrer_policy)" = no-referrer ]
# Posted or linked, misses count alike and the throttle holds them all.
for i in $(seq 1 12); do tpost no=ABCD-EFGH "code=WRONG$i"; done
check "tracking throttled: $status" [ "$status" = 429 ]
check "throttled: said so" grep -q "查询次数过多" "$BUILD/b.txt"
tpost "no=$no1" "code=$code1"
check "throttle covers right codes too: $status" [ "$status" = 429 ]
fetch_fresh "/complaints/track?no=$no1&code=$code1"
check "throttle covers links too: $status" [ "$status" = 429 ]
reset_rate

# Staff handling: accept, investigate, resolve; the public sees each step.
admin_pw=$(cat "$VAR/initial-admin-password")
login admin "$admin_pw"
ca=$(csrf_of admin)
cid=$(sql "SELECT id FROM complaint WHERE tracking_no = '$no1'")
sfetch admin GET /staff/complaints
check "queue lists it" grep -q "$no1" "$BUILD/b.txt"
sfetch admin GET "/staff/complaints/$cid"
check "staff sees the name" grep -q "王五" "$BUILD/b.txt"
check "staff page escapes the text" sh -c "! grep -q '<script>alert(1)' '$BUILD/b.txt'"
act() { sfetch admin POST "/staff/complaints/$cid" --data-urlencode "csrf=$ca" "$@"; }
act --data-urlencode action=resolve --data-urlencode "public_reply=x1"
check "resolve before accept: $status" [ "$status" = 400 ]
act --data-urlencode action=accept --data-urlencode "public_reply=已受理，将于30个工作日内办结。"
check "accept: $status" [ "$status" = 303 ]
check "resolve due set" [ "$(sql "SELECT resolve_due IS NOT NULL AND accepted_at IS NOT NULL FROM complaint WHERE id = $cid")" = 1 ]
act --data-urlencode action=accept
check "accept twice: $status" [ "$status" = 400 ]
act --data-urlencode action=investigate --data-urlencode "internal_note=电话联系商家，内部记录不可公开"
check "investigate: $status" [ "$status" = 303 ]
act --data-urlencode action=resolve
check "resolve without reply: $status" [ "$status" = 400 ]
act --data-urlencode action=resolve --data-urlencode "public_reply=经查属实，已责令退还多收的300元。"
check "resolve: $status" [ "$status" = 303 ]
tpost "no=$no1" "code=$code1"
check "track after resolving: $status" [ "$status" = 200 ]
check "track shows the reply" grep -q "已责令退还多收的300元" "$BUILD/b.txt"
check "timeline shows acceptance" grep -q "已受理，将于30个工作日内办结" "$BUILD/b.txt"
timeline() { grep -o '<strong>[^<]*</strong>' "$BUILD/b.txt" | sed 's/<[^>]*>//g' | paste -sd ' '; }
check "timeline in the order of handling: $(timeline)" \
    [ "$(timeline)" = "提交投诉 受理 开始调查 办结" ]
# Events of the same second keep the order they were written in.
sql "UPDATE complaint_event SET at = (SELECT submitted_at FROM complaint WHERE id = $cid) WHERE complaint_id = $cid"
expect GET "/complaints/track?no=$no1&code=$code1" 200 "已责令退还多收的300元"
check "same-second events in the order written: $(timeline)" \
    [ "$(timeline)" = "提交投诉 受理 开始调查 办结" ]
check "internal note stays internal" sh -c "! grep -q '内部记录不可公开' '$BUILD/b.txt'"
check "handling audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE object_type = 'complaint' AND object_id = $cid")" = 3 ]

# The complainant: satisfied once; reopening another within 15 days.
status=$(curl -s -D "$BUILD/h.txt" -o "$BUILD/b.txt" -w '%{http_code}' --data-urlencode "no=$no1" --data-urlencode "code=$code1" --data-urlencode action=satisfied "$BASE/complaints/feedback")
check "satisfied: $status" [ "$status" = 200 ]
check "feedback named in no Referer: $(referrer_policy)" [ "$(referrer_policy)" = no-referrer ]
check "satisfaction stored" [ "$(sql "SELECT satisfaction FROM complaint WHERE id = $cid")" = satisfied ]
status=$(curl -s -o "$BUILD/b.txt" -w '%{http_code}' --data-urlencode "no=$no1" --data-urlencode "code=$code1" --data-urlencode action=unsatisfied "$BASE/complaints/feedback")
check "second rating refused: $status" [ "$status" = 409 ]
status=$(curl -s -o "$BUILD/b.txt" -w '%{http_code}' --data-urlencode "no=$no1" --data-urlencode "code=WRONGCOD" --data-urlencode action=reopen --data-urlencode "reason=不满意处理结果" "$BASE/complaints/feedback")
check "feedback with a wrong code: $status" [ "$status" = 404 ]
status=$(curl -s -o "$BUILD/b.txt" -w '%{http_code}' --data-urlencode "no=$no1" --data-urlencode "code=$code1" --data-urlencode action=reopen "$BASE/complaints/feedback")
check "reopen needs a reason: $status" [ "$status" = 400 ]
status=$(curl -s -o "$BUILD/b.txt" -w '%{http_code}' --data-urlencode "no=$no1" --data-urlencode "code=$code1" --data-urlencode action=reopen --data-urlencode "reason=商家没有退钱" "$BASE/complaints/feedback")
check "reopen: $status" [ "$status" = 200 ]
check "reopened" [ "$(sql "SELECT CONCAT(status, reopened) FROM complaint WHERE id = $cid")" = reopened1 ]
status=$(curl -s -o "$BUILD/b.txt" -w '%{http_code}' --data-urlencode "no=$no1" --data-urlencode "code=$code1" --data-urlencode action=reopen --data-urlencode "reason=还是不满意，再要求一次" "$BASE/complaints/feedback")
check "reopen twice: $status" [ "$status" = 409 ]
act --data-urlencode action=resolve --data-urlencode "public_reply=商家已退款。"
check "resolve after reopening: $status" [ "$status" = 303 ]
sql "UPDATE complaint SET resolved_at = NOW() - INTERVAL 16 DAY, reopened = 0 WHERE id = $cid"
status=$(curl -s -o "$BUILD/b.txt" -w '%{http_code}' --data-urlencode "no=$no1" --data-urlencode "code=$code1" --data-urlencode action=reopen --data-urlencode "reason=过了十五天才想起来" "$BASE/complaints/feedback")
check "reopen after 15 days refused: $status" [ "$status" = 409 ]
reset_rate

# Region-limited handlers see only their region; overdue stands out.
echo "Region-2009-ok" | staff_cli add fancheng handler 420606 >/dev/null
login fancheng Region-2009-ok
sfetch fancheng GET "/staff/complaints/$cid"
check "other region's complaint: $status" [ "$status" = 404 ]
sfetch fancheng GET /staff/complaints
check "other region not listed" sh -c "! grep -q '$no1' '$BUILD/b.txt'"
sfetch fancheng GET "/staff/complaints?region=4206"
check "wider region not granted" sh -c "! grep -q '$no1' '$BUILD/b.txt'"
cid2=$(sql "SELECT id FROM complaint WHERE tracking_no = '$no2'")
sql "UPDATE complaint SET accept_due = CURDATE() - INTERVAL 1 DAY WHERE id = $cid2"
sfetch admin GET "/staff/complaints?overdue=1"
check "overdue listed" grep -q "$no2" "$BUILD/b.txt"
check "overdue marked" grep -q "已超期" "$BUILD/b.txt"
sfetch admin GET /staff/
check "dashboard shows overdue" grep -q "超期 [0-9]* 件" "$BUILD/b.txt"
n=$(sql "SELECT COUNT(*) FROM complaint WHERE due < CURDATE()")
check "dashboard counts the $n overdue" grep -q "超期 $n 件" "$BUILD/b.txt"
check "complaint tallies follow filing, handling and deadlines" \
    complaint_tally_matches
# The queue's count, from the tallies or (by category) from the index of
# category and region, is the complaints' count.
queue_total() {
	sfetch admin GET "/staff/complaints?$1"
	sed -n 's/.*共 \([0-9]*\) 件。.*/\1/p' "$BUILD/b.txt"
}
for f in "|1 = 1" "category=overcharge|category = 'overcharge'" \
    "category=overcharge&status=submitted|category = 'overcharge' AND status = 'submitted'" \
    "category=overcharge&region=4206|category = 'overcharge' AND outlet_region LIKE '4206%'" \
    "category=overcharge&overdue=1|category = 'overcharge' AND due < CURDATE()" \
    "category=no_service&region=420607&status=resolved|category = 'no_service' AND outlet_region LIKE '420607%' AND status = 'resolved'" \
    "status=submitted&overdue=1|status = 'submitted' AND due < CURDATE()"; do
	want=$(sql "SELECT COUNT(*) FROM complaint WHERE ${f#*|}")
	got=$(queue_total "${f%%|*}")
	check "queue ${f%%|*} counts $want: $got" [ "$got" = "$want" ]
done
check "queue by category has some to count" \
    [ "$(sql "SELECT COUNT(*) FROM complaint WHERE category = 'overcharge'")" -gt 0 ]
sfetch editor GET /staff/complaints
check "editors have no complaints: $status" [ "$status" = 403 ]

# nginx refuses a flood of complaint posts before the program sees them.
flood=0
rm -f "$BUILD/flood-429.txt"
for i in $(seq 1 80); do
	s=$(curl -s -o "$BUILD/flood.txt" -w '%{http_code}' -d "action=region" "$BASE/complaints")
	# Keep a refusal's page: a slow run lets the last post through.
	[ "$s" = 429 ] && flood=$((flood + 1)) && cp "$BUILD/flood.txt" "$BUILD/flood-429.txt"
done
check "nginx limits complaint posts ($flood of 80 refused)" [ "$flood" -gt 0 ]
check "nginx 429 page is Chinese" grep -q "提交太频繁" "$BUILD/flood-429.txt"
