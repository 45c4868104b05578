#!/bin/sh
# Golden template tests: each cases/NAME.hdf renders to cases/NAME.gold.
# UPDATE=1 rewrites the gold files (review the diff before committing).
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
pass=0 fail=0
for hdf in tests/golden/cases/*.hdf; do
	gold=${hdf%.hdf}.gold
	out=$("$BUILD/golden" templates tests/golden/templates "$hdf") || {
		echo "FAIL golden $hdf: render failed" >&2; fail=$((fail + 1)); continue; }
	if [ "${UPDATE:-0}" = 1 ]; then
		printf '%s\n' "$out" > "$gold"
	fi
	if printf '%s\n' "$out" | diff -u "$gold" - >&2; then
		pass=$((pass + 1))
	else
		echo "FAIL golden $hdf" >&2; fail=$((fail + 1))
	fi
done
# The parse trees a worker keeps render each case as a fresh parse does,
# whatever was rendered before.
if kept=$("$BUILD/golden" --kept templates tests/golden/templates \
    tests/golden/cases/*.hdf); then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
fi
echo "$kept" >&2
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
