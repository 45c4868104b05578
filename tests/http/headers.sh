# Headers and cookies: the security headers on every kind of answer, a
# CSP without inline script and pages that need none, the staff cookie's
# flags (plain HTTP and TLS), and error pages that leak nothing inside.

# headers_ok WHAT [REFERRER_POLICY]: the security headers, with one
# Referrer-Policy (same-origin unless given).
headers_ok() {
	local what=$1 policy=${2:-same-origin} h
	for h in 'X-Content-Type-Options: nosniff' 'X-Frame-Options: DENY'; do
		grep -qiF "$h" "$BUILD/h.txt" || { bad "$what lacks $h"; return; }
	done
	h=$(tr -d '\r' < "$BUILD/h.txt" | sed -n 's/^referrer-policy: *//Ip' | paste -sd ,)
	if [ "$h" != "$policy" ]; then
		bad "$what: Referrer-Policy '$h', want $policy"; return
	fi
	csp=$(grep -i '^Content-Security-Policy:' "$BUILD/h.txt" | tr -d '\r')
	case "$csp" in
	*"default-src 'none'"*"script-src 'self'"*"frame-ancestors 'none'"*) ;;
	*) bad "$what: CSP '$csp'"; return ;;
	esac
	case "$csp" in *unsafe-inline*|*unsafe-eval*|*data:*|*'*'*|*http:*)
		bad "$what: CSP allows more than our own files: $csp"; return ;;
	esac
	if [ "$(grep -ci '^Content-Security-Policy:' "$BUILD/h.txt")" != 1 ]; then
		bad "$what: more than one CSP"; return
	fi
	if grep -qi '^Server: .*[0-9]' "$BUILD/h.txt"; then
		bad "$what: Server header names a version"; return
	fi
	ok
}

# no_inline: the page holds no inline script, style attribute, event
# handler or javascript: link, so the CSP takes nothing from it.
no_inline() {
	if grep -oiE '<script[^>]*>' "$BUILD/b.txt" | grep -qvi ' src="/static/'; then
		bad "$1 has an inline script"
	elif grep -qiE ' on[a-z]+=| style=|javascript:' "$BUILD/b.txt"; then
		bad "$1 has an event handler, style attribute or javascript: link"
	else
		ok
	fi
}

