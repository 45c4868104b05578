# The attacks on staff authority that once worked, each refused now: a
# county admin taking over the national admin, a stranger locking staff
# out, assignment beyond a region, and sign-in without the form's token;
# and a flood of sign-ins held to the host's hash places.
# Uses admin_pw (staff.sh), authz_pw and the m_* accounts (authz.sh),
# and tls_staff (headers.sh).

# try_password JAR ADDRESS USER PASSWORD: the sign-in form, then the
# password, from a client address of the loopback range.
try_password() {
	sfetch "$1" GET /staff/login --interface "$2"
	sfetch "$1" POST /staff/login --interface "$2" \
	    --data-urlencode "username=$3" --data-urlencode "password=$4" \
	    --data-urlencode "login_token=$(login_token)"
}
retry_after() { sed -n 's/^Retry-After: \([0-9]*\).*/\1/Ip' "$BUILD/h.txt" | head -n 1; }

# 1. Account takeover by a county admin.
login admin "$admin_pw"
tok=$(csrf_of admin)
sfetch admin POST /staff/accounts/new --data-urlencode "csrf=$tok" \
    --data-urlencode username=countyboss --data-urlencode display_name=县局管理员 \
    --data-urlencode role=admin --data-urlencode region=420607 \
    --data-urlencode password=County-boss-2009
check "the national admin makes a county admin ($status)" [ "$status" = 303 ]
login countyboss County-boss-2009
check "the county admin signs in ($status)" [ "$status" = 303 ]
boss=$(sql "SELECT id FROM staff WHERE username = 'countyboss'")
national=$(sql "SELECT id FROM staff WHERE username = 'admin'")
tok=$(csrf_of countyboss)
sfetch countyboss GET /staff/accounts
check "the county admin's list leaves out the national admin" \
    sh -c "! grep -q 'href=\"/staff/accounts/$national\"' '$BUILD/b.txt'"
sfetch countyboss GET "/staff/accounts/$national"
check "the national admin's page is not found for a county admin ($status)" [ "$status" = 404 ]
sfetch countyboss POST "/staff/accounts/$boss" --data-urlencode "csrf=$tok" \
    --data-urlencode display_name=县局管理员 --data-urlencode role=admin \
    --data-urlencode region=
check "a county admin cannot lift its own region ($status)" [ "$status" = 403 ]
check "its region stays" [ "$(sql "SELECT region_code FROM staff WHERE id = $boss")" = 420607 ]
before=$(sql "SELECT password_hash FROM staff WHERE id = $national")
sfetch countyboss POST "/staff/accounts/$national" --data-urlencode "csrf=$tok" \
    --data-urlencode display_name=x --data-urlencode role=admin \
    --data-urlencode region= --data-urlencode password=Taken-over-2009
check "a county admin cannot reset the national admin's password ($status)" [ "$status" = 403 ]
check "the national admin's password is unchanged" \
    [ "$(sql "SELECT password_hash FROM staff WHERE id = $national")" = "$before" ]
try_password takeover 127.0.0.1 admin Taken-over-2009
check "the attacker's password does not sign in ($status)" [ "$status" = 401 ]
for region in "" 420606 4206; do
	sfetch countyboss POST /staff/accounts/new --data-urlencode "csrf=$tok" \
	    --data-urlencode "username=boss${region:-all}" --data-urlencode role=admin \
	    --data-urlencode "region=$region" --data-urlencode password=Another-boss-2009
	check "a county admin cannot make an admin for '${region:-all}' ($status)" [ "$status" = 403 ]
	check "no such account was made" [ -z "$(sql "SELECT id FROM staff WHERE username = 'boss${region:-all}'")" ]
done
sfetch countyboss POST /staff/accounts/new --data-urlencode "csrf=$tok" \
    --data-urlencode username=bosshandler --data-urlencode role=handler \
    --data-urlencode region=420607 --data-urlencode password=Another-boss-2009
check "a county admin makes a handler of its county ($status)" [ "$status" = 303 ]
helper=$(sql "SELECT id FROM staff WHERE username = 'bosshandler'")
sfetch countyboss POST "/staff/accounts/$helper" --data-urlencode "csrf=$tok" \
    --data-urlencode role=handler --data-urlencode region=420607 \
    --data-urlencode password=Reset-by-peer-2009
