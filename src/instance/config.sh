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
