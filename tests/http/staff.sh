# The staff back office: sign-in, sessions, roles and regions, CSRF,
# throttling, accounts, audit log, and the notice lifecycle seen by the
# public (pages, feed, attachments).

admin_pw=$(cat "$VAR/initial-admin-password")
echo "Spring-2009-ok" | staff_cli add editor editor >/dev/null
echo "Spring-2009-ok" | staff_cli add editorx editor 420607 >/dev/null
echo "Spring-2009-ok" | staff_cli add editorc editor 4206 >/dev/null
echo "Summer-2009-ok" | staff_cli add handler handler >/dev/null
echo "Autumn-2009-ok" | staff_cli add records records >/dev/null
check "cli refuses a short password" sh -c "echo short | '$BUILD/jdxx-staff' --config '$VAR/jdxx.hdf' add weak editor 2>/dev/null; test \$? -ne 0"
check "cli refuses a password holding the username" sh -c "echo 'xxeditorbyyy' | '$BUILD/jdxx-staff' --config '$VAR/jdxx.hdf' add editorb editor 2>/dev/null; test \$? -ne 0"
check "cli refuses an unknown region" sh -c "echo 'Good-pass-2009' | '$BUILD/jdxx-staff' --config '$VAR/jdxx.hdf' add regx editor 999999 2>/dev/null; test \$? -ne 0"

login admin "$admin_pw";	check "admin signs in: $status" [ "$status" = 303 ]
check "cookie is HttpOnly and SameSite" grep -qi '^Set-Cookie: jdxx_staff=.*HttpOnly; SameSite=Lax' "$BUILD/h.txt"
login editor Spring-2009-ok;	check "editor signs in" [ "$status" = 303 ]
login editorx Spring-2009-ok;	check "editorx signs in" [ "$status" = 303 ]
login editorc Spring-2009-ok;	check "editorc signs in" [ "$status" = 303 ]
login handler Summer-2009-ok; check "handler signs in" [ "$status" = 303 ]
login records Autumn-2009-ok; check "records signs in" [ "$status" = 303 ]
declare -A csrf
for u in admin editor editorx editorc handler records; do csrf[$u]=$(csrf_of "$u"); done
check "csrf tokens differ per session" [ "${csrf[admin]}" != "${csrf[editor]}" ] 
check "csrf token length" [ "${#csrf[admin]}" = 43 ]
n=$(sql "SELECT COUNT(*) FROM staff_session WHERE LENGTH(token_hash) = 64")
check "only token hashes stored ($n)" [ "$n" -ge 6 ]
for u in admin editor; do
	tok=$(awk '$6 == "jdxx_staff" { print $7 }' "$BUILD/jar-$u")
	check "no raw token in the database" [ "$(sql "SELECT COUNT(*) FROM staff_session WHERE token_hash = '$tok'")" = 0 ]
done

# A notice in 420607 (editorx's county) to test regions with.
sfetch admin POST /staff/notices/new --data-urlencode "csrf=${csrf[admin]}" \
    --data-urlencode kind=notice --data-urlencode "title=襄州区测试通知" \
    --data-urlencode "issuer=襄州区商务局" --data-urlencode region=420607 \
    --data-urlencode "body=正文" --data-urlencode action=save
nid_x=$(sql "SELECT MAX(id) FROM notice WHERE region_code = '420607'")
check "a new notice is shown at its own address ($(location))" [ "$(location)" = "/staff/notices/$nid_x" ]
sfetch admin POST /staff/notices/new --data-urlencode "csrf=${csrf[admin]}" \
    --data-urlencode kind=notice --data-urlencode "title=樊城区测试通知" \
    --data-urlencode "issuer=樊城区商务局" --data-urlencode region=420606 \
    --data-urlencode "body=正文" --data-urlencode action=save
nid_other=$(sql "SELECT MAX(id) FROM notice WHERE region_code = '420606'")
acct=$(sql "SELECT id FROM staff WHERE username = 'records'")

# The permission matrix: route x (no session, each role, other region).
# GET answers 200 where allowed; POST with an empty form answers 400.
while read -r m p none admin editor editorx handler records; do
	[ -z "$m" ] && continue
	for u in none admin editor editorx handler records; do
		want=${!u}
		if [ "$m" = POST ]; then
			sfetch "$u" POST "$p" --data-urlencode "csrf=${csrf[$u]:-x}"
		else
			sfetch "$u" GET "$p"
		fi
		check "$u $m $p: $status, want $want" [ "$status" = "$want" ]
	done
