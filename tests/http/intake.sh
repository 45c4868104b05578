# Complaints staff take in by phone, letter, visit or from the hotlines
# (/staff/complaints/new): a county handler enters one and reads out the
# receipt, the complainant tracks it; outside the county, bad input, no
# form token, the public and the records role are refused; the audit
# log, the staff pages, /stats and the weekly report show its channel.
# Runs after complaints.sh (the staff helpers, tpost).

intake_pw=Intake-2009-ok
echo "$intake_pw" | staff_cli add intake_h handler 420607 >/dev/null
echo "$intake_pw" | staff_cli add intake_r records 420607 >/dev/null
login intake_h "$intake_pw"
check "county handler signs in: $status" [ "$status" = 303 ]
login intake_r "$intake_pw"
check "records officer signs in: $status" [ "$status" = 303 ]
ih=$(csrf_of intake_h)
intake_id=$(sql "SELECT id FROM staff WHERE username = 'intake_h'")
in_outlet=$(sql "SELECT MIN(id) FROM outlet WHERE region_code LIKE '420607%'")
out_outlet=$(sql "SELECT MIN(id) FROM outlet WHERE region_code NOT LIKE '420607%'")
out_town=$(sql "SELECT MIN(code) FROM region WHERE level = 4 AND code NOT LIKE '420607%' AND code LIKE '4206%'")
check "outlets in and out of 420607 ($in_outlet, $out_outlet), a township out ($out_town)" \
    [ -n "$in_outlet" ] && [ "$in_outlet" != NULL ] && [ -n "$out_outlet" ] &&
    [ "$out_outlet" != NULL ] && [ ${#out_town} = 9 ]

# ipost USER [FIELD=VALUE...]: the intake form posted as USER's browser
# does, with exactly the fields given.
ipost() {
	local user=$1 args=() f
	shift
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	sfetch "$user" POST /staff/complaints/new "${args[@]}"
}
# A new form token, as the form hands out.
itoken() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43; }
# The fields of a good phone complaint about outlet 1 of the county.
intake_fields() {
	printf '%s\n' "csrf=$ih" "form_token=$1" "channel=phone" "name=赵六" \
	    "phone=13812345678" "region=420607001" "outlet=$in_outlet" \
	    "category=no_service" "product_category=tv" "product_model=LT32-A" \
	    "description=电话反映：买彩电一个月，网点一直不上门安装。"
}
# ifile USER TOKEN [FIELD=VALUE to replace, or FIELD= to leave out...]
ifile() {
	local user=$1 t=$2 f k out=()
	shift 2
	local -A over=()
	for f in "$@"; do over[${f%%=*}]=${f#*=}; done
	while IFS= read -r f; do
		k=${f%%=*}
		if [ -n "${over[$k]+x}" ]; then
			[ -n "${over[$k]}" ] && out+=("$k=${over[$k]}")
			unset "over[$k]"
		else
			out+=("$f")
		fi
	done < <(intake_fields "$t")
	for k in "${!over[@]}"; do out+=("$k=${over[$k]}"); done
	ipost "$user" "${out[@]}"
}
count_complaints() { sql "SELECT COUNT(*) FROM complaint"; }
receipt_no() { sed -n 's/.*<dt>受理编号<\/dt><dd><strong class="code">\([^<]*\)<.*/\1/p' "$BUILD/b.txt"; }
receipt_code() { sed -n 's/.*<dt>查询码<\/dt><dd><strong class="code">\([^<]*\)<.*/\1/p' "$BUILD/b.txt"; }
# The number in the row of a table headed NAME on the last page, its
# first cell.
row_count() { sed -n "s|.*<tr><th scope=\"row\">$1</th><td>\([0-9]*\)</td>.*|\1|p" "$BUILD/b.txt" | head -n 1; }
week=$(TZ=Asia/Shanghai date +%G-W%V)
weekly="/staff/reports/weekly?region=420607&week=$week"

# Before: the county's phone complaints on /stats and in this week's report.
sql "DELETE FROM stats_snapshot"
fetch_fresh "/stats?region=420607"
stats_before=$(row_count 电话)
check "stats list the phone channel ($stats_before)" [ -n "$stats_before" ]
sfetch intake_h GET "$weekly"
weekly_before=$(row_count 电话)
check "the weekly report lists the phone channel ($weekly_before)" [ -n "$weekly_before" ]
sfetch intake_h GET "$weekly&format=csv"
csv_before=$(grep -c '^' "$BUILD/b.txt")
csv_phone_before=$(sed -n 's/.*,收到投诉（按渠道）,电话,\([0-9]*\)\r$/\1/p' "$BUILD/b.txt")
check "the weekly csv has the phone channel ($csv_phone_before)" [ -n "$csv_phone_before" ]

# The form, and the way to it from the queue.
sfetch intake_h GET /staff/complaints
check "queue links the intake form" grep -qF '<a href="/staff/complaints/new">登记电话/来信/来访投诉</a>' "$BUILD/b.txt"
sfetch intake_h GET /staff/complaints/new
check "intake form: $status" [ "$status" = 200 ]
check "intake form: the staff channels" sh -c "grep -qF 'value=\"phone\"' '$BUILD/b.txt' && grep -qF 'value=\"hotline_12315\"' '$BUILD/b.txt' && grep -qF '12345热线转办' '$BUILD/b.txt'"
check "intake form: not the public's channels" sh -c "! grep -qF 'value=\"web\"' '$BUILD/b.txt' && ! grep -qF 'value=\"open311\"' '$BUILD/b.txt'"
check "intake form: a form token" grep -qE 'name="form_token" value="[A-Za-z0-9_-]{43}"' "$BUILD/b.txt"
check "intake form: the county's townships offered" grep -qF '<option value="420607001">' "$BUILD/b.txt"
check "intake form: no script" sh -c "! grep -qi '<script' '$BUILD/b.txt'"

# A phone complaint: the receipt with number, code and deadline.
before=$(count_complaints)
# Five filings from this address within the hour: the public's limit,
# which staff entries do not meet.
sql "INSERT INTO complaint (tracking_no, code_hash, category, name, phone, region_code, outlet_region, description, submitted_at, accept_due, submit_address) SELECT CONCAT('ITK', seq, '-TEST'), REPEAT('0', 64), 'other', '测试', '13900000000', '420607001', '420607001', '频率测试', NOW(), CURDATE(), '127.0.0.1' FROM seq_1_to_5"
t1=$(itoken)
ifile intake_h "$t1"
check "phone complaint: $status" [ "$status" = 200 ]
no=$(receipt_no) code=$(receipt_code)
check "receipt: tracking number $no" sh -c "echo '$no' | grep -Eq '^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$'"
check "receipt: query code $code" sh -c "echo '$code' | grep -Eq '^[2-9A-HJ-NP-Z]{8}$'"
check "receipt: the accept deadline" grep -qE '<dt>受理期限</dt><dd>[0-9]{4}-[0-9]{2}-[0-9]{2} 前' "$BUILD/b.txt"
check "receipt: read both out or post them" grep -qF '请把受理编号和查询码告诉投诉人' "$BUILD/b.txt"
check "receipt: the channel" grep -qF '<dt>来源渠道</dt><dd>电话</dd>' "$BUILD/b.txt"
check "receipt: not cached" grep -qi '^Cache-Control: private, no-store' "$BUILD/h.txt"
check "phone complaint: one more, beside the five planted" [ "$(count_complaints)" = $((before + 6)) ]
row=$(sql "SELECT CONCAT_WS('|', channel, entered_by, submit_address, name, phone, region_code, outlet_id, outlet_region = (SELECT region_code FROM outlet WHERE id = $in_outlet), category, product_category, status) FROM complaint WHERE tracking_no = '$no'")
check "stored with its channel and who entered it ($row)" \
    [ "$row" = "phone|$intake_id||赵六|13812345678|420607001|$in_outlet|1|no_service|tv|submitted" ]
check "the first step is the handler's" [ "$(sql "SELECT e.staff_id FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE c.tracking_no = '$no' AND e.kind = 'submitted'")" = "$intake_id" ]
sql "DELETE FROM complaint WHERE tracking_no LIKE 'ITK%'"
# The same deadline as a complaint filed online now.
reset_rate
# From an address of its own: complaints.sh has just used up nginx's
# allowance of complaint posts for 127.0.0.1.
curl -s -o "$BUILD/b.txt" --max-time 20 --interface 127.0.0.8 \
    --data-urlencode "form_token=$(itoken)" --data-urlencode "outlet=$in_outlet" \
    --data-urlencode category=no_service --data-urlencode "description=网上投诉，比较受理期限用。" \
    --data-urlencode name=王五 --data-urlencode phone=13912345678 \
    --data-urlencode region=420607001 --data-urlencode consent=1 \
    --data-urlencode action=submit "$BASE/complaints"
web_no=$(receipt_no)
check "accept deadline as online ($web_no)" [ -n "$web_no" ] &&
    [ "$(sql "SELECT COUNT(DISTINCT accept_due) FROM complaint WHERE tracking_no IN ('$no', '$web_no')")" = 1 ]
reset_rate
# The same form sent again (a double click, a reload): the same receipt.
ifile intake_h "$t1"
check "sent again: $status" [ "$status" = 200 ]
check "sent again: the same receipt" [ "$(receipt_no)|$(receipt_code)" = "$no|$code" ]
check "sent again: said so" grep -qF '之前已经登记过' "$BUILD/b.txt"
check "sent again: one complaint" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE form_token = '$t1'")" = 1 ]
# A token planted in the form hands no one else the receipt: the form
# shown anew gets its own token, and a filing that reuses a token already
# filed with, by another filer or with other words, gets a receipt of its
# own.
sfetch intake_h GET "/staff/complaints/new?form_token=$t1"
check "a token from the address is not the form's" sh -c "! grep -qF -- '$t1' '$BUILD/b.txt'"
curl -s -o "$BUILD/b.txt" --max-time 20 --interface 127.0.0.8 \
    --data-urlencode "form_token=$t1" --data-urlencode "outlet=$in_outlet" \
    --data-urlencode category=no_service --data-urlencode "description=电话反映：买彩电一个月，网点一直不上门安装。" \
    --data-urlencode name=赵六 --data-urlencode phone=13812345678 \
    --data-urlencode region=420607001 --data-urlencode consent=1 \
    --data-urlencode action=submit "$BASE/complaints"
pub_no=$(receipt_no) pub_code=$(receipt_code)
check "the staff entry's token, posted by the public: its own receipt ($pub_no)" \
    [ -n "$pub_no" ] && [ "$pub_no" != "$no" ] && [ "$pub_code" != "$code" ]
t2=$(itoken)
curl -s -o "$BUILD/b.txt" --max-time 20 --interface 127.0.0.9 \
    --data-urlencode "form_token=$t2" --data-urlencode "outlet=$in_outlet" \
    --data-urlencode category=no_service --data-urlencode "description=先用这个标识提交的投诉。" \
    --data-urlencode name=王五 --data-urlencode phone=13912345678 \
    --data-urlencode region=420607001 --data-urlencode consent=1 \
    --data-urlencode action=submit "$BASE/complaints"
first_no=$(receipt_no)
curl -s -o "$BUILD/b.txt" --max-time 20 --interface 127.0.0.10 \
    --data-urlencode "form_token=$t2" --data-urlencode "outlet=$in_outlet" \
    --data-urlencode category=overcharge --data-urlencode "description=别人拿同一个标识提交的另一件投诉。" \
    --data-urlencode name=李四 --data-urlencode phone=13700000000 \
    --data-urlencode region=420607001 --data-urlencode consent=1 \
    --data-urlencode action=submit "$BASE/complaints"
check "another filing with a public token already used: its own receipt" \
    [ -n "$first_no" ] && [ -n "$(receipt_no)" ] && [ "$(receipt_no)" != "$first_no" ]
reset_rate
# Every entry is in the audit log, as the handler's, without the
# complainant's name or phone.
cid=$(sql "SELECT id FROM complaint WHERE tracking_no = '$no'")
audit=$(sql "SELECT CONCAT_WS('|', username, region_code, object_type, JSON_VALUE(after_json, '\$.channel'), JSON_VALUE(after_json, '\$.tracking_no')) FROM audit_log WHERE action = 'complaint_intake' AND object_id = $cid")
check "audited ($audit)" [ "$audit" = "intake_h|420607|complaint|phone|$no" ]
check "audited once" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint_intake' AND object_id = $cid")" = 1 ]
check "the audit keeps no name or phone" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint_intake' AND (after_json LIKE '%赵六%' OR after_json LIKE '%13812345678%')")" = 0 ]

# The complainant tracks it as online complaints are tracked.
reset_rate
tpost "no=$no" "code=$code"
check "tracked: $status" [ "$status" = 200 ]
check "tracked: the status" grep -q "待受理" "$BUILD/b.txt"
check "tracked: the number" grep -q "$no" "$BUILD/b.txt"
check "tracked: no name or phone" sh -c "! grep -q '赵六' '$BUILD/b.txt' && ! grep -q '13812345678' '$BUILD/b.txt'"
check "tracked: no staff name" sh -c "! grep -q 'intake_h' '$BUILD/b.txt'"
tpost "no=$no" "code=AAAAAAAA"
check "tracked with a wrong code: $status" [ "$status" = 404 ]
reset_rate

# Staff see the channel and who entered it; the queue labels it.
sfetch intake_h GET "/staff/complaints/$cid"
check "staff page: $status" [ "$status" = 200 ]
check "staff page shows 电话" grep -qF '<dt>来源渠道</dt><dd>电话（intake_h 登记）</dd>' "$BUILD/b.txt"
sfetch intake_h GET /staff/complaints
check "queue labels the channel" grep -qE "$no</a></th><td>待受理</td><td>[^<]*</td><td>电话</td>" "$BUILD/b.txt"
sfetch admin GET "/staff/complaints/$(sql "SELECT MIN(id) FROM complaint WHERE entered_by IS NULL AND channel = 'web'")"
check "a web complaint shows its channel, entered by no one" sh -c "grep -qF '<dt>来源渠道</dt><dd>网上投诉</dd>' '$BUILD/b.txt'"

# Another county's outlet, by a letter: 403 before anything is written.
before=$(count_complaints)
refusals=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'refused_write' AND username = 'intake_h'")
ifile intake_h "$(itoken)" channel=letter outlet="$out_outlet" "description=来信反映：外县网点多收钱，写信的内容<b>保留</b>。"
check "another county's outlet: $status" [ "$status" = 403 ]
check "another county's outlet: said why" grep -qF '不在您的账号负责的地区（420607）内' "$BUILD/b.txt"
check "another county's outlet: the text kept" grep -qF '写信的内容&lt;b&gt;保留&lt;/b&gt;' "$BUILD/b.txt"
check "another county's outlet: nothing written" [ "$(count_complaints)" = "$before" ]
check "another county's outlet: refusal audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'refused_write' AND username = 'intake_h'")" = $((refusals + 1)) ]
# A shop not listed is handled where the complainant lives.
ifile intake_h "$(itoken)" channel=visit outlet= outlet_name=无名家电店 region="$out_town"
check "a shop not listed, a complainant of another county: $status" [ "$status" = 403 ]
check "  said why" grep -qF '投诉人户籍所在乡镇' "$BUILD/b.txt"
check "  nothing written" [ "$(count_complaints)" = "$before" ]
ifile intake_h "$(itoken)" channel=hotline_12345 outlet= outlet_name=无名家电店 "outlet_address=张湾镇正街 3 号"
check "a shop not listed, a complainant of the county: $status" [ "$status" = 200 ]
check "  handled in the complainant's township" [ "$(sql "SELECT CONCAT(channel, '|', outlet_region, '|', COALESCE(outlet_id, 'none')) FROM complaint WHERE tracking_no = '$(receipt_no)'")" = "hotline_12345|420607001|none" ]
before=$(count_complaints)

