#!/usr/bin/env bash
# Browser tests: Chromium, driven by playwright-core, walks the journeys on
# a private instance started afresh (own VAR and PORT, as the HTTP tests).
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
export VAR=${TEST_VAR:-$BUILD/test-var} PORT=${TEST_PORT:-18089} WORKERS=2 BUILD
export BASE="http://127.0.0.1:$PORT" STAFF_PASSWORD=Browser-2009-ok
. tests/private-instance.sh

# An SMS gateway of our own for the notice journey: the instance's sender
# delivers to it (NOTIFY_SMS_URL), each request a file in SMS_GATEWAY_DIR.
gw_dir="$BUILD/browser-sms"
rm -rf "$gw_dir"
mkdir -p "$gw_dir"
for gw_port in $(seq 18302 18309) ""; do
	(exec 3<>"/dev/tcp/127.0.0.1/$gw_port") 2>/dev/null || break
done
if [ -n "$gw_port" ]; then
	/usr/bin/python3 tests/http/notify/sms_gateway.py "$gw_port" \
	    "$gw_dir" > "$BUILD/browser-sms.log" 2>&1 &
	gw_pid=$!
	export SMS_GATEWAY_DIR="$gw_dir"
	export NOTIFY_SMS_URL="http://127.0.0.1:$gw_port/sms/send"
fi
# And an SMTP server for the reply journey (MAIL_DIR: one .txt a message).
mail_dir="$BUILD/browser-mail"
rm -rf "$mail_dir"
mkdir -p "$mail_dir"
for mail_port in $(seq 18310 18319) ""; do
	(exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null || break
done
if [ -n "$mail_port" ]; then
	/usr/bin/python3 tests/http/notify/smtp_receiver.py "$mail_port" \
	    "$mail_dir" > "$BUILD/browser-mail.log" 2>&1 &
	mail_pid=$!
	export MAIL_DIR="$mail_dir"
	export NOTIFY_SMTP_URL="smtp://127.0.0.1:$mail_port"
fi
fresh_instance browser "$BUILD/browser-start.log"
trap 'instance stop >/dev/null 2>&1; kill ${gw_pid:-} ${mail_pid:-} 2>/dev/null' EXIT
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
