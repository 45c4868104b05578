#!/usr/bin/env bash
# A cluster on one machine, each member an instance (src/instance.sh) of its
# own: three MariaDB servers on 127.0.0.1 (db1 the primary, db2 and db3
# semi-synchronous replicas; GTID, TLS), two app hosts (app1 on 127.0.0.2,
# app2 on 127.0.0.3, each with its own database user) and a front nginx
# balancing them on 127.0.0.1:$PORT.
#
#   cluster.sh up | down | status | promote | kill MEMBER | start MEMBER |
#       sql MEMBER SQL
#
# promote makes the most advanced replica (by GTID) the primary and points
# the other replicas at it; the app hosts find it by its read_only.
# Environment: CLUSTER (var-cluster), PORT (8070), DB_BASE (3400: db1 on
# 3401...), APP_PORT (9100: public there, staff one above), WORKERS (4),
# BUILD (build).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
abs() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$(pwd)" "$1" ;; esac; }
CLUSTER=$(abs "${CLUSTER:-var-cluster}")
BUILD=$(abs "${BUILD:-build}")
PORT=${PORT:-8070}
DB_BASE=${DB_BASE:-3400}
APP_PORT=${APP_PORT:-9100}
WORKERS=${WORKERS:-4}
SERVERS="db1 db2 db3"
APPS="app1 app2"
RUN_USER=jdxx

say() { printf 'cluster: %s\n' "$*"; }
die() { printf 'cluster: %s\n' "$*" >&2; exit 1; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

case "$PORT$DB_BASE$APP_PORT$WORKERS" in *[!0-9]*) die "PORT, DB_BASE, APP_PORT and WORKERS are numbers" ;; esac

# The TLS files: where the run user reads them when started as root.
if [ "$(id -u)" -eq 0 ]; then
	TLS_DIR=/run/jdxx-cluster-$(printf '%s' "$CLUSTER" | md5sum | cut -c1-10)
else
	TLS_DIR=$CLUSTER/tls
fi

n_of() { printf '%s\n' "${1//[!0-9]/}"; }
db_port() { printf '%s\n' $((DB_BASE + $(n_of "$1"))); }
app_addr() { printf '127.0.0.%s\n' $(($(n_of "$1") + 1)); }
all_servers() {
	local s out=""
	for s in $SERVERS; do out="$out 127.0.0.1:$(db_port "$s")"; done
	printf '%s\n' "${out# }"
}

# instance MEMBER COMMAND: src/instance.sh for one member.
instance() {
	local m=$1 ro=0
	shift
	case "$m" in
	db*)	[ "$m" = db1 ] || ro=1
		[ ! -f "$CLUSTER/primary" ] || [ "$(cat "$CLUSTER/primary")" != "$m" ] || ro=0
		VAR=$CLUSTER/$m BUILD=$BUILD PORT=$((PORT + 100 + $(n_of "$m"))) \
		    DB_PORT=$(db_port "$m") DB_SERVER_ID=$(n_of "$m") \
		    DB_READ_ONLY=$ro TLS_DIR=$TLS_DIR LOAD_TEST=1 \
		    bash "$ROOT/src/instance.sh" "$@" ;;
	app*)	VAR=$CLUSTER/$m BUILD=$BUILD WORKERS=$WORKERS LOAD_TEST=1 \
		    PORT=$((PORT + 200 + $(n_of "$m"))) TLS_DIR=$TLS_DIR \
		    DB_SERVERS="$(all_servers)" DB_BIND=$(app_addr "$m") \
		    DB_USER=jdxx_$m LISTEN=$(app_addr "$m"):$APP_PORT \
		    bash "$ROOT/src/instance.sh" "$@" ;;
	front)	VAR=$CLUSTER/front BUILD=$BUILD PORT=$PORT LOAD_TEST=1 \
		    UPSTREAMS="$(upstreams)" bash "$ROOT/src/instance.sh" "$@" ;;
	*)	die "no member $m" ;;
	esac
}

# root SERVER SQL...: as the server's administrator, over its socket.
root_sql() {
	local m=$1
	shift
	mariadb --defaults-file="$CLUSTER/$m/my.cnf" -N "$@"
}

upstreams() {
	local a
	for a in $APPS; do printf '%s:%s ' "$(app_addr "$a")" "$APP_PORT"; done
}