done <<MATRIX
GET /staff/ 303 200 200 200 200 200
GET /staff/password 303 200 200 200 200 200
GET /staff/accounts 303 200 403 403 403 403
GET /staff/accounts/new 303 200 403 403 403 403
GET /staff/accounts/$acct 303 200 403 403 403 403
GET /staff/audit 303 200 403 403 403 403
GET /staff/notices 303 200 200 200 403 403
GET /staff/notices/new 303 200 200 200 403 403
GET /staff/notices/$nid_x 303 200 200 200 403 403
GET /staff/notices/$nid_other 303 200 200 404 403 403
POST /staff/password 403 400 400 400 400 400
POST /staff/accounts/new 403 400 403 403 403 403
POST /staff/accounts/$acct 403 400 403 403 403 403
POST /staff/notices/new 403 400 400 400 403 403
POST /staff/notices/$nid_x 403 400 400 400 403 403
POST /staff/notices/$nid_other 403 400 400 403 403 403
POST /staff/notices/$nid_x/status 403 400 400 400 403 403
MATRIX
sfetch none GET /staff/notices
check "sign-in keeps where the user was going" grep -qi '^Location: .*/staff/login?next=/staff/notices' "$BUILD/h.txt"
sfetch none GET /staff/nothing
check "unknown staff page 404: $status" [ "$status" = 404 ]

# An editor of one county cannot publish for another.
sfetch editorx POST /staff/notices/new --data-urlencode "csrf=${csrf[editorx]}" \
    --data-urlencode kind=notice --data-urlencode "title=越权通知" \
    --data-urlencode "issuer=某局" --data-urlencode region=420606 \
    --data-urlencode "body=正文" --data-urlencode action=save
check "region-limited editor refused: $status" [ "$status" = 400 ]
check "region message" grep -q "只能发布本地区的通知" "$BUILD/b.txt"
check "nothing saved" [ "$(sql "SELECT COUNT(*) FROM notice WHERE title = '越权通知'")" = 0 ]

# CSRF: a missing or wrong token changes nothing on every staff POST.
sql "INSERT INTO attachment (notice_id, filename, content_type, size, sha256,
    data, created_at) VALUES ($nid_x, 'csrf.pdf', 'application/pdf', 4,
    SHA2('%PDF', 256), '%PDF', NOW())"
att_x=$(sql "SELECT MAX(id) FROM attachment WHERE notice_id = $nid_x")
before=$(sql "SELECT COUNT(*) FROM notice")
for p in /staff/notices/new "/staff/notices/$nid_x" "/staff/notices/$nid_x/status" \
    /staff/accounts/new "/staff/accounts/$acct" /staff/password /staff/logout \
    "/staff/notices/$nid_x/attachments" "/staff/attachments/$att_x/delete"; do
	sfetch admin POST "$p" --data-urlencode kind=notice --data-urlencode "title=CSRF测试" \
	    --data-urlencode "issuer=某局" --data-urlencode "body=x" --data-urlencode status=withdrawn \
	    --data-urlencode action=save
	check "no csrf $p: $status" [ "$status" = 403 ]
	sfetch admin POST "$p" --data-urlencode "csrf=${csrf[editor]}" --data-urlencode kind=notice \
	    --data-urlencode "title=CSRF测试" --data-urlencode "issuer=某局" --data-urlencode "body=x"
	check "another session's csrf $p: $status" [ "$status" = 403 ]
done
check "csrf: nothing saved" [ "$(sql "SELECT COUNT(*) FROM notice")" = "$before" ]
sfetch admin GET /staff/
check "admin still signed in after refused logout" [ "$status" = 200 ]

# Session expiry: idle, absolute, logout.
sql "UPDATE staff_session s JOIN staff u ON u.id = s.staff_id SET s.last_seen_at = NOW() - INTERVAL 31 MINUTE WHERE u.username = 'handler'"
sfetch handler GET /staff/
check "idle session ends: $status" [ "$status" = 303 ]
sql "UPDATE staff_session s JOIN staff u ON u.id = s.staff_id SET s.expires_at = NOW() - INTERVAL 1 SECOND WHERE u.username = 'records'"
sfetch records GET /staff/
check "old session ends: $status" [ "$status" = 303 ]
sfetch editorc POST /staff/logout --data-urlencode "csrf=${csrf[editorc]}"
check "logout: $status" [ "$status" = 303 ]
check "logout clears the cookie" grep -qi '^Set-Cookie: jdxx_staff=;.*Max-Age=0' "$BUILD/h.txt"
sfetch editorc GET /staff/
check "after logout: $status" [ "$status" = 303 ]

