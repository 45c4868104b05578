# Deep pages: every numbered list stops at page 500 with a 400 that says
# why and keeps the filters; the APIs answer the same in JSON. Needs
# staff.sh (the admin's session).

deep="最多只能翻到第 500 页"

# The public lists.
expect GET "/notices?page=501&q=%E5%AE%B6%E7%94%B5" 400 "$deep"
check "notices past the bound keep the keyword" grep -qF 'value="家电"' "$BUILD/b.txt"
expect GET "/notices?page=500" 200 "这一页没有内容了"
expect GET "/notices?page=99999999999999999999" 400 "页码"
expect GET "/products?page=501&category=tv" 400 "$deep"
check "products past the bound keep the category" grep -qE 'value="tv"[^>]* selected' "$BUILD/b.txt"
expect GET "/products?page=500&category=tv" 200 ""

expect GET "/outlets?page=501&q=%E5%AE%B6%E7%94%B5" 400 "$deep"
check "outlets past the bound keep the keyword" grep -qF 'value="家电"' "$BUILD/b.txt"
expect GET "/outlets?page=500" 200 ""
expect GET "/enterprises?page=501" 400 "$deep"
expect GET "/enterprises?page=500" 200 ""

# The JSON API and Open311: JSON errors, never a 500.
fetch GET "/api/v1/outlets?page=501"
check "api outlets past the bound: $status" [ "$status" = 400 ]
check "api outlets past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
# Open311's numbered pages skip at most 10,000 requests, however large
# the page; the cursor goes further.
fetch GET "/open311/v2/requests.json?page=11&page_size=1000"
check "open311 past 10,000 rows: $status" [ "$status" = 400 ]
check "open311 past 10,000 rows: said why" grep -qF "after" "$BUILD/b.txt"
fetch GET "/open311/v2/requests.json?page=10&page_size=1000"
check "open311 at 9,000 rows: $status" [ "$status" = 200 ]
fetch GET "/open311/v2/requests.json?page=500&page_size=20"
check "open311 page 500 of 20: $status" [ "$status" = 200 ]
fetch GET "/api/v1/products?page=501"
check "api products past the bound: $status" [ "$status" = 400 ]
check "api products past the bound: JSON" is_json < "$BUILD/b.txt"
check "api products past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
fetch GET "/open311/v2/requests.json?page=501"
check "open311 past the bound: $status" [ "$status" = 400 ]
check "open311 past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
fetch GET "/open311/v2/requests.json?page=0"
check "open311 page 0: $status" [ "$status" = 400 ]

# The staff's lists: the form comes back with its filters and the reason.
sfetch admin GET "/staff/audit?page=501&user=admin"
check "audit past the bound: $status" [ "$status" = 400 ]
check "audit past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
check "audit past the bound keeps the user" grep -qF 'value="admin"' "$BUILD/b.txt"
sfetch admin GET "/staff/audit?page=x"
check "audit with a bad page: $status" [ "$status" = 400 ]
sfetch admin GET "/staff/audit?page=500"
check "audit page 500: $status" [ "$status" = 200 ]
sfetch admin GET "/staff/complaints?page=501&status=submitted"
check "queue past the bound: $status" [ "$status" = 400 ]
check "queue past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
check "queue past the bound keeps the status" grep -qE 'value="submitted"[^>]* selected' "$BUILD/b.txt"
sfetch admin GET "/staff/complaints?page=500"
check "queue page 500: $status" [ "$status" = 200 ]
sfetch admin GET "/staff/apikeys?page=501"
check "api keys past the bound: $status" [ "$status" = 400 ]
check "api keys past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
sfetch admin GET "/staff/outlets?page=501&q=%E5%AE%B6%E7%94%B5"
check "staff outlets past the bound: $status" [ "$status" = 400 ]
check "staff outlets past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
check "staff outlets past the bound keep the keyword" grep -qF 'value="家电"' "$BUILD/b.txt"
sfetch admin GET "/staff/products?page=501&category=tv"
check "staff products past the bound: $status" [ "$status" = 400 ]
check "staff products past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"

# Open311's keyset: walked three at a time by the Link header's cursor,
# the requests come back each once, in the order of one long page.
link_after() { sed -n 's/^Link: <[^>]*[?&]after=\([0-9-]*\)>; rel="next".*/\1/p' "$BUILD/h.txt" | tr -d '\r' | head -n 1; }
one_per_line() { node -e 'for (const r of JSON.parse(require("fs").readFileSync(0, "utf8"))) console.log(JSON.stringify(r))'; }
fetch GET "/open311/v2/requests.json?page_size=1000"
one_per_line < "$BUILD/b.txt" > "$BUILD/o311-all.txt"
: > "$BUILD/o311-walk.txt"
after= walked=0
while [ $walked -lt 200 ]; do
	fetch GET "/open311/v2/requests.json?page_size=3${after:+&after=$after}"
	[ "$status" = 200 ] || break
	one_per_line < "$BUILD/b.txt" >> "$BUILD/o311-walk.txt"
	after=$(link_after)
	walked=$((walked + 1))
	[ -n "$after" ] || break
done
check "open311 walk: $status, $walked pages" [ "$status:$((walked > 1))" = 200:1 ]
check "open311 walk: each request once, in order ($(wc -l < "$BUILD/o311-all.txt") rows)" \
    cmp -s "$BUILD/o311-all.txt" "$BUILD/o311-walk.txt"
for bad in x 20091301000000-1 20090230120000-5 20090101000000-0 20090101000000-x "20090101000000-1%27" 20090101000000; do
	fetch GET "/open311/v2/requests.json?after=$bad"
	check "open311 bad cursor $bad: $status" [ "$status" = 400 ]
	check "open311 bad cursor $bad: said so" grep -q "after" "$BUILD/b.txt"
done
fetch GET "/open311/v2/requests.xml?after=x"
check "open311 bad cursor in XML: $status" [ "$status" = 400 ]
fetch GET "/open311/v2/requests.json?after=20090101000000-1&page=2"
check "open311 cursor and page at once: $status" [ "$status" = 400 ]
