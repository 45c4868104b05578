#!/usr/bin/env bash
# make bench: load-tests a private instance with wrk and writes a report.
#
# Starts (or reuses) the instance under VAR on PORT with LOAD_TEST=1, fills it
# with the national-size dataset unless it holds one, then for each page:
# a primer, a warm-up, and DURATION seconds at each concurrency of LEVELS,
# against the page itself, a saved copy of its bytes served by nginx as a
# static file, and the same bytes from a bare FastCGI program. Then complaint
# submission (each request its own form token, all looked for afterwards),
# and the county page again with the page cache off, beside a PHP-FPM peer
# running the same statements and answering the same bytes, the two taking
# turns at each level (run_pair). Worker and mariadbd memory before and
# after. Writes bench-results/<time>/report.md and report.json.
#
# Environment: VAR, PORT, BUILD, WORKERS as for the instance; DURATION (15),
# WARMUP (5), LEVELS ("16 64 256"), PAGES (names to run; all when empty),
# YARDSTICKS (1: the static and bare FastCGI copies too).
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export VAR=${VAR:-var-bench} PORT=${PORT:-8090} BUILD=${BUILD:-build}
export WORKERS=${WORKERS:-4} LOAD_TEST=1 PAGE_CACHE=1
# The national-size data (1,000,000 complaints) in memory, as in production.
export DB_BUFFER_POOL=${DB_BUFFER_POOL:-2G}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
LEVELS=${LEVELS:-16 64 256}
PAGES=${PAGES:-}
YARDSTICKS=${YARDSTICKS:-1}
case "$VAR" in /*) ;; *) VAR=$ROOT/$VAR ;; esac
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench-results/$STAMP
RESULTS=$OUT/results.tsv
mkdir -p "$OUT"

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
. tests/private-instance.sh
. tests/bench/php-peer.sh
command -v wrk >/dev/null || die "wrk is missing; run make bench as root once"

# ------------------------------------------------------------- the instance

instance start >&2
# The runtime directory nginx's workers reach (VAR/run, or /run/jdxx-* when
# they cannot reach VAR): the yardsticks live there.
RT=$(runtime_dir)
COPIES=$RT/bench-static
instance generate >&2
# generate rewrites the configuration; the programs take it up again.
instance reload >&2

# ------------------------------------------------------------- the pages

read -r county n_county <<< "$(sql "SELECT LEFT(region_code, 6), COUNT(*)
    FROM outlet WHERE status = 'active' GROUP BY LEFT(region_code, 6)
    ORDER BY COUNT(*) DESC, 1 LIMIT 1")"
deep=$(( (n_county + 19) / 20 ))
read -r oid reg_no township <<< "$(sql "SELECT id, reg_no, region_code
    FROM outlet WHERE region_code LIKE '$county%' AND status = 'active'
    ORDER BY id LIMIT 1")"
nid=$(sql "SELECT MAX(id) FROM notice WHERE status = 'published'
    AND published_at <= NOW()")
urlenc() { node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$1"; }

# One complaint filed the ordinary way, to be tracked.
curl -s -o "$OUT/form.html" "$BASE/complaints/new"
token=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$OUT/form.html")
curl -s -o "$OUT/receipt.html" "$BASE/complaints" \
    --data-urlencode "form_token=$token" --data-urlencode "outlet=$oid" \
    --data-urlencode "category=overcharge" --data-urlencode "name=压测" \
    --data-urlencode "description=彩电标价超过限价（压力测试）" \
    --data-urlencode "phone=13912345678" --data-urlencode "region=$township" \
    --data-urlencode "consent=1" --data-urlencode "action=submit"
track_no=$(sed -n 's/.*<strong class="code">\([0-9A-Z]\{4\}-[0-9A-Z]\{4\}\)<.*/\1/p' "$OUT/receipt.html" | head -n 1)
track_code=$(sed -n 's/.*<strong class="code">\([0-9A-Z]\{8,\}\)<.*/\1/p' "$OUT/receipt.html" | head -n 1)
[ -n "$track_no" ] && [ -n "$track_code" ] ||
    die "could not file the complaint to track; see $OUT/receipt.html"

