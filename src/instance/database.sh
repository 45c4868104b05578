# shellcheck shell=bash
# The instance's database: MariaDB started, the migrations applied, the
# reference and demo data loaded; `instance.sh init` makes a ready instance
# of it and the first staff account. Sourced by src/instance.sh.

MYSQL() { mariadb --defaults-file="$VAR/my.cnf" "$@"; }
# The schema's owner: migrations and nothing else.
MYSQL_OWNER() { mariadb --defaults-file="$VAR/owner.cnf" "$@"; }

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
