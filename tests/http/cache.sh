# The two caches of public pages: nginx's micro-cache (half a second) in
# front of the workers' own, and that a staff change reaches the public
# within a second whatever they hold.

# header NAME: that header's value in the last answer.
header() {
	printf '%s\n' "$headers" | tr -d '\r' |
	    sed -n "s/^$1: //Ip" | head -n 1
}

# cache_state PATH: "hit", "miss" or "" (not a cached page): the workers'.
cache_state() {
	fetch_fresh "$1"
	header X-Page-Cache
}

# Asks twice per worker so that every worker has the page.
warm() {
	local i
	for i in 1 2 3 4; do fetch_fresh "$1"; done
}

# cached PATH: a hit within four asks. Which worker accepts is not ours
# to choose, so a worker the warming missed may answer first; it keeps
# the page as it does.
cached() {
	local i
	for i in 1 2 3 4; do [ "$(cache_state "$1")" = hit ] && return 0; done
	return 1
}

# visible_within PATH TEXT MS: polls until TEXT shows; fails after MS.
visible_within() {
	local path=$1 text=$2 limit=$3 t0 ms
	t0=$EPOCHREALTIME
	while :; do
		fetch GET "$path"
		ms=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%d", (b - a) * 1000 }')
		if grep -qF -- "$text" "$BUILD/b.txt"; then
			echo "$ms"
			return 0
		fi
		[ "$ms" -lt "$limit" ] || { echo "$ms"; return 1; }
		sleep 0.05
	done
}

# micro_state PATH: "HIT" once nginx answers PATH from its micro-cache
# (within 20 asks), else its last status.
micro_state() {
	local i state
	for i in $(seq 1 20); do
		fetch GET "$1"
		state=$(header X-Micro-Cache)
		[ "$state" != HIT ] || break
	done
	echo "$state"
}

# nginx keeps a shared page for half a second once asked twice in it.
for p in / /notices "/outlets?region=420607"; do
	check "micro-cache: $p is answered by nginx" test "$(micro_state "$p")" = HIT
done
micro_state /notices >/dev/null
cp "$BUILD/b.txt" "$BUILD/micro-hit.txt"
fetch GET "/notices?"
check "micro-cache: a kept page has the bytes of a fresh one" \
    cmp -s "$BUILD/micro-hit.txt" "$BUILD/b.txt"
check "micro-cache: X-Accel-Expires stays between nginx and the program" \
    test -z "$(printf '%s\n' "$headers" | grep -i '^x-accel')"
# Signed-in staff see their own changes at once: never from nginx's cache.
for i in 1 2 3; do
	code=$(curl -s -o /dev/null -D "$BUILD/staff-h.txt" -w '%{http_code}' \
	    -H 'Cookie: jdxx_staff=x' "$BASE/notices")
done
check "micro-cache: staff cookie bypasses it ($code)" \
    grep -qix 'x-micro-cache: bypass' <(tr -d '\r' < "$BUILD/staff-h.txt")
for p in /complaints/new /outlets/999999 \
    "/complaints/track?no=AAAA-AAAA&code=AAAAAAAA"; do
	check "micro-cache: $p is never kept" test "$(micro_state "$p")" != HIT
done

# Kept pages are answered from the cache once a worker has them.
for p in / /notices /caps "/outlets?region=420607" /outlets/1 "/products?category=tv"; do
	warm "$p"
	check "cache: $p is answered from the cache" cached "$p"
done
# The same bytes either way, HEAD included: a write empties the caches,
# the next answer is made afresh, the one after comes from the cache.
sql "UPDATE category SET name = name WHERE code = 'tv'"
sleep 0.3
for i in $(seq 1 20); do [ "$(cache_state /notices)" = miss ] && break; done
cp "$BUILD/b.txt" "$BUILD/miss.txt"
for i in $(seq 1 20); do [ "$(cache_state /notices)" = hit ] && break; done
check "cache: a hit has the bytes of a miss" cmp -s "$BUILD/miss.txt" "$BUILD/b.txt"
fetch HEAD /notices
check "cache: HEAD from the cache gives the page's length" \
    grep -qix "content-length: $(wc -c < "$BUILD/miss.txt")" \
    <(tr -d '\r' < "$BUILD/h.txt")
check "cache: HEAD is answered from the cache" \
    grep -qix "x-page-cache: hit" <(tr -d '\r' < "$BUILD/h.txt")
# Never kept: forms with their own token, complaints, errors.
check "cache: the complaint form is never kept" \
    test -z "$(cache_state /complaints/new)"
t1=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt")
fetch GET /complaints/new
t2=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt")
check "cache: each complaint form has its own token" \
    test -n "$t1" -a "$t1" != "$t2"
# Statistics are kept while their numbers are fresh (tested in stats.sh).
warm /stats
check "cache: statistics counted just now are kept" cached /stats
check "cache: tracking is never kept" \
    test -z "$(cache_state "/complaints/track?no=AAAA-AAAA&code=AAAAAAAA")"
warm /outlets/999999
check "cache: a 404 is never kept" test "$(cache_state /outlets/999999)" != hit
warm "/outlets?page=abc"
check "cache: a bad page number still gets its 400" test "$status" = 400

