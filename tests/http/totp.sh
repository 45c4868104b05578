# The second factor: setting it up on the first sign-in that asks for it
# (QR code, typed secret, a wrong code, the right one, ten recovery codes
# shown once), a code never taken twice, a recovery code in place of a
# code, the status page, reset by an account of wider scope only, from
# the shell, and set up by choice where no role asks for it.

tt_pw="Winter-2009-ok"
echo "$tt_pw" | staff_cli add ttnation admin >/dev/null
echo "$tt_pw" | staff_cli add ttcity admin 4206 >/dev/null
echo "$tt_pw" | staff_cli add ttcounty admin 420607 >/dev/null
echo "$tt_pw" | staff_cli add ttpeer admin 420607 >/dev/null
echo "$tt_pw" | staff_cli add ttfar admin 420606 >/dev/null
echo "$tt_pw" | staff_cli add tteditor editor 420607 >/dev/null

tt_id() { sql "SELECT id FROM staff WHERE username = '$1'"; }
tt_audits() { sql "SELECT COUNT(*) FROM audit_log WHERE username = '$1' AND action = '$2'"; }
# tt_page STATUS TEXT: the last answer had STATUS and TEXT in its page.
tt_page() { [ "$status" = "$1" ] && grep -q -- "$2" "$BUILD/b.txt"; }
# tt_goes PATH: the last answer sent the browser to PATH (and a query).
tt_goes() { [ "$status" = 303 ] && case "$(location)" in "$1"|"$1?"*) ;; *) false ;; esac; }
# tt_password USER: the password step alone, from a fresh browser.
tt_password() {
	rm -f "$BUILD/jar-$1"
	sfetch "$1" GET /staff/login
	sfetch "$1" POST /staff/login --data-urlencode "username=$1" \
	    --data-urlencode "password=$tt_pw" --data-urlencode "login_token=$(login_token)"
}
# tt_code USER SECRET: a code at a step the user has not used yet.
tt_code() {
	printf '%s\n' "$2" > "$(totp_file "$1")"
	totp_code "$1"
}
# A code of SECRET five steps ago: out of the window.
tt_stale() { oathtool --totp -b -N "@$(( ($(date +%s) / 30 - 5) * 30 ))" "$1"; }

# An admin signs in for the first time: the password alone reaches only
# the page that sets the second factor up.
tt_password ttcounty
check "totp: the password sends an admin to set up: $status $(location)" \
    tt_goes /staff/totp
sfetch ttcounty GET /staff/
check "totp: no staff work before it: $status $(location)" \
    tt_goes /staff/totp
sfetch ttcounty GET /staff/totp
check "totp: the set-up page: $status" [ "$status" = 200 ]
check "totp: says it is required" grep -q '须开启两步验证' "$BUILD/b.txt"
check "totp: the QR code is inline SVG with a label" grep -q '<figure class="qr"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 [0-9]* [0-9]*" [^>]*role="img" aria-label="[^"<>]*"><title>' "$BUILD/b.txt"
check "totp: one path of modules" [ "$(grep -o '<path ' "$BUILD/b.txt" | wc -l)" = 1 ]
check "totp: no script" sh -c "! grep -qi '<script' '$BUILD/b.txt'"
check "totp: the code field has its label" grep -q '<label for="code">' "$BUILD/b.txt"
check "totp: numeric keyboard, one-time-code" grep -q 'id="code" name="code" inputmode="numeric" autocomplete="one-time-code"' "$BUILD/b.txt"
check "totp: the page is not kept" grep -qi '^Cache-Control:.*no-store' "$BUILD/h.txt"
grouped=$(page_secret)
check "totp: the secret in eight groups of four ($grouped)" \
    grep -qE '^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$' <<< "$grouped"