all_pages=(
	"home /"
	"county /outlets?region=$county"
	"county-deep /outlets?region=$county&page=$deep"
	"search-frequent /outlets?q=$(urlenc 家电)"
	"search-rare /outlets?q=$(urlenc 张湾)"
	"search-county /outlets?region=$county&q=$(urlenc 家电)"
	"store-check /outlets/check?q=$reg_no"
	"outlet /outlets/$oid"
	"products-tv /products?category=tv"
	"notices /notices"
	"notice /notices/$nid"
	"track /complaints/track?no=$track_no&code=$track_code"
)
pages=()
for p in "${all_pages[@]}"; do
	if [ -z "$PAGES" ] || [[ " $PAGES " == *" ${p%% *} "* ]]; then
		pages+=("$p")
	fi
done

# The yardsticks: each page's bytes as nginx serves a static file, and from
# a bare FastCGI program.
rm -rf "$COPIES"
mkdir -p "$COPIES"
for p in "${pages[@]}"; do
	name=${p%% *} path=${p#* }
	code=$(curl -s -o "$COPIES/$name.html" -w '%{http_code}' "$BASE$path")
	[ "$code" = 200 ] || die "$path answered $code"
done
stop_fcgi() {
	[ -f "$VAR/run/bench-fcgi.pid" ] || return 0
	kill "$(cat "$VAR/run/bench-fcgi.pid")" 2>/dev/null || true
	rm -f "$VAR/run/bench-fcgi.pid"
}
trap 'stop_fcgi; php_peer_stop' EXIT
stop_fcgi
"$BUILD/bench-fcgi" --dir "$COPIES" --socket \
    "$RT/bench-fcgi.sock" --workers "$WORKERS" >> "$VAR/log/bench-fcgi.log" 2>&1 &
echo $! > "$VAR/run/bench-fcgi.pid"
sleep 0.5

# The PHP peer must answer the county page byte for byte as the portal does,
# or comparing the two means nothing.
curl -s -o "$OUT/county-app.html" "$BASE/outlets?region=$county"
php_peer_start "$(sed -n 's/.*site\.css?v=\([0-9a-f]*\)".*/\1/p' "$OUT/county-app.html")" \
    "$(grep -q 'class="demo-banner"' "$OUT/county-app.html" && echo 1 || echo 0)"
curl -s -o "$OUT/county-php.html" "$BASE/bench/php/county?region=$county"
cmp -s "$OUT/county-app.html" "$OUT/county-php.html" ||
    die "the PHP peer's county page differs from the portal's; see $OUT/county-php.html"

# ------------------------------------------------------------- measuring

# RSS in kB of each public worker and of mariadbd.
memory() {
	local master w
	master=$(cat "$VAR/run/public.pid")
	for w in $(pgrep -P "$master"); do
		printf 'memory\t%s\tworker-%s\t%s\n' "$1" "$w" \
		    "$(awk '/^VmRSS/ { print $2 }' "/proc/$w/status")"
	done
	printf 'memory\t%s\tmariadbd\t%s\n' "$1" \
	    "$(awk '/^VmRSS/ { print $2 }' "/proc/$(cat "$VAR/run/mariadb.pid")/status")"
}

# wrk's figures as one line: rps p50 p90 p99 (ms) errors non2xx requests;
# of one run, or of the outputs of a run's parts (run_pair): requests per
# second over them all, their percentiles averaged, errors summed.
parse() {
	awk '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /s$/) return v * 1000
		return v
	}
	/^ +50%/ { p50 += ms($2); h++ } /^ +90%/ { p90 += ms($2) }
	/^ +99%/ { p99 += ms($2) }
	/Socket errors:/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10; to += $10 }
	/Non-2xx or 3xx responses:/ { non2xx += $5 }
	/requests in/ { n += $1; t = $4; sub(/,$/, "", t); secs += ms(t) / 1000 }
	END { if (h == 0) h = 1; if (secs == 0) secs = 1
	    printf "%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d\n", n / secs,
	    p50 / h, p90 / h, p99 / h, err, to, non2xx, n }'
}

# prime URL: the primer and the warm-up before a page's levels.
prime() {
	wrk -t 1 -c 4 -d 1s "$1" > /dev/null
	wrk -t 2 -c 64 -d "${WARMUP}s" "$1" > /dev/null
}