check "an equal scope cannot reset a password ($status)" [ "$status" = 403 ]
sfetch countyboss POST "/staff/accounts/$helper" --data-urlencode "csrf=$tok" \
    --data-urlencode role=handler --data-urlencode region=420607 --data-urlencode disabled=1
check "an equal scope cannot disable an account ($status)" [ "$status" = 403 ]
tok=$(csrf_of admin)
sfetch admin POST "/staff/accounts/$helper" --data-urlencode "csrf=$tok" \
    --data-urlencode role=handler --data-urlencode region=420607 \
    --data-urlencode password=Reset-by-wider-2009
check "a wider scope resets a password ($status)" [ "$status" = 303 ]
sfetch admin POST "/staff/accounts/$national" --data-urlencode "csrf=$tok" \
    --data-urlencode role=editor --data-urlencode region=
check "nobody changes their own role ($status)" [ "$status" = 403 ]
sfetch countyboss POST "/staff/accounts/$boss" --data-urlencode "csrf=$tok" \
    --data-urlencode role=admin --data-urlencode region=420607 \
    --data-urlencode password=Own-without-current-2009
check "one's own password is not set without the current one ($status)" [ "$status" = 403 ]
# A peer narrowed would then be one's inferior: narrowing needs a wider scope.
tok=$(csrf_of admin)
for u in cityboss citypeer; do
	sfetch admin POST /staff/accounts/new --data-urlencode "csrf=$tok" \
	    --data-urlencode "username=$u" --data-urlencode role=admin \
	    --data-urlencode region=4206 --data-urlencode password=City-boss-2009
done
login cityboss City-boss-2009
peer=$(sql "SELECT id FROM staff WHERE username = 'citypeer'")
sfetch cityboss POST "/staff/accounts/$peer" --data-urlencode "csrf=$(csrf_of cityboss)" \
    --data-urlencode role=admin --data-urlencode region=420607
check "a city admin cannot narrow a peer to a county ($status)" [ "$status" = 403 ]
check "the peer keeps its city" [ "$(sql "SELECT region_code FROM staff WHERE id = $peer")" = 4206 ]
# New authority ends the sessions of the old: a promoted editor signs in
# again and meets the admin's second factor.
echo "$authz_pw" | staff_cli add promoted editor >/dev/null
login promoted "$authz_pw"
sfetch admin POST "/staff/accounts/$(sql "SELECT id FROM staff WHERE username = 'promoted'")" \
    --data-urlencode "csrf=$tok" --data-urlencode role=admin --data-urlencode region=
check "an editor is made an admin ($status)" [ "$status" = 303 ]
sfetch promoted GET /staff/accounts
check "its old session is over ($status)" [ "$status" = 303 ] && [ "$(location)" = /staff/login?next=/staff/accounts ]
n=$(sql "SELECT COUNT(*) FROM audit_log WHERE username = 'countyboss' AND action LIKE 'refused%'")
check "the takeover attempts are audited ($n)" [ "$n" -ge 5 ]

# 2. A stranger's wrong passwords do not keep the owner out.
for i in $(seq 1 25); do try_password stranger 127.0.0.2 m_editor_c wrong-password-$i; done
check "the stranger's address is slowed ($status)" [ "$status" = 429 ]
try_password stranger 127.0.0.2 m_editor_c "$authz_pw"
check "even with the right password, from the stranger's address ($status)" [ "$status" = 429 ]
t0=$EPOCHREALTIME
try_password owner 127.0.0.3 m_editor_c "$authz_pw"
if [ "$status" = 429 ]; then
	wait=$(retry_after)
	check "the owner waits at most 4 s after the attack ($wait)" [ "${wait:-99}" -le 4 ]
	sleep "${wait:-4}"
	try_password owner 127.0.0.3 m_editor_c "$authz_pw"
