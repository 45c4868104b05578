#!/usr/bin/env bash
# The production shape: the sample nginx server block passes `nginx -t`
# and limits what it must; the systemd unit is sandboxed, as
# `systemd-analyze security --offline` scores it; the files for several
# hosts (src/conf/cluster/) pass the same checks and mariadbd's.
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL conf: $*" >&2; }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }

rm -rf "$BUILD/conf-test"
mkdir -p "$BUILD/conf-test/tmp"
dir=$(cd "$BUILD/conf-test" && pwd)
conf=src/conf/nginx-production.conf
unit=src/conf/systemd/jdxx@.service

# nginx -t over the server block, with a throwaway certificate.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=jdxx.example.cn \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" >/dev/null 2>&1 || bad "openssl"
sed -e "s|/etc/ssl/jdxx/fullchain.pem|$dir/cert.pem|" \
    -e "s|/etc/ssl/jdxx/privkey.pem|$dir/key.pem|" \
    -e 's|include fastcgi_params;|include /etc/nginx/fastcgi_params;|' \
    -e "s|/var/cache/nginx/jdxx|$dir/cache|" \
    -e 's|listen \(\[::\]:\)\{0,1\}\(80\|443\)|listen 127.0.0.1:1\2|' \
    "$conf" > "$dir/server.conf"
cat > "$dir/nginx.conf" <<NGINX
error_log stderr;
pid $dir/nginx.pid;
events { }
http {
	include /etc/nginx/mime.types;
	client_body_temp_path $dir/tmp/body;
	fastcgi_temp_path $dir/tmp/fastcgi;
	proxy_temp_path $dir/tmp/proxy;
	uwsgi_temp_path $dir/tmp/uwsgi;
	scgi_temp_path $dir/tmp/scgi;
	access_log off;
	include $dir/server.conf;
}
NGINX
if nginx -q -t -p "$dir" -c "$dir/nginx.conf" 2> "$dir/nginx-t.log"; then ok
else bad "nginx -t: $(cat "$dir/nginx-t.log")"; fi

# What the server block must hold.
while IFS='|' read -r what pattern; do
	[ -n "$what" ] || continue
	check "$what" grep -qE -- "$pattern" "$conf"
