#!/bin/sh
# Runs every suite and ends with the total: "N passed, N failed".
# The unit, golden and HTTP suites run twice: as built, and built with
# ASan and UBSan ($BUILD/asan), where every sanitizer report fails.
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

# sanitized NAME CMD...: CMD under ASan and UBSan with $BUILD/asan as
# BUILD and SANITIZED=1; its "name: N passed, N failed" line becomes
# NAME's, with one more failure for each sanitizer report.
sanitized() {
	local name=$1 logs n line
	shift
	# Workers started as root write as the unprivileged user: the reports
	# go where any user may write, not into a checkout it may not reach.
	logs=$(mktemp -d /tmp/jdxx-sanitizer.XXXXXX) || return 1
	chmod 1777 "$logs"
	BUILD=$BUILD/asan SANITIZED=1 \
	    ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:log_path=$logs/asan" \
	    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan" \
	    "$@" > "$logs.out"
	line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed$' "$logs.out" | tail -n 1)
	grep -vE '^[a-z-]+: [0-9]+ passed, [0-9]+ failed$' "$logs.out" >&2
	n=$(find "$logs" -type f | wc -l)
	if [ "$n" -gt 0 ]; then
		for f in "$logs"/*; do
			echo "FAIL $name: sanitizer report $f:" >&2
			head -n 40 "$f" >&2
		done
	fi
	[ "$n" -gt 0 ] || rm -rf "$logs" "$logs.out"
	printf '%s\n' "$line" | awk -v name="$name" -v extra="$n" '
	    /^[a-z-]+: [0-9]+ passed, [0-9]+ failed$/ {
		printf "%s: %d passed, %d failed\n", name, $2, $4 + extra; ok = 1 }
	    END { if (!ok) printf "%s: 0 passed, %d failed\n", name, 1 + extra }'
	[ "$n" -eq 0 ]
}

run unit "$BUILD/unit-tests"
run golden sh tests/golden/run.sh
run layers python3 tests/layers/check.py "$BUILD"
run http bash tests/http/run.sh
run conf bash tests/conf/run.sh
run browser bash tests/browser/run.sh
run asan-unit sanitized asan-unit "$BUILD/asan/unit-tests"
run asan-golden sanitized asan-golden sh tests/golden/run.sh
run asan-http sanitized asan-http env \
    TEST_VAR="${TEST_VAR:-$BUILD/test-var}-asan" \
    TEST_PORT=$((${TEST_PORT:-18089} + 2)) bash tests/http/run.sh
run fuzz env FUZZ_SECONDS=2 FUZZ_BRIEF=1 bash tests/fuzz/run.sh
# The cluster in its short form: 8 s for each fault, about a minute.
run cluster-checks env SECONDS_PER_FAULT=8 bash tests/cluster/run.sh
# Sum the per-suite lines "name: N passed, N failed"; a suite that printed
# none counts as a failure.
awk '/^[a-z-]+: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4; seen[$1] = 1 }
     END { n = split("unit: golden: layers: http: sqlmap: conf: browser: asan-unit: " \
	       "asan-golden: asan-http: fuzz: cluster-checks:", need, " ")
	   for (i = 1; i <= n; i++) if (!(need[i] in seen)) {
		   f++; printf "no result from %s\n", need[i] > "/dev/stderr" }
	   printf "%d passed, %d failed\n", p, f; exit f > 0 }' "$out" || status=1
exit $status
