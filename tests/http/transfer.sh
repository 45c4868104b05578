# Transfer (转办) of a complaint to another county, and 督办 of those past
# their deadline: who may, what the form refuses (with what was typed
# kept), where the complaint goes and who sees it then, what the
# complainant reads, the sweep run twice and at once, the city's queue,
# and the weekly report. Needs file_complaint (tests/private-instance.sh).

tr_pw=Transfer-2009-ok
echo "$tr_pw" | staff_cli add tr_xz handler 420607 >/dev/null
echo "$tr_pw" | staff_cli add tr_zy handler 420683 >/dev/null
echo "$tr_pw" | staff_cli add tr_city handler 4206 >/dev/null
for u in tr_xz tr_zy tr_city; do
	login "$u" "$tr_pw"
	check "$u signs in: $status" [ "$status" = 303 ]
done
tr_xz_csrf=$(csrf_of tr_xz)
# tr_file RECEIPT TEXT: file_complaint, waiting out nginx's limit on
# filing that the suites before may have reached.
tr_file() {
	local i out
	sql "UPDATE complaint SET submit_address = 'earlier'"
	for i in $(seq 1 30); do
		out=$(file_complaint "$1" "$2")
		[ -n "$out" ] && { printf '%s\n' "$out"; return; }
		sleep 1
	done
}
tr_zy_csrf=$(csrf_of tr_zy)

{ read -r tr_no; read -r tr_code; } < <(tr_file "$BUILD/tr-receipt.html" \
    "转办测试：网点实际在枣阳市，收了不该收的安装费。")
tr_id=$(sql "SELECT id FROM complaint WHERE tracking_no = '$tr_no'")
check "a complaint to transfer ($tr_no)" [ -n "$tr_id" ]
check "handled in 襄州区 at first" \
    [ "$(sql "SELECT LEFT(outlet_region, 6) FROM complaint WHERE id = $tr_id")" = 420607 ]

# transfer USER CSRF ID [FIELD=VALUE...]: the transfer form, posted.
transfer() {
	local user=$1 token=$2 id=$3 args=() f
	shift 3
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	sfetch "$user" POST "/staff/complaints/$id/transfer" \
	    --data-urlencode "csrf=$token" "${args[@]}"
}
tr_events() {
	sql "SELECT COUNT(*) FROM complaint_event WHERE complaint_id = $1 AND kind = '$2'"
}

sfetch tr_xz GET "/staff/complaints/$tr_id"
check "the transfer form is offered: $status" grep -q 'name="transfer_reason"' "$BUILD/b.txt"
check "the city's other counties are offered" grep -q '<option value="枣阳市">' "$BUILD/b.txt"
check "its own county is not" sh -c "! grep -q '<option value=\"襄州区\">' '$BUILD/b.txt'"

# Refusals: 4xx in Chinese, the form as typed, nothing moved.
while IFS='|' read -r county township reason want message; do
	[ -z "$want" ] && continue
	transfer tr_xz "$tr_xz_csrf" "$tr_id" "to_county=$county" \
	    "to_township=$township" "transfer_reason=$reason"
	check "transfer to '$county' '$township': $status" [ "$status" = "$want" ]
	check "transfer to '$county': says '$message'" grep -qF "$message" "$BUILD/b.txt"
	[ -n "$reason" ] && check "transfer to '$county': reason kept" \
	    grep -qF "$reason" "$BUILD/b.txt"
	[ -n "$county" ] && check "transfer to '$county': county kept" \
	    grep -qF "value=\"$county\"" "$BUILD/b.txt"
done <<CASES
没有这个县||网点在别处，请对方处理|400|没有叫“没有这个县”的县（区）
|||400|请填写转办到的县（区）
枣阳市|||400|请写明转办理由
420607||本县的不能转给本县|400|这件投诉已在
420607001||乡镇代码不是县|400|没有叫“420607001”的县（区）
新华区||同名的县不止一个|400|不止一个
420683|999999999|乡镇不在该县|400|所选县（区）没有“999999999”
420683|襄州区某镇|乡镇名不对|400|所选县（区）没有
$(printf '县%.0s' $(seq 1 41))||太长的县名|400|太长
CASES
check "refusals moved nothing" \
    [ "$(sql "SELECT CONCAT(status, ':', LEFT(outlet_region, 6)) FROM complaint WHERE id = $tr_id")" = submitted:420607 ]
check "refusals left no step" [ "$(tr_events "$tr_id" transferred)" = 0 ]
sfetch tr_xz POST "/staff/complaints/$tr_id" --data-urlencode "csrf=$tr_xz_csrf" \
    --data-urlencode action=transfer --data-urlencode "public_reply=换个表单转"
