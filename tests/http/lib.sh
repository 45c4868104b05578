# Shared by the HTTP suites: counters, requests, expectations.
# Sourced by run.sh once VAR, PORT, BUILD and BASE are set.

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL http: $*" >&2; }
. tests/private-instance.sh

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

# fetch_fresh PATH: a GET answered by a worker, not from nginx's
# half-second micro-cache (each half second starts without it): what a
# change made just before must show in, as the public sees it within 1 s.
fetch_fresh() {
	local i
	for i in $(seq 1 40); do
		fetch GET "$1"
		printf '%s\n' "$headers" | grep -qi '^x-micro-cache: hit' || return 0
		sleep 0.05
	done
}

# expect METHOD PATH STATUS TEXT [BODY [CONTENT_TYPE]]: TEXT must be in the body.
expect() {
	local m=$1 p=$2 want=$3 text=$4
	if [ "$m" = GET ] && [ -z "${5-}" ]; then
		fetch_fresh "$p"
	else
		fetch "$m" "$p" "${5-}" "${6-application/x-www-form-urlencoded}"
	fi
	if [ "$status" != "$want" ]; then
		bad "$m $p: status $status, want $want"; return
	fi
	if [ -n "$text" ] && [ "$m" != HEAD ] && ! grep -qF -- "$text" "$BUILD/b.txt"; then
		bad "$m $p: body lacks '$text'"; return
	fi
	ok
}

# check NAME CONDITION...: one test that passes when the command succeeds.
check() {
	local name=$1
	shift
	if "$@"; then ok; else bad "$name"; fi
}

# counts_match TALLY SOURCE COLUMN...: each row of TALLY holds in n the
# number of SOURCE rows with its columns' values, and each such group of
# SOURCE has its row.
counts_match() {
	local tally=$1 source=$2 cols on c
	shift 2
	cols=$(IFS=,; echo "$*")
	on=
	for c in "$@"; do on="$on${on:+ AND }t.$c = c.$c"; done
	[ "$(sql "SELECT COUNT(*) FROM (SELECT $cols, COUNT(*) AS n FROM
	    $source GROUP BY $cols) c RIGHT JOIN $tally t ON $on
	    WHERE COALESCE(c.n, 0) <> t.n")" = 0 ] &&
	[ "$(sql "SELECT COUNT(*) FROM (SELECT $cols, COUNT(*) AS n FROM
	    $source GROUP BY $cols) c LEFT JOIN $tally t ON $on
	    WHERE t.n IS NULL OR t.n <> c.n")" = 0 ]
}
# The townships' tallies (sql/017_outlet_tally.sql) and the counties'
# (sql/034_outlet_county_tally.sql) agree with the outlets.
tally_matches() {
	counts_match outlet_tally outlet region_code status &&
	counts_match outlet_county_tally "(SELECT LEFT(region_code, 6) AS
	    county_code, status FROM outlet) o" county_code status
}
# Each outlet's card (sql/035_outlet_card.sql) holds, byte for byte, what
# the outlet, its enterprise and its category summary hold, and no card
# is left of an outlet that is gone.
card_matches() {
	local c same=
	for c in status region_code reg_no name enterprise_id mode address \
	    phone services status_since status_reason registered_on is_demo; do
		same="$same AND BINARY k.$c <=> BINARY o.$c"
	done
	[ "$(sql "SELECT COUNT(*) FROM outlet o JOIN enterprise e ON e.id =
	    o.enterprise_id LEFT JOIN outlet_category_summary s ON s.outlet_id =
	    o.id LEFT JOIN outlet_card k ON k.id = o.id WHERE NOT (k.id IS NOT
	    NULL $same AND BINARY k.enterprise <=> BINARY e.name AND BINARY
	    k.categories <=> BINARY s.names AND BINARY k.category_codes <=>
	    BINARY s.codes)")" = 0 ] &&
	[ "$(sql "SELECT COUNT(*) FROM outlet_card k LEFT JOIN outlet o ON
	    o.id = k.id WHERE o.id IS NULL")" = 0 ]
}
# The complaints' tallies (sql/021_complaint_tally.sql), with the complaints.
complaint_tally_matches() {
	counts_match complaint_tally complaint outlet_region status due
}
# The brands' tallies (sql/018_product_brand_tally.sql), with the products.
brand_tally_matches() {
	counts_match product_brand_tally product status category_code brand
}

