# Complaint notices (sql/030_notify_outbox.sql, jdxx-notify): an SMTP
# server and an SMS gateway of our own on free loopback ports, and a
# sender of our own against this instance (the instance's own has no
# channel configured and leaves messages alone). Each step's message
# arrives once; with both down, messages wait with growing back-off and
# are delivered once each when they return; a message the gateway keeps
# refusing ends dead; no message holds a query code.
# Sourced by tests/http/run.sh after lib.sh, with the instance running.

NT=$BUILD/notify-test
NT_PY=/usr/bin/python3
nt_pids=()

# The first port of 18302-18309 nothing listens on, not in $1.
nt_free_port() {
	local p
	for p in $(seq 18302 18309); do
		case " $1 " in *" $p "*) continue ;; esac
		(exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
	done
	return 1
}
nt_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# nt_wait_port PORT: until something listens there (5 s at most).
nt_wait_port() {
	local i
	for i in $(seq 1 50); do nt_listening "$1" && return 0; sleep 0.1; done
	return 1
}
# nt_receiver SCRIPT PORT DIR NAME: one of tests/http/notify/ listening on
# PORT, keeping what it receives in DIR, its log NAME.log; its pid in
# nt_rx_pid.
nt_receiver() {
	"$NT_PY" "tests/http/notify/$1" "$2" "$3" >> "$NT/$4.log" 2>&1 &
	nt_rx_pid=$!
	nt_pids+=("$nt_rx_pid")
	nt_wait_port "$2"
}
nt_smtp_start() {
	nt_receiver smtp_receiver.py "$NT_SMTP" "$NT/mail" smtp
	local rc=$?
	NT_SMTP_PID=$nt_rx_pid
	return $rc
}
nt_gateway_start() {
	nt_receiver sms_gateway.py "$NT_GW" "$NT/sms" gateway
	local rc=$?
	NT_GW_PID=$nt_rx_pid
	return $rc
}
nt_sender_start() {
	local user=()
	[ "$(id -u)" != 0 ] || user=(--user jdxx)
	"$BUILD/jdxx-notify" --config "$NT/notify.hdf" "${user[@]}" \
	    >> "$NT/sender.log" 2>&1 &
	NT_SENDER_PID=$!
	nt_pids+=("$NT_SENDER_PID")
}
nt_stop() { kill -TERM "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
nt_cleanup() {
	local p
	for p in "${nt_pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for p in "${nt_pids[@]}"; do wait "$p" 2>/dev/null; done
}
# nt_until SECONDS 'COMMAND': until the command, evaluated afresh each
# time, succeeds; or 1.
nt_until() {
	local n=$(( $1 * 10 )) i
	for ((i = 0; i < n; i++)); do eval "$2" && return 0; sleep 0.1; done
	return 1
}
# The SMS requests and mails received that hold TEXT.
nt_sms_with() { grep -lF -- "$1" "$NT"/sms/*.json 2>/dev/null | wc -l; }
nt_mail_with() { grep -lF -- "$1" "$NT"/mail/*.txt 2>/dev/null | wc -l; }
nt_state() { sql "SELECT state FROM notify_outbox WHERE idem_key LIKE '$1'"; }
nt_all_sent() { [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE state <> 'sent' AND idem_key NOT LIKE '%:dead%'")" = 0 ]; }
# nt_file RECEIPT NOTIFY EMAIL PHONE: files a complaint about outlet 1
# choosing NOTIFY; prints its tracking number and query code.
# nginx lets an address file 30 a minute after a burst: a suite before
# this one may have used it up (complaints.sh floods it), so a 429 from
# nginx is waited out.
nt_file() {
	local i
	for i in $(seq 1 40); do
		nt_file_once "$@"
		[ "$(cat "$1.status")" = 429 ] || break
		sleep 2
	done
	grep -o 'class="code">[0-9A-Z-]*<' "$1" | cut -d'>' -f2 | tr -d '<'
}
nt_file_once() {
	sql "UPDATE complaint SET submit_address = 'earlier'"
	curl -s -o "$1" -w '%{http_code}' --max-time 20 \
	    --data-urlencode "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)" \
	    --data-urlencode outlet=1 --data-urlencode category=overcharge \
	    --data-urlencode "description=通知测试：多收了钱" \
	    --data-urlencode name=赵六 --data-urlencode "phone=$4" \
	    --data-urlencode region=420607001 --data-urlencode consent=1 \
	    --data-urlencode "notify=$2" --data-urlencode "email=$3" \
	    --data-urlencode action=submit "$BASE/complaints" > "$1.status"
}
# nt_expect_form STATUS TEXT BODY: expect POST /complaints, with nginx's
# 429 waited out as above.
nt_expect_form() {
	local i
	for i in $(seq 1 40); do
		sql "UPDATE complaint SET submit_address = 'earlier'"
		fetch POST /complaints "$3"
		[ "$status" = 429 ] || break
		sleep 2
	done
	if [ "$status" != "$1" ]; then
		bad "POST /complaints: status $status, want $1"
	elif ! grep -qF -- "$2" "$BUILD/b.txt"; then
		bad "POST /complaints: body lacks '$2'"
	else
		ok
	fi
}
nt_id() { sql "SELECT id FROM complaint WHERE tracking_no = '$1'"; }

rm -rf "$NT"
mkdir -p "$NT/mail" "$NT/sms"
# The sender runs as jdxx when we are root: it reads the templates only.
NT_SMTP=$(nt_free_port "") && NT_GW=$(nt_free_port "$NT_SMTP")
check "notify: free loopback ports ($NT_SMTP, $NT_GW)" [ -n "$NT_SMTP" ] && [ -n "$NT_GW" ]
trap 'nt_cleanup; instance stop >/dev/null 2>&1' EXIT
check "notify: SMTP server up" nt_smtp_start
check "notify: SMS gateway up" nt_gateway_start
{ cat "$VAR/jdxx.hdf"; cat <<HDF
Notify {
  SMTP {
    URL = smtp://127.0.0.1:$NT_SMTP
    From = noreply@jdxx.test
  }
  SMS {
    URL = http://127.0.0.1:$NT_GW/sms/send
    Authorization = APPCODE notify-test-key
    Sign = 家电下乡
    Templates {
      submitted = SMS_100001
    }
  }
  MaxAttempts = 4
  RetrySeconds = 1
  RetryMaxSeconds = 2
  PollMs = 200
  SweepSeconds = 1
  Timeout = 5
  LeaseSeconds = 30
}
HDF
} > "$NT/notify.hdf"
chmod 600 "$NT/notify.hdf"
nt_sender_start

# The form: the choice and the address are checked, everything kept.
sql "UPDATE complaint SET submit_address = 'earlier'"
nt_expect_form 400 "请填写正确的电子邮箱" \
    "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)&outlet=1&category=overcharge&description=%E5%A4%9A%E6%94%B6%E4%BA%86%E9%92%B1%E5%95%8A&name=%E8%B5%B5%E5%85%AD&phone=13912345678&region=420607001&consent=1&notify=email&email=not-an-address&action=submit"
check "notify: bad email kept in the form" grep -q 'value="not-an-address"' "$BUILD/b.txt"
check "notify: email choice kept" grep -q 'value="email" checked' "$BUILD/b.txt"
nt_expect_form 400 "选择电子邮件通知时，请填写电子邮箱" \
    "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)&outlet=1&category=overcharge&description=%E5%A4%9A%E6%94%B6%E4%BA%86%E9%92%B1%E5%95%8A&name=%E8%B5%B5%E5%85%AD&phone=13912345678&region=420607001&consent=1&notify=email&action=submit"
nt_expect_form 400 "短信只能发到手机" \
    "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)&outlet=1&category=overcharge&description=%E5%A4%9A%E6%94%B6%E4%BA%86%E9%92%B1%E5%95%8A&name=%E8%B5%B5%E5%85%AD&phone=0710-3312345&region=420607001&consent=1&notify=sms&action=submit"
nt_expect_form 400 "请选择短信、电子邮件或不通知" \
    "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)&outlet=1&category=overcharge&description=%E5%A4%9A%E6%94%B6%E4%BA%86%E9%92%B1%E5%95%8A&name=%E8%B5%B5%E5%85%AD&phone=13912345678&region=420607001&consent=1&notify=pigeon&action=submit"
expect GET /complaints/new 200 "通知方式"
check "notify: 不通知 chosen by default" grep -q 'value="none" checked' "$BUILD/b.txt"

# Filed with SMS chosen: the receipt's message at the gateway.
read -r sms_no sms_code < <(nt_file "$NT/r1.html" sms "" 13912345678 | paste -sd ' ')
check "notify: filed with SMS ($(cat "$NT/r1.html.status"))" [ -n "$sms_no" ]
sms_id=$(nt_id "$sms_no")
check "notify: choice stored" [ "$(sql "SELECT notify_by FROM complaint WHERE id = $sms_id")" = sms ]
check "notify: SMS of the filing at the gateway" nt_until 10 '[ "$(nt_sms_with "$sms_no")" = 1 ]'
f=$(grep -lF -- "$sms_no" "$NT"/sms/*.json | head -n 1)
check "notify: SMS to the phone" grep -q '13912345678' "$f"
check "notify: SMS with the gateway's template code" grep -q 'SMS_100001' "$f"
check "notify: SMS with its idempotency key" grep -q "\"OutId\\\\\":\\\\\"c$sms_id:submitted:e" "$f"
check "notify: SMS with the gateway's credentials" grep -q 'APPCODE notify-test-key' "$f"
check "notify: SMS links the tracking page" grep -qF "/complaints/track?no=$sms_no" "$f"
check "notify: SMS marked sent" [ "$(nt_state "c$sms_id:submitted:%")" = sent ]
# Chose nothing: nothing queued.
read -r none_no none_code < <(nt_file "$NT/r0.html" none "" 13912345678 | paste -sd ' ')
check "notify: none chosen, nothing queued" [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE complaint_id = $(nt_id "$none_no")")" = 0 ]

# Email chosen: staff steps reach the complainant's mailbox.
read -r mail_no mail_code < <(nt_file "$NT/r2.html" email wang@example.com 13912345678 | paste -sd ' ')
mail_id=$(nt_id "$mail_no")
check "notify: receipt email" nt_until 10 '[ "$(nt_mail_with "$mail_no")" = 1 ]'
admin_pw=$(cat "$VAR/initial-admin-password")
login admin "$admin_pw"
ca=$(csrf_of admin)
nt_act() { sfetch admin POST "/staff/complaints/$1" --data-urlencode "csrf=$ca" "${@:2}"; }
nt_act "$mail_id" --data-urlencode action=accept
check "notify: accept ($status)" [ "$status" = 303 ]
nt_act "$mail_id" --data-urlencode action=note --data-urlencode "public_reply=已联系商家，请耐心等待。"
check "notify: public reply ($status)" [ "$status" = 303 ]
nt_act "$mail_id" --data-urlencode action=note --data-urlencode "internal_note=内部记录，不发通知"
check "notify: acceptance emailed" nt_until 10 '[ "$(grep -l '\''已受理'\'' "$NT"/mail/*.txt 2>/dev/null | xargs -r grep -lF "$mail_no" | wc -l)" = 1 ]'
check "notify: reply emailed with its text" nt_until 10 '[ "$(nt_mail_with '\''已联系商家，请耐心等待。'\'')" = 1 ]'
check "notify: reply email to the complainant" grep -q 'RCPT TO: wang@example.com' $(grep -lF '已联系商家' "$NT"/mail/*.txt)
check "notify: internal note sends nothing" [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE complaint_id = $mail_id")" = 3 ]
check "notify: no internal note mailed" [ "$(nt_mail_with '内部记录，不发通知')" = 0 ]

# Assignment: the handler gets an email.
echo "Notify-2009-ok" | staff_cli add nthandler handler 4206 >/dev/null
check "notify: staff address refused when bad" sh -c "! '$BUILD/jdxx-staff' --config '$VAR/jdxx.hdf' set-email nthandler 'not an address' 2>/dev/null"
check "notify: staff address set" staff_cli set-email nthandler handler@example.com
check "notify: staff address stored" [ "$(sql "SELECT email FROM staff WHERE username = 'nthandler'")" = handler@example.com ]
hid=$(sql "SELECT id FROM staff WHERE username = 'nthandler'")
nt_act "$mail_id" --data-urlencode action=assign --data-urlencode "assignee=$hid"
check "notify: assign ($status)" [ "$status" = 303 ]
check "notify: assignment emailed to the handler" nt_until 10 '[ "$(grep -l '\''RCPT TO: handler@example.com'\'' "$NT"/mail/*.txt 2>/dev/null | xargs -r grep -l '\''指定您承办'\'' | wc -l)" = 1 ]'
check "notify: assignment links the staff page" grep -qF "/staff/complaints/$mail_id" $(grep -l '指定您承办' "$NT"/mail/*.txt)

# Staff intake offers the same choice, for the caller.
nt_intake() {
	sfetch admin POST /staff/complaints/new --data-urlencode "csrf=$ca" \
	    --data-urlencode "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)" \
	    --data-urlencode channel=phone --data-urlencode name=孙七 \
	    --data-urlencode phone=13812345678 --data-urlencode region=420607001 \
	    --data-urlencode outlet=1 --data-urlencode category=no_service \
	    --data-urlencode "description=电话反映：网点一直不上门安装。" "$@"
}
nt_intake --data-urlencode notify=email
check "notify: intake without the address refused ($status)" [ "$status" = 400 ]
check "notify: intake says why" grep -q "选择电子邮件通知时，请填写正确的电子邮箱" "$BUILD/b.txt"
nt_intake --data-urlencode notify=email --data-urlencode email=caller@example.com
check "notify: intake with email ($status)" [ "$status" = 200 ]
read -r in_no in_code < <(grep -o 'class="code">[0-9A-Z-]*<' "$BUILD/b.txt" | cut -d'>' -f2 | tr -d '<' | paste -sd ' ')
check "notify: intake's receipt emailed to the caller" nt_until 10 '[ "$(grep -l "RCPT TO: caller@example.com" "$NT"/mail/*.txt 2>/dev/null | xargs -r grep -lF "$in_no" | wc -l)" = 1 ]'

# Overdue: one email per complaint and deadline to the region's handlers.
sql "UPDATE complaint SET accept_due = CURDATE() - INTERVAL 1 DAY WHERE id = $sms_id"
check "notify: overdue emailed to the handler" nt_until 15 '[ "$(grep -l '\''已超过期限'\'' "$NT"/mail/*.txt 2>/dev/null | xargs -r grep -lF "$sms_no" | wc -l)" = 1 ]'
check "notify: the sender's sweep flags it to the city (督办)" nt_until 10 \
    '[ "$(sql "SELECT escalated FROM complaint WHERE id = $sms_id")" = 1 ]'
sleep 2.5
check "notify: 督办 once per deadline (sweeps since)" \
    [ "$(sql "SELECT COUNT(*) FROM complaint_event WHERE complaint_id = $sms_id AND kind = 'escalated'")" = 1 ]
check "notify: overdue once per deadline (sweeps since)" [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE complaint_id = $sms_id AND template = 'overdue'")" = 1 ]
check "notify: overdue key holds the deadline" [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE complaint_id = $sms_id AND idem_key = CONCAT('c', $sms_id, ':overdue:', DATE_FORMAT(CURDATE() - INTERVAL 1 DAY, '%Y%m%d'), ':s', $hid)")" = 1 ]
sql "UPDATE complaint SET accept_due = CURDATE() + INTERVAL 7 DAY WHERE id = $sms_id"

# Faults: the gateway and the SMTP server down. Messages wait, tries
# grow, next_at moves on; none is lost or sent twice once they return.
nt_stop "$NT_SMTP_PID"
nt_stop "$NT_GW_PID"
before_mail=$(ls "$NT"/mail/*.txt | wc -l)
before_sms=$(ls "$NT"/sms/*.json | wc -l)
read -r f1_no f1_code < <(nt_file "$NT/r3.html" sms "" 13800001111 | paste -sd ' ')
read -r f2_no f2_code < <(nt_file "$NT/r4.html" email li@example.com 13800002222 | paste -sd ' ')
f1_id=$(nt_id "$f1_no"); f2_id=$(nt_id "$f2_no")
nt_act "$mail_id" --data-urlencode action=note --data-urlencode "public_reply=故障期间的答复。"
check "notify: filing works with the gateway down" [ -n "$f1_no" ] && [ -n "$f2_no" ]
nt_waiting() {
	[ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE complaint_id IN ($f1_id, $f2_id, $mail_id) AND state IN ('pending', 'sending') AND attempts >= 2")" = 3 ]
}
check "notify: messages retried while down" nt_until 20 nt_waiting
check "notify: waiting with next_at ahead" [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE state = 'pending' AND next_at > NOW() - INTERVAL 1 SECOND AND attempts >= 2")" -ge 1 ]
check "notify: nothing dead while retrying" [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE state = 'dead'")" = 0 ]
check "notify: error kept" [ -n "$(sql "SELECT last_error FROM notify_outbox WHERE complaint_id = $f1_id LIMIT 1")" ]
check "notify: nothing delivered while down" [ "$(ls "$NT"/mail/*.txt | wc -l)" = "$before_mail" ] && [ "$(ls "$NT"/sms/*.json | wc -l)" = "$before_sms" ]
# The gateway answers, but without success: still a failure.
touch "$NT/sms/refuse"
nt_gateway_start
sleep 2
check "notify: a refusal is retried, not sent" [ "$(nt_state "c$f1_id:submitted:%")" != sent ]
rm -f "$NT/sms/refuse"
nt_smtp_start
check "notify: all delivered once back" nt_until 20 '[ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE state <> '\''sent'\''")" = 0 ]'
check "notify: SMS of the outage arrived" [ "$(nt_sms_with "$f1_no")" = 1 ]
check "notify: email of the outage arrived" [ "$(nt_mail_with "$f2_no")" = 1 ]
check "notify: reply of the outage arrived" [ "$(nt_mail_with '故障期间的答复。')" = 1 ]
# Each key delivered once: Message-IDs and OutIds against the outbox.
keys_mail=$(sed -n 's/^Message-ID: <\(.*\)@.*/\1/p' "$NT"/mail/*.txt | sort | uniq -d | wc -l)
keys_sms=$(cat "$NT"/sms/*.json | grep -o 'OutId\\":\\"[^\\]*' | sort | uniq -d | wc -l)
check "notify: no email key twice" [ "$keys_mail" = 0 ]
check "notify: no SMS key twice" [ "$keys_sms" = 0 ]
delivered=$(( $(ls "$NT"/mail/*.txt | wc -l) + $(ls "$NT"/sms/*.json | wc -l) ))
queued=$(sql "SELECT COUNT(*) FROM notify_outbox")
check "notify: delivered = queued ($delivered, $queued)" [ "$delivered" = "$queued" ]
retried=$(sql "SELECT COUNT(*) FROM notify_outbox WHERE attempts > 1")
tries=$(sql "SELECT SUM(attempts) FROM notify_outbox")
echo "notify: fault test: $queued messages queued, $delivered delivered (each once), $retried retried ($tries tries in all)" >&2

# Dead letter: a gateway that keeps failing; after MaxAttempts the
# message is dead and stays undelivered.
touch "$NT/sms/fail"
read -r d_no d_code < <(nt_file "$NT/r5.html" sms "" 13800003333 | paste -sd ' ')
d_id=$(nt_id "$d_no")
check "notify: dead after 4 tries" nt_until 20 '[ "$(sql "SELECT CONCAT(state, attempts) FROM notify_outbox WHERE complaint_id = $d_id")" = dead4 ]'
rm -f "$NT/sms/fail"
sleep 1
check "notify: a dead message is not sent" [ "$(nt_sms_with "$d_no")" = 0 ]

# The same event never queues twice: the key refuses it.
check "notify: keys unique" [ "$(sql "SELECT COUNT(*) - COUNT(DISTINCT idem_key) FROM notify_outbox")" = 0 ]
sql "INSERT INTO notify_outbox (idem_key, channel, recipient, template, params, next_at, created_at) SELECT idem_key, channel, recipient, template, params, NOW(), NOW() FROM notify_outbox LIMIT 1" 2>/dev/null
check "notify: a second row for a key refused" [ "$(sql "SELECT COUNT(*) - COUNT(DISTINCT idem_key) FROM notify_outbox")" = 0 ]

# No delivered message holds a query code.
leaked=0
for code in $sms_code $none_code $mail_code $in_code $f1_code $f2_code $d_code; do
	if grep -rqF -- "$code" "$NT/mail" "$NT/sms"; then leaked=$((leaked + 1)); fi
done
check "notify: no query code in any message ($leaked leaked)" [ "$leaked" = 0 ]
check "notify: query codes were seen on the receipts" [ -n "$sms_code" ] && [ -n "$mail_code" ] && [ -n "$in_code" ]

# SIGTERM in the middle of a batch: the delivery in hand ends, the rest
# of the batch is handed back untried, and the sender exits at once.
touch "$NT/sms/slow"
sql "INSERT INTO notify_outbox (idem_key, channel, recipient, template, params, next_at, created_at) VALUES ('test:stop:1', 'sms', '13800004444', 'reply', '{\"tracking_no\":\"STOP-0001\"}', NOW(), NOW()), ('test:stop:2', 'sms', '13800004444', 'reply', '{\"tracking_no\":\"STOP-0002\"}', NOW(), NOW()), ('test:stop:3', 'sms', '13800004444', 'reply', '{\"tracking_no\":\"STOP-0003\"}', NOW(), NOW())"
check "notify: a batch in hand" nt_until 5 '[ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE idem_key LIKE '"'"'test:stop:%'"'"' AND state = '"'"'sending'"'"'")" = 3 ]'
t0=$(date +%s)
nt_stop "$NT_SENDER_PID"
check "notify: sender stops on SIGTERM within 5 s" [ $(( $(date +%s) - t0 )) -le 5 ]
check "notify: nothing left claimed" [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE state = 'sending'")" = 0 ]
check "notify: the rest handed back untried" [ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE idem_key LIKE 'test:stop:%' AND state = 'pending' AND attempts = 0")" -ge 1 ]
rm -f "$NT/sms/slow"
nt_sender_start
check "notify: handed back, then delivered" nt_until 10 '[ "$(sql "SELECT COUNT(*) FROM notify_outbox WHERE idem_key LIKE '"'"'test:stop:%'"'"' AND state = '"'"'sent'"'"'")" = 3 ]'
check "notify: each once" [ "$(nt_sms_with STOP-000)" = 3 ]
nt_stop "$NT_SENDER_PID"
check "notify: sender logged no crash" sh -c "! grep -qi 'sanitizer\|segmentation' '$NT/sender.log'"
check "notify: the instance's sender runs" bash src/instance.sh status >/dev/null 2>&1
if [ "$(id -u)" = 0 ]; then
	check "notify: the instance's sender runs as jdxx" \
	    [ "$(ps -o user= -p "$(cat "$VAR/run/notify.pid")" | tr -d ' ')" = jdxx ]
	check "notify: root without --user refused" sh -c \
	    "! '$BUILD/jdxx-notify' --config '$NT/notify.hdf' --once 2>/dev/null"
fi
# Transferred: the complainant hears where it went, with the new deadline.
ta=$(sql "SELECT code FROM region WHERE parent_code = '4206' AND code <> LEFT((SELECT outlet_region FROM complaint WHERE id = $mail_id), 6) ORDER BY code LIMIT 1")
sfetch admin POST "/staff/complaints/$mail_id/transfer" --data-urlencode "csrf=$ca" \
    --data-urlencode "to_county=$ta" --data-urlencode "transfer_reason=网点属于邻县"
check "notify: transfer ($status)" [ "$status" = 303 ]
nt_sender_start
check "notify: transfer emailed" nt_until 10 '[ "$(grep -l '\''已转办'\'' "$NT"/mail/*.txt 2>/dev/null | xargs -r grep -lF "$mail_no" | wc -l)" = 1 ]'
check "notify: the transfer's reason stays the staff's" [ "$(nt_mail_with '网点属于邻县')" = 0 ]
nt_stop "$NT_SENDER_PID"
nt_cleanup
trap 'instance stop >/dev/null 2>&1' EXIT