# Throttling: wrong passwords slow the account, then the lock ends by itself.
echo "Winter-2009-ok" | staff_cli add throttled records >/dev/null
for i in 1 2 3 4; do login throttled wrong-password-$i; done
check "4th failure: $status" [ "$status" = 401 ]
login throttled Winter-2009-ok
check "locked even with the right password: $status" [ "$status" = 429 ]
check "lock message" grep -q "秒后再试" "$BUILD/b.txt"
check "lock has Retry-After" grep -qi '^Retry-After: [0-9]' "$BUILD/h.txt"
sleep 2.5
login throttled Winter-2009-ok
check "lock ends by itself: $status" [ "$status" = 303 ]
login nosuchuser whatever-password
check "unknown user answers like a wrong password: $status" [ "$status" = 401 ]
check "same message" grep -q "用户名或密码不正确" "$BUILD/b.txt"
check "failed sign-in audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND username = 'throttled'")" = 4 ]
sql "DELETE FROM login_throttle"

# Password change: Argon2id, old password gone, other sessions ended.
check "argon2id hashes" [ "$(sql "SELECT COUNT(*) FROM staff WHERE password_hash NOT LIKE '\$argon2id\$%'")" = 0 ]
login editor Spring-2009-ok
cp "$BUILD/jar-editor" "$BUILD/jar-editor2"
c2=$(csrf_of editor)
sfetch editor POST /staff/password --data-urlencode "csrf=$c2" --data-urlencode current=Spring-2009-ok \
    --data-urlencode new=short --data-urlencode confirm=short
check "short new password refused: $status" [ "$status" = 400 ]
check "nothing typed comes back" sh -c "! grep -q 'Spring-2009-ok' '$BUILD/b.txt'"
sfetch editor POST /staff/password --data-urlencode "csrf=$c2" --data-urlencode current=Spring-2009-ok \
    --data-urlencode new=Better-pass-2010 --data-urlencode confirm=Better-pass-2010
check "password changed: $status" [ "$status" = 303 ]
sfetch editor2 GET /staff/
check "other session ended: $status" [ "$status" = 303 ]
login editor Spring-2009-ok
check "old password refused: $status" [ "$status" = 401 ]
login editor Better-pass-2010
check "new password works: $status" [ "$status" = 303 ]
sql "DELETE FROM login_throttle"
csrf[editor]=$(csrf_of editor)

# Account management by the admin.
sfetch admin POST /staff/accounts/new --data-urlencode "csrf=${csrf[admin]}" --data-urlencode username=editor \
    --data-urlencode role=editor --data-urlencode password=Some-pass-2009
check "duplicate username: $status" [ "$status" = 400 ]
check "duplicate message" grep -q "已经有人用了" "$BUILD/b.txt"
sfetch admin POST /staff/accounts/new --data-urlencode "csrf=${csrf[admin]}" --data-urlencode username=county1 \
    --data-urlencode display_name=张三 --data-urlencode role=handler --data-urlencode region=420607 \
    --data-urlencode password=County-pass-2009
check "account created: $status" [ "$status" = 303 ]
cid=$(sql "SELECT id FROM staff WHERE username = 'county1'")
login county1 County-pass-2009
check "new account signs in" [ "$status" = 303 ]
sfetch admin POST "/staff/accounts/$cid" --data-urlencode "csrf=${csrf[admin]}" --data-urlencode display_name=张三 \
    --data-urlencode role=handler --data-urlencode region=420607 --data-urlencode disabled=1
check "account disabled: $status" [ "$status" = 303 ]
sfetch county1 GET /staff/
check "disabled account's session ended: $status" [ "$status" = 303 ]
login county1 County-pass-2009
check "disabled account cannot sign in: $status" [ "$status" = 401 ]
sql "DELETE FROM login_throttle"
check "account changes audited with before and after" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'account_update' AND object_id = $cid AND before_json LIKE '%\"disabled\":\"0\"%' AND after_json LIKE '%\"disabled\":\"1\"%'")" = 1 ]
sfetch admin GET "/staff/audit?user=admin"
check "audit page lists actions" grep -q "account_create" "$BUILD/b.txt"