fi
waited=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
check "the right password from another address signs in right after ($status, ${waited} s)" [ "$status" = 303 ]
echo "attacks: the owner signed in ${waited} s after 25 wrong passwords from another address" >&2
for i in $(seq 1 12); do try_password stranger 127.0.0.5 m_editor_c wrong-password-$i; done
try_password owner 127.0.0.6 m_editor_c "$authz_pw"
check "a browser that signed in before is not held up by the account's wait ($status)" [ "$status" = 303 ]

# 3. Assignment only to an active handler covering the complaint.
echo "$authz_pw" | staff_cli add m_handler_far handler 420606 >/dev/null
cid=${obj_in[complaint]}
tok=$(csrf_of m_handler_c)
for who in m_editor_c m_handler_far; do
	sfetch m_handler_c POST "/staff/complaints/$cid" --data-urlencode "csrf=$tok" \
	    --data-urlencode action=assign \
	    --data-urlencode "assignee=$(sql "SELECT id FROM staff WHERE username = '$who'")"
	check "no assignment to $who ($status)" [ "$status" = 400 ] &&
	    grep -q '在岗的投诉处理人员' "$BUILD/b.txt"
done
sfetch m_handler_c POST "/staff/complaints/$cid" --data-urlencode "csrf=$tok" \
    --data-urlencode action=assign --data-urlencode "assignee=${obj_in[account]}"
check "assignment to a handler of the county ($status)" [ "$status" = 303 ]
check "it is recorded" [ "$(sql "SELECT assignee_id FROM complaint WHERE id = $cid")" = "${obj_in[account]}" ]

# 4. Sign-in needs the form's own token.
sfetch forger POST /staff/login --data-urlencode username=m_editor_c \
    --data-urlencode "password=$authz_pw"
check "sign-in without the form's token is refused ($status)" [ "$status" = 403 ]
sfetch forger GET /staff/login
sfetch forger POST /staff/login --data-urlencode username=m_editor_c \
    --data-urlencode "password=$authz_pw" --data-urlencode login_token=some-other-token
check "sign-in with another token is refused ($status)" [ "$status" = 403 ]
check "the form comes back with the username kept" grep -q 'value="m_editor_c"' "$BUILD/b.txt"

# 5. The password change counts wrong current passwords.
tok=$(csrf_of m_records_c)
for i in 1 2 3 4; do
	sfetch m_records_c POST /staff/password --data-urlencode "csrf=$tok" \
	    --data-urlencode current=not-the-password --data-urlencode new=Brand-new-2010 \
	    --data-urlencode confirm=Brand-new-2010
done
check "a wrong current password is a 400 before the limit" [ "$status" = 400 ]
sfetch m_records_c POST /staff/password --data-urlencode "csrf=$tok" \
    --data-urlencode "current=$authz_pw" --data-urlencode new=Brand-new-2010 \
    --data-urlencode confirm=Brand-new-2010
check "then the change waits, even with the right one ($status)" [ "$status" = 429 ]

# 6. A flood of sign-ins computes at most HashSlots hashes at once.
sed 's/^  HashSlots = .*/  HashSlots = 1/' "$VAR/jdxx.hdf" > "$VAR/jdxx-slots.hdf"
tls_staff "$VAR/jdxx-slots.hdf"
sfetch flood GET /staff/login
tok=$(login_token)
seq 1 40 | xargs -P 20 -I{} curl -s -o /dev/null -w '%{http_code}\n' \
    --max-time 20 --interface "127.0.1.{}" -b "jdxx_login=$tok" \
    --data-urlencode "username=nobody{}" --data-urlencode password=whatever-it-is \
    --data-urlencode "login_token=$tok" "$BASE/staff/login" > "$BUILD/flood.txt"
n401=$(grep -c '^401$' "$BUILD/flood.txt") n503=$(grep -c '^503$' "$BUILD/flood.txt")
check "a flood gets 401 or a quick 503, nothing else ($n401 + $n503 of 40)" \
    [ $((n401 + n503)) = 40 ]
check "the hash places were full for some ($n503)" [ "$n503" -gt 0 ]
echo "attacks: 40 sign-ins, 20 at once, 1 hash place: $n401 checked, $n503 told to wait" >&2
tls_staff "$VAR/jdxx.hdf"
rm -f "$VAR/jdxx-slots.hdf"