make_tls() {
	[ -s "$TLS_DIR/server-cert.pem" ] && return 0
	mkdir -p "$TLS_DIR"
	(
		cd "$TLS_DIR"
		openssl req -x509 -newkey rsa:2048 -nodes -days 3650 \
		    -subj "/CN=jdxx cluster CA" -keyout ca-key.pem -out ca.pem 2>/dev/null
		openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
		    -keyout server-key.pem -out server.csr 2>/dev/null
		printf 'subjectAltName = IP:127.0.0.1, DNS:localhost\n' > san.cnf
		openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem \
		    -CAcreateserial -days 3650 -extfile san.cnf \
		    -out server-cert.pem 2>/dev/null
		rm -f server.csr san.cnf ca.srl
	) || die "could not make the TLS files in $TLS_DIR"
	if [ "$(id -u)" -eq 0 ]; then
		id -u "$RUN_USER" >/dev/null 2>&1 || useradd --system --user-group \
		    --no-create-home --home-dir /nonexistent \
		    --shell /usr/sbin/nologin "$RUN_USER"
		chown -R "root:$RUN_USER" "$TLS_DIR"
		chmod 750 "$TLS_DIR"
		chmod 640 "$TLS_DIR"/*.pem
	fi
	chmod 600 "$TLS_DIR/ca-key.pem"
}

secret() {
	local f=$CLUSTER/secret/$1
	mkdir -p "$CLUSTER/secret"
	chmod 700 "$CLUSTER/secret"
	[ -s "$f" ] || (umask 077; head -c 24 /dev/urandom | base64 |
	    tr -dc 'A-Za-z0-9' > "$f")
	cat "$f"
}

# The replication account on every server, outside the binary log: each
# may become the primary.
replication_account() {
	local m=$1 pw
	pw=$(secret replication)
	root_sql "$m" <<SQL
SET sql_log_bin = 0;
CREATE USER IF NOT EXISTS 'jdxx_repl'@'127.0.0.1' IDENTIFIED BY '$pw' REQUIRE SSL;
GRANT REPLICATION SLAVE, SLAVE MONITOR ON *.* TO 'jdxx_repl'@'127.0.0.1';
SET sql_log_bin = 1;
SQL
}

# follow REPLICA PRIMARY: replicate from PRIMARY by GTID over TLS.
follow() {
	local pw
	pw=$(secret replication)
	root_sql "$1" <<SQL
STOP SLAVE;
CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = $(db_port "$2"),
  MASTER_USER = 'jdxx_repl', MASTER_PASSWORD = '$pw',
  MASTER_SSL = 1, MASTER_SSL_CA = '$TLS_DIR/ca.pem',
  MASTER_SSL_VERIFY_SERVER_CERT = 1,
  MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1;
START SLAVE;
SQL
}

# Each app host's own database user, from its own address, over TLS
# only: rows and the replicas' state, nothing more.
app_accounts() {
	local a pw
	for a in $APPS; do
		pw=$(secret "db-$a")
		root_sql db1 <<SQL
CREATE USER IF NOT EXISTS 'jdxx_$a'@'$(app_addr "$a")' IDENTIFIED BY '$pw' REQUIRE SSL;
GRANT SELECT, INSERT, UPDATE, DELETE ON jdxx.* TO 'jdxx_$a'@'$(app_addr "$a")';
GRANT SLAVE MONITOR ON *.* TO 'jdxx_$a'@'$(app_addr "$a")';
SQL
		mkdir -p "$CLUSTER/$a/secret"
		chmod 700 "$CLUSTER/$a/secret"
		(umask 077; printf '%s' "$pw" > "$CLUSTER/$a/secret/db-password"
		    cp "$CLUSTER/db1/secret/app-secret" "$CLUSTER/$a/secret/app-secret")
		# Demo data is marked on every host's pages.
		[ ! -f "$CLUSTER/db1/demo" ] || touch "$CLUSTER/$a/demo"
	done
}

cmd_up() {
	local m
	[ -x "$BUILD/public.fcgi" ] || die "not built; run make first"
	mkdir -p "$CLUSTER"
	make_tls
	if [ ! -f "$CLUSTER/primary" ]; then
		for m in $SERVERS; do
			instance "$m" db
			# What mariadb-install-db wrote is no transaction to send.
			root_sql "$m" -e "RESET MASTER"
			replication_account "$m"
		done
		for m in $SERVERS; do [ "$m" = db1 ] || follow "$m" db1; done
		instance db1 init
		app_accounts
		echo db1 > "$CLUSTER/primary"
	else
		for m in $SERVERS; do instance "$m" db; done
	fi
	for m in $APPS; do instance "$m" programs; done
	instance front front
	say "serving http://127.0.0.1:$PORT/ (primary $(cat "$CLUSTER/primary"))"
}

cmd_down() {
	local m
	for m in front $APPS $SERVERS; do
		[ -d "$CLUSTER/$m" ] && instance "$m" stop >/dev/null 2>&1 || true
	done
	[ "$(id -u)" -ne 0 ] || rm -rf "$TLS_DIR"
}

# gtid SERVER: the last sequence number it holds (domain 0), or -1.
gtid_seq() {
	local p
	p=$(root_sql "$1" -e "SELECT @@gtid_current_pos" 2>/dev/null) || { echo -1; return; }
	p=$(printf '%s\n' "$p" | tr ',' '\n' | sed -n 's/^0-[0-9]*-//p')
	printf '%s\n' "${p:--1}"
}

cmd_status() {
	local m ro
	for m in $SERVERS; do
		if ! pid_alive "$CLUSTER/$m/run/mariadb.pid"; then
			say "$m down"
			continue
		fi
		ro=$(root_sql "$m" -e "SELECT IF(@@read_only, 'replica', 'primary')")
		say "$m $ro, gtid $(root_sql "$m" -e "SELECT @@gtid_current_pos"), semi-sync $(root_sql "$m" -e "SHOW STATUS LIKE 'Rpl_semi_sync_master_status'" | cut -f2)"
	done
	for m in $APPS front; do
		if pid_alive "$CLUSTER/$m/run/public.pid" || pid_alive "$CLUSTER/$m/run/nginx.pid"; then
			say "$m up"
		else
			say "$m down"
		fi
	done
}

# The most advanced live replica becomes the primary; the others follow it.
cmd_promote() {
	local m seq best="" best_seq=-1 io
	for m in $SERVERS; do
		pid_alive "$CLUSTER/$m/run/mariadb.pid" || continue
		[ "$(root_sql "$m" -e "SELECT @@read_only")" = 1 ] || continue
		# Take in nothing more; apply all that was received.
		root_sql "$m" -e "STOP SLAVE IO_THREAD"
		io=$(root_sql "$m" -e "SHOW SLAVE STATUS\G" |
		    sed -n 's/^ *Gtid_IO_Pos: *//p')
		[ -z "$io" ] || root_sql "$m" -e "SELECT MASTER_GTID_WAIT('$io', 10)" >/dev/null
		root_sql "$m" -e "STOP SLAVE" >/dev/null
		seq=$(gtid_seq "$m")
		say "$m holds up to $seq"
		if [ "$seq" -gt "$best_seq" ]; then best=$m; best_seq=$seq; fi
	done
	[ -n "$best" ] || die "no live replica to promote"
	# Acknowledged commits wait for a replica of the new primary now.
	root_sql "$best" -e "RESET SLAVE ALL; SET GLOBAL rpl_semi_sync_master_enabled = ON; SET GLOBAL read_only = 0"
	echo "$best" > "$CLUSTER/primary"
	for m in $SERVERS; do
		[ "$m" != "$best" ] || continue
		pid_alive "$CLUSTER/$m/run/mariadb.pid" || continue
		[ "$(root_sql "$m" -e "SELECT @@read_only")" = 1 ] || continue
		follow "$m" "$best"
	done
	say "$best is the primary"
}