# Bad input: 400, the form back with everything typed and the message
# beside the field; nothing written.
long=$(printf '长%.0s' $(seq 1 4001))
while IFS='|' read -r field value message; do
	[ -z "$field" ] && continue
	ifile intake_h "$(itoken)" "$field=$value"
	check "bad $field ($message): $status" [ "$status" = 400 ]
	check "bad $field: the message" grep -qF -- "$message" "$BUILD/b.txt"
	check "bad $field: beside the field" grep -qF "id=\"$field-error\"" "$BUILD/b.txt"
	if [ "$field" = description ]; then
		[ -z "$value" ] || check "bad $field: the text kept" grep -qF "${long:0:200}" "$BUILD/b.txt"
		check "bad $field: the rest kept" grep -qF 'value="赵六"' "$BUILD/b.txt"
	else
		check "bad $field: the text kept" grep -qF '网点一直不上门安装' "$BUILD/b.txt"
	fi
done <<CASES
channel||请选择这件投诉是怎样收到的
channel|web|请选择这件投诉是怎样收到的
channel|open311|请选择这件投诉是怎样收到的
channel|email|请选择这件投诉是怎样收到的
channel|Phone|来源渠道
description|$long|太长
description||请写明投诉的事情经过
region|999999999|没有这个乡镇（街道）代码
region|420607|9 位代码
region||9 位代码
name||请填写投诉人姓名
phone|12345|请填写 11 位手机号码
outlet|99999999|没有这个网点编号
category|nonsense|请选择投诉类别
product_category|aircon|请从列表中选择商品类别
purchase_date|2099-01-01|购买日期不能晚于今天
CASES
ifile intake_h "$(itoken)" outlet= outlet_name=
check "no shop at all: $status" [ "$status" = 400 ]
check "no shop at all: said so" grep -qF '请填写被投诉网点的编号' "$BUILD/b.txt"
check "nothing filed by bad forms" [ "$(count_complaints)" = "$before" ]