# Internals that must never reach a visitor.
no_leak() {
	# Form tokens and tracking numbers (XXXX-XXXX, src/domain/complaint.c's
	# alphabet) are random letters: "hdf" or "sql" may turn up in one.
	sed -i -E 's/(name="(csrf|form_token|login_token)" value=")[^"]*/\1/g;
	    s/\b[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\b/XXXX-XXXX/g' "$BUILD/b.txt"
	if grep -qiE 'SQL|mysql|mariadb|\.c:[0-9]|/work/|/tmp/|/usr/|/src/|errno|Traceback|AddressSanitizer|runtime error|NEOERR|hdf|\.cs\b' "$BUILD/b.txt"; then
		bad "$1 leaks: $(grep -oiE 'SQL|mysql|mariadb|\.c:[0-9]+|/work/[^ ]*|/tmp/[^ ]*|/usr/[^ ]*|/src/[^ ]*|errno|Traceback|AddressSanitizer|runtime error|NEOERR|hdf|\.cs\b' "$BUILD/b.txt" | head -n 1)"
	else
		ok
	fi
}

admin_pw=$(cat "$VAR/initial-admin-password")
login admin "$admin_pw"

# Every kind of answer: pages, redirects, errors from the programs and
# from nginx, JSON, XML, Atom, CSV, static files, staff pages.
while IFS='|' read -r who m p data ct want; do
	[ -z "$who" ] || [ "${who#\#}" != "$who" ] && continue
	args=()
	[ "$data" = - ] || args=(-H "Content-Type: $ct" --data-binary "$data")
	if [ "$m" = HEAD ]; then
		sfetch "$who" HEAD "$p" -I "${args[@]}"
	else
		sfetch "$who" "$m" "$p" "${args[@]}"
	fi
	if [ "$status" != "$want" ]; then
		bad "headers: $m $p: status $status, want $want"; continue
	fi
	# What shows or was asked with a tracking number or query code is
	# named in no Referer.
	case "$p" in
	/complaints/track*|/complaints/feedback*) headers_ok "$m $p ($status)" no-referrer ;;
	*) headers_ok "$m $p ($status)" ;;
	esac
	case "$p" in /static/*.css|/static/*.svg|*.json|*.xml|*.atom|*.csv|/healthz|/api/*|/open311/*) ;;
	*) [ "$m" = HEAD ] || no_inline "$m $p" ;;
	esac
	[ "$m" = HEAD ] || no_leak "$m $p ($status)"
done <<'CASES'
none|GET|/|-|-|200
none|HEAD|/|-|-|200
none|GET|/caps|-|-|200
none|GET|/outlets|-|-|200
none|GET|/outlets/1|-|-|200
none|GET|/products|-|-|200
none|GET|/notices|-|-|200
none|GET|/notices.atom|-|-|200
none|GET|/complaints/new|-|-|200
none|GET|/complaints/track|-|-|200
none|GET|/complaints/track?no=ZZZZ-ZZZZ&code=1|-|-|404
none|POST|/complaints/track|no=ZZZZ-ZZZZ&code=1|application/x-www-form-urlencoded|404
none|POST|/complaints/track|no=ZZZZ-ZZZZ|application/x-www-form-urlencoded|400
none|POST|/complaints/feedback|no=ZZZZ-ZZZZ&code=1&action=satisfied|application/x-www-form-urlencoded|404
none|GET|/stats|-|-|200
none|GET|/subsidy?category=tv&price=abc|-|-|400
none|GET|/nope|-|-|404
none|GET|/%FF|-|-|400
none|PUT|/caps|-|-|405
none|POST|/subsidy|a=1|text/plain|415
none|GET|/notices/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|-|-|414
none|GET|/api/v1/outlets?page=1|-|-|200
none|GET|/api/v1/outlets?page=0|-|-|400
none|GET|/api/v1/nope|-|-|404
none|GET|/open311/v2/services.json|-|-|200
none|GET|/open311/v2/services.xml|-|-|200
none|GET|/open311/v2/nope.json|-|-|404
none|GET|/healthz|-|-|200
none|GET|/static/site.css|-|-|200
none|GET|/static/icon.svg|-|-|200
none|GET|/static/nothing.css|-|-|404
none|GET|/favicon.ico|-|-|204
none|GET|/staff|-|-|301
none|GET|/staff/|-|-|303
none|GET|/staff/login|-|-|200
none|POST|/staff/login|username=admin&password=wrong|application/x-www-form-urlencoded|403
admin|GET|/staff/|-|-|200
admin|GET|/staff/complaints|-|-|200
admin|GET|/staff/products/export.csv|-|-|200
admin|GET|/staff/nope|-|-|404
CASES

# nginx's own refusals carry them too.
big=$(head -c 70000 /dev/zero | tr '\0' 'a')
sfetch none POST /subsidy -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "q=$big"
check "nginx 413 status: $status" [ "$status" = 413 ]
headers_ok "nginx 413"
no_leak "nginx 413"

# The staff cookie over plain HTTP: HttpOnly, SameSite, whole site,
# bounded life, not readable by script; signing out clears it alike.
login admin "$admin_pw"
cookie=$(grep -i '^Set-Cookie:' "$BUILD/h.txt" | tr -d '\r')
for flag in 'jdxx_staff=' '; Path=/' '; HttpOnly' '; SameSite=Lax' '; Max-Age='; do
	case "$cookie" in *"$flag"*) ok ;; *) bad "staff cookie lacks $flag: $cookie" ;; esac
done
case "$cookie" in *Domain=*) bad "staff cookie names a Domain" ;; *) ok ;; esac
tok=$(csrf_of admin)
sfetch admin POST /staff/logout --data-urlencode "csrf=$tok"
cookie=$(grep -i '^Set-Cookie:' "$BUILD/h.txt" | tr -d '\r')
case "$cookie" in *'jdxx_staff=;'*'HttpOnly'*'Max-Age=0'*) ok ;;
*) bad "sign-out does not clear the cookie: $cookie" ;; esac

# Over TLS (Site.TLS = 1) the cookie gets Secure and the __Host- prefix:
# the staff program restarted with that configuration.
# Its socket is where nginx looks for it; as root it serves as jdxx.
tls_staff() {
	local conf=$1 i sock user=()
	sock=$(runtime_dir)/staff.sock
	[ "$(id -u)" != 0 ] || user=(--user jdxx)
	kill -TERM "$(cat "$VAR/run/staff.pid")" 2>/dev/null
	for i in $(seq 1 100); do
		kill -0 "$(cat "$VAR/run/staff.pid")" 2>/dev/null || break
		sleep 0.1
	done
	rm -f "$sock"
	setsid "$BUILD/staff.fcgi" --config "$conf" --socket "$sock" \
	    "${user[@]}" >> "$VAR/log/staff.log" 2>&1 < /dev/null &
	echo $! > "$VAR/run/staff.pid"
	for i in $(seq 1 100); do
		[ -S "$sock" ] && break
		sleep 0.1
	done
}
sed 's/^  TLS = 0$/  TLS = 1/' "$VAR/jdxx.hdf" > "$VAR/jdxx-tls.hdf"
tls_staff "$VAR/jdxx-tls.hdf"
# curl keeps no Secure cookie over plain HTTP: the form's is sent by hand.
sfetch none GET /staff/login
check "TLS sign-in form's cookie is Secure and __Host-" \
    grep -qi '^Set-Cookie: __Host-jdxx_login=.*; Secure' "$BUILD/h.txt"
tok=$(login_token)
sfetch none POST /staff/login -b "__Host-jdxx_login=$tok" \
    --data-urlencode username=admin --data-urlencode "password=$admin_pw" \
    --data-urlencode "login_token=$tok"
check "TLS sign-in: $status" [ "$status" = 303 ]
cookie=$(grep -i '^Set-Cookie: __Host-jdxx_staff' "$BUILD/h.txt" | tr -d '\r')
for flag in '__Host-jdxx_staff=' '; Path=/' '; HttpOnly' '; SameSite=Lax' '; Secure'; do
	case "$cookie" in *"$flag"*) ok ;; *) bad "TLS staff cookie lacks $flag: $cookie" ;; esac
done
tls_staff "$VAR/jdxx.hdf"
rm -f "$VAR/jdxx-tls.hdf"
login admin "$admin_pw"
check "staff program back on plain HTTP: $status" [ "$status" = 303 ]