# The notice lifecycle, with script payloads in every field.
xss='<script>alert("x")</script><img src=x onerror=alert(1)>'
sfetch editor POST /staff/notices/new --data-urlencode "csrf=${csrf[editor]}" \
    --data-urlencode kind=policy --data-urlencode "title=生命周期测试$xss" \
    --data-urlencode "issuer=襄阳市商务局$xss" --data-urlencode "doc_no=襄商〔2009〕1号" \
    --data-urlencode issued_on=2009-02-01 \
    --data-urlencode "body=## 小标题
正文$xss [链接](javascript:alert(2))" --data-urlencode action=preview
check "preview: $status" [ "$status" = 200 ]
check "preview renders" grep -q "<h2>小标题</h2>" "$BUILD/b.txt"
check "preview saves nothing" [ "$(sql "SELECT COUNT(*) FROM notice WHERE title LIKE '生命周期测试%'")" = 0 ]
sfetch editor POST /staff/notices/new --data-urlencode "csrf=${csrf[editor]}" \
    --data-urlencode kind=policy --data-urlencode "title=生命周期测试$xss" \
    --data-urlencode "issuer=襄阳市商务局$xss" --data-urlencode "doc_no=襄商〔2009〕1号" \
    --data-urlencode issued_on=2009-02-01 \
    --data-urlencode "body=## 小标题
正文$xss [链接](javascript:alert(2))" --data-urlencode action=save
check "draft saved: $status" [ "$status" = 303 ]
lid=$(sql "SELECT id FROM notice WHERE title LIKE '生命周期测试%'")
expect GET "/notices/$lid" 404 "找不到这个页面"
fetch_fresh /notices.atom
check "draft not in feed" sh -c "! grep -q 'notice-$lid<' '$BUILD/b.txt'"
sfetch editor POST "/staff/notices/$lid/status" --data-urlencode "csrf=${csrf[editor]}" --data-urlencode status=published
check "published: $status" [ "$status" = 303 ]
expect GET "/notices/$lid" 200 "生命周期测试"
expect GET /notices 200 "生命周期测试"
expect GET / 200 "生命周期测试"
expect GET "/notices?kind=policy" 200 "生命周期测试"
expect GET "/notices?q=%E7%94%9F%E5%91%BD%E5%91%A8%E6%9C%9F" 200 "生命周期测试"
expect GET "/notices?kind=guide" 200 "通知公告"
expect GET "/notices?kind=bogus" 400 "没有这个类别"
for p in "/notices/$lid" /notices / "/notices?q=%E7%94%9F%E5%91%BD"; do
	fetch_fresh "$p"
	check "$p has no injected script" sh -c "! grep -q '<script>alert\|<img src=x\|javascript:' '$BUILD/b.txt'"
done
fetch_fresh "/notices/$lid"
check "payload shown as text" grep -qF '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' "$BUILD/b.txt"
for p in /staff/notices "/staff/notices/$lid" "/staff/audit"; do
	sfetch admin GET "$p"
	check "staff $p has no injected script" sh -c "! grep -q '<script>alert\|<img src=x' '$BUILD/b.txt'"
done
fetch_fresh /notices.atom
check "feed content type" grep -qi '^Content-Type: application/atom+xml' "$BUILD/h.txt"
check "feed has no raw script" sh -c "! grep -q '<script>' '$BUILD/b.txt'"
check "feed parsed by feedparser" /usr/bin/python3 -c '
import sys, feedparser
d = feedparser.parse(open(sys.argv[1], "rb").read())
assert not d.bozo, d.bozo_exception
assert d.feed.title and len(d.entries) >= 5
e = [x for x in d.entries if x.id.endswith("notice-" + sys.argv[2])][0]
assert e.title.startswith("生命周期测试<script>"), e.title
assert "<h2>小标题</h2>" in e.content[0].value
assert "<script" not in e.content[0].value
' "$BUILD/b.txt" "$lid"

