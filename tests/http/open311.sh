# Open311 GeoReport v2: API keys made and revoked on the staff page,
# services and service definitions, filing complaints, request lists
# with the spec's filters (without a key, only what /stats shows; with
# one, whole requests of the key's region), tokens, errors as the spec's
# list in JSON and XML, and no complainant's name or phone in any answer.

O3=/open311/v2
O3_SEEN="$BUILD/open311-public.txt"	# every public answer, for the privacy check
: > "$O3_SEEN"

# o3 METHOD PATH [curl args...]: a public request; the body is kept.
o3() {
	local m=$1 p=$2
	shift 2
	status=$(curl -s -X "$m" -D "$BUILD/h.txt" -o "$BUILD/b.txt" \
	    -w '%{http_code}' --max-time 20 "$@" "$BASE$O3/$p")
	cat "$BUILD/b.txt" >> "$O3_SEEN"
	echo >> "$O3_SEEN"
}
# Well-formed XML in the body.
is_xml() { /usr/bin/python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$BUILD/b.txt" 2>/dev/null; }
# xml_get PATH: the text of each element at an ElementTree path from the
# root, one a line; "TAG" prints the root's tag.
xml_get() {
	/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as E
r = E.parse(sys.argv[1]).getroot()
if sys.argv[2] == "TAG":
    print(r.tag)
else:
    for e in r.findall(sys.argv[2]):
        print(e.text or "")' "$BUILD/b.txt" "$1" 2>/dev/null
}
is_header() { grep -qi "^$1" "$BUILD/h.txt"; }
# o3_error NAME STATUS FORMAT: the answer is STATUS with the spec's error
# list (one or more {code, description}) in FORMAT.
o3_error() {
	local name=$1 want=$2 fmt=$3
	check "$name: status $status, want $want" [ "$status" = "$want" ]
	if [ "$fmt" = xml ]; then
		check "$name: XML content type" is_header 'Content-Type: text/xml; charset=utf-8'
		check "$name: well-formed XML" is_xml
		check "$name: <errors> root" [ "$(xml_get TAG)" = errors ]
		check "$name: error code" [ "$(xml_get 'error/code' | head -n 1)" = "$want" ]
		check "$name: error description" [ -n "$(xml_get 'error/description' | head -n 1)" ]
	else
		check "$name: JSON content type" is_header 'Content-Type: application/json'
		check "$name: JSON" is_json < "$BUILD/b.txt"
		check "$name: error list" [ "$(json_get 'Array.isArray(j) && j.length > 0 && j.every(e => e.code === '"$want"' && typeof e.description === "string" && e.description.length > 0 && Object.keys(e).length === 2)')" = true ]
	fi
}
count_complaints() { sql "SELECT COUNT(*) FROM complaint"; }

sql "DELETE FROM login_throttle"
login admin "$(cat "$VAR/initial-admin-password")"
check "open311: admin signs in: $status" [ "$status" = 303 ]
o3_csrf_admin=$(csrf_of admin)
echo "Spring-2009-ok" | "$BUILD/jdxx-staff" --config "$VAR/jdxx.hdf" add o3editor editor >/dev/null
login o3editor Spring-2009-ok
o3_csrf_editor=$(csrf_of o3editor)

# --- API keys on the staff page: admins only, CSRF, shown once, hashed.
sfetch admin GET /staff/apikeys
check "apikeys page: $status" [ "$status" = 200 ]
check "dashboard links the keys" sh -c "curl -s -b '$BUILD/jar-admin' '$BASE/staff/' | grep -q 'href=\"/staff/apikeys\"'"
sfetch none GET /staff/apikeys
check "apikeys needs sign-in: $status" [ "$status" = 303 ]
sfetch o3editor GET /staff/apikeys
check "apikeys refuses an editor: $status" [ "$status" = 403 ]
sfetch o3editor POST /staff/apikeys --data-urlencode "csrf=$o3_csrf_editor" --data-urlencode "name=越权"
check "editor cannot make a key: $status" [ "$status" = 403 ]
sfetch admin POST /staff/apikeys --data-urlencode "name=无令牌"
check "key without csrf: $status" [ "$status" = 403 ]
sfetch admin POST /staff/apikeys --data-urlencode "csrf=$o3_csrf_admin"
check "key without a name: $status" [ "$status" = 400 ]
check "nothing made yet" [ "$(sql "SELECT COUNT(*) FROM api_key WHERE name IN ('越权', '无令牌')")" = 0 ]

# o3_new_key NAME: makes a key on the staff page; sets $new_key.
o3_new_key() {
	sfetch admin POST /staff/apikeys --data-urlencode "csrf=$o3_csrf_admin" --data-urlencode "name=$1"
	new_key=$(sed -n 's/.*<code id="new-key">\([0-9a-f]*\)<.*/\1/p' "$BUILD/b.txt")
}
o3_new_key "县级热线 <测试>"
key=$new_key
check "key made: $status" [ "$status" = 200 ]
check "key is 64 hex" [ "${#key}" = 64 ]
check "key page not cached" is_header 'Cache-Control: no-store'
check "key name escaped" grep -q '县级热线 &lt;测试&gt;' "$BUILD/b.txt"
hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
check "hash stored" [ "$(sql "SELECT COUNT(*) FROM api_key WHERE key_hash = '$hash' AND created_by IS NOT NULL")" = 1 ]
check "raw key not stored" [ "$(sql "SELECT COUNT(*) FROM api_key WHERE key_hash = '$key'")" = 0 ]
key_id=$(sql "SELECT id FROM api_key WHERE key_hash = '$hash'")
check "a key of an account without a region: the whole country" [ "$(sql "SELECT COALESCE(region_code, 'none') FROM api_key WHERE id = $key_id")" = none ]
check "the answer names the key's region" grep -q '生成密钥（地区：全国）' "$BUILD/b.txt"
check "key creation audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'apikey_create' AND object_type = 'api_key' AND object_id = $key_id AND after_json NOT LIKE '%$key%'")" = 1 ]
sfetch admin GET /staff/apikeys
check "list shows the key's name" grep -q '县级热线 &lt;测试&gt;' "$BUILD/b.txt"
check "list never shows the key" sh -c "! grep -q '$key' '$BUILD/b.txt'"
check "list shows the key's region" grep -q "<tr id=\"key-$key_id\"><th scope=\"row\">[^<]*</th><td class=\"key-region\">全国</td>" "$BUILD/b.txt"

