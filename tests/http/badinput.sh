# The bad input catalogue: every kind of malformed request, each with
# the 4xx and the Chinese message it must get. Never a 5xx, never a hang.

# A slow client first: it sends half a body and stops. It runs in the
# background while the catalogue goes on, so its 15 s timeout costs
# nothing; the server must keep answering everyone else meanwhile.
slow_client() {
	local t0=$SECONDS
	exec 7<>"/dev/tcp/127.0.0.1/$PORT" || return 1
	printf 'POST /subsidy HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ncategory=tv' >&7
	timeout 25 cat <&7 > "$BUILD/slow.txt"
	exec 7<&-
	echo $((SECONDS - t0)) > "$BUILD/slow.secs"
}
rm -f "$BUILD/slow.txt" "$BUILD/slow.secs"
slow_client &
slow_pid=$!

# raw REQUEST: sends REQUEST (printf %b escapes; {fill} stands for 9000
# bytes) on its own connection and sets $status from the status line.
raw() {
	exec 8<>"/dev/tcp/127.0.0.1/$PORT" || { status=000; return; }
	# In a subshell: nginx may close before all is sent, and SIGPIPE
	# must end the writer, not the suite.
	( printf '%b' "${1//\{fill\}/$fill}" >&8 ) 2>/dev/null
	timeout 10 cat <&8 2>/dev/null | tr -d '\r' > "$BUILD/b.txt"
	exec 8<&-
	status=$(head -n 1 "$BUILD/b.txt" | cut -d' ' -f2)
}
fill=$(printf 'x%.0s' $(seq 1 9000))

# bodyfile SPEC: $BUILD/body.bin from SPEC: TEXT, or PREFIX@N*TEXT for
# PREFIX and then TEXT N times; printf %b escapes (\0 is a NUL byte).
bodyfile() {
	local spec=$1 n text
	printf '%b' "${spec%%@*}" > "$BUILD/body.bin"
	case "$spec" in *@[0-9]*\**)
		spec=${spec#*@}
		n=${spec%%\**}
		# The dot keeps trailing line breaks from $(...).
		text=$(printf '%b.' "${spec#*\*}")
		text=${text%.}
		awk -v n="$n" -v t="$text" 'BEGIN { for (i = 0; i < n; i++)
		    printf "%s", t }' >> "$BUILD/body.bin" ;;
	esac
}
a300=$(printf 'a%.0s' $(seq 1 300))
a2100=$(printf 'a%.0s' $(seq 1 2100))

# send_case METHOD PATH CONTENT_TYPE BODY: one case of a table below, as
# it says; sets $status, the answer in $BUILD/h.txt and $BUILD/b.txt.
send_case() {
	local args=(-s -X "$1" -D "$BUILD/h.txt" -o "$BUILD/b.txt"
	    -w '%{http_code}' --max-time 10 --path-as-is)
	case "$3" in
	-) ;;
	none) args+=(-H 'Content-Type:') ;;
	*) args+=(-H "Content-Type: $3") ;;
	esac
	if [ "$4" != - ]; then
		bodyfile "$4"
		args+=(--data-binary "@$BUILD/body.bin")
	fi
	status=$(curl "${args[@]}" "$BASE$2")
}