done <<'CASES'
TLS and HTTP/2|listen 443 ssl http2;
TLS 1.2 and 1.3 only|ssl_protocols TLSv1.2 TLSv1.3;
HTTP goes to HTTPS|return 301 https://
body limit|client_max_body_size 64k;
complaint photos limit|client_max_body_size 25m;
body timeout|client_body_timeout 15s;
header timeout|client_header_timeout 15s;
upstream timeout|fastcgi_read_timeout 30s;
complaint filing limited|location = /complaints \{
complaint limit zone|limit_req zone=jdxx_complaints
tracking limited|limit_req zone=jdxx_track
sign-in limited|limit_req zone=jdxx_login
styled 502|error_page 502 /static/errors/502.html;
styled 503|error_page 503 504 /static/errors/503.html;
public micro-cache|fastcgi_cache jdxx_pages;
micro-cache key of the half second|fastcgi_cache_key "[$]jdxx_half_second[|]
CASES
# Each limit_req sits in the location it is meant for.
awk '/location = \/complaints \{/ { f = 1 } f && /limit_req zone=jdxx_complaints/ { print "ok"; exit } f && /\}/ { exit }' "$conf" | grep -q ok && ok || bad "complaints location without its limit"
awk '/location = \/staff\/login \{/ { f = 1 } f && /limit_req zone=jdxx_login/ { print "ok"; exit } f && /\}/ { exit }' "$conf" | grep -q ok && ok || bad "login location without its limit"
awk '/location ~ \^\/complaints\/\(track/ { f = 1 } f && /limit_req zone=jdxx_track/ { print "ok"; exit } f && /\}/ { exit }' "$conf" | grep -q ok && ok || bad "tracking location without its limit"

# The JSON API's 413 from nginx is its error object, and the pages for a
# program that is down stay in that location.
for code in 413 500 502 503 504; do
	e="error_page $code /static/errors/api-$code.json;"
	awk -v e="$e" '/location \^~ \/api\/ \{/ { f = 1 } f && index($0, e) { print "ok"; exit } f && /\}/ { exit }' "$conf" | grep -q ok && ok || bad "api location without $e"
	node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8")); if (j.error.status !== +process.argv[1]) process.exit(1)' \
	    "$code" < "static/errors/api-$code.json" 2>/dev/null && ok || bad "static/errors/api-$code.json"
done
# Each Open311 location answers nginx's own errors as the spec's list.
for code in 413 429 500 502 503 504; do
	e="error_page $code /static/errors/open311-$code.json;"
	n=$(awk -v e="$e" '/location [=^~ ]*\/open311\// { f = 1; want++ } f && index($0, e) { got++; f = 0 } f && /\}/ { f = 0 } END { print want - got }' "$conf")
	[ "$n" = 0 ] && ok || bad "an open311 location without $e"
	node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8")); if (j[0].code !== +process.argv[1]) process.exit(1)' \
	    "$code" < "static/errors/open311-$code.json" 2>/dev/null && ok || bad "static/errors/open311-$code.json"
done

# The unit: sandboxing directives and systemd's own score.
for d in 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'PrivateTmp=yes' \
    'SystemCallFilter=@system-service' 'User=jdxx' 'CapabilityBoundingSet=$' \
    'RestrictAddressFamilies=AF_UNIX'; do
	check "unit has $d" grep -q "^$d" "$unit"
done
cp "$unit" "$dir/jdxx@public.service"
(cd "$dir" && systemd-analyze security --offline=true --no-pager jdxx@public.service) \
    > "$dir/security.txt" 2>&1
score=$(sed -n 's/.*Overall exposure level for jdxx@public.service: \([0-9.]*\).*/\1/p' "$dir/security.txt")
echo "conf: systemd-analyze security exposure ${score:-?}" >&2
check "systemd-analyze exposure ${score:-none} at most 1.0" awk -v s="${score:-99}" 'BEGIN { exit !(s <= 1.0) }'

# The notice sender's unit: the same sandbox, with the network SMTP and
# the SMS gateway need; systemd's score at most 1.5 (1.1 when written).
nunit=src/conf/systemd/jdxx-notify.service
for d in 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'PrivateTmp=yes' \
    'SystemCallFilter=@system-service' 'User=jdxx' 'CapabilityBoundingSet=$' \
    'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6$' 'KillSignal=SIGTERM'; do
	check "notice sender's unit has $d" grep -q "^$d" "$nunit"
done
cp "$nunit" "$dir/jdxx-notify.service"
(cd "$dir" && systemd-analyze security --offline=true --no-pager jdxx-notify.service) \
    > "$dir/security-notify.txt" 2>&1
score=$(sed -n 's/.*Overall exposure level for jdxx-notify.service: \([0-9.]*\).*/\1/p' "$dir/security-notify.txt")
echo "conf: systemd-analyze security exposure of the notice sender ${score:-?}" >&2
check "notice sender's exposure ${score:-none} at most 1.5" awk -v s="${score:-99}" 'BEGIN { exit !(s <= 1.5) }'

# Several hosts (src/conf/cluster/): the front's upstreams with the
# production server block pointed at them pass `nginx -t`.
cl=src/conf/cluster
front=$cl/front.conf
sed -e "s|/etc/ssl/jdxx/fullchain.pem|$dir/cert.pem|" \
    -e "s|/etc/ssl/jdxx/privkey.pem|$dir/key.pem|" \
    -e 's|include fastcgi_params;|include /etc/nginx/fastcgi_params;|' \
    -e "s|/var/cache/nginx/jdxx|$dir/cache|" \
    -e 's|listen \(\[::\]:\)\{0,1\}\(80\|443\)|listen 127.0.0.1:1\2|' \
    -e 's|unix:/run/jdxx/public/public.sock|jdxx_public|' \
    -e 's|unix:/run/jdxx/staff/staff.sock|jdxx_staff|' \
    "$conf" > "$dir/front-server.conf"
sed -e "s|include $dir/server.conf;|include $dir/front-upstreams.conf; include $dir/front-server.conf;|" \
    -e "s|^pid .*|pid $dir/front-nginx.pid;|" "$dir/nginx.conf" > "$dir/front-nginx.conf"
cp "$front" "$dir/front-upstreams.conf"
if nginx -q -t -p "$dir" -c "$dir/front-nginx.conf" 2> "$dir/front-nginx-t.log"; then ok
else bad "nginx -t with $front: $(cat "$dir/front-nginx-t.log")"; fi
check "front: no local socket left" sh -c "! grep -q 'unix:/run/jdxx' '$dir/front-server.conf'"
for u in jdxx_public jdxx_staff; do
	n=$(awk -v u="$u" '$1 == "upstream" && $2 == u { f = 1; next } f && /^}/ { f = 0 } f && $1 == "server" { n++; if ($0 !~ /max_fails=1 fail_timeout=2s;/) bad++ } END { print (n > 1 && bad == 0) ? "ok" : "no" }' "$front")
	check "front: upstream $u, each host max_fails=1 fail_timeout=2s" test "$n" = ok
done
check "front: a sent POST is never passed on" sh -c "! grep -v '^#' '$front' | grep -q non_idempotent"

# The app host's unit: TCP, sandboxed, only the front and the database
# servers reachable; systemd's score at most 2.0.
app_unit=$cl/jdxx-app@.service
for d in 'NoNewPrivileges=yes' 'ProtectSystem=strict' 'PrivateTmp=yes' \
    'SystemCallFilter=@system-service' 'User=jdxx' 'CapabilityBoundingSet=$' \
    'RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6$' 'IPAddressDeny=any$' \
    'IPAddressAllow=[0-9]'; do
	check "app unit has $d" grep -q "^$d" "$app_unit"
done
check "app unit has no PrivateNetwork" sh -c "! grep -q '^PrivateNetwork' '$app_unit'"
cp "$app_unit" "$dir/jdxx-app@public.service"
(cd "$dir" && systemd-analyze security --offline=true --no-pager jdxx-app@public.service) \
    > "$dir/app-security.txt" 2>&1
score=$(sed -n 's/.*Overall exposure level for jdxx-app@public.service: \([0-9.]*\).*/\1/p' "$dir/app-security.txt")
echo "conf: systemd-analyze security exposure of the app unit ${score:-?}" >&2
check "app unit exposure ${score:-none} at most 2.0" awk -v s="${score:-99}" 'BEGIN { exit !(s <= 2.0) }'

# The database servers' files: mariadbd takes them (an unknown option or
# a bad value stops it), and they hold what src/instance/config.sh gives
# the cluster's servers, value for value, but the addresses and paths.
mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
# settings FILE: mariadbd's variables under FILE, "name value" a line.
settings() {
	"$mariadbd" --defaults-file="$1" --help --verbose 2> "$dir/mariadbd-err.txt" |
	    awk '/^-------/ { f = 1; next } f && NF == 0 { exit } f { print $1, $2 }'
}
for role in primary replica; do
	ro=0
	[ "$role" = primary ] || ro=1
	(
		DB_PORT=3306 DB_SERVER_ID=9 DB_READ_ONLY=$ro TLS_DIR=/nonexistent
		# shellcheck source=src/instance/config.sh
		. src/instance/config.sh
		printf '[mariadbd]\n'
		db_network
	) > "$dir/cluster-$role.cnf"
	if settings "$cl/$role.cnf" > "$dir/$role.settings" && [ -s "$dir/$role.settings" ]; then ok
	else bad "mariadbd refuses $cl/$role.cnf: $(grep -v Warning "$dir/mariadbd-err.txt")"; fi
	settings "$dir/cluster-$role.cnf" > "$dir/cluster-$role.settings"
	for key in $(sed -n 's/^\([a-z_-]*\) *=.*/\1/p' "$dir/cluster-$role.cnf"); do
		case "$key" in port|bind-address|ssl-*|server_id) continue ;; esac
		k=$(printf '%s' "$key" | tr _ -)
		want=$(awk -v k="$k" '$1 == k { print $2 }' "$dir/cluster-$role.settings")
		got=$(awk -v k="$k" '$1 == k { print $2 }' "$dir/$role.settings")
		check "$role.cnf: $key = ${got:-unset}, as the cluster's ${want:-unset}" test -n "$want" -a "$want" = "$got"
	done
	check "$role.cnf: require_secure_transport" grep -q '^require_secure_transport = ON$' "$cl/$role.cnf"