o3_new_key "停用的应用"
old=$new_key
old_id=$(sql "SELECT id FROM api_key WHERE key_hash = '$(printf %s "$old" | sha256sum | cut -d' ' -f1)'")
sfetch admin POST "/staff/apikeys/$old_id/revoke"
check "revoke without csrf: $status" [ "$status" = 403 ]
sfetch o3editor POST "/staff/apikeys/$old_id/revoke" --data-urlencode "csrf=$o3_csrf_editor"
check "editor cannot revoke: $status" [ "$status" = 403 ]
check "still in use" [ "$(sql "SELECT COUNT(*) FROM api_key WHERE id = $old_id AND revoked_at IS NULL")" = 1 ]
sfetch admin POST "/staff/apikeys/$old_id/revoke" --data-urlencode "csrf=$o3_csrf_admin"
check "revoke: $status" [ "$status" = 303 ]
check "revoke returns to the list" is_header "Location: /staff/apikeys#key-$old_id"
check "revoked" [ "$(sql "SELECT COUNT(*) FROM api_key WHERE id = $old_id AND revoked_at IS NOT NULL")" = 1 ]
sfetch admin POST "/staff/apikeys/$old_id/revoke" --data-urlencode "csrf=$o3_csrf_admin"
check "revoke again: $status" [ "$status" = 303 ]
check "revocation audited once" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'apikey_revoke' AND object_id = $old_id")" = 1 ]
sfetch admin POST "/staff/apikeys/99999999/revoke" --data-urlencode "csrf=$o3_csrf_admin"
check "revoke unknown key: $status" [ "$status" = 404 ]
sfetch admin GET /staff/apikeys
check "no revoke button for a revoked key" sh -c "! grep -q '/staff/apikeys/$old_id/revoke' '$BUILD/b.txt'"
check "a revoke button for a key in use" grep -q "/staff/apikeys/$key_id/revoke" "$BUILD/b.txt"
check "list marks it revoked" grep -q '停用的应用</th><td class="key-region">全国</td><td>[^<]*</td><td>已于' "$BUILD/b.txt"

# --- Services and service definitions.
ncat=$(sql "SELECT COUNT(*) FROM complaint_category")
o3 GET services.json
check "services.json: $status" [ "$status" = 200 ]
check "services.json content type" is_header 'Content-Type: application/json'
check "services.json is JSON" is_json < "$BUILD/b.txt"
check "services: every category" [ "$(json_get 'j.length')" = "$ncat" ]
check "services: fields" [ "$(json_get 'j.every(s => s.metadata === false && s.type === "realtime" && s.group === "家电下乡投诉" && typeof s.keywords === "string" && s.service_name && s.description) ? "yes" : "no"')" = yes ]
check "services: codes" [ "$(json_get 'j.map(s => s.service_code).join(",")')" = "$(sql "SELECT GROUP_CONCAT(code ORDER BY sort_order) FROM complaint_category")" ]
o3 GET services.xml
check "services.xml: $status" [ "$status" = 200 ]
check "services.xml content type" is_header 'Content-Type: text/xml; charset=utf-8'
check "services.xml well-formed" is_xml
check "services.xml declares UTF-8" grep -q '^<?xml version="1.0" encoding="UTF-8"?>' "$BUILD/b.txt"
check "services.xml root" [ "$(xml_get TAG)" = services ]
check "services.xml every category" [ "$(xml_get service/service_code | wc -l)" = "$ncat" ]
check "services.xml metadata" [ "$(xml_get service/metadata | sort -u)" = false ]
check "services.xml name" [ "$(xml_get "service[service_code='overcharge']/service_name")" = "超限价或乱收费" ]
o3 GET services/overcharge.json
check "definition.json: $status" [ "$status" = 200 ]
check "definition.json" [ "$(json_get 'j.service_code + ":" + JSON.stringify(j.attributes)')" = "overcharge:[]" ]
o3 GET services/overcharge.xml
check "definition.xml: $status" [ "$status" = 200 ]
check "definition.xml well-formed" is_xml
check "definition.xml root" [ "$(xml_get TAG)" = service_definition ]
check "definition.xml code" [ "$(xml_get service_code)" = overcharge ]
check "definition.xml no attributes" [ "$(xml_get 'attributes/attribute' | wc -l)" = 0 ]
for f in json xml; do
	o3 GET "services/nosuch.$f";	o3_error "unknown service $f" 404 $f
	o3 GET "services/TV.$f";	o3_error "bad service code $f" 404 $f
done
o3 GET services.html;		o3_error "services unknown format" 404 json
o3 GET services/overcharge.yaml; o3_error "definition unknown format" 404 json
o3 GET services/overcharge;	o3_error "definition without format" 404 json
o3 GET nothing.xml;		o3_error "unknown resource" 404 xml

# --- Filing: a key, the fields, both formats.
town=420607001
outlet=$(sql "SELECT id FROM outlet WHERE region_code LIKE '420606%' ORDER BY id LIMIT 1")
outlet_name=$(sql "SELECT name FROM outlet WHERE id = $outlet")
o3_fields=(--data-urlencode "service_code=overcharge"
    --data-urlencode "description=开放接口投诉：彩电售价超过最高限价，并加收安装费 <&> '\"。"
    --data-urlencode "region_code=$town" --data-urlencode "last_name=欧阳"
    --data-urlencode "first_name=开放" --data-urlencode "phone=13700001111"
    --data-urlencode "outlet_id=$outlet" --data-urlencode "email=someone@example.cn"
    --data-urlencode "lat=32.0" --data-urlencode "long=112.1")
before=$(count_complaints)
o3 POST requests.json --data-urlencode "api_key=$key" "${o3_fields[@]}"
check "file json: $status" [ "$status" = 200 ]
check "file json is JSON" is_json < "$BUILD/b.txt"
rid1=$(json_get 'j[0].service_request_id')
check "file json: tracking number $rid1" sh -c "echo '$rid1' | grep -Eq '^[0-9A-Z]{4}-[0-9A-Z]{4}$'"
check "file json: notice" [ "$(json_get 'typeof j[0].service_notice === "string" && j[0].service_notice.includes(j[0].service_request_id) && j[0].account_id === null && !("token" in j[0])')" = true ]
check "file json: not cached" is_header 'Cache-Control: no-store'
check "file json: one complaint more" [ "$(count_complaints)" = $((before + 1)) ]
row=$(sql "SELECT CONCAT_WS('|', category, name, phone, region_code, outlet_id, outlet_region, status, LENGTH(form_token), LEFT(description, 5)) FROM complaint WHERE tracking_no = '$rid1'")
check "file json: stored ($row)" [ "$row" = "overcharge|欧阳开放|13700001111|$town|$outlet|$(sql "SELECT region_code FROM outlet WHERE id = $outlet")|submitted|43|开放接口投" ]
check "file json: first event" [ "$(sql "SELECT COUNT(*) FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE c.tracking_no = '$rid1' AND e.kind = 'submitted'")" = 1 ]
check "file json: Open311's channel, entered by no one" [ "$(sql "SELECT CONCAT(channel, '|', COALESCE(entered_by, 'none')) FROM complaint WHERE tracking_no = '$rid1'")" = "open311|none" ]
code=$(json_get 'j[0].service_notice.match(/查询码 ([0-9A-Z]{8})/)[1]')
fetch_fresh "/complaints/track?no=$rid1&code=$code"
check "the notice's query code tracks it: $status" [ "$status" = 200 ]