# One line a case: what it is | method | path | content type ("-" for
# curl's own, "none" for no header) | body (see bodyfile; "-" for none) | status | text in the body.
while IFS='|' read -r what m p ct spec want text; do
	[ -z "$what" ] || [ "${what#\#}" != "$what" ] && continue
	p=${p//\{a300\}/$a300}
	p=${p//\{a2100\}/$a2100}
	send_case "$m" "$p" "$ct" "$spec"
	if [ "$status" != "$want" ]; then
		bad "$what ($m $p): status $status, want $want"
	elif [ -n "$text" ] && ! grep -qF -- "$text" "$BUILD/b.txt"; then
		bad "$what ($m $p): body lacks '$text'"
	elif grep -qiE 'SQL|mysql|mariadb|\.c:[0-9]|/work/|/src/|Traceback|AddressSanitizer|runtime error' "$BUILD/b.txt"; then
		bad "$what ($m $p): the answer leaks internals"
	else
		ok
	fi
done <<'CASES'
# Sizes: nginx refuses first, the programs again.
body over 64 KB|POST|/subsidy|application/x-www-form-urlencoded|@70000*a|413|提交的内容太大
one field over 16 KB|POST|/subsidy|application/x-www-form-urlencoded|q=@20000*b|413|提交的内容太长
staff body over 10 MB|POST|/staff/login|application/x-www-form-urlencoded|@11000000*c|413|提交的内容太大
too many fields|POST|/subsidy|application/x-www-form-urlencoded|@70*f=1&|400|提交的项目太多
too many query fields|GET|/subsidy?a=1&a1=1&a2=1&a3=1&a4=1&a5=1&a6=1&a7=1&a8=1&a9=1&b0=1&b1=1&b2=1&b3=1&b4=1&b5=1&b6=1&b7=1&b8=1&b9=1&c0=1&c1=1&c2=1&c3=1&c4=1&c5=1&c6=1&c7=1&c8=1&c9=1&d0=1&d1=1&d2=1|-|-|400|提交的项目太多
query string over 2 KB|GET|/outlets?q={a2100}|-|-|414|网址太长
path over 256 bytes|GET|/notices/{a300}|-|-|414|网址太长
# Encodings: broken escapes, invalid and overlong UTF-8, NUL bytes.
broken escape in query|GET|/outlets?q=%E5%A|-|-|400|不完整的编码
broken escape in body|POST|/subsidy|application/x-www-form-urlencoded|category=%G1|400|不完整的编码
invalid UTF-8 in query|GET|/outlets?q=%FF%FE|-|-|400|不是有效的 UTF-8 编码
invalid UTF-8 in body|POST|/subsidy|application/x-www-form-urlencoded|q=%80|400|不是有效的 UTF-8 编码
raw invalid UTF-8 in body|POST|/subsidy|application/x-www-form-urlencoded|q=\xff\xfe|400|不是有效的 UTF-8 编码
overlong UTF-8 slash|GET|/outlets?q=%C0%AF|-|-|400|不是有效的 UTF-8 编码
overlong UTF-8, three bytes|GET|/outlets?q=%E0%80%AF|-|-|400|不是有效的 UTF-8 编码
UTF-16 surrogate|GET|/outlets?q=%ED%A0%80|-|-|400|不是有效的 UTF-8 编码
beyond U+10FFFF|GET|/outlets?q=%F4%90%80%80|-|-|400|不是有效的 UTF-8 编码
truncated UTF-8 sequence|GET|/outlets?q=%E5%AE|-|-|400|不是有效的 UTF-8 编码
escaped NUL in query|GET|/outlets?q=a%00b|-|-|400|不是有效的 UTF-8 编码
escaped NUL in body|POST|/subsidy|application/x-www-form-urlencoded|category=tv%00&price=1|400|不是有效的 UTF-8 编码
raw NUL in body|POST|/subsidy|application/x-www-form-urlencoded|category=tv\0&price=1|400|不是有效的 UTF-8 编码
invalid UTF-8 in path|GET|/notices/%FF|-|-|400|网址不正确
control character in path|GET|/notices%0A1|-|-|400|网址不正确
control character in a text field|GET|/outlets?q=a%01b|-|-|400|控制字符
# Repeated parameters are refused, not silently resolved.
duplicate query parameter|GET|/subsidy?category=tv&category=phone&price=1|-|-|400|重复出现
duplicate body parameter|POST|/complaints|application/x-www-form-urlencoded|description=a&description=b|400|重复出现
duplicate API parameter|GET|/api/v1/outlets?page=1&page=2|-|-|400|重复出现
# Content types.
plain text body|POST|/subsidy|text/plain|category=tv|415|不支持这种提交格式
JSON body to a form|POST|/complaints|application/json|{"a":1}|415|不支持这种提交格式
no content type|POST|/complaints|none|category=tv|415|不支持这种提交格式
upload to a public page|POST|/complaints/track|multipart/form-data; boundary=b|--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n|415|不支持这种提交格式
duplicate multipart parameter|POST|/complaints|multipart/form-data; boundary=b|--b\r\nContent-Disposition: form-data; name="description"\r\n\r\na\r\n--b\r\nContent-Disposition: form-data; name="description"\r\n\r\nb\r\n--b--\r\n|400|重复出现
# Methods.
PUT on a page|PUT|/caps|-|-|405|不支持这种访问方式
DELETE on a notice|DELETE|/notices/1|-|-|405|不支持这种访问方式
PATCH on a form|PATCH|/complaints|application/x-www-form-urlencoded|a=1|405|不支持这种访问方式
OPTIONS|OPTIONS|/|-|-|405|不支持这种访问方式
POST on a read-only page|POST|/outlets|application/x-www-form-urlencoded|q=1|405|不支持这种访问方式
GET on a POST-only page|GET|/staff/logout|-|-|405|不支持这种访问方式
PUT on the API|PUT|/api/v1/outlets|-|-|405|"method_not_allowed"
# Paths that try to leave the site.
dot-dot in static|GET|/static/../src/web/config.c|-|-|404|找不到这个页面
escaped dot-dot in static|GET|/static/%2e%2e/%2e%2e/etc/passwd|-|-|400|请求有误
escaped slash dot-dot|GET|/static/..%2f..%2fMakefile|-|-|400|请求有误
dot-dot above the root|GET|/../../etc/passwd|-|-|400|请求有误
dot-dot in a page path|GET|/notices/../../../etc/passwd|-|-|400|请求有误
backslashes|GET|/notices/..\..\etc\passwd|-|-|404|找不到这个页面
double slashes|GET|//etc/passwd|-|-|404|找不到这个页面
# Numbers: huge, negative, zero, not numbers.
huge page number|GET|/outlets?page=99999999999999999999|-|-|400|页码
negative page number|GET|/outlets?page=-1|-|-|400|页码
zero page number|GET|/notices?page=0|-|-|400|页码
page in exponent form|GET|/notices?page=1e3|-|-|400|页码
huge id in a path|GET|/outlets/99999999999999999999|-|-|404|找不到这个页面
id past the range|GET|/outlets/4000000001|-|-|404|找不到这个页面
id zero|GET|/notices/0|-|-|404|找不到这个页面
negative id|GET|/notices/-1|-|-|404|找不到这个页面
huge price|GET|/subsidy?category=tv&price=99999999999999999999|-|-|400|发票价格
negative price|GET|/subsidy?category=tv&price=-1|-|-|400|发票价格
price with three decimals|GET|/subsidy?category=tv&price=1.005|-|-|400|发票价格
impossible date|GET|/subsidy?category=tv&price=1&date=2009-02-29|-|-|400|有效日期
huge API page|GET|/api/v1/products?page=99999999999999999999|-|-|400|页码
region code of the wrong length|GET|/outlets?region=4206071|-|-|400|行政区划代码
year out of range|GET|/stats?year=1999|-|-|400|
# Multipart: only the staff program takes it, and only well formed.
truncated multipart|POST|/staff/login|multipart/form-data; boundary=b|--b\r\nContent-Disposition: form-data; name="username"\r\n\r\nadm|400|上传格式不正确
multipart without a boundary|POST|/staff/login|multipart/form-data|--b\r\n\r\n--b--\r\n|400|上传格式不正确
multipart boundary over 70 characters|POST|/staff/login|multipart/form-data; boundary=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb|--b--\r\n|400|上传格式不正确
multipart part without a name|POST|/staff/login|multipart/form-data; boundary=b|--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n|400|上传格式不正确
multipart field not UTF-8|POST|/staff/login|multipart/form-data; boundary=b|--b\r\nContent-Disposition: form-data; name="username"\r\n\r\n\xff\r\n--b--\r\n|400|不是有效的 UTF-8 编码
multipart with too many parts|POST|/staff/login|multipart/form-data; boundary=b|@40*--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n|400|提交的项目太多
multipart to a form that takes none|POST|/staff/login|multipart/form-data; boundary=b|--b\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin\r\n--b--\r\n|415|这里不能上传文件
CASES

# Header-level attacks, sent as raw bytes.
while IFS='|' read -r what req want text; do
	[ -z "$what" ] || [ "${what#\#}" != "$what" ] && continue
	raw "$req"
	if [ "$status" != "$want" ]; then
		bad "$what: status '$status', want $want"
	elif [ -n "$text" ] && ! grep -qF -- "$text" "$BUILD/b.txt"; then
		bad "$what: answer lacks '$text'"
	else
		ok
	fi
done <<'CASES'
header over 8 KB|GET / HTTP/1.1\r\nHost: x\r\nX-Long: {fill}\r\nConnection: close\r\n\r\n|400|请求头太大
NUL in the request line|GET /notices\0/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n|400|请求有误
space in the path|GET /notices /1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n|400|请求有误
unknown method|BREW / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n|405|不支持这种访问方式
lower-case method|get / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n|400|请求有误
body length not a number|POST /subsidy HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n|400|请求有误
two body lengths|POST /subsidy HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\nConnection: close\r\n\r\na=1|400|请求有误
length and chunked together|POST /subsidy HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\na=1\r\n0\r\n\r\n|400|请求有误
bad chunk size|POST /subsidy HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\na=1\r\n0\r\n\r\n|400|请求有误
no Host header|GET / HTTP/1.1\r\nConnection: close\r\n\r\n|400|请求有误
cookie header over 8 KB|GET /staff/ HTTP/1.1\r\nHost: x\r\nCookie: a={fill}\r\nConnection: close\r\n\r\n|400|清除本站的 Cookie
CASES

# Under /open311/ every refusal is the spec's error list, in the path's
# format: JSON, or XML for .xml.
while IFS='|' read -r what m p ct spec want type text; do
	[ -z "$what" ] || [ "${what#\#}" != "$what" ] && continue
	send_case "$m" "$p" "$ct" "$spec"
	if [ "$status" != "$want" ]; then
		bad "open311 $what ($m $p): status $status, want $want"
	elif ! grep -qi "^Content-Type: $type" "$BUILD/h.txt"; then
		bad "open311 $what: not $type: $(grep -i '^Content-Type' "$BUILD/h.txt")"
	elif [ "$type" = application/json ] &&
	    ! node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8"));
	        if (!Array.isArray(j) || j[0].code !== '"$want"' ||
	            !j[0].description.includes(process.argv[1])) process.exit(1)' \
	        "$text" < "$BUILD/b.txt" 2>/dev/null; then
		bad "open311 $what: not an error list with '$text': $(head -c 200 "$BUILD/b.txt")"
	elif [ "$type" = text/xml ] &&
	    ! grep -q "<errors><error><code>$want</code><description>[^<]*$text" "$BUILD/b.txt"; then
		bad "open311 $what: not an XML error list with '$text': $(head -c 200 "$BUILD/b.txt")"
	else
		ok
	fi
done <<'CASES'
unknown path|GET|/open311/v2/a/b/c.json|-|-|404|application/json|找不到
unknown path in XML|GET|/open311/v2/a/b/c.xml|-|-|404|text/xml|找不到
unknown version|GET|/open311/v3/services.json|-|-|404|application/json|找不到
wrong method|POST|/open311/v2/services.json|application/x-www-form-urlencoded|a=1|405|application/json|不支持这种访问方式
wrong method in XML|DELETE|/open311/v2/requests.xml|-|-|405|text/xml|不支持这种访问方式
wrong content type|POST|/open311/v2/requests.json|application/json|{"a":1}|415|application/json|不支持这种提交格式
wrong content type in XML|POST|/open311/v2/requests.xml|text/plain|a=1|415|text/xml|不支持这种提交格式
body over 64 KB|POST|/open311/v2/requests.json|application/x-www-form-urlencoded|@70000*a|413|application/json|提交的内容太大
invalid UTF-8|POST|/open311/v2/requests.json|application/x-www-form-urlencoded|description=%FF|400|application/json|UTF-8
too many fields|POST|/open311/v2/requests.xml|application/x-www-form-urlencoded|@70*f=1&|400|text/xml|提交的项目太多
CASES

# Under /api/ nginx's own refusal of a body is the API's error object,
# JSON in UTF-8 as the program's answers.
send_case POST /api/v1/outlets application/x-www-form-urlencoded '@70000*a'
check "api body over 64 KB: status $status" [ "$status" = 413 ]
type=$(grep -i '^Content-Type:' "$BUILD/h.txt" | tr -d '\r')
check "api 413 type: $type" [ "${type,,}" = 'content-type: application/json; charset=utf-8' ]
check "api 413 is the error object: $(head -c 200 "$BUILD/b.txt")" node -e '
    const j = JSON.parse(require("fs").readFileSync(0, "utf8"));
    if (j.error.status !== 413 || j.error.code !== "too_large" ||
        j.error.message !== "提交的内容太大") process.exit(1)' < "$BUILD/b.txt"

# The slow client: closed by nginx within its timeout, never a 5xx, and
# the server answered everyone else meanwhile (the whole catalogue).
wait "$slow_pid"
secs=$(cat "$BUILD/slow.secs" 2>/dev/null || echo 99)
check "slow client cut off in time ($secs s)" [ "$secs" -le 20 ]
check "slow client gets no 5xx" sh -c "! grep -q '^HTTP/1.1 5' '$BUILD/slow.txt'"
fetch GET /healthz
check "still serving after the slow client: $status" [ "$status" = 200 ]
