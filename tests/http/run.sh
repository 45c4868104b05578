#!/usr/bin/env bash
# HTTP tests: a private instance (own VAR and PORT) driven through nginx.
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
export VAR=${TEST_VAR:-$BUILD/test-var} PORT=${TEST_PORT:-18089} WORKERS=2 BUILD
BASE="http://127.0.0.1:$PORT"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL http: $*" >&2; }
instance() { bash src/instance.sh "$@"; }

cleanup() { instance stop >/dev/null 2>&1; }
trap cleanup EXIT

instance stop >/dev/null 2>&1
rm -rf "$VAR"
if ! instance start > "$BUILD/http-start.log" 2>&1; then
	cat "$BUILD/http-start.log" >&2
	echo "http: 0 passed, 1 failed"
	exit 1
fi

# fetch METHOD PATH [BODY [CONTENT_TYPE]]: sets $status, $body, $headers
fetch() {
	local m=$1 p=$2 data=${3-} ct=${4-application/x-www-form-urlencoded}
	local args=(-s -X "$m" -D "$BUILD/h.txt" -o "$BUILD/b.txt" -w '%{http_code}' --max-time 10)
	[ "$m" = HEAD ] && args=(-s -I -D "$BUILD/h.txt" -o /dev/null -w '%{http_code}' --max-time 10)
	if [ -n "$data" ]; then
		args+=(-H "Content-Type: $ct" --data-binary "$data")
	fi
	status=$(curl "${args[@]}" "$BASE$p")
	body=$(cat "$BUILD/b.txt" 2>/dev/null)
	headers=$(cat "$BUILD/h.txt")
}

# expect METHOD PATH STATUS TEXT [BODY [CONTENT_TYPE]]: TEXT must be in the body.
expect() {
	local m=$1 p=$2 want=$3 text=$4
	fetch "$m" "$p" "${5-}" "${6-application/x-www-form-urlencoded}"
	if [ "$status" != "$want" ]; then
		bad "$m $p: status $status, want $want"; return
	fi
	if [ -n "$text" ] && [ "$m" != HEAD ] && ! grep -qF -- "$text" "$BUILD/b.txt"; then
		bad "$m $p: body lacks '$text'"; return
	fi
	ok
}

# Every page and the answers it must give.
while IFS='|' read -r m p want text; do
	[ -z "$m" ] || [ "${m#\#}" != "$m" ] && continue
	expect "$m" "$p" "$want" "$text"
done <<'CASES'
GET|/|200|买家电前，先查一查这家店
GET|/|200|<th scope="row">彩电</th><td>2000 元</td>
GET|/|200|示例
GET|/|200|lang="zh-CN"
HEAD|/|200|
GET|/caps|200|每户每类限一台
GET|/caps|200|储蓄存折
GET|/caps|200|30 个工作日
GET|/caps|200|<th scope="row">冰箱(含冷柜)</th><td>2500 元</td>
GET|/subsidy|200|<label for="price">
GET|/subsidy?category=tv&price=1999|200|259.87 元
GET|/subsidy?category=tv&price=2000|200|260.00 元
GET|/subsidy?category=phone&price=999.99|200|130.00 元
GET|/subsidy?category=tv&price=1999%E5%85%83|200|259.87 元
GET|/subsidy?category=tv&price=2000.01|200|不能领补贴
GET|/subsidy?category=fridge&price=3000|200|超出 500 元
GET|/subsidy?category=tv&price=1999&date=2009-01-15|200|按 2009-01-15 执行的标准
GET|/subsidy?category=tv&price=1999&date=2008-11-30|400|尚未开始
GET|/subsidy?category=tv&price=1999&date=2009-02-30|400|有效日期
GET|/subsidy?category=tv&price=abc|400|发票价格请填写数字
GET|/subsidy?category=tv&price=abc|400|value="abc"
GET|/subsidy?category=tv&price=-5|400|value="-5"
GET|/subsidy?category=tv&price=99999999999|400|发票价格
GET|/subsidy?category=aircon&price=100|400|请从列表中选择商品类别
GET|/subsidy?category=aircon&price=100|400|value="100"
GET|/subsidy?category=TV%27--&price=100|400|商品类别不正确
GET|/subsidy?price=100|400|请选择商品类别
GET|/subsidy?category=tv|400|请填写发票价格
GET|/subsidy?category=tv&category=phone&price=1|400|重复
GET|/subsidy?category=tv&price=%3Cscript%3E|400|value="&lt;script&gt;"
GET|/notices|200|通知公告
GET|/notices|200|href="/notices/1"
GET|/notices?page=2|200|这一页没有内容了
GET|/notices?page=0|400|页码
GET|/notices?page=abc|400|页码
GET|/notices/1|200|发文机关
GET|/notices/999999|404|找不到这个页面
GET|/notices/abc|404|找不到这个页面
GET|/healthz|200|ok
GET|/no/such/page|404|找不到这个页面
POST|/|405|不支持这种访问方式
PUT|/caps|405|不支持这种访问方式
DELETE|/notices/1|405|
GET|/?q=%FF%FE|400|UTF-8
GET|/?q=%C0%AF|400|UTF-8
GET|/?q=%E5%AE|400|UTF-8
GET|/?q=%|400|不完整的编码
GET|/%FF|400|
GET|/static/site.css|200|box-sizing
GET|/static/nothing.css|404|找不到这个页面
CASES

# Security headers on pages, errors and static files alike.
for p in / /caps /nope /static/site.css "/?q=%FF"; do
	fetch GET "$p"
	for h in 'X-Content-Type-Options: nosniff' 'X-Frame-Options: DENY' \
	    'Referrer-Policy: same-origin' "Content-Security-Policy: default-src 'none'"; do
		if grep -qiF "$h" "$BUILD/h.txt"; then ok; else bad "$p lacks $h"; fi
	done
	if grep -qi "unsafe-inline" "$BUILD/h.txt"; then bad "$p allows inline"; else ok; fi
done
fetch PUT /caps
if grep -qi '^Allow: GET, HEAD' "$BUILD/h.txt"; then ok; else bad "405 without Allow"; fi

# Oversized body (nginx refuses), too many fields, wrong content type.
big=$(head -c 70000 /dev/zero | tr '\0' 'a')
expect POST /subsidy 413 "提交的内容太大" "q=$big"
many=$(for i in $(seq 1 80); do printf 'f%d=1&' "$i"; done)
expect POST /subsidy 400 "提交的项目太多" "$many"
expect POST /subsidy 415 "不支持这种提交格式" "a=1" "text/plain"
expect POST /subsidy 400 "UTF-8" "a=%FF"
longq=$(head -c 3000 /dev/zero | tr '\0' 'a')
expect GET "/subsidy?price=$longq" 414 "网址太长"
hugeq=$(head -c 20000 /dev/zero | tr '\0' 'a')
expect GET "/subsidy?price=$hugeq" 414 "网址太长"

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
fetch GET /
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

echo "http: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
