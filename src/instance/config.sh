# shellcheck shell=bash
# The instance's configuration, written from the settings: its secrets, the
# MariaDB client and server files, the programs' jdxx.hdf and nginx.conf.
# Sourced by src/instance.sh.

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
$(db_network)
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
default-storage-engine = InnoDB
innodb_buffer_pool_size = $DB_BUFFER_POOL
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
$(db_servers_hdf)
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
  URL = http://127.0.0.1:$PORT
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
Notify {
  SMTP {
    URL = ${NOTIFY_SMTP_URL:-}
    From = ${NOTIFY_FROM:-noreply@localhost.localdomain}
  }
  SMS {
    URL = ${NOTIFY_SMS_URL:-}
  }
}
HDF
)
	# Lines marked "load test only" exist only under LOAD_TEST=1, those
	# marked "page cache only" only with the page cache on: with it off,
	# nginx does not even look in its micro-cache.
	local keep='/# load test only$/d' cache='s/ *# page cache only$//'
	[ "$LOAD_TEST" = 0 ] || keep='s/ *# load test only$//'
	[ "$PAGE_CACHE" != 0 ] || cache='/# page cache only$/d'
	sed -e "s|@PUBLIC_SERVERS@|$(upstream_servers public 0)|" \
	    -e "s|@STAFF_SERVERS@|$(upstream_servers staff 1)|" \
	    -e "s|@VAR@|$VAR|g" -e "s|@PORT@|$PORT|g" -e "s|@SHARE@|$SHARE|g" \
	    -e "s|@ROOT@|$ROOT|g" \
	    -e "s|@RUN@|$RT|g" -e "s|@USER@|$nginx_user|g" \
	    -e "s|@LIMIT_KEY@|$limit_key|g" -e "$keep" -e "$cache" \
	    "$ROOT/src/conf/nginx.conf.in" > "$VAR/nginx.conf"
}

# The server's network: none (the socket alone) unless DB_PORT is set; then
# TCP on 127.0.0.1 with TLS from $TLS_DIR, and GTID binary logs and
# semi-synchronous replication, as a primary or (DB_READ_ONLY=1) replica
# of a cluster (src/cluster.sh).
db_network() {
	if [ -z "$DB_PORT" ]; then
		echo skip-networking
		return 0
	fi
	cat <<CNF
port = $DB_PORT
bind-address = 127.0.0.1
ssl-ca = $TLS_DIR/ca.pem
ssl-cert = $TLS_DIR/server-cert.pem
ssl-key = $TLS_DIR/server-key.pem
server_id = $DB_SERVER_ID
log_bin = jdxx-bin
relay_log = jdxx-relay
binlog_format = ROW
# Row events carry what triggers did: the schema owner may create them.
log_bin_trust_function_creators = ON
sync_binlog = 1
log_slave_updates = ON
gtid_strict_mode = ON
read_only = $DB_READ_ONLY
# A commit is acknowledged once a replica has it too. A replica waits for
# no acknowledgement of what it applies; it starts to when promoted.
rpl_semi_sync_master_enabled = $([ "$DB_READ_ONLY" = 1 ] && echo OFF || echo ON)
rpl_semi_sync_slave_enabled = ON
rpl_semi_sync_master_wait_point = AFTER_SYNC
rpl_semi_sync_master_timeout = 10000
CNF
}

# The programs' servers: the socket, or DB_SERVERS (host:port ...) over
# TLS from DB_BIND's address.
db_servers_hdf() {
	local s i=0
	if [ -z "$DB_SERVERS" ]; then
		echo "  Socket = $MYSQL_SOCK"
		return 0
	fi
	echo "  Servers {"
	for s in $DB_SERVERS; do
		printf '    %s {\n      Host = %s\n      Port = %s\n    }\n' \
		    "$i" "${s%:*}" "${s##*:}"
		i=$((i + 1))
	done
	echo "  }"
	[ -z "$DB_BIND" ] || echo "  Bind = $DB_BIND"
	printf '  TLS {\n    CA = %s\n  }\n' "$TLS_DIR/ca.pem"
	echo "  MaxLag = 5"
	echo "  WaitMs = 500"
}

# The servers of program NAME (number N): its socket here, or on each of
# UPSTREAMS (host:port of the first program ...) the port plus N.
upstream_servers() {
	local u out=""
	if [ -z "$UPSTREAMS" ]; then
		printf 'server unix:@RUN@/%s.sock;\n' "$1"
		return 0
	fi
	for u in $UPSTREAMS; do
		out="${out}server ${u%:*}:$(( ${u##*:} + $2 )) max_fails=1 fail_timeout=2s; "
	done
	printf '%s\n' "$out"
}