check "transfer is not on the handling form: $status" [ "$status" = 400 ]
check "nor is 督办" sh -c "! grep -q 'value=\"escalate\"' '$BUILD/b.txt'"

# A county handler cannot transfer what is not in its county.
transfer tr_zy "$tr_zy_csrf" "$tr_id" to_county=420606 "transfer_reason=不是我的"
check "another county's transfer refused: $status" [ "$status" = 403 ]
check "and audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'refused_write' AND object_type = 'complaint' AND object_id = $tr_id")" -ge 1 ]

# Assigned and accepted first: a transfer clears both.
xz_id=$(sql "SELECT id FROM staff WHERE username = 'tr_xz'")
sfetch tr_xz POST "/staff/complaints/$tr_id" --data-urlencode "csrf=$tr_xz_csrf" \
    --data-urlencode action=assign --data-urlencode "assignee=$xz_id"
check "assigned: $status" [ "$status" = 303 ]
sfetch tr_xz POST "/staff/complaints/$tr_id" --data-urlencode "csrf=$tr_xz_csrf" \
    --data-urlencode action=accept
check "accepted: $status" [ "$status" = 303 ]
zy_town=$(sql "SELECT code FROM region WHERE parent_code = '420683' ORDER BY code LIMIT 1")
# The longest reason the form takes is kept whole.
tr_reason="经核实网点在枣阳市，内部理由勿外传$(printf '查%.0s' $(seq 1 983))"
transfer tr_xz "$tr_xz_csrf" "$tr_id" to_county=枣阳市 "to_township=$zy_town" \
    "transfer_reason=$tr_reason"
check "transferred: $status" [ "$status" = 303 ]
[ "$status" = 303 ] || grep -o 'field-error[^<]*' "$BUILD/b.txt" >&2
check "back to the queue, out of its reach: $(location)" [ "$(location)" = /staff/complaints ]
check "handled where it went" \
    [ "$(sql "SELECT outlet_region FROM complaint WHERE id = $tr_id")" = "$zy_town" ]
check "待受理 again, nobody assigned, no resolve clock" \
    [ "$(sql "SELECT CONCAT(status, ':', assignee_id IS NULL, resolve_due IS NULL, accepted_at IS NULL) FROM complaint WHERE id = $tr_id")" = submitted:111 ]
tr_due=$(sql "SELECT accept_due FROM complaint WHERE id = $tr_id")
check "a fresh accept deadline after today ($tr_due)" \
    [ "$(sql "SELECT accept_due > CURDATE() AND due = accept_due FROM complaint WHERE id = $tr_id")" = 1 ]
check "one transferred step with both regions" \
    [ "$(sql "SELECT CONCAT(from_status, '>', to_status, ':', region, '>', to_region) FROM complaint_event WHERE complaint_id = $tr_id AND kind = 'transferred'")" = "accepted>submitted:420607001>$zy_town" ]
check "the reason kept whole in the step" \
    [ "$(sql "SELECT CHAR_LENGTH(internal_note) - CHAR_LENGTH(SUBSTRING_INDEX(internal_note, '理由：', 1)) - 3 FROM complaint_event WHERE complaint_id = $tr_id AND kind = 'transferred'")" = 1000 ]
check "audited as one transfer" \
    [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'complaint_transfer' AND object_id = $tr_id")" = 1 ]
check "complaint tallies follow the region" complaint_tally_matches

# The complainant reads where it went, never why.
tpost "no=$tr_no" "code=$tr_code"
check "tracked: $status" [ "$status" = 200 ]
check "tracking shows 已转办 to 枣阳市" grep -q "已转办至襄阳市枣阳市" "$BUILD/b.txt"
check "tracking names the step" grep -q "<strong>转办</strong>" "$BUILD/b.txt"
check "tracking shows the new deadline" grep -q "$tr_due" "$BUILD/b.txt"
check "the reason stays internal" sh -c "! grep -q '内部理由勿外传' '$BUILD/b.txt'"

# The county that sent it no longer sees it; the receiving one does.
sfetch tr_xz GET "/staff/complaints/$tr_id"
check "sender reads 404: $status" [ "$status" = 404 ]
sfetch tr_xz POST "/staff/complaints/$tr_id" --data-urlencode "csrf=$tr_xz_csrf" \
    --data-urlencode action=note --data-urlencode "internal_note=还想改"
