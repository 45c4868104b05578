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
# Sum the per-suite lines "name: N passed, N failed".
awk '/^[a-z]+: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4; n++ }
     END { if (n < 5) f++; printf "%d passed, %d failed\n", p, f; exit f > 0 }' "$out" || status=1
exit $status