o3 POST requests.xml --data-urlencode "api_key=$key" --data-urlencode "service_code=no_service" \
    --data-urlencode "description=Open311 XML filing: delivered but never installed." \
    --data-urlencode "region_code=$town" --data-urlencode "first_name=Open" \
    --data-urlencode "last_name=Tester" --data-urlencode "phone=0710-3456789" \
    --data-urlencode "address_string=某镇正街 8 号 某某家电"
check "file xml: $status" [ "$status" = 200 ]
check "file xml: content type" is_header 'Content-Type: text/xml; charset=utf-8'
check "file xml: well-formed" is_xml
check "file xml: root" [ "$(xml_get TAG)" = service_requests ]
rid2=$(xml_get request/service_request_id)
check "file xml: tracking number $rid2" sh -c "echo '$rid2' | grep -Eq '^[0-9A-Z]{4}-[0-9A-Z]{4}$'"
check "file xml: notice" [ -n "$(xml_get request/service_notice)" ]
row=$(sql "SELECT CONCAT_WS('|', category, name, phone, region_code, COALESCE(outlet_id, 'none'), outlet_address) FROM complaint WHERE tracking_no = '$rid2'")
check "file xml: stored ($row)" [ "$row" = "no_service|Open Tester|0710-3456789|$town|none|某镇正街 8 号 某某家电" ]

# --- Filing errors: nothing is filed; the spec's list in each format.
before=$(count_complaints)
long=$(head -c 4001 /dev/zero | tr '\0' 'x')
for f in json xml; do
	o3 POST "requests.$f" "${o3_fields[@]}"
	o3_error "no key $f" 403 $f
	o3 POST "requests.$f" --data-urlencode "api_key=${key%?}g" "${o3_fields[@]}"
	o3_error "bad key $f" 403 $f
	o3 POST "requests.$f" --data-urlencode "api_key=$hash" "${o3_fields[@]}"
	o3_error "the hash is no key $f" 403 $f
	o3 POST "requests.$f" --data-urlencode "api_key=$old" "${o3_fields[@]}"
	o3_error "revoked key $f" 403 $f
	o3 POST "requests.$f" --data-urlencode "api_key=$key" --data-urlencode "description=缺少服务类别的投诉" \
	    --data-urlencode "region_code=$town" --data-urlencode "last_name=张" --data-urlencode "phone=13700001111"
	o3_error "missing service_code $f" 400 $f
	o3 POST "requests.$f" --data-urlencode "api_key=$key" --data-urlencode "service_code=nosuch" \
	    --data-urlencode "description=没有的服务类别" --data-urlencode "region_code=$town" \
	    --data-urlencode "last_name=张" --data-urlencode "phone=13700001111"
	o3_error "unknown service $f" 400 $f
	o3 POST "requests.$f" --data-urlencode "api_key=$key" --data-urlencode "service_code=other" \
	    --data-urlencode "description=电话号码不对的投诉" --data-urlencode "region_code=$town" \
	    --data-urlencode "last_name=张" --data-urlencode "phone=12345"
	o3_error "bad phone $f" 400 $f
	o3 POST "requests.$f" --data-urlencode "api_key=$key" --data-urlencode "service_code=other" \
	    --data-urlencode "description=$long" --data-urlencode "region_code=$town" \
	    --data-urlencode "last_name=张" --data-urlencode "phone=13700001111"
	o3_error "description too long $f" 400 $f
	for r in 420607 999999999 4206070010 ""; do
		o3 POST "requests.$f" --data-urlencode "api_key=$key" --data-urlencode "service_code=other" \
		    --data-urlencode "description=乡镇代码不对的投诉" --data-urlencode "region_code=$r" \
		    --data-urlencode "last_name=张" --data-urlencode "phone=13700001111"
		o3_error "bad region '$r' $f" 400 $f
	done
	o3 POST "requests.$f" --data-urlencode "api_key=$key" --data-urlencode "service_code=other" \
	    --data-urlencode "description=没有姓名的投诉" --data-urlencode "region_code=$town" \
	    --data-urlencode "phone=13700001111"
	o3_error "no name $f" 400 $f
	o3 POST "requests.$f" --data-urlencode "api_key=$key" --data-urlencode "service_code=other" \
	    --data-urlencode "description=没有的网点" --data-urlencode "region_code=$town" \
	    --data-urlencode "last_name=张" --data-urlencode "phone=13700001111" --data-urlencode "outlet_id=99999999"
	o3_error "unknown outlet $f" 400 $f
	o3 POST "requests.$f" --data-urlencode "api_key=$key"
	o3_error "everything missing $f" 400 $f
done
o3 POST requests.json --data-urlencode "api_key=$key" --data-urlencode "phone=123"
check "one error per field" [ "$(json_get 'j.length')" -ge 4 ]
check "errors name the field" [ "$(json_get 'j.some(e => e.description.startsWith("phone: ")) && j.some(e => e.description.startsWith("service_code: "))')" = true ]
o3 POST requests.html --data-urlencode "api_key=$key" "${o3_fields[@]}"
o3_error "post unknown format" 404 json
check "no errors filed anything" [ "$(count_complaints)" = "$before" ]

# --- Requests: one, lists, filters. Without a key the public sees what
# /stats shows (service, status, dates, county); a key sees whole
# requests of its region.
K="api_key=$key"
# The fields of a public request; a public list leaves the number out.
O3_PUBLIC=address,agency_responsible,county_code,requested_datetime,service_code,service_name,service_request_id,status,updated_datetime
O3_PUBLIC_LIST=${O3_PUBLIC/service_request_id,/}
# The distinct sets of fields of the requests in a JSON list, "|" between.
fields_json() { json_get '[...new Set(j.map(r => Object.keys(r).sort().join(",")))].join("|")'; }
# The same for an XML list.
fields_xml() {
	/usr/bin/python3 -c '
import sys, xml.etree.ElementTree as E
r = E.parse(sys.argv[1]).getroot()
print("|".join(sorted({",".join(sorted(c.tag for c in q)) for q in r})))' "$BUILD/b.txt" 2>/dev/null
}
# county_of OUTLET: "code|city and county|county", where the public
# places a complaint about OUTLET.
county_of() {
	sql "SELECT CONCAT_WS('|', c.code, CONCAT(p.name, c.name), c.name) FROM outlet o
	    JOIN region c ON c.code = LEFT(o.region_code, 6) JOIN region p ON p.code = c.parent_code
	    WHERE o.id = $1"
}
o3_county=$(county_of "$outlet")
for f in json xml; do
	o3 GET "requests/ZZZZ-ZZZZ.$f";	o3_error "unknown request $f" 404 $f
	o3 GET "requests/ZZZZ-ZZZZ.$f?$K";	o3_error "unknown request with a key $f" 404 $f
	o3 GET "requests/nothing.$f";		o3_error "malformed request id $f" 404 $f
	o3 GET "tokens/abc123.$f";		o3_error "token $f" 404 $f
	# A key given on a read must be one in use, as for filing.
	o3 GET "requests.$f?api_key=${key%?}g";	o3_error "list with a bad key $f" 403 $f
	o3 GET "requests.$f?api_key=$old";	o3_error "list with a revoked key $f" 403 $f
	o3 GET "requests.$f?api_key=$hash";	o3_error "list with the hash as key $f" 403 $f
	o3 GET "requests.$f?$K&$K";		o3_error "list with the key twice $f" 403 $f
	o3 GET "requests/$rid1.$f?api_key=$old"; o3_error "request with a revoked key $f" 403 $f
	o3 GET "requests/$rid1.$f?api_key=x";	o3_error "request with a bad key $f" 403 $f