check "sender writes 403: $status" [ "$status" = 403 ]
transfer tr_xz "$tr_xz_csrf" "$tr_id" to_county=420607 "transfer_reason=再转回来"
check "sender cannot transfer it back: $status" [ "$status" = 403 ]
sfetch tr_xz GET /staff/complaints
check "not in the sender's queue" sh -c "! grep -q '$tr_no' '$BUILD/b.txt'"
sfetch tr_zy GET "/staff/complaints?status=submitted"
check "in the receiver's queue" grep -q "$tr_no" "$BUILD/b.txt"
check "with the fresh deadline" grep -q "<td>$tr_due" "$BUILD/b.txt"
sfetch tr_zy GET "/staff/complaints/$tr_id"
check "receiver reads it: $status" [ "$status" = 200 ]
check "receiver sees the reason" grep -q "内部理由勿外传" "$BUILD/b.txt"
check "receiver sees from where" grep -q "从襄阳市襄州区" "$BUILD/b.txt"

# Handled complaints stay where they were handled.
sfetch tr_zy POST "/staff/complaints/$tr_id" --data-urlencode "csrf=$tr_zy_csrf" \
    --data-urlencode action=reject --data-urlencode "public_reply=经查不属实。"
check "rejected: $status" [ "$status" = 303 ]
transfer tr_zy "$tr_zy_csrf" "$tr_id" to_county=420607 "transfer_reason=办完了还想转"
check "no transfer once handled: $status" [ "$status" = 400 ]
check "says why" grep -q "不能转办" "$BUILD/b.txt"
check "and offers no form" sh -c "! grep -q 'name=\"transfer_reason\"' '$BUILD/b.txt'"

# 督办: an overdue complaint is flagged to the city, once.
{ read -r es_no; read -r es_code; } < <(tr_file "$BUILD/es-receipt.html" \
    "督办测试：一直没人受理。")
es_id=$(sql "SELECT id FROM complaint WHERE tracking_no = '$es_no'")
check "a complaint to let run late ($es_no)" [ -n "$es_id" ]
sql "UPDATE complaint SET accept_due = CURDATE() - INTERVAL 3 DAY WHERE id = $es_id"
# The instance's notice sender sweeps too, once a minute: what one sweep
# flags the other does not, so the counts are at most the overdue ones.
want=$(sql "SELECT COUNT(*) FROM complaint WHERE due < CURDATE() AND escalated = 0")
out=$(staff_cli escalate)
check "the sweep flags at most the $want overdue: $out" \
    [ "${out#escalated: }" -le "$want" ]
check "none overdue left unflagged" \
    [ "$(sql "SELECT COUNT(*) FROM complaint WHERE due < CURDATE() AND escalated = 0")" = 0 ]
check "flagged" [ "$(sql "SELECT escalated AND escalated_at IS NOT NULL FROM complaint WHERE id = $es_id")" = 1 ]
check "one escalated step, where it is handled" \
    [ "$(sql "SELECT CONCAT(COUNT(*), ':', MIN(region), ':', MIN(to_status)) FROM complaint_event WHERE complaint_id = $es_id AND kind = 'escalated'")" = 1:420607001:submitted ]
out=$(staff_cli escalate)
check "run again, nothing new: $out" [ "$out" = "escalated: 0" ]
check "and no second step" [ "$(tr_events "$es_id" escalated)" = 1 ]
check "not in the audit log" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE object_type = 'complaint' AND object_id = $es_id")" = 0 ]
check "complaint tallies unchanged by flags" complaint_tally_matches

tpost "no=$es_no" "code=$es_code"
check "the complainant sees 督办" grep -q "<strong>超期督办</strong>" "$BUILD/b.txt"
sfetch tr_city GET "/staff/complaints?escalated=1"
check "the city's 督办 queue: $status" [ "$status" = 200 ]
check "lists it" grep -q "$es_no" "$BUILD/b.txt"
check "not the unflagged" sh -c "! grep -q '$tr_no' '$BUILD/b.txt'"
n=$(sql "SELECT COUNT(*) FROM complaint WHERE escalated = 1 AND outlet_region LIKE '4206%'")
check "counts the city's $n" grep -q "共 $n 件" "$BUILD/b.txt"
check "the city sees the 督办 count" grep -q "督办 $n</a>" "$BUILD/b.txt"
sfetch tr_city GET /staff/
check "and on its dashboard" grep -q "督办 $n 件" "$BUILD/b.txt"
sfetch tr_xz GET /staff/complaints
check "the county's queue flags it" grep -q "$es_no.*督办" "$BUILD/b.txt"
check "the county has no 督办 count" sh -c "! grep -q 'escalated=1\">督办' '$BUILD/b.txt'"
sfetch tr_xz GET "/staff/complaints/$es_id"
check "the county's page says 督办" grep -q "报市级督办" "$BUILD/b.txt"
sfetch tr_zy GET "/staff/complaints?escalated=1"
check "another county sees none of it" sh -c "! grep -q '$es_no' '$BUILD/b.txt'"

