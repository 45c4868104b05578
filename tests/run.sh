#!/bin/sh
# Runs every suite and ends with the total: "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
BUILD=${BUILD:-build}
export BUILD
out=$BUILD/test-results.txt
: > "$out"
status=0
run() {
	echo "== $1" >&2
	shift
	"$@" 2>&1 | tee -a "$out" >&2 || status=1
}
run unit "$BUILD/unit-tests"
run golden sh tests/golden/run.sh
run http bash tests/http/run.sh
run conf bash tests/conf/run.sh
run browser bash tests/browser/run.sh
# Sum the per-suite lines "name: N passed, N failed"; a suite that printed
# none counts as a failure.
awk '/^[a-z]+: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4; seen[$1] = 1 }
     END { n = split("unit: golden: http: sqlmap: conf: browser:", need, " ")
	   for (i = 1; i <= n; i++) if (!(need[i] in seen)) {
		   f++; printf "no result from %s\n", need[i] > "/dev/stderr" }
	   printf "%d passed, %d failed\n", p, f; exit f > 0 }' "$out" || status=1
exit $status