done
check "a bad key on a read says so" [ "$(xml_get error/description)" = "api_key is not valid or has been revoked" ]
# Keys sent on a read stay out of nginx's access log.
check "no Open311 key in the access log" sh -c "! grep -qF -- '${key%?}g' '$VAR/log/nginx-access.log' && ! grep -qF -- '$old' '$VAR/log/nginx-access.log'"
check "the read is logged by its path" grep -q '"GET /open311/v2/requests.json ' "$VAR/log/nginx-access.log"
o3 GET "requests/$rid1.txt";	o3_error "request unknown format" 404 json
o3 GET "tokens/abc123";		o3_error "token without format" 404 json

# One request, without a key: the public fields only.
o3 GET "requests/$rid1.json"
check "public request.json: $status" [ "$status" = 200 ]
check "public request.json is JSON" is_json < "$BUILD/b.txt"
check "public request.json: one, named" [ "$(json_get 'j.length + ":" + j[0].service_request_id')" = "1:$rid1" ]
check "public request.json: only the public fields ($(fields_json))" [ "$(fields_json)" = "$O3_PUBLIC" ]
check "public request.json: service and status" [ "$(json_get 'j[0].service_code + "|" + j[0].service_name + "|" + j[0].status')" = "overcharge|超限价或乱收费|open" ]
check "public request.json: the county ($(json_get 'j[0].county_code + "|" + j[0].address'))" \
    [ "$(json_get 'j[0].county_code + "|" + j[0].address + "|" + j[0].agency_responsible')" = "${o3_county%|*}|${o3_county##*|}商务局" ]
check "public request.json: datetimes" [ "$(json_get '[j[0].requested_datetime, j[0].updated_datetime].every(d => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(d))')" = true ]
check "public request.json: no text" sh -c "! grep -qF '开放接口投诉' '$BUILD/b.txt'"
check "public request.json: no shop" sh -c "! grep -qF '$outlet_name' '$BUILD/b.txt'"
o3 GET "requests/$(echo "$rid2" | tr 'A-Z' 'a-z').xml"
check "public request.xml (lower case): $status" [ "$status" = 200 ]
check "public request.xml well-formed" is_xml
check "public request.xml root" [ "$(xml_get TAG)" = service_requests ]
check "public request.xml id" [ "$(xml_get request/service_request_id)" = "$rid2" ]
check "public request.xml: only the public fields" [ "$(fields_xml)" = "$O3_PUBLIC" ]
check "public request.xml: no typed address" sh -c "! grep -qF '某镇正街' '$BUILD/b.txt'"
check "public request.xml: the complainant's county" [ "$(xml_get request/county_code)" = "${town:0:6}" ]

# One request, with a key of the whole country: everything but who.
o3 GET "requests/$rid1.json?$K"
check "request.json: $status" [ "$status" = 200 ]
check "request.json is JSON" is_json < "$BUILD/b.txt"
check "request.json: not cached" is_header 'Cache-Control: no-store'
check "request.json: one" [ "$(json_get 'j.length + ":" + j[0].service_request_id')" = "1:$rid1" ]
check "request.json: status" [ "$(json_get 'j[0].status')" = open ]
check "request.json: service" [ "$(json_get 'j[0].service_code + "|" + j[0].service_name')" = "overcharge|超限价或乱收费" ]
check "request.json: agency" [ "$(json_get 'j[0].agency_responsible')" = "$(sql "SELECT CONCAT(name, '商务局') FROM region WHERE code = LEFT((SELECT region_code FROM outlet WHERE id = $outlet), 6)")" ]
check "request.json: county" [ "$(json_get 'j[0].county_code')" = "${o3_county%%|*}" ]
address=$(json_get 'j[0].address')
check "request.json: address is the outlet ($address)" [ "${address#"$outlet_name "}" != "$address" ]
check "request.json: datetimes" [ "$(json_get '[j[0].requested_datetime, j[0].updated_datetime, j[0].expected_datetime].every(d => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/.test(d))')" = true ]
check "request.json: expected is the accept due date" [ "$(json_get 'j[0].expected_datetime.slice(0, 10)')" = "$(sql "SELECT accept_due FROM complaint WHERE tracking_no = '$rid1'")" ]
check "request.json: zipcode null, no lat/long" [ "$(json_get 'j[0].zipcode === null && !("lat" in j[0]) && !("long" in j[0]) && j[0].status_notes === null')" = true ]
check "request.json: description" [ "$(json_get 'j[0].description')" = "开放接口投诉：彩电售价超过最高限价，并加收安装费 <&> '\"。" ]
o3 GET "requests/$(echo "$rid2" | tr 'A-Z' 'a-z').xml?$K"
check "request.xml (lower case): $status" [ "$status" = 200 ]
check "request.xml well-formed" is_xml
check "request.xml root" [ "$(xml_get TAG)" = service_requests ]
check "request.xml id" [ "$(xml_get request/service_request_id)" = "$rid2" ]
check "request.xml address" [ "$(xml_get request/address)" = "某镇正街 8 号 某某家电" ]
check "request.xml zipcode empty" [ "$(xml_get request/zipcode)" = "" ]
o3 GET "requests/$rid1.xml?$K"
check "request.xml escapes the text" [ "$(xml_get request/description)" = "开放接口投诉：彩电售价超过最高限价，并加收安装费 <&> '\"。" ]

