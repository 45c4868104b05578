# Deep pages: every numbered list stops at page 500 with a 400 that says
# why and keeps the filters; the APIs answer the same in JSON. Needs
# staff.sh (the admin's session).

deep="最多只能翻到第 500 页"
kw='value="家电"'

# past_bound NAME WHO PATH [KEPT]: page 501 of a list answers 400 and
# says why (and, given KEPT, a pattern, gives its filters back); WHO is
# a staff account, or - for the public.
past_bound() {
	if [ "$2" = - ]; then fetch GET "$3"; else sfetch "$2" GET "$3"; fi
	check "$1 past the bound: $status" [ "$status" = 400 ]
	check "$1 past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
	[ -z "${4:-}" ] ||
	    check "$1 past the bound keeps its filters" grep -qE "$4" "$BUILD/b.txt"
}

# The public lists, the JSON API and Open311 (JSON errors, never a 500).
past_bound notices - "/notices?page=501&q=%E5%AE%B6%E7%94%B5" "$kw"
expect GET "/notices?page=500" 200 "这一页没有内容了"
expect GET "/notices?page=99999999999999999999" 400 "页码"
past_bound products - "/products?page=501&category=tv" 'value="tv"[^>]* selected'
expect GET "/products?page=500&category=tv" 200 ""
past_bound outlets - "/outlets?page=501&q=%E5%AE%B6%E7%94%B5" "$kw"
expect GET "/outlets?page=500" 200 ""
past_bound enterprises - "/enterprises?page=501"
expect GET "/enterprises?page=500" 200 ""
past_bound "api outlets" - "/api/v1/outlets?page=501"
past_bound "api products" - "/api/v1/products?page=501"
check "api products past the bound: JSON" is_json < "$BUILD/b.txt"
past_bound open311 - "/open311/v2/requests.json?page=501"
fetch GET "/open311/v2/requests.json?page=0"
check "open311 page 0: $status" [ "$status" = 400 ]
# Open311's numbered pages skip at most 10,000 requests, however large
# the page; the cursor goes further.
fetch GET "/open311/v2/requests.json?page=11&page_size=1000"
check "open311 past 10,000 rows: $status" [ "$status" = 400 ]
check "open311 past 10,000 rows: said why" grep -qF "after" "$BUILD/b.txt"
fetch GET "/open311/v2/requests.json?page=10&page_size=1000"
check "open311 at 9,000 rows: $status" [ "$status" = 200 ]
fetch GET "/open311/v2/requests.json?page=500&page_size=20"
check "open311 page 500 of 20: $status" [ "$status" = 200 ]

# The staff's lists: the form comes back with its filters and the reason.
past_bound audit admin "/staff/audit?page=501&user=admin" 'value="admin"'
sfetch admin GET "/staff/audit?page=x"
check "audit with a bad page: $status" [ "$status" = 400 ]
sfetch admin GET "/staff/audit?page=500"
check "audit page 500: $status" [ "$status" = 200 ]
past_bound queue admin "/staff/complaints?page=501&status=submitted" \
    'value="submitted"[^>]* selected'
sfetch admin GET "/staff/complaints?page=500"
check "queue page 500: $status" [ "$status" = 200 ]
past_bound "api keys" admin "/staff/apikeys?page=501"
past_bound "staff outlets" admin "/staff/outlets?page=501&q=%E5%AE%B6%E7%94%B5" "$kw"
past_bound "staff products" admin "/staff/products?page=501&category=tv"

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