# record NAME TARGET C FIGURES: one level's line in the results, and said.
record() {
	printf 'page\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$RESULTS"
	say "$1 $2 c=$3: $(head -c 60 <<< "$4")"
}

# run NAME TARGET URL: primer, warm-up, then each level; one line per level.
run() {
	local name=$1 target=$2 url=$3 c
	prime "$url"
	for c in $LEVELS; do
		wrk -t 2 -c "$c" -d "${DURATION}s" --timeout 2s --latency "$url" \
		    > "$OUT/wrk-$name-$target-$c.txt"
		record "$name" "$target" "$c" \
		    "$(parse < "$OUT/wrk-$name-$target-$c.txt")"
	done
}

# run_pair NAME A URL_A B URL_B: two targets side by side at each level,
# DURATION/2 seconds at a time in the order A B B A, so that whatever this
# machine's speed does over those minutes falls on both alike; each target
# gets one line, of its two halves.
run_pair() {
	local name=$1 a=$2 url_a=$3 b=$4 url_b=$5 half=$(( (DURATION + 1) / 2 ))
	local c t u i
	for u in "$url_a" "$url_b"; do prime "$u"; done
	for c in $LEVELS; do
		i=0
		for t in "$a" "$b" "$b" "$a"; do
			[ "$t" = "$a" ] && u=$url_a || u=$url_b
			i=$((i + 1))
			wrk -t 2 -c "$c" -d "${half}s" --timeout 2s --latency "$u" \
			    > "$OUT/wrk-$name-$t-$c-$i.txt"
		done
		for t in "$a" "$b"; do
			record "$name" "$t" "$c" \
			    "$(cat "$OUT/wrk-$name-$t-$c-"*.txt | parse)"
		done
	done
}

printf 'meta\tstarted\t%s\n' "$STAMP" > "$RESULTS"
printf 'meta\tload_before\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
printf 'meta\tcpus\t%s\n' "$(nproc)" >> "$RESULTS"
printf 'meta\tcommit\t%s\n' "$(git rev-parse --short HEAD 2>/dev/null || echo -)" >> "$RESULTS"
printf 'meta\tduration\t%s\n' "$DURATION" >> "$RESULTS"
printf 'meta\tworkers\t%s\n' "$WORKERS" >> "$RESULTS"
printf 'meta\tdata\t%s\n' "$(sql "SELECT CONCAT((SELECT COUNT(*) FROM outlet), ' outlets, ',
    (SELECT COUNT(*) FROM product), ' products, ', (SELECT COUNT(*) FROM complaint),
    ' complaints, ', (SELECT COUNT(*) FROM notice), ' notices')")" >> "$RESULTS"
for p in "${pages[@]}"; do
	printf 'url\t%s\t%s\t%s\n' "${p%% *}" "${p#* }" \
	    "$(wc -c < "$COPIES/${p%% *}.html")" >> "$RESULTS"
done
memory start >> "$RESULTS"

