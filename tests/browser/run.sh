#!/usr/bin/env bash
# Browser tests: Chromium, driven by playwright-core, walks the journeys on
# a private instance started afresh (own VAR and PORT, as the HTTP tests).
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
export VAR=${TEST_VAR:-$BUILD/test-var} PORT=${TEST_PORT:-18089} WORKERS=2 BUILD
export BASE="http://127.0.0.1:$PORT" STAFF_PASSWORD=Browser-2009-ok
. tests/private-instance.sh

# receiver SCRIPT DIR FIRST LAST: a receiver of the suite's own on the
# first free port from FIRST to LAST, keeping what it gets in DIR (made
# afresh); its port in rx_port and its process in rx_pid, or none.
receiver() {
	rm -rf "$2"
	mkdir -p "$2"
	rx_port="" rx_pid=""
	for rx_port in $(seq "$3" "$4") ""; do
		(exec 3<>"/dev/tcp/127.0.0.1/$rx_port") 2>/dev/null || break
	done
	[ -n "$rx_port" ] || return 1
	/usr/bin/python3 "tests/http/notify/$1" "$rx_port" "$2" \
	    > "$2.log" 2>&1 &
	rx_pid=$!
}
# An SMS gateway for the notice journey: the instance's sender delivers to
# it (NOTIFY_SMS_URL), each request a file in SMS_GATEWAY_DIR; and an SMTP
# server for the reply journey (MAIL_DIR: one .txt a message).
if receiver sms_gateway.py "$BUILD/browser-sms" 18302 18309; then
	gw_pid=$rx_pid
	export SMS_GATEWAY_DIR="$BUILD/browser-sms"
	export NOTIFY_SMS_URL="http://127.0.0.1:$rx_port/sms/send"
fi
if receiver smtp_receiver.py "$BUILD/browser-mail" 18310 18319; then
	mail_pid=$rx_pid
	export MAIL_DIR="$BUILD/browser-mail"
	export NOTIFY_SMTP_URL="smtp://127.0.0.1:$rx_port"
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