# Editing a published notice needs a change note and keeps the old text.
sfetch editor POST "/staff/notices/$lid" --data-urlencode "csrf=${csrf[editor]}" --data-urlencode kind=policy \
    --data-urlencode "title=生命周期测试（修订）" --data-urlencode "issuer=襄阳市商务局" \
    --data-urlencode "body=新正文" --data-urlencode action=save
check "no change note: $status" [ "$status" = 400 ]
check "form kept" grep -q "生命周期测试（修订）" "$BUILD/b.txt"
sfetch editor POST "/staff/notices/$lid" --data-urlencode "csrf=${csrf[editor]}" --data-urlencode kind=policy \
    --data-urlencode "title=生命周期测试（修订）" --data-urlencode "issuer=襄阳市商务局" \
    --data-urlencode "body=新正文" --data-urlencode "change_note=更正发文机关" --data-urlencode action=save
check "edit saved: $status" [ "$status" = 303 ]
expect GET "/notices/$lid" 200 "更正发文机关"
check "old text kept" [ "$(sql "SELECT COUNT(*) FROM notice_version WHERE notice_id = $lid AND version = 1 AND body_md LIKE '%小标题%'")" = 1 ]
check "version 2" [ "$(sql "SELECT version FROM notice WHERE id = $lid")" = 2 ]
check "edit audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'notice_update' AND object_id = $lid AND before_json LIKE '%小标题%' AND after_json LIKE '%新正文%'")" = 1 ]

# Attachments: type by content, size limit, safe download, draft hidden.
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' > "$BUILD/t.pdf"
sfetch editor POST "/staff/notices/$lid/attachments" -F "csrf=${csrf[editor]}" -F "file=@$BUILD/t.pdf;filename=名单附后\"<x>.pdf"
check "pdf uploaded: $status" [ "$status" = 303 ]
aid=$(sql "SELECT MAX(id) FROM attachment WHERE notice_id = $lid")
fetch_fresh "/attachments/$aid"
check "download 200" [ "$status" = 200 ]
check "download type" grep -qi '^Content-Type: application/pdf' "$BUILD/h.txt"
check "safe disposition" grep -qi "^Content-Disposition: attachment; filename=\"[^\"<>]*\"; filename\*=UTF-8''%E5%90%8D" "$BUILD/h.txt"
check "same bytes" cmp -s "$BUILD/t.pdf" "$BUILD/b.txt"
printf 'MZ not a pdf' > "$BUILD/t.exe"
sfetch editor POST "/staff/notices/$lid/attachments" -F "csrf=${csrf[editor]}" -F "file=@$BUILD/t.exe;filename=list.pdf"
check "disguised file refused: $status" [ "$status" = 415 ]
head -c 9500000 /dev/zero > "$BUILD/big.pdf"
sfetch editor POST "/staff/notices/$lid/attachments" -F "csrf=${csrf[editor]}" -F "file=@$BUILD/big.pdf"
check "9.5 MB refused: $status" [ "$status" = 413 ]
sfetch editor POST "/staff/notices/$lid/attachments" -F "csrf=${csrf[editor]}"
check "no file: $status" [ "$status" = 400 ]
sfetch editor POST "/staff/notices/new" -F "csrf=${csrf[editor]}" -F "file=@$BUILD/t.pdf"
check "upload where none is taken: $status" [ "$status" = 415 ]

# Withdrawn: gone from the public, its id and files answer 404.
sfetch editor POST "/staff/notices/$lid/status" --data-urlencode "csrf=${csrf[editor]}" --data-urlencode status=withdrawn
check "withdrawn: $status" [ "$status" = 303 ]
expect GET "/notices/$lid" 404 "找不到这个页面"
expect GET "/attachments/$aid" 404 "找不到这个页面"
fetch_fresh /notices
check "withdrawn not listed" sh -c "! grep -q '生命周期测试' '$BUILD/b.txt'"
fetch_fresh /notices.atom
check "withdrawn not in feed" sh -c "! grep -q 'notice-$lid<' '$BUILD/b.txt'"
sfetch editor POST "/staff/notices/$lid/status" --data-urlencode "csrf=${csrf[editor]}" --data-urlencode status=gone
check "bad status: $status" [ "$status" = 400 ]
check "every staff write audited" [ "$(sql "SELECT COUNT(DISTINCT action) FROM audit_log WHERE action IN ('login','logout','notice_create','notice_update','notice_status','attachment_add','account_create','account_update','password_change')")" = 9 ]