# A notice published: on the list and its page within a second.
nid=$(sql "SELECT id FROM notice WHERE status = 'published' ORDER BY id LIMIT 1")
warm "/notices/$nid"
warm /notices
warm /
sql "UPDATE notice SET title = '缓存测试：新标题（示例）' WHERE id = $nid"
ms=$(visible_within "/notices/$nid" '缓存测试：新标题' 1000)
check "cache: a changed notice shows within 1 s (${ms} ms)" test $? -eq 0
sql "INSERT INTO notice (kind, title, issuer, doc_no, body_md, status,
    published_at, is_demo) VALUES ('notice', '缓存测试：刚发布的通知（示例）',
    '测试', '', '正文', 'published', NOW(), 1)"
ms=$(visible_within /notices '缓存测试：刚发布的通知' 1000)
check "cache: a published notice is listed within 1 s (${ms} ms)" test $? -eq 0
# A notice published for a moment ahead appears when its time comes,
# though nothing is written then.
warm /notices
sql "INSERT INTO notice (kind, title, issuer, doc_no, body_md, status,
    published_at, is_demo) VALUES ('notice', '缓存测试：定时发布（示例）',
    '测试', '', '正文', 'published', NOW() + INTERVAL 2 SECOND, 1)"
warm /notices
check "cache: a notice not yet due is not listed" \
    test "$(grep -c '缓存测试：定时发布' "$BUILD/b.txt")" = 0
sleep 2
ms=$(visible_within /notices '缓存测试：定时发布' 1500)
check "cache: a notice is listed within 1 s of coming due (${ms} ms)" test $? -eq 0

# An outlet suspended: its page and the county list say so.
oid=$(sql "SELECT id FROM outlet WHERE status = 'active' ORDER BY id LIMIT 1")
warm "/outlets/$oid"
sql "UPDATE outlet SET status = 'suspended', status_since = CURDATE(),
    status_reason = '缓存测试暂停' WHERE id = $oid"
ms=$(visible_within "/outlets/$oid" '缓存测试暂停' 1000)
check "cache: a suspended outlet shows within 1 s (${ms} ms)" test $? -eq 0
sql "UPDATE outlet SET status = 'active', status_reason = '' WHERE id = $oid"
ms=$(visible_within "/outlets/$oid" 'class="status active"' 1000)
check "cache: the outlet back in service shows within 1 s (${ms} ms)" \
    test $? -eq 0 -a "$(grep -c '缓存测试暂停' "$BUILD/b.txt")" = 0

# A cap changed: the caps page shows the new amount.
warm /caps
sql "UPDATE category_cap SET cap_fen = 212300 WHERE category_code = 'tv'
    AND effective_from = (SELECT m FROM (SELECT MAX(effective_from) AS m
    FROM category_cap WHERE category_code = 'tv' AND effective_from <= CURDATE()) x)"
ms=$(visible_within /caps '2123' 1000)
check "cache: a changed cap shows within 1 s (${ms} ms)" test $? -eq 0

# The counter moves with every public table's change and not with complaints.
v1=$(sql "SELECT SUM(n) FROM site_change")
sql "UPDATE product SET spec = spec WHERE id = (SELECT MIN(id) FROM product)"
v2=$(sql "SELECT SUM(n) FROM site_change")
check "cache: a product write moves the change counter" test "$v2" -gt "$v1"

# Writes by the staff programs move the shared change signal, so the public
# workers look at the counter at once rather than within PageCacheCheckMs.
signal_file=$(sed -n 's/^  ChangeSignal = //p' "$VAR/jdxx.hdf")
signal() { od -An -tu8 "$signal_file" | tr -d ' '; }
check "cache: the change signal file exists" test -s "$signal_file"
s1=$(signal)
echo "Cache-2009-ok" | staff_cli add cachewatch editor >/dev/null
s2=$(signal)
check "cache: a write by jdxx-staff moves the change signal ($s1 -> $s2)" \
    test "$s2" -gt "$s1"
fetch GET /notices
s3=$(signal)
check "cache: public pages leave the change signal alone" test "$s3" = "$s2"
# A staff page's change leaves the workers at once: no wait for the
# counter. "//caps", asked for the first time, is a key nginx has not
# kept but the workers' own (the path as nginx normalises it, "/caps"),
# so the answer is the workers'.
warm /caps
sql "UPDATE category_cap SET cap_fen = 212400 WHERE cap_fen = 212300"
echo "Cache-2009-ok" | staff_cli add cachewatch2 editor >/dev/null
fetch GET "//caps"
check "cache: after a signalled change the workers' next answer is fresh" \
    grep -qF '2124' "$BUILD/b.txt"

# Writers in different connections count in different rows: a long write
# to one public table holds up no other (one hot row would).
pid_of=$(sql "SELECT MIN(id) FROM product")
sql "START TRANSACTION; UPDATE outlet SET name = name WHERE id = $oid;
    DO SLEEP(3); COMMIT" &
long=$!
sleep 0.5
t0=$EPOCHREALTIME
sql "SET SESSION innodb_lock_wait_timeout = 2;
    UPDATE product SET spec = spec WHERE id = $pid_of"
rc=$?
t1=$EPOCHREALTIME
wait "$long"
check "cache: a write waits for no other transaction's counter ($rc)" \
    awk -v r="$rc" -v a="$t0" -v b="$t1" 'BEGIN { exit !(r == 0 && b - a < 1.5) }'