# Every complaint there is, as lists; XML must parse whatever was typed.
in90=$(sql "SET time_zone = '+08:00'; SELECT COUNT(*) FROM complaint WHERE submitted_at >= NOW() - INTERVAL 90 DAY AND submitted_at <= NOW()")
o3 GET requests.json
check "public requests.json: $status" [ "$status" = 200 ]
check "public requests.json is JSON" is_json < "$BUILD/b.txt"
check "public requests.json: the last 90 days" [ "$(json_get 'j.length')" = "$in90" ]
check "public requests.json: public fields, no numbers ($(fields_json))" [ "$(fields_json)" = "$O3_PUBLIC_LIST" ]
check "public requests.json: newest first" [ "$(json_get 'j.every((r, i) => i === 0 || j[i - 1].requested_datetime >= r.requested_datetime)')" = true ]
check "public requests.json: no tracking numbers" sh -c "! grep -qE '$rid1|$rid2' '$BUILD/b.txt'"
o3 GET requests.xml
check "public requests.xml: $status" [ "$status" = 200 ]
check "public requests.xml well-formed" is_xml
check "public requests.xml: the last 90 days" [ "$(xml_get request/status | wc -l)" = "$in90" ]
check "public requests.xml: public fields, no numbers" [ "$(fields_xml)" = "$O3_PUBLIC_LIST" ]
o3 GET "requests.json?$K"
check "requests.json: $status" [ "$status" = 200 ]
check "requests.json is JSON" is_json < "$BUILD/b.txt"
check "requests.json: not cached" is_header 'Cache-Control: no-store'
check "requests.json: ours listed" [ "$(json_get 'j.filter(r => r.service_request_id === "'"$rid1"'" || r.service_request_id === "'"$rid2"'").length')" = 2 ]
check "requests.json: newest first" [ "$(json_get 'j.every((r, i) => i === 0 || j[i - 1].requested_datetime >= r.requested_datetime)')" = true ]
check "requests.json: the last 90 days" [ "$(json_get 'j.length')" = "$in90" ]
check "requests.json: no personal fields" [ "$(json_get 'j.every(r => !("name" in r) && !("phone" in r) && !("first_name" in r) && !("email" in r))')" = true ]
o3 GET "requests.xml?$K"
check "requests.xml: $status" [ "$status" = 200 ]
check "requests.xml well-formed" is_xml
check "requests.xml: ours listed" [ "$(xml_get request/service_request_id | grep -cxE "$rid1|$rid2")" = 2 ]

# service_request_id: a list, in any case, overriding the other filters;
# without a key the numbers asked for are named, nothing more.
o3 GET "requests.json?service_request_id=$rid1,%20$(echo "$rid2" | tr 'A-Z' 'a-z'),ZZZZ-ZZZZ&service_code=fake_goods&status=closed&$K"
check "ids: $status" [ "$status" = 200 ]
check "ids: both" [ "$(json_get 'j.map(r => r.service_request_id).join(",")')" = "$rid1,$rid2" ]
check "ids: whole requests" [ "$(json_get 'j.every(r => "description" in r)')" = true ]
o3 GET "requests.json?service_request_id=$rid1,$rid2"
check "public ids: both" [ "$(json_get 'j.map(r => r.service_request_id).join(",")')" = "$rid1,$rid2" ]
check "public ids: public fields" [ "$(fields_json)" = "$O3_PUBLIC" ]
o3 GET "requests.xml?service_request_id=$rid2&$K"
check "ids xml" [ "$(xml_get request/service_request_id)" = "$rid2" ]
o3 GET "requests.xml?service_request_id=$rid2"
check "public ids xml" [ "$(xml_get request/service_request_id)" = "$rid2" ]
check "public ids xml: public fields" [ "$(fields_xml)" = "$O3_PUBLIC" ]
for f in json xml; do
	o3 GET "requests.$f?service_request_id=AB,CD";	o3_error "malformed ids $f" 400 $f
	o3 GET "requests.$f?service_code=nosuch";		o3_error "unknown service filter $f" 400 $f
	o3 GET "requests.$f?service_code=Bad-Code";	o3_error "bad service filter $f" 400 $f
	o3 GET "requests.$f?status=pending";		o3_error "bad status $f" 400 $f
	o3 GET "requests.$f?start_date=yesterday";	o3_error "bad start_date $f" 400 $f
	o3 GET "requests.$f?end_date=2009-02-30";	o3_error "bad end_date $f" 400 $f
	o3 GET "requests.$f?start_date=2009-01-01&end_date=2009-06-01"; o3_error "range over 90 days $f" 400 $f
	o3 GET "requests.$f?start_date=2009-06-01&end_date=2009-01-01"; o3_error "range backwards $f" 400 $f
	o3 GET "requests.$f?page_size=1001";		o3_error "page_size $f" 400 $f
	o3 GET "requests.$f?page=0";			o3_error "page $f" 400 $f
	o3 GET "requests.$f?page=0&$K";		o3_error "page with a key $f" 400 $f
done
o3 GET requests.csv;	o3_error "list unknown format" 404 json

# service_code
o3 GET "requests.json?service_code=no_service&$K"
check "service filter: $status" [ "$status" = 200 ]
check "service filter: only that service" [ "$(json_get 'j.length > 0 && j.every(r => r.service_code === "no_service")')" = true ]
check "service filter: ours" [ "$(json_get 'j.some(r => r.service_request_id === "'"$rid2"'") && !j.some(r => r.service_request_id === "'"$rid1"'")')" = true ]
o3 GET "requests.xml?service_code=overcharge"
check "public service filter xml" [ "$(xml_get request/service_code | sort -u)" = overcharge ]
o3 GET "requests.json?service_code=no_service"
check "public service filter: counted" [ "$(json_get 'j.length')" = "$(sql "SET time_zone = '+08:00'; SELECT COUNT(*) FROM complaint WHERE category = 'no_service' AND submitted_at >= NOW() - INTERVAL 90 DAY")" ]

# start_date / end_date: W3C datetimes with a zone, or dates.
now_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)
hour_ago=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%S)
o3 GET "requests.json?start_date=${hour_ago}%2B00:00&end_date=$(date -u -d '+1 minute' +%Y-%m-%dT%H:%M:%SZ)&$K"
check "date filter: $status" [ "$status" = 200 ]
check "date filter: ours within the hour" [ "$(json_get 'j.some(r => r.service_request_id === "'"$rid1"'")')" = true ]
o3 GET "requests.json?start_date=${hour_ago}+00:00&$K"
check "date filter with an unencoded +: $status" [ "$status" = 200 ]
check "date filter with an unencoded +: ours" [ "$(json_get 'j.some(r => r.service_request_id === "'"$rid1"'")')" = true ]
o3 GET "requests.json?start_date=2009-01-01&end_date=2009-03-01T00:00:00.5%2B08:00&$K"
check "date filter in the past: $status" [ "$status" = 200 ]
check "date filter in the past: none of ours" [ "$(json_get 'j.some(r => r.service_request_id === "'"$rid1"'")')" = false ]
o3 GET "requests.json?end_date=$(date -u -d '-2 days' +%Y-%m-%d)&$K"
check "end_date alone: ours are later" [ "$(json_get 'j.some(r => r.service_request_id === "'"$rid1"'")')" = false ]
o3 GET "requests.xml?start_date=$(date -d '-1 day' +%Y-%m-%d)&$K"
check "start_date alone xml: $status" [ "$status" = 200 ]
check "start_date alone xml: ours" sh -c "grep -q '$rid1' '$BUILD/b.txt'"
o3 GET "requests.json?start_date=$now_utc&end_date=$now_utc"
check "an empty range is an empty list" [ "$(json_get 'Array.isArray(j)')" = true ]
o3 GET "requests.json?start_date=2009-01-01&end_date=2009-03-01"
check "public date filter in the past: none" [ "$(json_get 'j.length')" = "$(sql "SELECT COUNT(*) FROM complaint WHERE submitted_at >= '2009-01-01' AND submitted_at <= '2009-03-01'")" ]

