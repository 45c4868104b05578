# Shared by the HTTP suites: counters, requests, expectations.
# Sourced by run.sh once VAR, PORT, BUILD and BASE are set.

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL http: $*" >&2; }
instance() { bash src/instance.sh "$@"; }
sql() { mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "$1"; }

# fetch METHOD PATH [BODY [CONTENT_TYPE]]: sets $status, $body, $headers
fetch() {
	local m=$1 p=$2 data=${3-} ct=${4-application/x-www-form-urlencoded}
	local args=(-s -X "$m" -D "$BUILD/h.txt" -o "$BUILD/b.txt" -w '%{http_code}' --max-time 10)
	[ "$m" = HEAD ] && args=(-s -I -D "$BUILD/h.txt" -o /dev/null -w '%{http_code}' --max-time 10)
	if [ -n "$data" ]; then
		args+=(-H "Content-Type: $ct" --data-binary "$data")
	fi
	status=$(curl "${args[@]}" "$BASE$p")
	body=$(cat "$BUILD/b.txt" 2>/dev/null)
	headers=$(cat "$BUILD/h.txt")
}

# expect METHOD PATH STATUS TEXT [BODY [CONTENT_TYPE]]: TEXT must be in the body.
expect() {
	local m=$1 p=$2 want=$3 text=$4
	fetch "$m" "$p" "${5-}" "${6-application/x-www-form-urlencoded}"
	if [ "$status" != "$want" ]; then
		bad "$m $p: status $status, want $want"; return
	fi
	if [ -n "$text" ] && [ "$m" != HEAD ] && ! grep -qF -- "$text" "$BUILD/b.txt"; then
		bad "$m $p: body lacks '$text'"; return
	fi
	ok
}

# check NAME CONDITION...: one test that passes when the command succeeds.
check() {
	local name=$1
	shift
	if "$@"; then ok; else bad "$name"; fi
}

# Valid JSON on stdin.
is_json() { node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' 2>/dev/null; }
# Prints the value of a JavaScript expression over the JSON body (as j).
json_get() { node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log('"$1"')' < "$BUILD/b.txt"; }

# Staff accounts from the shell, as jdxx-staff.
staff_cli() { "$BUILD/jdxx-staff" --config "$VAR/jdxx.hdf" "$@"; }

# sfetch USER METHOD PATH [BODY...]: a request with USER's cookies
# ("none": without any); extra arguments go to curl.
sfetch() {
	local user=$1 m=$2 p=$3
	shift 3
	local jar=(-b "$BUILD/jar-$user" -c "$BUILD/jar-$user")
	[ "$user" = none ] && jar=()
	status=$(curl -s -X "$m" "${jar[@]}" -D "$BUILD/h.txt" -o "$BUILD/b.txt" \
	    -w '%{http_code}' --max-time 20 "$@" "$BASE$p")
}
login() {
	rm -f "$BUILD/jar-$1"
	sfetch "$1" POST /staff/login --data-urlencode "username=$1" \
	    --data-urlencode "password=$2"
}
csrf_of() {
	sfetch "$1" GET /staff/
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt" | head -n 1
}


# csv_file HEADER FILE: the rows on stdin under HEADER, CRLF, with a BOM.
csv_file() { { printf '\357\273\277%s\n' "$1"; cat; } | sed 's/$/\r/' > "$2"; }
# upload USER CSRF PATH ACTION FILE [curl arguments...]: an import form.
upload() {
	local user=$1 token=$2 path=$3 action=$4 file=$5
	shift 5
	sfetch "$user" POST "$path" -F "csrf=$token" \
	    -F "action=$action" -F "file=@$file;type=text/csv" "$@"
}
# report_cells: an import report's tables as lines "line|column|value|message|".
report_cells() {
	sed -e 's/<\/t[dh]>/|/g; s/<[^>]*>//g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g' \
	    "$BUILD/b.txt" | grep '^[0-9整]'
}
