# shellcheck shell=bash
# The running instance: the FastCGI programs and nginx started after init,
# every service stopped, the programs reloaded, their state reported
# (`instance.sh start|stop|reload|status|run`).
# Sourced by src/instance.sh.

# Where program number n (0, 1...) listens: its socket in $RT, or with
# LISTEN (host:port) the port plus n.
listen_at() {
	if [ -z "$LISTEN" ]; then
		printf '%s/%s.sock\n' "$RT" "$1"
	else
		printf '%s:%s\n' "${LISTEN%:*}" $(( ${LISTEN##*:} + $2 ))
	fi
}

# Whether something listens there.
listening() {
	case "$1" in
	/*) [ -S "$1" ] ;;
	*) (exec 3<>"/dev/tcp/${1%:*}/${1##*:}") 2>/dev/null ;;
	esac
}

start_programs() {
	local p i n=0 at user=()
	! as_root || user=(--user "$RUN_USER")
	for p in $PROGRAMS; do
		at=$(listen_at "$p" "$n")
		n=$((n + 1))
		pid_alive "$VAR/run/$p.pid" && continue
		[ -n "$LISTEN" ] || rm -f "$at"
		setsid "$BUILD/$p.fcgi" --config "$VAR/jdxx.hdf" \
		    --socket "$at" "${user[@]}" >> "$VAR/log/$p.log" 2>&1 \
		    < /dev/null &
		echo $! > "$VAR/run/$p.pid"
		for i in $(seq 1 50); do
			listening "$at" && break
			sleep 0.1
		done
		listening "$at" || die "$p did not start; see $VAR/log/$p.log"
	done
}

# The notice sender beside the programs; it needs no socket, only the
# database.
start_notify() {
	local user=()
	pid_alive "$VAR/run/notify.pid" && return 0
	! as_root || user=(--user "$RUN_USER")
	setsid "$BUILD/jdxx-notify" --config "$VAR/jdxx.hdf" "${user[@]}" \
	    >> "$VAR/log/notify.log" 2>&1 < /dev/null &
	echo $! > "$VAR/run/notify.pid"
	sleep 0.2
	pid_alive "$VAR/run/notify.pid" ||
	    die "jdxx-notify did not start; see $VAR/log/notify.log"
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
	start_notify
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

# A cluster's parts (src/cluster.sh): the database server alone, the
# programs alone.
cmd_db() {
	write_configs
	start_db
}

cmd_programs() {
	[ -x "$BUILD/public.fcgi" ] || die "not built; run make first"
	write_configs
	start_programs
	say "programs listening on $(listen_at public 0) and $(listen_at staff 1)"
}

cmd_front() {
	write_configs
	start_nginx
	say "serving http://127.0.0.1:$PORT/ from $UPSTREAMS"
}

cmd_stop() {
	local p
	stop_one "$VAR/run/nginx.pid"
	stop_one "$VAR/run/notify.pid"
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
	stop_one "$VAR/run/notify.pid"
	for p in $PROGRAMS; do stop_one "$VAR/run/$p.pid"; done
	start_programs
	start_notify
	kill -HUP "$(cat "$VAR/run/nginx.pid")" 2>/dev/null || true
}

cmd_status() {
	local p rc=0
	for p in mariadb $PROGRAMS notify nginx; do
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

cmd_run() {
	trap 'say "stopping"; cmd_stop; exit 0' INT TERM
	cmd_start
	say "press Ctrl-C to stop"
	while :; do
		sleep 1 &
		wait $! || true
	done
}
