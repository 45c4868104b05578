# Least privilege: the programs' database account reads and writes rows
# and nothing more; started as root, MariaDB, the programs and nginx's
# workers run as jdxx, and a program will not serve as root.

app_sql() {
	mariadb --defaults-file="$VAR/my.cnf" --user=jdxx_app \
	    --password="$(cat "$VAR/secret/db-password")" -N jdxx -e "$1" 2>&1
}
grants=$(sql "SHOW GRANTS FOR 'jdxx_app'@'localhost'")
check "app account: two grant lines" [ "$(echo "$grants" | wc -l)" = 2 ]
check "app account: nothing global" grep -q '^GRANT USAGE ON \*\.\* TO `jdxx_app`@`localhost`' <<< "$grants"
check "app account: rows only" grep -qx 'GRANT SELECT, INSERT, UPDATE, DELETE ON `jdxx`\.\* TO `jdxx_app`@`localhost`' <<< "$grants"
check "app account reads" [ "$(app_sql "SELECT COUNT(*) > 0 FROM outlet")" = 1 ]
while IFS='|' read -r what stmt; do
	[ -n "$what" ] || continue
	if app_sql "$stmt" | grep -q 'denied'; then ok; else bad "app account may $what"; fi
done <<'CASES'
create a table|CREATE TABLE privilege_probe (a INT)
drop a table|DROP TABLE audit_log
alter a table|ALTER TABLE complaint ADD COLUMN probe INT
truncate|TRUNCATE TABLE complaint
write files|SELECT 1 INTO OUTFILE '/tmp/jdxx-privilege-probe'
create a trigger|CREATE TRIGGER probe BEFORE INSERT ON notice FOR EACH ROW SET @x = 1
read other schemas|SELECT COUNT(*) FROM mysql.user
grant|GRANT SELECT ON jdxx.* TO 'jdxx_app'@'localhost'
CASES
check "app account cannot read files" [ "$(app_sql "SELECT LOAD_FILE('/etc/passwd') IS NULL")" = 1 ]
check "owner account applied the migrations" grep -q 'ALL PRIVILEGES ON `jdxx`' <<< "$(sql "SHOW GRANTS FOR 'jdxx_owner'@'localhost'")"

# Who runs what.
want=$(id -un)
[ "$(id -u)" -ne 0 ] || want=jdxx
for p in public staff; do
	master=$(cat "$VAR/run/$p.pid")
	users=$(ps -o user= -p "$master,$(pgrep -d, -P "$master")" | sort -u | paste -sd,)
	check "$p runs as $want ($users)" [ "$users" = "$want" ]
done
nginx_workers=$(ps -o user= --ppid "$(cat "$VAR/run/nginx.pid")" | sort -u | paste -sd,)
check "nginx workers run as $want ($nginx_workers)" [ "$nginx_workers" = "$want" ]
db_users() { ps -o euser=,ruser= -p "$(cat "$VAR/run/mariadb.pid")" | tr -s ' ' | sed 's/^ //'; }
check "mariadbd runs as $want ($(db_users))" [ "$(db_users)" = "$want $want" ]
db_home=$(readlink -f "$VAR/mysql")
check "the database files are $want's" [ -z "$(find "$db_home" ! -user "$want" -print -quit)" ]
if [ "$(id -u)" -eq 0 ]; then
	check "the database files are private" [ "$(stat -c %a "$db_home")" = 700 ]
	# An instance whose database ran as root before: its files change
	# hands on the next start and it serves with its data.
	kill -TERM "$(cat "$VAR/run/mariadb.pid")"
	for i in $(seq 1 100); do kill -0 "$(cat "$VAR/run/mariadb.pid")" 2>/dev/null || break; sleep 0.1; done
	chown -R root:root "$db_home"
	instance start > "$BUILD/privilege-restart.log" 2>&1 || bad "start over a database owned by root"
	check "says it gives the files to jdxx" grep -q 'giving the database files' "$BUILD/privilege-restart.log"
	check "mariadbd runs as jdxx again ($(db_users))" [ "$(db_users)" = "jdxx jdxx" ]
	check "root's database files are jdxx's now" [ -z "$(find "$db_home" ! -user jdxx -print -quit)" ]
	expect GET /notices/1 200 "发文机关"
fi
if [ "$(id -u)" -eq 0 ]; then
	"$BUILD/public.fcgi" --config "$VAR/jdxx.hdf" --socket "$BUILD/root-probe.sock" \
	    > "$BUILD/root-probe.log" 2>&1
	check "refuses to serve as root: $?" [ "$?" != 0 ]
	check "says why" grep -q 'started as root' "$BUILD/root-probe.log"
	check "no socket left" [ ! -e "$BUILD/root-probe.sock" ]
	"$BUILD/public.fcgi" --config "$VAR/jdxx.hdf" --socket "$BUILD/root-probe.sock" \
	    --user nosuchuser-jdxx > "$BUILD/root-probe.log" 2>&1
	check "refuses an unknown user" grep -q 'no such user' "$BUILD/root-probe.log"
	check "and leaves no socket" [ ! -e "$BUILD/root-probe.sock" ]
fi