secret=$(tr -d ' ' <<< "$grouped")
stored=$(sql "SELECT HEX(totp_secret) FROM staff WHERE username = 'ttcounty'")
shown=$(printf '%s' "$secret" | base32 -d | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
check "totp: the page shows the stored secret ($shown)" [ -n "$shown" -a "$shown" = "$stored" ]
check "totp: pending, not yet confirmed" [ "$(sql "SELECT totp_enabled_at IS NULL FROM staff WHERE username = 'ttcounty'")" = 1 ]
check "totp: the new secret audited" [ "$(tt_audits ttcounty totp_enrol)" = 1 ]
if command -v rsvg-convert >/dev/null && command -v zbarimg >/dev/null; then
	sed -n 's/.*\(<svg .*<\/svg>\).*/\1/p' "$BUILD/b.txt" > "$BUILD/totp-qr.svg"
	rsvg-convert -o "$BUILD/totp-qr.png" "$BUILD/totp-qr.svg" 2>/dev/null
	uri=$(zbarimg -q --raw "$BUILD/totp-qr.png" 2>/dev/null)
	check "totp: the QR code reads back ($uri)" [ "$uri" = "otpauth://totp/%E5%AE%B6%E7%94%B5%E4%B8%8B%E4%B9%A1%E5%85%AC%E5%85%B1%E6%9C%8D%E5%8A%A1%E7%BD%91:ttcounty?secret=$secret&issuer=%E5%AE%B6%E7%94%B5%E4%B8%8B%E4%B9%A1%E5%85%AC%E5%85%B1%E6%9C%8D%E5%8A%A1%E7%BD%91&algorithm=SHA1&digits=6&period=30" ]
fi
sfetch ttcounty GET /staff/totp
check "totp: read again, the same secret" [ "$(page_secret)" = "$grouped" ]
check "totp: still one secret audited" [ "$(tt_audits ttcounty totp_enrol)" = 1 ]
token=$(page_csrf)

# Wrong, malformed and missing codes keep the form and the secret.
sfetch ttcounty POST /staff/totp --data-urlencode "code=123456"
check "totp: no form token, refused: $status" [ "$status" = 403 ]
sfetch ttcounty POST /staff/totp --data-urlencode "csrf=$token" \
    --data-urlencode "code=$(tt_stale "$secret")"
check "totp: a stale code: $status" [ "$status" = 400 ]
check "totp: says the code is wrong" grep -q '验证码不正确' "$BUILD/b.txt"
check "totp: the same secret again" [ "$(page_secret)" = "$grouped" ]
check "totp: the code is not put back" grep -q 'name="code"[^>]*value=""' "$BUILD/b.txt"
check "totp: the wrong code audited" [ "$(tt_audits ttcounty totp_enable_failed)" = 1 ]
for bad in "12345" "1234567" "12a456" "123-456"; do
	sfetch ttcounty POST /staff/totp --data-urlencode "csrf=$token" \
	    --data-urlencode "code=$bad"
	check "totp: code '$bad': $status" [ "$status" = 400 ]
done
sfetch ttcounty POST /staff/totp --data-urlencode "csrf=$token" --data-urlencode "code="
check "totp: no code: $status" tt_page 400 '请输入'
sfetch ttcounty POST /staff/totp --data-urlencode "csrf=$token" \
    --data-urlencode "code=$(printf '1%.0s' $(seq 1 40))"
check "totp: a long code: $status" [ "$status" = 400 ]
check "totp: still pending" [ "$(sql "SELECT totp_enabled_at IS NULL AND totp_secret IS NOT NULL FROM staff WHERE username = 'ttcounty'")" = 1 ]
check "totp: no recovery codes yet" [ "$(sql "SELECT COUNT(*) FROM staff_recovery_code r JOIN staff s ON s.id = r.staff_id WHERE s.username = 'ttcounty'")" = 0 ]

# The right code, typed with a space: ten recovery codes, once, and a
# full session under a new cookie.
code=$(tt_code ttcounty "$secret")
confirm_code=$code
sfetch ttcounty POST /staff/totp --data-urlencode "csrf=$token" \
    --data-urlencode "code=${code:0:3} ${code:3}"
check "totp: confirmed: $status" [ "$status" = 200 ]
grep -o '<code>[a-z0-9]\{5\}-[a-z0-9]\{5\}</code>' "$BUILD/b.txt" | sed 's/<[^>]*>//g' > "$BUILD/totp-codes"
check "totp: ten recovery codes shown" [ "$(sort -u "$BUILD/totp-codes" | wc -l)" = 10 ]
check "totp: of the unambiguous alphabet" sh -c "! grep -q '[01ilo]' '$BUILD/totp-codes'"
check "totp: shown only this once" grep -q '只显示这一次' "$BUILD/b.txt"
check "totp: the codes are not kept by caches" grep -qi '^Cache-Control:.*no-store' "$BUILD/h.txt"
check "totp: a new session cookie" grep -qi '^Set-Cookie: \(__Host-\)\?jdxx_staff=[A-Za-z0-9_-]\{43\};' "$BUILD/h.txt"
id=$(tt_id ttcounty)
hashes=$(while read -r c; do printf '%s' "${c/-/}" | sha256sum | cut -c1-64; done < "$BUILD/totp-codes" | sed "s/.*/'&'/" | paste -sd,)
check "totp: only their hashes are stored" [ "$(sql "SELECT COUNT(*) FROM staff_recovery_code WHERE staff_id = $id AND used_at IS NULL AND code_hash IN ($hashes)")" = 10 ]
check "totp: and nothing else" [ "$(sql "SELECT COUNT(*) FROM staff_recovery_code WHERE staff_id = $id")" = 10 ]
check "totp: confirmed in the database" [ "$(sql "SELECT totp_enabled_at IS NOT NULL AND totp_last_step > 0 FROM staff WHERE id = $id")" = 1 ]
check "totp: the confirmation audited" [ "$(tt_audits ttcounty totp_enable)" = 1 ]
logout_token=$(page_csrf)
sfetch ttcounty GET /staff/
check "totp: now a full session: $status" [ "$status" = 200 ]

# The status page; a confirmed factor is not replaced here.
sfetch ttcounty GET /staff/totp
check "totp: status page: $status" [ "$status" = 200 ]
check "totp: says since when" grep -q '已于 [0-9-]* [0-9:]* 开启两步验证' "$BUILD/b.txt"
check "totp: ten recovery codes left" grep -q '<strong>10</strong>' "$BUILD/b.txt"
check "totp: no QR code nor secret any more" sh -c "! grep -q '<svg\|id=\"secret\"' '$BUILD/b.txt'"
check "totp: says how to replace it" grep -q '重置您的两步验证' "$BUILD/b.txt"
sfetch ttcounty POST /staff/totp --data-urlencode "csrf=$(page_csrf)" \
    --data-urlencode "code=123456"
check "totp: confirming twice: $status" [ "$status" = 409 ]
check "totp: still the same secret" [ "$(sql "SELECT HEX(totp_secret) FROM staff WHERE id = $id")" = "$stored" ]
sfetch ttcounty POST /staff/logout --data-urlencode "csrf=$logout_token"
check "totp: signs out with the recovery page's form: $status" tt_goes /staff/login

# At sign-in: the code of the confirmation is not taken again; a
# recovery code is, in capitals and without its dash, once.
tt_password ttcounty
check "totp: a code is asked: $status $(location)" tt_goes /staff/login/otp
sfetch ttcounty GET /staff/login/otp
otp_token=$(page_csrf)
sfetch ttcounty POST /staff/login/otp --data-urlencode "csrf=$otp_token" \
    --data-urlencode "code=$confirm_code"
check "totp: the confirmation's code is not taken twice: $status" [ "$status" = 401 ]
recovery=$(head -n 1 "$BUILD/totp-codes")
sfetch ttcounty POST /staff/login/otp --data-urlencode "csrf=$otp_token" \
    --data-urlencode "code=$(tr a-z A-Z <<< "${recovery/-/}")"
check "totp: a recovery code signs in: $status $(location)" tt_goes /staff/
check "totp: one recovery code used" [ "$(sql "SELECT COUNT(*) FROM staff_recovery_code WHERE staff_id = $id AND used_at IS NOT NULL")" = 1 ]
sfetch ttcounty GET /staff/totp
check "totp: nine recovery codes left" grep -q '<strong>9</strong>' "$BUILD/b.txt"
tt_password ttcounty
sfetch ttcounty GET /staff/login/otp
sfetch ttcounty POST /staff/login/otp --data-urlencode "csrf=$(page_csrf)" \
    --data-urlencode "code=$recovery"
check "totp: a recovery code counts once: $status" [ "$status" = 401 ]
sfetch ttcounty POST /staff/login/otp --data-urlencode "csrf=$(page_csrf)" \
    --data-urlencode "code=$(tt_code ttcounty "$secret")"
check "totp: a fresh code signs in: $status $(location)" tt_goes /staff/

# Reset: never one's own, only of an account of strictly narrower
# scope, and by admins.
for u in ttcity ttnation ttpeer ttfar tteditor; do
	rm -f "$BUILD/jar-$u"
done
tt_enrol() {
	local user=$1 s
	tt_password "$user"
	sfetch "$user" GET /staff/totp
	s=$(page_secret | tr -d ' ')
	sfetch "$user" POST /staff/totp --data-urlencode "csrf=$(page_csrf)" \
	    --data-urlencode "code=$(tt_code "$user" "$s")"
	check "totp: $user set up: $status" [ "$status" = 200 ]
	sfetch "$user" GET /staff/
	check "totp: $user signed in: $status" [ "$status" = 200 ]
}
for u in ttcity ttnation ttpeer ttfar; do tt_enrol "$u"; done
tt_reset() { # ACTOR TARGET
	sfetch "$1" GET /staff/
	sfetch "$1" POST "/staff/accounts/$(tt_id "$2")/totp-reset" \
	    --data-urlencode "csrf=$(page_csrf)"
}
tt_reset ttcounty ttcounty
check "totp: not one's own: $status" tt_page 403 '不能重置自己账号的两步验证'
tt_reset ttcounty ttpeer
check "totp: not a peer of the same county: $status" tt_page 403 '管理范围比对方更大'
tt_reset ttcounty ttcity
check "totp: not the city above: $status" [ "$status" = 403 ]
tt_reset ttcounty ttfar
check "totp: not another county: $status" [ "$status" = 403 ]
tt_reset ttcity ttnation
check "totp: a city not the nation: $status" [ "$status" = 403 ]
tt_reset ttnation admin
check "totp: not another national admin: $status" tt_page 403 '管理范围比对方更大'
tt_password tteditor
sfetch tteditor POST "/staff/accounts/$(tt_id ttpeer)/totp-reset" --data-urlencode "csrf=$(page_csrf)"
check "totp: not an editor: $status" [ "$status" = 403 ]
sfetch ttcity POST "/staff/accounts/$(tt_id ttcounty)/totp-reset"
check "totp: not without the form token: $status" [ "$status" = 403 ]
check "totp: nothing reset by all that" [ "$(sql "SELECT COUNT(*) FROM staff WHERE username IN ('ttcounty','ttpeer','ttcity','ttnation','ttfar') AND totp_enabled_at IS NOT NULL")" = 5 ]
check "totp: no reset audited" [ "$(sql "SELECT COUNT(*) FROM audit_log a JOIN staff s ON s.id = a.object_id WHERE a.action = 'totp_reset' AND s.username LIKE 'tt%'")" = 0 ]
sfetch ttcounty GET /staff/
check "totp: ttcounty is signed in before the reset: $status" [ "$status" = 200 ]
tt_reset ttcity ttcounty
check "totp: a city resets its county: $status $(location)" tt_goes "/staff/accounts/$id"
check "totp: factor and codes gone" [ "$(sql "SELECT totp_secret IS NULL AND totp_enabled_at IS NULL AND (SELECT COUNT(*) FROM staff_recovery_code WHERE staff_id = $id) = 0 FROM staff WHERE id = $id")" = 1 ]
check "totp: its sessions ended" [ "$(sql "SELECT COUNT(*) FROM staff_session WHERE staff_id = $id")" = 0 ]
sfetch ttcounty GET /staff/
check "totp: signed out by the reset: $status" [ "$status" = 303 ]
check "totp: the reset audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'totp_reset' AND username = 'ttcity' AND object_id = $id AND before_json LIKE '%\"enabled\"%' AND after_json LIKE '%\"none\"%'")" = 1 ]
tt_reset ttnation ttcity
check "totp: the nation resets a city: $status" [ "$status" = 303 ]
tt_reset ttnation ttfar
check "totp: and a county: $status" [ "$status" = 303 ]
tt_password ttcounty
check "totp: set up again at the next sign-in: $(location)" tt_goes /staff/totp
sfetch ttcounty GET /staff/totp
check "totp: a new secret" [ -n "$(page_secret)" -a "$(page_secret)" != "$grouped" ]