# enterprises_counted: the first page of /enterprises gives each
# enterprise's active outlets and the counties they are in, and each
# enterprise's own page its outlets by county, as the database counts
# them (from the index of enterprise and status, sql/024).
enterprises_counted() {
	local want got id ids
	fetch_fresh /enterprises
	want=$(sql "SELECT COALESCE(GROUP_CONCAT(CONCAT(e.id, ':', (SELECT
	    COUNT(*) FROM outlet o WHERE o.enterprise_id = e.id AND o.status =
	    'active'), ':', (SELECT COUNT(DISTINCT LEFT(o.region_code, 6)) FROM
	    outlet o WHERE o.enterprise_id = e.id AND o.status = 'active'))
	    ORDER BY e.name, e.id), '') FROM (SELECT id, name FROM
	    enterprise ORDER BY name, id LIMIT 20) e")
	got=$(sed -n 's/.*<h2><a href="\/outlets?enterprise=\([0-9]*\)">.*/\1/p;
	    s/.*· 网点 \([0-9]*\) 家，分布在 <a href="\/enterprises\/[0-9]*">\([0-9]*\) 个县.*/\1:\2/p;
	    s/.*· 网点 \([0-9]*\) 家<\/p>.*/\1:0/p' "$BUILD/b.txt" |
	    paste -d: - - | paste -sd,)
	[ "$got" = "$want" ] || { echo "enterprises: got $got, want $want" >&2; return 1; }
	# No county is listed inline: each has its own page.
	! grep -q 'enterprise=[0-9]*&amp;region=' "$BUILD/b.txt" || {
		echo "enterprises: counties inline" >&2; return 1; }
	ids=$(sql "SELECT id FROM (SELECT id, name FROM enterprise ORDER BY
	    name, id LIMIT 20) p ORDER BY id")
	want=$(sql "SELECT COALESCE(GROUP_CONCAT(CONCAT(o.enterprise_id, ':',
	    LEFT(o.region_code, 6), ':', o.n) ORDER BY o.enterprise_id,
	    LEFT(o.region_code, 6)), '') FROM (SELECT enterprise_id,
	    LEFT(region_code, 6) AS region_code, COUNT(*) AS n FROM outlet
	    WHERE status = 'active' AND enterprise_id IN (SELECT id FROM (SELECT
	    id FROM enterprise ORDER BY name, id LIMIT 20) p)
	    GROUP BY enterprise_id, LEFT(region_code, 6)) o")
	got=$(for id in $ids; do
		fetch_fresh "/enterprises/$id"
		grep -o 'enterprise=[0-9]*&amp;region=[0-9]*">[^<]*</a> [0-9]* 家' \
		    "$BUILD/b.txt"
	done | sed 's/enterprise=\([0-9]*\)&amp;region=\([0-9]*\)">[^<]*<\/a> \([0-9]*\) 家/\1:\2:\3/' |
	    sort -t: -k1,1n -k2,2 | paste -sd,)
	[ "$got" = "$want" ] || { echo "counties: got $got, want $want" >&2; return 1; }
	[ -n "$got" ]
}

