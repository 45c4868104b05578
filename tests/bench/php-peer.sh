# shellcheck shell=bash
# The benchmark's PHP peer: tests/bench/php/county.php under PHP-FPM (8.2,
# opcache on, PDO with server-side prepares, 4 static children) on
# $RT/bench-php.sock, behind the instance's own nginx at /bench/php/.
# Sourced by tests/bench/bench.sh after tests/private-instance.sh; needs
# VAR, RT and the instance's jdxx.hdf.

php_peer_fpm() { command -v php-fpm8.2 || command -v php-fpm; }

# The value of an HDF line "  Key = value" inside the instance's DB block.
php_peer_db() {
	awk -v k="$1" '/^DB \{/ { on = 1; next } on && /^\}/ { on = 0 }
	    on && $1 == k { sub(/^[^=]*= */, ""); print; exit }' "$VAR/jdxx.hdf"
}

# php_peer_start ASSET_VERSION DEMO(0|1)
php_peer_start() {
	local fpm conf=$VAR/bench-php-fpm.conf user=""
	fpm=$(php_peer_fpm) || die "php-fpm is missing; run make bench as root once"
	php_peer_stop
	[ "$(id -u)" -ne 0 ] || user="user = jdxx"
	# Only the owner reads it: it holds the database password.
	( umask 077; cat > "$conf" <<CONF
[global]
error_log = $VAR/log/bench-php.log
daemonize = no

[county]
$user
listen = $RT/bench-php.sock
listen.mode = 0666
pm = static
pm.max_children = 4
pm.max_requests = 0
clear_env = yes
env[JDXX_DB_SOCKET] = $(php_peer_db Socket)
env[JDXX_DB_USER] = $(php_peer_db User)
env[JDXX_DB_PASSWORD] = $(php_peer_db Password)
env[JDXX_ASSET_VERSION] = $1
env[JDXX_DEMO] = $2
CONF
	)
	setsid "$fpm" --nodaemonize --fpm-config "$conf" \
	    -d opcache.enable=1 -d opcache.validate_timestamps=0 \
	    -d display_errors=0 -d log_errors=1 \
	    >> "$VAR/log/bench-php.log" 2>&1 < /dev/null &
	echo $! > "$VAR/run/bench-php.pid"
	for _ in $(seq 1 50); do
		[ -S "$RT/bench-php.sock" ] && return 0
		sleep 0.1
	done
	die "php-fpm did not start; see $VAR/log/bench-php.log"
}

php_peer_stop() {
	[ -f "$VAR/run/bench-php.pid" ] || return 0
	kill "$(cat "$VAR/run/bench-php.pid")" 2>/dev/null || true
	for _ in $(seq 1 50); do
		kill -0 "$(cat "$VAR/run/bench-php.pid")" 2>/dev/null || break
		sleep 0.1
	done
	rm -f "$VAR/run/bench-php.pid" "$RT/bench-php.sock"
}