# No form token of the session: refused before anything is read.
mapfile -t no_csrf < <(intake_fields "$(itoken)" | grep -v '^csrf=')
ipost intake_h "${no_csrf[@]}"
check "no CSRF token: $status" [ "$status" = 403 ]
check "no CSRF token: said so" grep -qF '表单已过期或来源不明' "$BUILD/b.txt"
ifile intake_h "$(itoken)" csrf=wrong-token
check "a wrong CSRF token: $status" [ "$status" = 403 ]
check "nothing filed without the token" [ "$(count_complaints)" = "$before" ]

# Only those who handle complaints: not the public, not records.
sfetch none GET /staff/complaints/new
check "the public is sent to sign in: $status" [ "$status" = 303 ]
sfetch none POST /staff/complaints/new --data-urlencode channel=phone --data-urlencode description=匿名提交的投诉内容
check "the public may not post: $status" [ "$status" = 403 ]
sfetch intake_r GET /staff/complaints/new
check "records officer refused the form: $status" [ "$status" = 403 ]
check "records officer: said why" grep -qF '没有这项操作的权限' "$BUILD/b.txt"
ifile intake_r "$(itoken)" "csrf=$(csrf_of intake_r)"
check "records officer refused the post: $status" [ "$status" = 403 ]
sfetch editor GET /staff/complaints/new
check "editor refused: $status" [ "$status" = 403 ]
sfetch intake_r GET /staff/complaints
check "records officer sees no queue: $status" [ "$status" = 403 ]
check "nothing filed by the refused" [ "$(count_complaints)" = "$before" ]

# The counts: /stats and the weekly report count the phone one.
fetch_fresh "/stats?region=420607"
check "stats count 电话 one more ($stats_before -> $(row_count 电话))" \
    [ "$(row_count 电话)" = $((stats_before + 1)) ]
check "stats count 12345热线转办" [ "$(row_count 12345热线转办)" -ge 1 ]
check "stats show no staff names" sh -c "! grep -q 'intake_h' '$BUILD/b.txt'"
sfetch intake_h GET "$weekly"
check "weekly counts 电话 one more ($weekly_before -> $(row_count 电话))" \
    [ "$(row_count 电话)" = $((weekly_before + 1)) ]
sfetch intake_h GET "$weekly&format=csv"
check "weekly csv counts 电话 one more" \
    [ "$(sed -n 's/.*,收到投诉（按渠道）,电话,\([0-9]*\)\r$/\1/p' "$BUILD/b.txt")" = $((csv_phone_before + 1)) ]
check "weekly csv: as many records as before" [ "$(grep -c '^' "$BUILD/b.txt")" = "$csv_before" ]
check "complaint tallies follow staff entries" complaint_tally_matches