# From the shell, for the accounts no other is wider than.
staff_cli totp-reset ttnation > "$BUILD/totp-cli.out" 2>&1
check "totp: cli reset: $?" [ "$?" = 0 ]
check "totp: cli says so" grep -q 'second factor of ttnation reset' "$BUILD/totp-cli.out"
check "totp: cli cleared it" [ "$(sql "SELECT totp_secret IS NULL FROM staff WHERE username = 'ttnation'")" = 1 ]
check "totp: cli audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'totp_reset' AND username = 'jdxx-staff' AND object_id = $(tt_id ttnation)")" = 1 ]
sfetch ttnation GET /staff/
check "totp: cli ended its sessions: $status" [ "$status" = 303 ]
staff_cli totp-reset nosuchuser > /dev/null 2>&1
check "totp: cli refuses an unknown account: $?" [ "$?" = 1 ]

# Where no role asks for it, an account may set it up by choice.
tt_password tteditor
check "totp: an editor goes straight in: $(location)" tt_goes /staff/
sfetch tteditor GET /staff/totp
check "totp: the editor's set-up page: $status" [ "$status" = 200 ]
check "totp: not said to be required" sh -c "! grep -q '须开启两步验证' '$BUILD/b.txt'"
s=$(page_secret | tr -d ' ')
sfetch tteditor POST /staff/totp --data-urlencode "csrf=$(page_csrf)" \
    --data-urlencode "code=$(tt_code tteditor "$s")"
check "totp: the editor confirms: $status" [ "$status" = 200 ]
check "totp: the full session stays" sh -c "! grep -qi '^Set-Cookie: \(__Host-\)\?jdxx_staff=' '$BUILD/h.txt'"
tt_password tteditor
check "totp: then a code is asked of the editor too" tt_goes /staff/login/otp