# Accepted, it runs on a new deadline; missing that one flags it again.
sfetch tr_xz POST "/staff/complaints/$es_id" --data-urlencode "csrf=$tr_xz_csrf" \
    --data-urlencode action=accept
check "accepted late: $status" [ "$status" = 303 ]
check "the flag ends with its deadline" [ "$(sql "SELECT escalated FROM complaint WHERE id = $es_id")" = 0 ]
sql "UPDATE complaint SET resolve_due = CURDATE() - INTERVAL 1 DAY WHERE id = $es_id"
# Two hosts at once: each complaint is flagged and stepped once.
staff_cli escalate > "$BUILD/es-1.txt" & staff_cli escalate > "$BUILD/es-2.txt" & wait
got=$(( $(sed 's/escalated: //' "$BUILD/es-1.txt") + $(sed 's/escalated: //' "$BUILD/es-2.txt") ))
check "two sweeps at once flag it once at most ($got)" [ "$got" -le 1 ]
check "two steps in all, one a deadline" [ "$(tr_events "$es_id" escalated)" = 2 ]
check "flagged for the resolve deadline" \
    [ "$(sql "SELECT escalated AND escalated_due = resolve_due FROM complaint WHERE id = $es_id")" = 1 ]

# A backlog larger than one batch (500): flagged in several short
# transactions, each complaint once, with its one step.
cols=$(sql "SELECT GROUP_CONCAT(column_name ORDER BY ordinal_position)
    FROM information_schema.columns WHERE table_schema = DATABASE() AND
    table_name = 'complaint' AND extra NOT LIKE '%GENERATED%' AND
    column_name NOT IN ('id', 'tracking_no', 'form_token')")
sql "INSERT INTO complaint (tracking_no, $cols) SELECT CONCAT('ESB0-',
    LPAD(s.seq, 4, '0')), $(sed 's/\([a-z0-9_]*\)/c.\1/g' <<< "$cols")
    FROM complaint c JOIN seq_1_to_1234 s WHERE c.id = $es_id"
sql "UPDATE complaint SET status = 'submitted', accepted_at = NULL,
    accept_due = CURDATE() - INTERVAL 3 DAY WHERE tracking_no LIKE 'ESB0-%'"
out=$(staff_cli escalate)
check "a backlog of 1,234 swept: $out" \
    [ "$(sql "SELECT COUNT(*) FROM complaint WHERE tracking_no LIKE 'ESB0-%' AND escalated = 1")" = 1234 ]
check "each with one step" [ "$(sql "SELECT COUNT(*) FROM complaint_event e
    JOIN complaint c ON c.id = e.complaint_id WHERE c.tracking_no LIKE 'ESB0-%'
    AND e.kind = 'escalated'")" = 1234 ]
sql "DELETE e FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id
    WHERE c.tracking_no LIKE 'ESB0-%'"
sql "DELETE FROM complaint WHERE tracking_no LIKE 'ESB0-%'"

# The weekly report counts both, where they happened.
# The instance's week (Asia/Shanghai), not this machine's.
week=$(TZ=Asia/Shanghai date +%G-W%V)
weekly_count() {
	sfetch "$1" GET "/staff/reports/weekly?region=$2&week=$week&format=csv"
	tr -d '\r' < "$BUILD/b.txt" | awk -F, -v w="$3" '$6 == w && $7 == "合计" { print $8 }'
}
want=$(sql "SELECT COUNT(*) FROM complaint_event WHERE kind = 'escalated' AND region LIKE '4206%' AND YEARWEEK(at, 3) = YEARWEEK(CURDATE(), 3)")
got=$(weekly_count tr_city 4206 督办)
check "weekly counts the city's $want escalations: $got" [ "$got" = "$want" ]
check "both of this one's" [ "$want" -ge 2 ]
got=$(weekly_count tr_xz 420607 转出)
want=$(sql "SELECT COUNT(*) FROM complaint_event WHERE kind = 'transferred' AND region LIKE '420607%' AND YEARWEEK(at, 3) = YEARWEEK(CURDATE(), 3)")
check "weekly counts 襄州区's $want transfers out: $got" [ "$got" = "$want" ]
check "the one made here" [ "$want" -ge 1 ]
got=$(weekly_count tr_zy 420683 转出)
check "枣阳市 sent none: $got" [ "$got" = 0 ]
sfetch tr_city GET "/staff/reports/weekly?region=4206&week=$week"
check "the weekly page has the columns" grep -q "<th scope=\"col\">督办</th><th scope=\"col\">转出</th>" "$BUILD/b.txt"