# outlet_pages_in_order FILTER...: pages 1, 2, 10 and 11 of each filter's
# outlets (the first ten pages of a list by status join as they read,
# deeper ones join only their own rows) give the database's rows in its
# order, with their township's and enterprise's names.
outlet_pages_in_order() {
	local f reg cat st page want got
	for f in "$@"; do
		reg=$(sed -n 's/.*region=\([0-9]*\).*/\1/p' <<< "$f")
		cat=$(sed -n 's/.*category=\([a-z]*\).*/\1/p' <<< "$f")
		st=$(sed -n 's/.*status=\([a-z]*\).*/\1/p' <<< "$f")
		for page in 1 2 10 11; do
			want=$(sql "SELECT COALESCE(GROUP_CONCAT(CONCAT(id, ':',
			    COALESCE(t, ''), ':', e) ORDER BY region_code, reg_no),
			    '') FROM (SELECT o.id, o.region_code, o.reg_no,
			    t.name AS t, e.name AS e FROM outlet o JOIN enterprise e
			    ON e.id = o.enterprise_id LEFT JOIN region t ON
			    t.code = o.region_code WHERE o.status = '${st:-active}'
			    AND o.region_code LIKE '$reg%' AND ('$cat' = '' OR
			    EXISTS (SELECT 1 FROM outlet_category c WHERE
			    c.outlet_id = o.id AND c.category_code = '$cat'))
			    ORDER BY o.region_code, o.reg_no LIMIT 20
			    OFFSET $(( (page - 1) * 20 ))) x")
			fetch_fresh "/api/v1/outlets?$f${f:+&}page=$page"
			got=$(json_get 'j.outlets.map(o => o.id + ":" +
			    (o.township || "") + ":" + o.enterprise).join(",")')
			check "outlets?$f page $page in order (${#want} characters)" \
			    [ "$got" = "$want" ]
		done
	done
}

# public_until PATH TEXT: the public page, read again for up to 1 s until
# it shows TEXT: either cache may keep the page from before a change that
# long, which the design allows. 1 when it never does.
public_until() {
	local i
	for i in $(seq 1 20); do
		sfetch none GET "$1"
		grep -qF -- "$2" "$BUILD/b.txt" && return 0
		sleep 0.05
	done
	return 1
}

# Valid JSON on stdin.
is_json() { node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' 2>/dev/null; }
# Prints the value of a JavaScript expression over the JSON body (as j).
json_get() { node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log('"$1"')' < "$BUILD/b.txt"; }

# The CSRF token of USER's session.
csrf_of() {
	sfetch "$1" GET /staff/
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt" | head -n 1
}


# csv_file HEADER FILE: the rows on stdin under HEADER, CRLF, with a BOM.
csv_file() { { printf '\357\273\277%s\n' "$1"; cat; } | sed 's/$/\r/' > "$2"; }
# upload USER CSRF PATH ACTION FILE [curl arguments...]: an import form.
# An import that became a job (303 to /staff/imports/N) is followed to
# its end: $job_id is N (else empty) and $status and the body are those
# of the job's final page.
upload() {
	local user=$1 token=$2 path=$3 action=$4 file=$5
	shift 5
	job_id=
	sfetch "$user" POST "$path" -F "csrf=$token" \
	    -F "action=$action" -F "file=@$file;type=text/csv" "$@"
	job_id=$(job_of_answer)
	[ "$status" = 303 ] && [ -n "$job_id" ] && job_wait "$user" "$job_id"
}
# The job a 303 answer sends to, or nothing.
job_of_answer() {
	sed -n 's|^[Ll]ocation: /staff/imports/\([0-9]*\)\r*$|\1|p' "$BUILD/h.txt"
}
# job_wait USER ID [INTERVAL]: reads the job's page until it no longer
# refreshes itself (at most 120 s); $job_seen gets one line per running
# page, "DONE TOTAL PERCENT" from its <progress> and text.
job_wait() {
	local user=$1 id=$2 every=${3-0.3} i
	job_seen=
	for ((i = 0; i < 400; i++)); do
		sfetch "$user" GET "/staff/imports/$id"
		grep -q 'http-equiv="refresh"' "$BUILD/b.txt" || return 0
		job_seen+=$(sed -n 's|.*<progress max="\([0-9]*\)" value="\([0-9]*\)".*>\([0-9]*\)%</progress>.*|\2 \1 \3|p' "$BUILD/b.txt")$'\n'
		sleep "$every"
	done
	return 1
}
# report_cells: an import report's tables as lines "line|column|value|message|".
report_cells() {
	sed -e 's/<\/t[dh]>/|/g; s/<[^>]*>//g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g' \
	    "$BUILD/b.txt" | grep '^[0-9整]'
}