# status: open and closed; a staff reply becomes status_notes, for keys.
cid=$(sql "SELECT id FROM complaint WHERE tracking_no = '$rid2'")
# The database session of the programs runs at +08:00 (src/db/db.c).
sql "SET time_zone = '+08:00'; UPDATE complaint SET status = 'resolved', accepted_at = NOW(), resolved_at = NOW() WHERE id = $cid"
sql "SET time_zone = '+08:00'; INSERT INTO complaint_event (complaint_id, at, kind, from_status, to_status, public_reply, internal_note, staff_id) VALUES ($cid, NOW() + INTERVAL 1 SECOND, 'resolved', 'investigating', 'resolved', '已责令网点上门安装 & 赔礼道歉', '内部备注不公开', (SELECT id FROM staff WHERE username = 'admin'))"
o3 GET "requests.json?status=closed&$K"
check "closed: $status" [ "$status" = 200 ]
check "closed: all closed" [ "$(json_get 'j.every(r => r.status === "closed")')" = true ]
check "closed: ours" [ "$(json_get 'j.some(r => r.service_request_id === "'"$rid2"'")')" = true ]
check "closed: notes are the public reply" [ "$(json_get 'j.find(r => r.service_request_id === "'"$rid2"'").status_notes')" = "已责令网点上门安装 & 赔礼道歉" ]
check "closed: no deadline" [ "$(json_get 'j.find(r => r.service_request_id === "'"$rid2"'").expected_datetime')" = null ]
check "closed: updated later" [ "$(json_get '(r => r.updated_datetime > r.requested_datetime)(j.find(r => r.service_request_id === "'"$rid2"'"))')" = true ]
check "internal notes stay internal" sh -c "! grep -q '内部备注不公开' '$BUILD/b.txt'"
o3 GET "requests.json?status=open&$K"
check "open: all open" [ "$(json_get 'j.every(r => r.status === "open")')" = true ]
check "open: not the closed one" [ "$(json_get 'j.some(r => r.service_request_id === "'"$rid2"'") + ":" + j.some(r => r.service_request_id === "'"$rid1"'")')" = "false:true" ]
o3 GET "requests.xml?status=closed&$K"
check "closed xml: status" [ "$(xml_get request/status | sort -u)" = closed ]
check "closed xml: notes" sh -c "grep -q '已责令网点上门安装 &amp; 赔礼道歉' '$BUILD/b.txt'"
o3 GET "requests.json?status=open,closed&$K"
check "open,closed: both" [ "$(json_get 'j.some(r => r.status === "open") && j.some(r => r.status === "closed")')" = true ]
for p in "requests.json?status=closed" "requests.xml?status=closed" "requests/$rid2.json" "requests/$rid2.xml"; do
	o3 GET "$p"
	check "public $p: $status" [ "$status" = 200 ]
	check "public $p: closed" grep -q closed "$BUILD/b.txt"
	check "public $p: no reply" sh -c "! grep -q '已责令网点' '$BUILD/b.txt'"
done
o3 GET "requests/$rid2.json"
check "public request: updated when replied" [ "$(json_get 'j[0].updated_datetime > j[0].requested_datetime')" = true ]

# page_size / page
o3 GET "requests.json?page_size=1&$K"
check "page_size 1" [ "$(json_get 'j.length')" = 1 ]
first=$(json_get 'j[0].service_request_id')
o3 GET "requests.json?page_size=1&page=2&$K"
check "page 2 differs" [ "$(json_get 'j.length === 1 && j[0].service_request_id !== "'"$first"'"')" = true ]
o3 GET "requests.json?page=500&page_size=20"
check "past the end: empty" [ "$(json_get 'j.length')" = 0 ]
o3 GET "requests.json?page_size=1&page=2"
check "public page_size 1, page 2" [ "$(json_get 'j.length')" = 1 ]

# A region given as a filter is not one of ours: the public learns no
# more by it (the list is the country's, at county level).
o3 GET "requests.json?region_code=$town"
check "public region_code ignored: $status" [ "$status" = 200 ]
check "public region_code ignored: the whole list" [ "$(json_get 'j.length')" = "$in90" ]
check "public region_code ignored: no township" [ "$(fields_json)" = "$O3_PUBLIC_LIST" ]

# --- Complaints filed on the web: the public never sees their text, the
# staff's reply, the townships or the shop; a key of the whole country
# sees all of it.
# o3_web DESCRIPTION [FIELD=VALUE...]: files a complaint on /complaints/new
# for a complainant of $town; prints its tracking number.
o3_web() {
	local token f args=()
	fetch_fresh /complaints/new
	token=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt" | head -n 1)
	for f in "form_token=$token" category=fake_goods "description=$1" name=赵六 \
	    phone=13955556666 "region=$town" consent=1 action=submit "${@:2}"; do
		args+=(--data-urlencode "$f")
	done
	curl -s -o "$BUILD/b.txt" --max-time 20 "${args[@]}" "$BASE/complaints"
	sed -n 's/.*<dt>受理编号<\/dt><dd><strong class="code">\([^<]*\)<.*/\1/p' "$BUILD/b.txt"
}
sql "UPDATE complaint SET submit_address = 'earlier'"
o3_secret="网页投诉私密经过$RANDOM$RANDOM"
o3_reply="网页投诉公开答复$RANDOM$RANDOM"
o3_shop="隐秘电器城$RANDOM"
outlet_a=$outlet	# of 420606 樊城区
outlet_b=$(sql "SELECT id FROM outlet WHERE region_code LIKE '420607%' ORDER BY id LIMIT 1")
web_a=$(o3_web "$o3_secret：甲" "outlet=$outlet_a")
web_b=$(o3_web "$o3_secret：乙" "outlet=$outlet_b")
web_c=$(o3_web "$o3_secret：丙" "outlet_name=$o3_shop" "outlet_address=隐秘路 9 号")
check "filed on the web: $web_a $web_b $web_c" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE tracking_no IN ('$web_a', '$web_b', '$web_c') AND description LIKE '$o3_secret%'")" = 3 ]
sql "SET time_zone = '+08:00'; INSERT INTO complaint_event (complaint_id, at, kind, from_status, to_status, public_reply, internal_note, staff_id) SELECT id, NOW() + INTERVAL 1 SECOND, 'accepted', 'submitted', 'accepted', '$o3_reply', '', (SELECT id FROM staff WHERE username = 'admin') FROM complaint WHERE tracking_no = '$web_a'"
sql "UPDATE complaint SET status = 'accepted' WHERE tracking_no = '$web_a'"
# What the public must not see: the text, the reply, the shops, their
# addresses, the townships of the shops and of the complainant.
o3_private=("$o3_secret" "$o3_reply" "$o3_shop" 隐秘路
    "$(sql "SELECT name FROM outlet WHERE id = $outlet_a")" "$(sql "SELECT name FROM outlet WHERE id = $outlet_b")"
    "$(sql "SELECT address FROM outlet WHERE id = $outlet_a")" "$(sql "SELECT address FROM outlet WHERE id = $outlet_b")"
    "$(sql "SELECT name FROM region WHERE code = '$town'")"
    "$(sql "SELECT r.name FROM outlet o JOIN region r ON r.code = o.region_code WHERE o.id = $outlet_a")"
    "$(sql "SELECT r.name FROM outlet o JOIN region r ON r.code = o.region_code WHERE o.id = $outlet_b")")