done

# The app host's jdxx.hdf: the programs load it (jdxx-staff says what it
# wants after reading the configuration, 2; a bad one is 1).
if [ -x "$BUILD/jdxx-staff" ]; then
	"$BUILD/jdxx-staff" --config "$cl/app-host.hdf.sample" help x > /dev/null 2> "$dir/hdf.txt"
	rc=$?
	check "app-host.hdf.sample loads: $(grep config "$dir/hdf.txt")" test "$rc" = 2
fi
for k in Servers Bind TLS MaxLag WaitMs; do
	check "app-host.hdf.sample sets DB.$k" grep -qE "^  $k( =| \\{)" "$cl/app-host.hdf.sample"
done
check "app-host.hdf.sample: Site.TLS = 1" grep -q '^  TLS = 1$' "$cl/app-host.hdf.sample"
# The accounts as src/cluster.sh makes them.
for g in "GRANT REPLICATION SLAVE, SLAVE MONITOR ON \*\.\* TO 'jdxx_repl'" \
    "GRANT SELECT, INSERT, UPDATE, DELETE ON jdxx\.\* TO 'jdxx_" \
    "GRANT SLAVE MONITOR ON \*\.\* TO 'jdxx_"; do
	check "grants.sql and cluster.sh: $g" sh -c "grep -q \"$g\" $cl/grants.sql && grep -q \"$g\" src/cluster.sh"
done
n=$(grep -c "^CREATE USER" "$cl/grants.sql")
check "grants.sql: every account REQUIRE SSL" test "$(grep -A1 '^CREATE USER' "$cl/grants.sql" | grep -c 'REQUIRE SSL;')" = "$n"

echo "conf: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
