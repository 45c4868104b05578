# shellcheck shell=bash
# Where the instance lives: the system user it runs as, the instance's key
# and its directories in /run and /var/lib, and who owns what, so that a
# checkout or VAR out of that user's reach still works. Sourced by
# src/instance.sh.

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
# not, so then they move to /run, /var/lib and a copy. write_configs
# (config.sh) and start_programs (services.sh) read them.
# shellcheck disable=SC2034
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