for p in requests.json requests.xml "requests.json?service_request_id=$web_a,$web_b,$web_c" \
    "requests.xml?service_request_id=$web_a,$web_b,$web_c" "requests.json?status=open" \
    "requests/$web_a.json" "requests/$web_a.xml" "requests/$web_b.json" "requests/$web_c.xml"; do
	o3 GET "$p"
	check "public $p: $status" [ "$status" = 200 ]
	for v in "${o3_private[@]}"; do
		check "public $p never holds '$v'" sh -c "! grep -qF -- '$v' '$BUILD/b.txt'"
	done
done
o3 GET "requests.json?service_request_id=$web_a,$web_b,$web_c"
check "public: the counties ($(json_get 'j.map(r => r.county_code + r.address).join(",")'))" \
    [ "$(json_get 'j.map(r => r.service_request_id + ":" + r.county_code + ":" + r.address + ":" + r.status).join(",")')" = \
    "$web_a:420606:襄阳市樊城区:open,$web_b:420607:襄阳市襄州区:open,$web_c:420607:襄阳市襄州区:open" ]
check "public: the service" [ "$(json_get 'j.map(r => r.service_code).join(",")')" = fake_goods,fake_goods,fake_goods ]
o3 GET "requests.json?service_request_id=$web_a,$web_b,$web_c&$K"
check "key: the text" [ "$(json_get 'j.map(r => r.description).join(",")')" = "$o3_secret：甲,$o3_secret：乙,$o3_secret：丙" ]
check "key: the reply" [ "$(json_get 'j[0].status_notes')" = "$o3_reply" ]
check "key: the shops" [ "$(json_get 'j.every((r, i) => r.address.startsWith(["'"$(sql "SELECT name FROM outlet WHERE id = $outlet_a")"'", "'"$(sql "SELECT name FROM outlet WHERE id = $outlet_b")"'", "'"$o3_shop"'"][i]))')" = true ]
o3 GET "requests/$web_c.xml?$K"
check "key xml: the text" [ "$(xml_get request/description)" = "$o3_secret：丙" ]
check "key xml: the typed shop" [ "$(xml_get request/address)" = "$o3_shop 隐秘路 9 号" ]

