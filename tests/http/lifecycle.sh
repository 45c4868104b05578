# Instance life: admin account, dead workers, database and workers down,
# restart with data kept. Runs last: it stops and starts the instance.

# Admin account: created once, password file private.
pwfile="$VAR/initial-admin-password"
if [ -s "$pwfile" ] && [ "$(stat -c %a "$pwfile")" = 600 ]; then ok; else bad "admin password file"; fi
n=$(mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "SELECT COUNT(*) FROM staff WHERE username='admin' AND role='admin' AND password_hash LIKE '\$argon2id\$%'")
if [ "$n" = 1 ]; then ok; else bad "admin account ($n)"; fi
n=$(mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "SELECT COUNT(*) FROM region WHERE level=4")
if [ "$n" -gt 40000 ]; then ok; else bad "townships loaded: $n"; fi

# A dead worker is replaced and requests keep being answered.
master=$(cat "$VAR/run/public.pid")
kid=$(pgrep -P "$master" | head -n 1)
kill -KILL "$kid"
sleep 0.5
nkids=$(pgrep -P "$master" | wc -l)
if [ "$nkids" = 2 ] && ! kill -0 "$kid" 2>/dev/null; then ok; else bad "worker not replaced ($nkids)"; fi
for i in 1 2 3 4 5 6; do expect GET /caps 200 "限价"; done

# Database down: 503 pages, healthz 503; back up: reconnects by itself.
kill -TERM "$(cat "$VAR/run/mariadb.pid")"
for i in $(seq 1 100); do kill -0 "$(cat "$VAR/run/mariadb.pid")" 2>/dev/null || break; sleep 0.1; done
expect GET /healthz 503 "database unavailable"
expect GET / 503 "服务暂时不可用"
expect GET "/subsidy?category=tv&price=1999" 503 "服务暂时不可用"
fetch_fresh /
if grep -qi '^Retry-After:' "$BUILD/h.txt"; then ok; else bad "503 without Retry-After"; fi
instance start >/dev/null 2>&1 || bad "restart after db stop"
expect GET /healthz 200 "ok"
for i in 1 2 3 4; do expect GET /notices/1 200 "发文机关"; done

# Workers down: nginx answers with the styled Chinese page.
kill -TERM "$(cat "$VAR/run/public.pid")"
for i in $(seq 1 100); do kill -0 "$(cat "$VAR/run/public.pid")" 2>/dev/null || break; sleep 0.1; done
expect GET / 502 "服务暂时不可用"
expect GET /caps 502 "错误代码 502"
instance start >/dev/null 2>&1 || bad "restart after workers stop"

# A full restart keeps the data and does not make a second admin.
mariadb --defaults-file="$VAR/my.cnf" jdxx -e "INSERT INTO notice (kind, title, body_md, status, published_at) VALUES ('notice', '重启后仍在的公告', '正文', 'published', NOW() - INTERVAL 1 MINUTE)"
before=$(md5sum < "$pwfile")
instance stop >/dev/null 2>&1
if curl -s -o /dev/null "$BASE/"; then bad "still answering after stop"; else ok; fi
instance start > "$BUILD/http-restart.log" 2>&1 || bad "second start"
expect GET /notices 200 "重启后仍在的公告"
expect GET / 200 "重启后仍在的公告"
if grep -q "password" "$BUILD/http-restart.log" && ! grep -q "initial password in" "$BUILD/http-restart.log"; then bad "admin created again"; else ok; fi
if [ "$(md5sum < "$pwfile")" = "$before" ]; then ok; else bad "admin password changed"; fi
n=$(mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "SELECT COUNT(*) FROM outlet WHERE is_demo = 1")
n2=$(mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "SELECT COUNT(*) FROM schema_migrations")
if [ "$n" -gt 0 ] && [ "$n2" -ge 2 ]; then ok; else bad "demo or migrations after restart ($n, $n2)"; fi

# No request above may have crashed a worker or hit a 500.
if grep -q " 500 " "$VAR/log/public.log"; then bad "a 500 in the log"; else ok; fi
# (the one killed on purpose above ended with status 9)
if grep "ended (status" "$VAR/log/public.log" | grep -qv "(status 9)"; then bad "a worker crashed"; else ok; fi