for p in "${pages[@]}"; do
	name=${p%% *} path=${p#* }
	run "$name" app "$BASE$path"
	if [ "$YARDSTICKS" = 1 ]; then
		run "$name" static "$BASE/bench/static/$name.html"
		run "$name" fcgi "$BASE/bench/fcgi/$name.html"
	fi
done

# Complaint submission at 64 connections, every answer accounted for.
bench_run="b$(date +%s)"
before=$(sql "SELECT COUNT(*) FROM complaint")
BENCH_RUN=$bench_run BENCH_OUTLET=$oid BENCH_REGION=$township \
    wrk -t 2 -c 64 -d "${DURATION}s" --timeout 5s --latency \
    -s tests/bench/complaint.lua "$BASE/complaints" > "$OUT/wrk-complaints.txt"
read -r sent ok refused other <<< "$(sed -n \
    's/^complaints: sent \([0-9]*\) ok \([0-9]*\) refused \([0-9]*\) other \([0-9]*\)$/\1 \2 \3 \4/p' \
    "$OUT/wrk-complaints.txt")"
# Requests still in flight when wrk stopped land meanwhile: count once
# they have, both figures in one statement.
sleep 2
read -r stored with_event <<< "$(sql "SELECT COUNT(DISTINCT c.id), COUNT(DISTINCT e.complaint_id)
    FROM complaint c LEFT JOIN complaint_event e ON e.complaint_id = c.id
    AND e.kind = 'submitted' WHERE c.form_token LIKE '$bench_run-%'")"
after=$(sql "SELECT COUNT(*) FROM complaint")
printf 'complaints\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(parse < "$OUT/wrk-complaints.txt")" \
    "$sent" "$ok" "$refused" "$other" "$stored" "$with_event" "$((after - before))" >> "$RESULTS"
say "complaints: sent $sent, 200 $ok, stored $stored (with event $with_event)"

memory end >> "$RESULTS"

# The county page with every cache off, and the PHP peer's in the same run.
PAGE_CACHE=0 instance reload >&2
run_pair county nocache "$BASE/outlets?region=$county" \
    php "$BASE/bench/php/county?region=$county"
instance reload >&2

# Issue #23's figures, each against its target in the report: the
# county page's rendering without network or database (bench-render over
# the captured page data), the size of /enterprises at this scale, and
# 50,000 outlets checked and imported from the shell, then removed.
"$BUILD/bench-render" templates tests/bench/county.hdf outlets/list.cs 5000 \
    > "$OUT/render.txt"
while read -r k v; do
	printf 'render\t%s\t%s\n' "$k" "$v" >> "$RESULTS"
done < "$OUT/render.txt"
say "render: $(tr '\n' ' ' < "$OUT/render.txt")"
printf 'size\tenterprises\t%s\n' "$(curl -s -o /dev/null -w '%{size_download}' \
    "$BASE/enterprises")" >> "$RESULTS"
imp=B$(date +%s)
sql "SELECT code FROM region WHERE level = 4 ORDER BY code" > "$OUT/townships.txt"
# A short name keeps 50,000 rows within the import's 9 MB.
sql "INSERT IGNORE INTO enterprise (name) VALUES ('压测企业')"
outlet_rows "$OUT/import.csv" 50000 "$imp" 压测企业 "$OUT/townships.txt" 23 \
    15500000000
t=$EPOCHREALTIME
if staff_cli import-outlets --confirm-duplicates "$OUT/import.csv" \
    > "$OUT/import.txt" 2>&1; then
	printf 'import\t50000\t%s\n' "$(awk -v a="$t" -v b="$EPOCHREALTIME" \
	    'BEGIN { printf "%.1f", b - a }')" >> "$RESULTS"
else
	printf 'import\t50000\tfailed\n' >> "$RESULTS"
fi
say "import: $(tail -n 1 "$OUT/import.txt")"
sql "DELETE FROM outlet WHERE reg_no LIKE '$imp-%'"

# The weekly report (sql/031) for the whole country and for the county
# above, as a staff admin and as that county's handler: the median of
# five, in ms (staff pages are never cached).
weekly_ms() {
	local i
	for i in 1 2 3 4 5; do
		curl -s -o /dev/null -b "$BUILD/jar-$1" -w '%{time_total}\n' \
		    "$BASE/staff/reports/weekly?week=$(date -d 'last week' +%G-W%V)"
	done | sort -n | awk 'NR == 3 { printf "%.1f", $1 * 1000 }'
}
echo "Bench-weekly-1" | staff_cli add benchadmin admin >/dev/null 2>&1 || true
echo "Bench-weekly-1" | staff_cli add benchcounty handler "$county" \
    >/dev/null 2>&1 || true
login benchadmin Bench-weekly-1 >/dev/null
login benchcounty Bench-weekly-1 >/dev/null
printf 'weekly\tnational\t%s\n' "$(weekly_ms benchadmin)" >> "$RESULTS"
printf 'weekly\tcounty\t%s\n' "$(weekly_ms benchcounty)" >> "$RESULTS"
say "weekly: $(grep '^weekly' "$RESULTS" | cut -f2,3 | tr '\t\n' '  ')"

printf 'meta\tload_after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
node tests/bench/report.mjs "$RESULTS" "$OUT/report.md" "$OUT/report.json"
ln -sfn "$STAMP" "$ROOT/bench-results/latest"
say "report: bench-results/$STAMP/report.md"
cat "$OUT/report.md"