# --- A key made by an account limited to a county reads and files only
# that county's complaints; the account sees and revokes only such keys.
echo "County-2009-ok" | staff_cli add o3county admin 420606 >/dev/null
login o3county County-2009-ok
check "county admin signs in: $status" [ "$status" = 303 ]
o3_csrf_county=$(csrf_of o3county)
sfetch o3county POST /staff/apikeys --data-urlencode "csrf=$o3_csrf_county" --data-urlencode "name=樊城区热线"
ckey=$(sed -n 's/.*<code id="new-key">\([0-9a-f]*\)<.*/\1/p' "$BUILD/b.txt")
check "county key made: $status" [ "$status" = 200 ]
check "county key is 64 hex" [ "${#ckey}" = 64 ]
ckey_id=$(sql "SELECT id FROM api_key WHERE key_hash = '$(printf %s "$ckey" | sha256sum | cut -d' ' -f1)'")
check "county key has the account's region" [ "$(sql "SELECT region_code FROM api_key WHERE id = $ckey_id")" = 420606 ]
check "county key's creation audited with its region" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'apikey_create' AND object_id = $ckey_id AND after_json LIKE '%420606%'")" = 1 ]
sfetch o3county GET /staff/apikeys
check "county list: its key with its region" grep -q "<tr id=\"key-$ckey_id\"><th scope=\"row\">樊城区热线</th><td class=\"key-region\">樊城区（420606）</td>" "$BUILD/b.txt"
check "county list: not the country's keys" sh -c "! grep -q '<tr id=\"key-$key_id\"' '$BUILD/b.txt'"
check "county list: counts only its keys" [ "$(grep -c '<tr id="key-' "$BUILD/b.txt")" = "$(sql "SELECT COUNT(*) FROM api_key WHERE region_code LIKE '420606%'")" ]
sfetch admin GET /staff/apikeys
check "country list: the county key with its region" grep -q "<tr id=\"key-$ckey_id\"><th scope=\"row\">樊城区热线</th><td class=\"key-region\">樊城区（420606）</td>" "$BUILD/b.txt"
check "country list: the country's key" grep -q "<tr id=\"key-$key_id\"" "$BUILD/b.txt"
# Refused by the staff program's gate for regions (403), else by the
# handler as a key it does not have (404).
sfetch o3county POST "/staff/apikeys/$key_id/revoke" --data-urlencode "csrf=$o3_csrf_county"
check "county admin cannot revoke a country key: $status" sh -c "[ $status = 403 ] || [ $status = 404 ]"
check "the country key still in use" [ "$(sql "SELECT COUNT(*) FROM api_key WHERE id = $key_id AND revoked_at IS NULL")" = 1 ]

CK="api_key=$ckey"
in_county=$(sql "SET time_zone = '+08:00'; SELECT COUNT(*) FROM complaint WHERE outlet_region LIKE '420606%' AND submitted_at >= NOW() - INTERVAL 90 DAY AND submitted_at <= NOW()")
o3 GET "requests.json?$CK"
check "county key list: $status" [ "$status" = 200 ]
check "county key list: the county's ($in_county)" [ "$(json_get 'j.length')" = "$in_county" ]
check "county key list: only the county" [ "$(json_get 'j.every(r => r.county_code === "420606")')" = true ]
check "county key list: whole requests" [ "$(json_get 'j.find(r => r.service_request_id === "'"$web_a"'").description')" = "$o3_secret：甲" ]
check "county key list: not another county's" [ "$(json_get 'j.some(r => ["'"$web_b"'", "'"$web_c"'", "'"$rid2"'"].includes(r.service_request_id))')" = false ]
check "county key list: ours filed by the country key" [ "$(json_get 'j.some(r => r.service_request_id === "'"$rid1"'")')" = true ]
o3 GET "requests.xml?$CK"
check "county key xml: only the county" [ "$(xml_get request/county_code | sort -u)" = 420606 ]
check "county key xml: not another county's" sh -c "! grep -qE '$web_b|$web_c' '$BUILD/b.txt'"
o3 GET "requests.json?service_request_id=$web_a,$web_b,$web_c&$CK"
check "county key ids: only the county's" [ "$(json_get 'j.map(r => r.service_request_id).join(",")')" = "$web_a" ]
o3 GET "requests/$web_a.json?$CK"
check "county key, its county's request: $status" [ "$status" = 200 ]
check "county key, its county's request: the text and reply" [ "$(json_get 'j[0].description + "|" + j[0].status_notes')" = "$o3_secret：甲|$o3_reply" ]
for f in json xml; do
	o3 GET "requests/$web_b.$f?$CK";	o3_error "county key, another county's request $f" 404 $f
	o3 GET "requests/$web_c.$f?$CK";	o3_error "county key, another county's unlisted shop $f" 404 $f
done
check "county key: unknown, as a wrong number" [ "$(xml_get error/description)" = "service_request_id not found" ]

# Filing with the county key: an outlet of the county only; without an
# outlet, a complainant of the county only.
before=$(count_complaints)
c_fields=(--data-urlencode "service_code=other" --data-urlencode "description=县级热线代为投诉的事情经过"
    --data-urlencode "last_name=孙" --data-urlencode "phone=13811112222")
for f in json xml; do
	o3 POST "requests.$f" --data-urlencode "$CK" "${c_fields[@]}" --data-urlencode "region_code=$town" \
	    --data-urlencode "outlet_id=$outlet_b"
	o3_error "county key, another county's outlet $f" 403 $f
	o3 POST "requests.$f" --data-urlencode "$CK" "${c_fields[@]}" --data-urlencode "region_code=$town"
	o3_error "county key, no outlet, another county's complainant $f" 403 $f
done
check "county key outside: says why" [ "$(xml_get error/description | grep -c '^region_code: ')" = 1 ]
check "county key outside: nothing filed" [ "$(count_complaints)" = "$before" ]
o3 POST requests.json --data-urlencode "$CK" "${c_fields[@]}" --data-urlencode "region_code=$town" \
    --data-urlencode "outlet_id=$outlet_a"
check "county key, its county's outlet: $status" [ "$status" = 200 ]
rid3=$(json_get 'j[0].service_request_id')
check "county key, filed in its county" [ "$(sql "SELECT outlet_region FROM complaint WHERE tracking_no = '$rid3'")" = "$(sql "SELECT region_code FROM outlet WHERE id = $outlet_a")" ]
o3 POST requests.json --data-urlencode "$CK" "${c_fields[@]}" --data-urlencode "region_code=$(sql "SELECT code FROM region WHERE code LIKE '420606%' AND level = 4 ORDER BY code LIMIT 1")"
check "county key, no outlet, its county's complainant: $status" [ "$status" = 200 ]
o3 GET "requests/$rid3.json?$CK"
check "county key reads what it filed" [ "$(json_get 'j[0].description')" = "县级热线代为投诉的事情经过" ]

# An account without a region may revoke the county's key; then it reads
# nothing more.
sfetch admin POST "/staff/apikeys/$ckey_id/revoke" --data-urlencode "csrf=$o3_csrf_admin"
check "country admin revokes the county key: $status" [ "$status" = 303 ]
o3 GET "requests.json?$CK";	o3_error "revoked county key" 403 json

# --- Privacy: no complainant's name or phone in anything public.
for v in 欧阳开放 "Open Tester" 13700001111 0710-3456789; do
	check "public answers never hold '$v'" sh -c "! grep -qF '$v' '$O3_SEEN'"
done
: > "$BUILD/open311-lists.txt"
for p in requests.json requests.xml "requests.json?status=closed" \
    "requests.xml?service_request_id=$rid1,$rid2"; do
	o3 GET "$p"
	cat "$BUILD/b.txt" >> "$BUILD/open311-lists.txt"
done
while read -r phone; do
	[ -n "$phone" ] || continue
	check "public lists never hold phone $phone" sh -c "! grep -qF '$phone' '$BUILD/open311-lists.txt'"
done < <(sql "SELECT DISTINCT phone FROM complaint")

# --- The database goes away: 503 with Retry-After, in the format asked.
kill -TERM "$(cat "$VAR/run/mariadb.pid")"
for i in $(seq 1 100); do kill -0 "$(cat "$VAR/run/mariadb.pid")" 2>/dev/null || break; sleep 0.1; done
o3 GET requests.xml;	o3_error "database down xml" 503 xml
check "database down: Retry-After" is_header 'Retry-After:'
o3 POST requests.json --data-urlencode "api_key=$key" "${o3_fields[@]}"
o3_error "database down json" 503 json
instance start >/dev/null 2>&1
o3 GET services.json
check "back after the outage: $status" [ "$status" = 200 ]

# The keys page shows 50 keys a page, newest first; a bad page is a 400.
sql "INSERT INTO api_key (key_hash, name, created_at) SELECT SHA2(CONCAT('page-test-', seq), 256),
    CONCAT('分页测试', seq), NOW() FROM seq_1_to_60"
nkeys=$(sql "SELECT COUNT(*) FROM api_key")
newest=$(sql "SELECT id FROM api_key ORDER BY id DESC LIMIT 1")
sfetch admin GET /staff/apikeys
check "keys page 1: $status" [ "$status" = 200 ]
check "keys page 1 holds 50" [ "$(grep -c '<tr id="key-' "$BUILD/b.txt")" = 50 ]
check "keys page 1 starts with the newest" grep -q "<tr id=\"key-$newest\"" "$BUILD/b.txt"
check "keys page 1 links page 2" grep -q 'href="/staff/apikeys?page=2"' "$BUILD/b.txt"
sfetch admin GET "/staff/apikeys?page=2"
check "keys page 2 holds the rest" [ "$(grep -c '<tr id="key-' "$BUILD/b.txt")" = $((nkeys - 50 < 50 ? nkeys - 50 : 50)) ]
for p in 0 abc; do
	sfetch admin GET "/staff/apikeys?page=$p"
	check "keys page=$p: $status" [ "$status" = 400 ]
	check "keys page=$p says why" grep -q "页码" "$BUILD/b.txt"
done
o3_new_key "分页之后"
check "a new key shows the first page" grep -q "<tr id=\"key-$(sql "SELECT MAX(id) FROM api_key")\"" "$BUILD/b.txt"
check "its paging links leave the name out" sh -c "! grep -q 'apikeys?[^\"]*name=' '$BUILD/b.txt'"
sql "DELETE FROM api_key WHERE name LIKE '分页测试%'"
