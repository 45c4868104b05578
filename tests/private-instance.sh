# Shared by the suites that start a private instance of their own (VAR,
# PORT, BUILD and BASE set by the caller).

instance() { bash src/instance.sh "$@"; }
sql() { mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "$1"; }
staff_cli() { "$BUILD/jdxx-staff" --config "$VAR/jdxx.hdf" "$@"; }

# The directory of the programs' sockets, which nginx's workers reach:
# VAR/run, or /run/jdxx-* when the instance runs as root and they cannot.
runtime_dir() {
	sed -n 's|.*fastcgi_pass unix:\(.*\)/public\.sock;.*|\1|p' \
	    "$VAR/nginx.conf" | head -n 1
}

# fresh_instance SUITE LOG: a new instance, stopped when the suite ends; if
# it does not start, the log and a failed result line, and the suite ends.
fresh_instance() {
	trap 'instance stop >/dev/null 2>&1' EXIT
	instance stop >/dev/null 2>&1
	# A database kept out of VAR's reach (instance.sh) goes with it.
	case "$(readlink "$VAR/mysql" 2>/dev/null)" in
	/var/lib/jdxx-*) rm -rf "$(readlink "$VAR/mysql")" ;;
	esac
	rm -rf "$VAR"
	if ! instance start > "$2" 2>&1; then
		cat "$2" >&2
		echo "$1: 0 passed, 1 failed"
		exit 1
	fi
}

# file_complaint RECEIPT DESCRIPTION: files a complaint about outlet 1
# through nginx, keeps the receipt page, prints its tracking number and
# query code (one line each; nothing when it was not accepted).
file_complaint() {
	curl -s -o "$1" --max-time 20 \
	    --data-urlencode "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)" \
	    --data-urlencode outlet=1 --data-urlencode category=overcharge \
	    --data-urlencode "description=$2" \
	    --data-urlencode name=王五 --data-urlencode phone=13912345678 \
	    --data-urlencode region=420607001 --data-urlencode consent=1 \
	    --data-urlencode action=submit "$BASE/complaints"
	grep -o 'class="code">[0-9A-Z-]*<' "$1" | cut -d'>' -f2 | tr -d '<'
}