# kill -9, as a crash: a server, an app host's programs, the front.
cmd_kill() {
	local m=$1 p
	for p in mariadb public staff nginx; do
		[ -f "$CLUSTER/$m/run/$p.pid" ] || continue
		kill -KILL "$(cat "$CLUSTER/$m/run/$p.pid")" 2>/dev/null || true
		# A killed master's workers go with it.
		pkill -KILL -f "$CLUSTER/$m/jdxx.hdf" 2>/dev/null || true
		rm -f "$CLUSTER/$m/run/$p.pid"
	done
}

# A member started again: a server as a replica of the primary.
cmd_start() {
	local m=$1
	case "$m" in
	db*)	instance "$m" db
		[ "$(cat "$CLUSTER/primary")" = "$m" ] ||
		    follow "$m" "$(cat "$CLUSTER/primary")" ;;
	app*)	instance "$m" programs ;;
	front)	instance front front ;;
	*)	die "no member $m" ;;
	esac
}

case "${1:-}" in
up) cmd_up ;;
down) cmd_down ;;
status) cmd_status ;;
promote) cmd_promote ;;
kill) cmd_kill "${2:?member}" ;;
start) cmd_start "${2:?member}" ;;
sql) root_sql "${2:?member}" -e "${3:?sql}" jdxx ;;
*) die "usage: cluster.sh up|down|status|promote|kill MEMBER|start MEMBER|sql MEMBER SQL" ;;
esac
