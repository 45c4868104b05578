#!/usr/bin/env bash
# Instructions per request of the public program, counted by callgrind:
# stable where wall-clock figures are not, so versions can be compared.
#
#   tests/bench/callgrind.sh PATH [REQUESTS]
#
# Runs one public worker under callgrind in place of the running instance's
# (VAR, PORT, BUILD as for make bench), asks PATH once to warm it, then
# REQUESTS (200) times, and prints Ir per request: the difference between
# the worker's total and that of a run asking only the warm-up, divided by
# REQUESTS. PAGE_CACHE=0 counts the work without the page cache. FORM, when
# set, is POSTed instead, its @TOKEN@ replaced by a new 43-character form
# token each time (tests/bench/complaint.lua's form, for one). Restores
# the ordinary programs afterwards.
set -eu
cd "$(dirname "$0")/../.."
VAR=${VAR:-var-bench} PORT=${PORT:-8090} BUILD=${BUILD:-build}
case "$VAR" in /*) ;; *) VAR=$(pwd)/$VAR ;; esac
export VAR PORT BUILD
path=${1:?usage: callgrind.sh PATH [REQUESTS]}
n=${2:-200}
cache=${PAGE_CACHE:-1}
dir=$VAR/callgrind
# The socket nginx asks (under /run when the instance runs as root).
sock=$(sed -n 's/.*unix:\([^;: ]*public\.sock\).*/\1/p' "$VAR/nginx.conf" | head -n 1)
user=()
[ "$(id -u)" -ne 0 ] || user=(--user jdxx)
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is missing" >&2; exit 1; }

run=cg$$-$(date +%s)
# ask N: one request, the Nth of this count.
ask() {
	local token
	if [ -z "${FORM:-}" ]; then
		curl -s -o /dev/null "http://127.0.0.1:$PORT$path"
		return
	fi
	token=$(printf '%s-%s-%0*d' "$run" "$BASHPID" $((41 - ${#run} - ${#BASHPID})) "$1")
	curl -s -o /dev/null --data "${FORM//@TOKEN@/$token}" \
	    "http://127.0.0.1:$PORT$path"
}

# total REQUESTS: the worker's Ir after the warm-up and REQUESTS more.
total() {
	local i pid
	rm -rf "$dir" && mkdir -p "$dir"
	# The worker writes its counts after it has given up root.
	[ "${#user[@]}" -eq 0 ] || chown jdxx "$dir"
	sed -e 's/^Workers = .*/Workers = 1/' \
	    -e "s/^PageCache = .*/PageCache = $cache/" "$VAR/jdxx.hdf" > "$dir/jdxx.hdf"
	kill "$(cat "$VAR/run/public.pid")" 2>/dev/null || true
	for i in $(seq 1 100); do kill -0 "$(cat "$VAR/run/public.pid")" 2>/dev/null || break; sleep 0.1; done
	rm -f "$sock"
	valgrind --tool=callgrind --callgrind-out-file="$dir/out.%p" \
	    "$BUILD/public.fcgi" --config "$dir/jdxx.hdf" \
	    --socket "$sock" "${user[@]}" 2> "$dir/valgrind.log" &
	pid=$!
	for i in $(seq 1 100); do [ -S "$sock" ] && break; sleep 0.2; done
	sleep 1
	ask 0
	for i in $(seq 1 "$1"); do ask "$i"; done
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	# The worker is the file with the most instructions; the master idles.
	for f in "$dir"/out.*; do
		sed -n 's/^summary: //p; s/^totals: //p' "$f" | head -n 1
	done | sort -n | tail -n 1
}

base=$(total 0)
more=$(total "$n")
rm -f "$VAR/run/public.pid"
bash src/instance.sh reload > /dev/null
awk -v a="$base" -v b="$more" -v n="$n" -v p="$path" \
    -v c="$cache" 'BEGIN { printf "%s (page cache %s): %.0f Ir per request (%d requests)\n",
    p, c ? "on" : "off", (b - a) / n, n }'
