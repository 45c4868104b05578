#!/usr/bin/env bash
# Browser tests: Chromium, driven by playwright-core, walks the journeys on
# a private instance started afresh (own VAR and PORT, as the HTTP tests).
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
export VAR=${TEST_VAR:-$BUILD/test-var} PORT=${TEST_PORT:-18089} WORKERS=2 BUILD
export BASE="http://127.0.0.1:$PORT" STAFF_PASSWORD=Browser-2009-ok
. tests/private-instance.sh

fresh_instance browser "$BUILD/browser-start.log"
for who in editor handler records; do
	echo "$STAFF_PASSWORD" |
	    staff_cli add "$who" "$who" >/dev/null
done
rm -rf tests/browser/screenshots
# A phone photo with where it was taken, for the complaint journey.
export PHOTO="$BUILD/browser-photo.jpg"
vips gaussnoise "$BUILD/browser-photo.v" 2000 1500 --mean 128 --sigma 30 &&
    vips cast "$BUILD/browser-photo.v" "$PHOTO" uchar &&
    exiftool -q -overwrite_original -GPSLatitude=32.0421 \
    -GPSLongitude=112.1446 -Make=Xiaomi "$PHOTO"
rm -f "$BUILD/browser-photo.v"
node tests/browser/main.mjs > "$BUILD/browser-result.txt"
rc=$?
# A suite that died before counting still reports, and fails.
if ! grep -q '^browser: [0-9]* passed, [0-9]* failed$' "$BUILD/browser-result.txt"; then
	echo "browser: 0 passed, 1 failed"
	exit 1
fi
cat "$BUILD/browser-result.txt"
exit $rc
