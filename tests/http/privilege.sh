# Least privilege: the programs' database account reads and writes rows
# and nothing more; started as root, the programs and nginx's workers run
# as jdxx, and a program will not serve as root.

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
