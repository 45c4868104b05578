#!/usr/bin/env bash
# Runs each libFuzzer harness of $BUILD/fuzz for FUZZ_SECONDS from its
# seeds in tests/fuzz/corpus/NAME (with tests/fuzz/NAME.dict and the
# libFuzzer flags in tests/fuzz/NAME.options, one a line, when there are
# some) and prints, per harness, the executions and the findings.
# What a run adds to the corpus goes to $BUILD/fuzz/corpus/NAME; crashes,
# leaks and timeouts to $BUILD/fuzz/findings/NAME/.
#
# FUZZ_BRIEF=1 (make test) starts each from the seeds alone and ends
# with "fuzz: N passed, N failed", one test per harness.
# FUZZ_RUNS=N stops a harness after N executions (FUZZ_SECONDS still
# bounds it). FUZZ_ONLY=NAME runs just that harness.
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
SECONDS_EACH=${FUZZ_SECONDS:-60}
pass=0 fail=0
case "$SECONDS_EACH" in ''|*[!0-9]*)
	echo "FUZZ_SECONDS must be a number of seconds" >&2; exit 2 ;;
esac
for bin in "$BUILD"/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	name=${bin##*/fuzz_}
	[ -z "${FUZZ_ONLY:-}" ] || [ "$FUZZ_ONLY" = "$name" ] || continue
	work=$BUILD/fuzz/corpus/$name
	found=$BUILD/fuzz/findings/$name
	log=$BUILD/fuzz/$name.log
	[ "${FUZZ_BRIEF:-0}" = 1 ] && rm -rf "$work"
	rm -rf "$found"
	mkdir -p "$work" "$found"
	# Errors the code under test logs are noise here; sanitizer reports
	# still reach the log.
	args=(-max_total_time="$SECONDS_EACH" -print_final_stats=1
	    -timeout=10 -rss_limit_mb=2048 -max_len=8192 -close_fd_mask=2
	    -artifact_prefix="$found/")
	[ -f "tests/fuzz/$name.dict" ] && args+=(-dict="tests/fuzz/$name.dict")
	[ -n "${FUZZ_RUNS:-}" ] && args+=(-runs="$FUZZ_RUNS")
	if [ -f "tests/fuzz/$name.options" ]; then
		while read -r opt; do
			case "$opt" in ''|\#*) ;; *) args+=("$opt") ;; esac
		done < "tests/fuzz/$name.options"
	fi
	seeds=()
	[ -d "tests/fuzz/corpus/$name" ] && seeds=("tests/fuzz/corpus/$name")
	# Not hunting leaks means not at exit either.
	leaks=1
	case " ${args[*]} " in *" -detect_leaks=0 "*) leaks=0 ;; esac
	start=$EPOCHREALTIME
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=$leaks \
	    "$bin" "${args[@]}" "$work" "${seeds[@]}" > "$log" 2>&1
	rc=$?
	secs=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	findings=$(find "$found" -type f | wc -l)
	if [ "$rc" -ne 0 ] && [ "$findings" -eq 0 ]; then
		findings=1	# died without saving its input: still a finding
	fi
	printf 'fuzz_%s: %s executions in %s s, %s findings\n' "$name" \
	    "${runs:-0}" "$secs" "$findings"
	if [ "$findings" -eq 0 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL fuzz_$name: see $log and $found/" >&2
		grep -m 1 -A 12 '^==[0-9]*==ERROR\|runtime error' "$log" >&2
	fi
done
if [ "${FUZZ_BRIEF:-0}" = 1 ]; then
	[ $((pass + fail)) -gt 0 ] || fail=1
	echo "fuzz: $pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
