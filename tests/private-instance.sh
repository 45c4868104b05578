# Shared by the suites that start a private instance of their own (VAR,
# PORT, BUILD and BASE set by the caller).

instance() { bash src/instance.sh "$@"; }
sql() { mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "$1"; }
staff_cli() { "$BUILD/jdxx-staff" --config "$VAR/jdxx.hdf" "$@"; }

# The directory of the programs' sockets, which nginx's workers reach:
# VAR/run, or /run/jdxx-* when the instance runs as root and they cannot.
runtime_dir() {
	sed -n 's|.*server unix:\(.*\)/public\.sock;.*|\1|p' \
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

# Signing staff in, as the suites and the soak do.

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
# login USER PASSWORD [curl arguments...]: signs in through the forms as
# a browser does: the sign-in form's token, the password, then where
# asked the second factor, set up on the first sign-in that asks for it
# (its secret kept in $BUILD/totp-$PORT-USER) and answered with a code
# oathtool computes. $status is the password step's answer, or 303 when
# a second step followed and signed in.
login() {
	local user=$1 pass=$2 token
	shift 2
	rm -f "$BUILD/jar-$user"
	sfetch "$user" GET /staff/login "$@"
	token=$(login_token)
	sfetch "$user" POST /staff/login --data-urlencode "username=$user" \
	    --data-urlencode "password=$pass" --data-urlencode "login_token=$token" "$@"
	case "$status:$(location)" in
	303:/staff/totp) totp_enrol "$user" "$@" ;;
	303:/staff/login/otp*) totp_answer "$user" "$@" ;;
	esac
}
# The sign-in form's own token on the last page.
login_token() {
	sed -n 's/.*name="login_token" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt" | head -n 1
}
# The first form token (name="csrf") of the last page.
page_csrf() {
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt" | head -n 1
}
# The Location of the last answer, or nothing.
location() {
	sed -n 's/^[Ll]ocation: \([^\r]*\).*/\1/p' "$BUILD/h.txt" | tr -d '\r' | head -n 1
}
# The second factor's secret on the set-up page, in groups of four.
page_secret() { sed -n 's/.*id="secret">\([A-Z2-7 ]*\)<.*/\1/p' "$BUILD/b.txt" | head -n 1; }
totp_file() { printf '%s/totp-%s-%s\n' "$BUILD" "$PORT" "$1"; }
# totp_code USER: a code for the user's secret at a step not used
# before (the portal takes each step once), waiting for one if need be.
totp_code() {
	local f now step last
	f=$(totp_file "$1")
	now=$(( $(date +%s) / 30 ))
	last=$(cat "$f.step" 2>/dev/null || echo 0)
	step=$now
	[ "$step" -gt "$last" ] || step=$((last + 1))
	# One step ahead is still taken; two are not.
	if [ "$step" -gt $((now + 1)) ]; then
		sleep $(( (step - 1) * 30 - $(date +%s) + 1 ))
	fi
	echo "$step" > "$f.step"
	oathtool --totp -b -N "@$((step * 30))" "$(cat "$f")"
}
# totp_enrol USER: sets up the second factor the sign-in asks for.
totp_enrol() {
	local user=$1 secret f token
	shift
	f=$(totp_file "$user")
	sfetch "$user" GET /staff/totp "$@"
	secret=$(page_secret | tr -d ' ')
	token=$(page_csrf)
	printf '%s\n' "$secret" > "$f"
	sfetch "$user" POST /staff/totp --data-urlencode "csrf=$token" \
	    --data-urlencode "code=$(totp_code "$user")" "$@"
	sed -n 's/^<li><code>\([a-z0-9]\{5\}-[a-z0-9]\{5\}\)<.*/\1/p' \
	    "$BUILD/b.txt" > "$f.recovery"
	[ "$status" = 200 ] && [ "$(wc -l < "$f.recovery")" = 10 ] && status=303
}
# totp_answer USER: the second step of a sign-in.
totp_answer() {
	local user=$1 token
	shift
	sfetch "$user" GET /staff/login/otp "$@"
	token=$(page_csrf)
	sfetch "$user" POST /staff/login/otp --data-urlencode "csrf=$token" \
	    --data-urlencode "code=$(totp_code "$user")" "$@"
}

# outlet_rows FILE COUNT PREFIX ENTERPRISE TOWNSHIPS SEED PHONE: a CSV of
# COUNT outlets numbered PREFIX-000000..., spread over the townships
# listed in the file TOWNSHIPS, with random names and addresses (from
# SEED) and phones counting up from PHONE, so that no two look alike.
outlet_rows() {
	node - "$@" <<'JS'
const fs = require('fs');
const [file, count, prefix, ent, codesFile, seed0, phone] = process.argv.slice(2);
const codes = fs.readFileSync(codesFile, 'utf8').trim().split('\n');
const pool = Array.from('安百宝北本兵博才昌长成承诚春大德东恩发丰福富刚高广国海汉浩和宏鸿华辉惠吉佳建江杰金锦景俊凯康坤兰乐力立利良林龙隆茂美民明铭南宁鹏平奇启强庆秋荣瑞森山善盛胜世寿顺松泰天通伟文武祥翔新鑫信兴旭耀义益英永勇友宇玉元源远跃云泽振正志智中忠洲卓子');
let seed = Number(seed0);
const rnd = k => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) % k; };
const pick = m => Array.from({ length: m }, () => pool[rnd(pool.length)]).join('');
const out = ['备案编号,店名,中标销售企业,经营方式,乡镇代码,地址,电话,经营类别,服务,登记日期'];
const modes = ['直营', '加盟', '授权'], cats = ['彩电', '手机、洗衣机', '冰箱(含冷柜)', '彩电、手机'];
for (let i = 0; i < Number(count); i++)
  out.push([`${prefix}-${String(i).padStart(6, '0')}`, pick(6) + '店', ent, modes[i % 3], codes[i % codes.length],
    pick(5) + '路' + (1 + rnd(9999)) + '号', String(Number(phone) + i), cats[i % 4],
    ['送货上门', '安装调试、上门维修'][i % 2], `2009/${1 + i % 12}/${1 + i % 28}`].join(','));
fs.writeFileSync(file, out.join('\r\n') + '\r\n');
JS
}
