#!/usr/bin/env bash
# One private instance of the portal under $VAR: MariaDB on a unix socket,
# the FastCGI programs and nginx on 127.0.0.1:$PORT. Called by the Makefile:
#
#   instance.sh deps [test|bench] | run | start | stop | status | init |
#       generate | reload | db | programs | front
#
# Environment: VAR (default var), PORT (8080), WORKERS (8), BUILD (build),
# DEMO (1: load demo data into a fresh instance); for generate: OUTLETS
# (200000), ENTERPRISES (1000), PRODUCTS (20000), COMPLAINTS (1000000),
# NOTICES (2000), SEED (1), FORCE (0). PAGE_CACHE (1) keeps rendered public
# pages in each worker. LOAD_TEST=1 lifts the per-address complaint limits
# (the program's 5 an hour and nginx's limit_req) of this loopback-only
# instance and serves the benchmark's static copies, for load and fault
# tests; the defaults stay as they are. DB_BUFFER_POOL (256M) is
# MariaDB's innodb_buffer_pool_size (make bench: 2G, the national-size data).
#
# Started as root, MariaDB, the FastCGI programs and nginx's workers run as
# the system user $RUN_USER (created in instance/layout.sh).
#
# This file holds the settings, checks them and dispatches; the work is done
# in src/instance/, a file for each job: packages.sh (deps), layout.sh (run
# user, directories), config.sh (the configuration files), database.sh
# (init), services.sh (run, start, stop, reload, status), generate.sh and
# activity.sh (generate).
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
DB_BUFFER_POOL=${DB_BUFFER_POOL:-256M}
# A member of a cluster (src/cluster.sh): the database server on TCP port
# DB_PORT as server DB_SERVER_ID, a replica when DB_READ_ONLY=1, TLS files
# in TLS_DIR; programs reaching DB_SERVERS (host:port ...) from DB_BIND as
# DB_USER and listening on LISTEN (host:port, then port + 1).
DB_PORT=${DB_PORT:-}
DB_SERVER_ID=${DB_SERVER_ID:-1}
DB_READ_ONLY=${DB_READ_ONLY:-0}
TLS_DIR=${TLS_DIR:-}
DB_SERVERS=${DB_SERVERS:-}
DB_BIND=${DB_BIND:-}
LISTEN=${LISTEN:-}
# A front nginx for app hosts at UPSTREAMS (host:port ...), not the
# programs here.
UPSTREAMS=${UPSTREAMS:-}
PROGRAMS="public staff"
DB_NAME=jdxx
DB_USER=${DB_USER:-jdxx_app}
DB_OWNER=jdxx_owner
ME=$(id -un)
RUN_USER=jdxx

say() { printf 'jdxx: %s\n' "$*"; }
die() { printf 'jdxx: %s\n' "$*" >&2; exit 1; }
# Whether the process in a pid file runs; every part asks.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

case "$PORT" in ''|*[!0-9]*) die "PORT must be a number" ;; esac
case "$WORKERS" in ''|*[!0-9]*) die "WORKERS must be a number" ;; esac
case "$LOAD_TEST" in 0|1) ;; *) die "LOAD_TEST must be 0 or 1" ;; esac
case "$PAGE_CACHE" in 0|1) ;; *) die "PAGE_CACHE must be 0 or 1" ;; esac
case "${DB_BUFFER_POOL%[MG]}" in
''|0*|*[!0-9]*|"$DB_BUFFER_POOL")
	die "DB_BUFFER_POOL must be a size such as 256M or 2G" ;;
esac

# shellcheck source=src/instance/packages.sh
. "$ROOT/src/instance/packages.sh"
# shellcheck source=src/instance/layout.sh
. "$ROOT/src/instance/layout.sh"
# shellcheck source=src/instance/config.sh
. "$ROOT/src/instance/config.sh"
# shellcheck source=src/instance/database.sh
. "$ROOT/src/instance/database.sh"
# shellcheck source=src/instance/services.sh
. "$ROOT/src/instance/services.sh"
# shellcheck source=src/instance/generate.sh
. "$ROOT/src/instance/generate.sh"
# shellcheck source=src/instance/activity.sh
. "$ROOT/src/instance/activity.sh"

case "${1:-}" in
deps) [ "${2:-}" != test ] || WITH_TESTS=1
	[ "${2:-}" != bench ] || WITH_BENCH=1
	cmd_deps ;;
reload) cmd_reload ;;
init) cmd_init ;;
db) cmd_db ;;
programs) cmd_programs ;;
front) cmd_front ;;
run) cmd_run ;;
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
generate) cmd_generate ;;
*) die "usage: instance.sh deps|init|run|start|stop|status|generate|reload|db|programs|front" ;;
esac
