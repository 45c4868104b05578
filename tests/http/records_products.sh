# Product records, categories, caps and the subsidy rate kept by staff:
# roles and regions, CSRF, validation with the form kept, duplicates,
# audit, and the public catalogue, model check, API, /caps and the
# calculator following each change on the next request.
# Uses staff_cli, sfetch, login and csrf_of from lib.sh.

# rp_has TEXT / rp_lacks TEXT: the last answer's body holds TEXT or not.
rp_has() { grep -qF -- "$1" "$BUILD/b.txt"; }
rp_lacks() { ! grep -qF -- "$1" "$BUILD/b.txt"; }
rp_count() { sql "SELECT COUNT(*) FROM $1"; }
# rp_post USER PATH FIELD=VALUE...: posts a form with USER's CSRF token;
# fields not given are left out.
rp_post() {
	local user=$1 path=$2 f
	local args=(--data-urlencode "csrf=${rp_csrf[$user]}")
	shift 2
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	sfetch "$user" POST "$path" "${args[@]}"
}
rp_public() { sfetch none GET "$@"; }

# Days as the application counts them: in the site's time zone.
rp_tz=$(sed -n 's/^ *TimeZone *= *//p' "$VAR/jdxx.hdf" | head -n 1)
rp_tz=${rp_tz:-Asia/Shanghai}
rp_today=$(TZ=$rp_tz date +%F)
rp_tomorrow=$(TZ=$rp_tz date -d tomorrow +%F)
rp_later=$(TZ=$rp_tz date -d '2 days' +%F)

echo "Ledger-2009-ok" | staff_cli add prodclerk records >/dev/null
echo "Ledger-2009-ok" | staff_cli add prodcounty records 420607 >/dev/null
echo "Notice-2009-ok" | staff_cli add prodeditor editor >/dev/null
echo "Queue-2009-ok" | staff_cli add prodhandler handler >/dev/null
login admin "$(cat "$VAR/initial-admin-password")"
check "products: admin signs in: $status" [ "$status" = 303 ]
for u in prodclerk prodcounty; do
	login "$u" Ledger-2009-ok; check "$u signs in: $status" [ "$status" = 303 ]
done
login prodeditor Notice-2009-ok; check "prodeditor signs in: $status" [ "$status" = 303 ]
login prodhandler Queue-2009-ok; check "prodhandler signs in: $status" [ "$status" = 303 ]
declare -A rp_csrf
for u in admin prodclerk prodcounty prodeditor prodhandler; do
	rp_csrf[$u]=$(csrf_of "$u")
done
check "csrf tokens for product tests" [ "${#rp_csrf[prodclerk]}" = 43 ]
rp_demo=$(sql "SELECT id FROM product WHERE model = 'TLM32E08'")

# Who may do what. GET answers 200 where allowed; a POST with only the
# CSRF token answers 400 (the form is incomplete) where allowed.
while read -r m p none admin prodclerk prodcounty prodeditor prodhandler; do
	[ -z "$m" ] && continue
	for u in none admin prodclerk prodcounty prodeditor prodhandler; do
		want=${!u}
		if [ "$m" = POST ]; then
			sfetch "$u" POST "$p" --data-urlencode "csrf=${rp_csrf[$u]:-x}"
		else
			sfetch "$u" GET "$p"
		fi
		check "$u $m $p: $status, want $want" [ "$status" = "$want" ]
	done
done <<MATRIX
GET /staff/products 303 200 200 200 403 403
GET /staff/products/new 303 200 200 403 403 403
GET /staff/products/$rp_demo 303 200 200 403 403 403
GET /staff/caps 303 200 200 200 403 403
POST /staff/products/new 403 400 400 403 403 403
POST /staff/products/$rp_demo 403 400 400 403 403 403
POST /staff/caps 403 400 403 403 403 403
POST /staff/categories 403 400 403 403 403 403
MATRIX
sfetch prodcounty GET /staff/products/new
check "region-limited records told why" rp_has "只能由不限地区的账号登记、修改"
sfetch prodclerk GET /staff/caps
check "records sees the caps" rp_has "限价调整记录"
check "records gets no caps forms" rp_lacks 'action="/staff/caps" method="post"'
check "records told who may change caps" rp_has "只有不限地区的管理员可以调整"
sfetch admin GET /staff/caps
check "admin gets the caps forms" rp_has 'action="/staff/caps" method="post"'
sfetch prodclerk GET /staff/
check "dashboard links products" rp_has 'href="/staff/products"'
check "dashboard links caps" rp_has 'href="/staff/caps"'
sfetch prodclerk GET /staff/products/999999
check "unknown product 404: $status" [ "$status" = 404 ]

# CSRF: no token or another session's token changes nothing.
rp_before="$(rp_count product) $(rp_count category_cap) $(rp_count subsidy_rate) $(rp_count category)"
for p in /staff/products/new "/staff/products/$rp_demo" /staff/caps /staff/categories; do
	sfetch admin POST "$p" --data-urlencode category=tv --data-urlencode "brand=CSRF牌" \
	    --data-urlencode manufacturer=某厂 --data-urlencode model=CSRF1 \
	    --data-urlencode bid_price=100 --data-urlencode status=active \
	    --data-urlencode kind=cap --data-urlencode cap=9999 \
	    --data-urlencode "effective_from=$rp_later" --data-urlencode note=csrf \
	    --data-urlencode code=csrfcat --data-urlencode name=CSRF类
	check "no csrf $p: $status" [ "$status" = 403 ]
	check "no csrf $p: says why" rp_has "表单已过期或来源不明"
	sfetch admin POST "$p" --data-urlencode "csrf=${rp_csrf[prodclerk]}" \
	    --data-urlencode category=tv --data-urlencode "brand=CSRF牌" \
	    --data-urlencode manufacturer=某厂 --data-urlencode model=CSRF1 \
	    --data-urlencode bid_price=100 --data-urlencode status=active \
	    --data-urlencode kind=cap --data-urlencode cap=9999 \
	    --data-urlencode "effective_from=$rp_later" --data-urlencode note=csrf \
	    --data-urlencode code=csrfcat --data-urlencode name=CSRF类
	check "another session's csrf $p: $status" [ "$status" = 403 ]
done
rp_after="$(rp_count product) $(rp_count category_cap) $(rp_count subsidy_rate) $(rp_count category)"
check "csrf: nothing saved ($rp_after)" [ "$rp_before" = "$rp_after" ]
check "demo product untouched" [ "$(sql "SELECT brand FROM product WHERE id = $rp_demo")" = 海信 ]

# Validation: each bad field answers 400 with its message beside the field
# and everything typed kept; nothing is saved.
rp_good=(category=tv "brand=乡亲牌" "manufacturer=乡亲电器有限公司" "model=XQ-32L9"
    "spec=32英寸液晶（测试）" bid_price=1888 "bid_batch=2009-第三批" status=active)
rp_nproducts=$(rp_count product)
while IFS='|' read -r field value message; do
	[ -z "$field" ] && continue
	fields=()
	for f in "${rp_good[@]}"; do [ "${f%%=*}" = "$field" ] || fields+=("$f"); done
	[ "$value" = "<absent>" ] || fields+=("$field=$value")
	rp_post prodclerk /staff/products/new "${fields[@]}"
	check "bad $field '${value:0:20}': $status" [ "$status" = 400 ]
	check "bad $field: message '$message'" rp_has "$message"
	check "bad $field: message beside the field" rp_has "id=\"$field-error\""
	check "bad $field: marked invalid" rp_has 'aria-invalid="true"'
	[ "$field" = manufacturer ] || check "bad $field: manufacturer kept" rp_has 'value="乡亲电器有限公司"'
	[ "$field" = model ] || check "bad $field: model kept" rp_has 'value="XQ-32L9"'
	if [ "$value" != "<absent>" ] && [ "$field" != category ] && [ "$field" != status ]; then
		check "bad $field: its value kept" rp_has "value=\"$(printf '%s' "$value" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g')\""
	fi
done <<'CASES'
bid_price|abc|中标价请填写数字
bid_price|1888.123|中标价请填写数字
bid_price|-5|中标价请填写数字
bid_price|0.99|中标价须在 1.00 元到
bid_price|2000000|中标价须在 1.00 元到
bid_price|<absent>|请填写中标价
category|aircon|没有这个商品类别
category|TV'--|商品类别不正确
category|<absent>|请选择商品类别
model|<absent>|请填写产品型号
model|---|产品型号须含有字母或数字
model|XQ32L9XQ32L9XQ32L9XQ32L9XQ32L9XQ32L9XQ32L9XQ32L9XQ32L9XQ32L9XQ32L|产品型号太长
brand|<absent>|请填写品牌
brand|乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌乡亲牌x|品牌太长，最多 50 个字（现有 52 个）
manufacturer|<absent>|请填写生产企业
spec|规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格规格x|规格太长
bid_batch|2009年第三批家电下乡中标产品补充批次（测试用的超长批次名称，共三十多个字）|中标批次太长
status|sold|状态只能是 在售 或 已撤销
CASES
check "validation: nothing saved" [ "$(rp_count product)" = "$rp_nproducts" ]
rp_post prodclerk /staff/products/new "${rp_good[@]/#brand=*/brand=<b>乡亲</b>}" "bid_price=abc"
check "typed markup comes back escaped" rp_has 'value="&lt;b&gt;乡亲&lt;/b&gt;"'
check "typed markup never raw" rp_lacks '<b>乡亲</b>'

# Create: visible at once in the catalogue, the model check and the API.
rp_post prodclerk /staff/products/new "${rp_good[@]}"
check "product created: $status" [ "$status" = 303 ]
rp_id=$(sql "SELECT id FROM product WHERE model = 'XQ-32L9'")
check "redirect to the record" grep -qi "^Location: /staff/products/$rp_id" "$BUILD/h.txt"
check "stored in fen" [ "$(sql "SELECT bid_price_fen FROM product WHERE id = '$rp_id'")" = 188800 ]
rp_public "/products/$rp_id"
check "public page: $status" [ "$status" = 200 ]
check "public page shows the model" rp_has "乡亲牌 XQ-32L9"
check "public page shows 13% of 1888" rp_has "245.44 元"
rp_public /products -G --data-urlencode "brand=乡亲牌"
check "catalogue by brand" rp_has "XQ-32L9"
rp_public /products -G --data-urlencode "q=乡亲电器"
check "catalogue by keyword (search index follows)" rp_has "XQ-32L9"
rp_public /products -G --data-urlencode "category=tv"
check "brand offered in the filter" rp_has "<option>乡亲牌</option>"
rp_public /products/check -G --data-urlencode "model=xq 32l9"
check "model check finds it" rp_has "是中标产品：乡亲牌 XQ-32L9"
rp_public "/api/v1/products/$rp_id"
check "api product: $status" [ "$status" = 200 ]
check "api product fields" [ "$(json_get 'j.product.model + "|" + j.product.bid_price_fen + "|" + j.product.subsidy_yuan + "|" + j.product.status')" = "XQ-32L9|188800|245.44|active" ]
rp_public /api/v1/products -G --data-urlencode "q=XQ-32L9"
check "api search finds it" [ "$(json_get 'j.products.filter(p => p.id == '"$rp_id"').length')" = 1 ]
check "create audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'product_create' AND object_id = $rp_id AND username = 'prodclerk' AND before_json IS NULL AND after_json LIKE '%\"model\":\"XQ-32L9\"%' AND after_json LIKE '%\"bid_price_fen\":188800%'")" = 1 ]

# Duplicates: the same category, brand and model is refused, whatever its
# case; a model the check cannot tell apart is refused too; nothing lost.
rp_nproducts=$(rp_count product)
rp_post prodclerk /staff/products/new category=tv "brand=乡亲牌" "manufacturer=另一家公司" \
    model=XQ-32L9 bid_price=999 status=active
check "duplicate model: $status" [ "$status" = 409 ]
check "duplicate says so" rp_has "已经登记了型号“XQ-32L9”（产品编号 $rp_id）"
check "duplicate links the record" rp_has "href=\"/staff/products/$rp_id\""
check "duplicate keeps the form" rp_has 'value="另一家公司"'
check "duplicate keeps the price" rp_has 'value="999"'
rp_post prodclerk /staff/products/new category=tv "brand=乡亲牌" "manufacturer=另一家公司" \
    model=xq-32l9 bid_price=999 status=active
check "duplicate in other case: $status" [ "$status" = 409 ]
rp_post prodclerk /staff/products/new category=tv "brand=乡亲牌" "manufacturer=另一家公司" \
    "model=XQ 32/L9" bid_price=999 status=active
check "look-alike model: $status" [ "$status" = 409 ]
check "look-alike says why" rp_has "型号核验无法区分"
check "look-alike keeps the model" rp_has 'value="XQ 32/L9"'
check "duplicates: nothing saved" [ "$(rp_count product)" = "$rp_nproducts" ]
rp_post prodclerk /staff/products/new category=tv "brand=邻村牌" "manufacturer=邻村电器厂" \
    model=XQ-32L9 bid_price=1500 status=active
check "same model, other brand: $status" [ "$status" = 303 ]
rp_other=$(sql "SELECT id FROM product WHERE brand = '邻村牌'")

# Edit: the public pages show the new values on the next request.
sfetch prodclerk GET "/staff/products/$rp_id"
check "edit form filled" rp_has 'value="1888"'
check "edit form category" rp_has '<option value="tv" selected>'
rp_audits=$(rp_count audit_log)
rp_post prodclerk "/staff/products/$rp_id" "${rp_good[@]}"
check "unchanged save: $status" [ "$status" = 303 ]
check "unchanged save records nothing" [ "$(rp_count audit_log)" = "$rp_audits" ]
rp_edit=("${rp_good[@]/#bid_price=*/bid_price=2100.50}")
rp_post prodclerk "/staff/products/$rp_id" "${rp_edit[@]/#spec=*/spec=32英寸液晶，带USB（测试）}"
check "edited: $status" [ "$status" = 303 ]
rp_public "/products/$rp_id"
check "public page shows the new price" rp_has "2100.50 元"
check "over the cap now" rp_has "中标价超过限价，不能补贴"
check "new spec" rp_has "带USB"
rp_public "/api/v1/products/$rp_id"
check "api follows the edit" [ "$(json_get 'j.product.bid_price_fen + "|" + j.product.over_cap')" = "210050|true" ]
check "edit audited with before and after" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'product_update' AND object_id = $rp_id AND before_json LIKE '%\"bid_price_fen\":188800%' AND after_json LIKE '%\"bid_price_fen\":210050%'")" = 1 ]
# Renaming into another record's key is refused and changes nothing.
rp_post prodclerk "/staff/products/$rp_other" category=tv "brand=海信" "manufacturer=邻村电器厂" \
    model=TLM32E08 bid_price=1500 status=active
check "edit into a duplicate: $status" [ "$status" = 409 ]
check "edit duplicate names the record" rp_has "（产品编号 $rp_demo）"
check "edit duplicate kept the form" rp_has 'value="邻村电器厂"'
check "edit duplicate saved nothing" [ "$(sql "SELECT brand FROM product WHERE id = $rp_other")" = 邻村牌 ]
rp_post prodclerk "/staff/products/$rp_other" "category=aircon" "brand=邻村牌" "manufacturer=邻村电器厂" \
    model=XQ-32L9 bid_price=1500 status=active
check "edit to unknown category: $status" [ "$status" = 400 ]

# Withdraw and restore.
rp_post prodclerk "/staff/products/$rp_id" "${rp_good[@]/#status=*/status=withdrawn}"
check "withdrawn: $status" [ "$status" = 303 ]
rp_public /products/check -G --data-urlencode "model=XQ-32L9"
check "model check says withdrawn" rp_has "已撤销：乡亲牌 XQ-32L9"
rp_public /products -G --data-urlencode "brand=乡亲牌"
check "withdrawn not in the default catalogue" rp_lacks "XQ-32L9"
rp_public /products -G --data-urlencode "brand=乡亲牌" --data-urlencode status=withdrawn
check "withdrawn listed as such" rp_has "XQ-32L9"
rp_public "/api/v1/products/$rp_id"
check "api says withdrawn" [ "$(json_get 'j.product.status')" = withdrawn ]
check "withdrawal audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'product_withdraw' AND object_id = $rp_id AND before_json LIKE '%\"status\":\"active\"%' AND after_json LIKE '%\"status\":\"withdrawn\"%'")" = 1 ]
sfetch prodclerk GET "/staff/products?status=withdrawn"
check "staff list filters withdrawn" rp_has "乡亲牌 XQ-32L9"
sfetch prodclerk GET "/staff/products?status=active&category=tv"
check "staff list leaves withdrawn out" rp_lacks "乡亲牌 XQ-32L9"
rp_post admin "/staff/products/$rp_id" "${rp_good[@]}"
check "restored by an admin: $status" [ "$status" = 303 ]
check "restore audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'product_restore' AND object_id = $rp_id AND username = 'admin'")" = 1 ]
rp_public /products/check -G --data-urlencode "model=XQ32L9"
check "model check after restore" rp_has "是中标产品：乡亲牌 XQ-32L9"

# The staff list and its filters.
sfetch prodclerk GET /staff/products -G --data-urlencode "q=乡亲"
check "staff keyword search: $status" [ "$status" = 200 ]
check "staff keyword search finds it" rp_has "href=\"/staff/products/$rp_id\""
for q in "category=aircon" "status=gone" "page=0" "category=TV%27"; do
	sfetch prodclerk GET "/staff/products?$q"
	check "staff list rejects $q: $status" [ "$status" = 400 ]
done
sfetch prodclerk GET "/staff/products?page=500"
check "staff list past the end" rp_has "这一页没有内容了"
sfetch prodclerk GET "/staff/products?page=999"
check "staff list past the bound: $status" [ "$status" = 400 ]
check "staff list past the bound says why" rp_has "最多只能翻到第 500 页"

# Caps: validation with the form kept, nothing saved on an error.
rp_ncaps=$(rp_count category_cap)
while IFS='|' read -r fields message; do
	[ -z "$fields" ] && continue
	read -ra parts <<<"$fields"
	rp_post admin /staff/caps kind=cap "${parts[@]}"
	check "cap form $fields: $status" [ "$status" = 400 ]
	check "cap form $fields: '$message'" rp_has "$message"
done <<CASES
category=tv cap=abc effective_from=$rp_tomorrow note=测试|最高限价请填写数字
category=tv cap=0 effective_from=$rp_tomorrow note=测试|最高限价须在 1.00 元到
category=tv effective_from=$rp_tomorrow note=测试|请填写最高限价
category=aircon cap=2500 effective_from=$rp_tomorrow note=测试|没有这个商品类别
cap=2500 effective_from=$rp_tomorrow note=测试|请选择商品类别
category=tv cap=2500 note=测试|请填写起始日期
category=tv cap=2500 effective_from=2009-02-30 note=测试|起始日期须为有效日期
category=tv cap=2500 effective_from=$rp_tomorrow|请写明调整依据
CASES
rp_post admin /staff/caps kind=cap category=tv cap=25x0 "effective_from=$rp_tomorrow" "note=依据文件"
check "cap form keeps the cap" rp_has 'value="25x0"'
check "cap form keeps the date" rp_has "value=\"$rp_tomorrow\""
check "cap form keeps the note" rp_has 'value="依据文件"'
check "cap error beside the field" rp_has 'id="cap-error"'
check "rate form not filled from the cap form" [ "$(grep -c "value=\"$rp_tomorrow\"" "$BUILD/b.txt")" = 1 ]
rp_post admin /staff/caps kind=bogus
check "unknown kind: $status" [ "$status" = 400 ]
check "cap errors: nothing saved" [ "$(rp_count category_cap)" = "$rp_ncaps" ]
rp_post prodclerk /staff/caps kind=cap category=tv cap=2500 "effective_from=$rp_tomorrow" note=越权
check "records may not change caps: $status" [ "$status" = 403 ]
# Caps hold nationwide: an admin limited to a county only reads them.
echo "County-admin-2009" | staff_cli add prodadminx admin 420607 >/dev/null
login prodadminx County-admin-2009
rp_csrf[prodadminx]=$(csrf_of prodadminx)
sfetch prodadminx GET /staff/caps
check "county admin reads caps: $status" [ "$status" = 200 ]
check "county admin gets no caps forms" rp_lacks 'action="/staff/caps" method="post"'
rp_post prodadminx /staff/caps kind=cap category=tv cap=2500 "effective_from=$rp_tomorrow" note=越权
check "county admin may not change caps: $status" [ "$status" = 403 ]
check "county admin told why" rp_has "全国统一的记录，只能由不限地区的账号"
rp_post prodadminx /staff/categories code=countycat "name=县里的类别"
check "county admin may not add categories: $status" [ "$status" = 403 ]
check "refused cap saved nothing" [ "$(rp_count category_cap)" = "$rp_ncaps" ]

# A tv cap of 2500 from tomorrow: today the calculator still uses 2000.
rp_post admin /staff/caps kind=cap category=tv cap=2500 "effective_from=$rp_tomorrow" \
    "note=测试：彩电最高限价调整为2500元"
check "cap added: $status" [ "$status" = 303 ]
rp_cap=$(sql "SELECT id FROM category_cap WHERE category_code = 'tv' AND effective_from = '$rp_tomorrow'")
check "redirect to the new row" grep -qi "^Location: /staff/caps#cap-$rp_cap" "$BUILD/h.txt"
check "stored in fen" [ "$(sql "SELECT cap_fen FROM category_cap WHERE id = '$rp_cap'")" = 250000 ]
rp_public "/subsidy?category=tv&price=2200"
check "today: still 2000, over the cap" rp_has "彩电的最高限价是 2000 元，发票价格 2200 元，超出 200 元"
rp_public "/subsidy?category=tv&price=2200&date=$rp_tomorrow"
check "tomorrow: 13% of 2200" rp_has "可以领取补贴 <strong class=\"amount\">286.00 元</strong>"
check "tomorrow: cap 2500" rp_has "彩电最高限价 2500 元"
rp_public "/subsidy?category=tv&price=2200&date=$rp_today"
check "explicit today: over the cap" rp_has "不能领补贴"
public_until /caps "<td>2500 元</td><td>$rp_tomorrow（尚未执行）</td>"
check "/caps today still 2000" rp_has '<th scope="row">彩电</th><td>2000 元</td>'
check "/caps history has 2500 from tomorrow" rp_has "<td>2500 元</td><td>$rp_tomorrow（尚未执行）</td><td>测试：彩电最高限价调整为2500元</td>"
check "/caps history keeps 2000" rp_has '<td>2000 元</td><td>2008-12-01</td>'
rp_public /
check "home still shows 2000" rp_has '<th scope="row">彩电</th><td>2000 元</td>'
rp_public "/products/$rp_demo"
check "product cap still 2000 today" rp_has "<dd>2000 元</dd>"
sfetch prodclerk GET /staff/caps
check "staff history marks the new row" rp_has "<tr id=\"cap-$rp_cap\"><th scope=\"row\">彩电</th><td>2500 元</td><td>$rp_tomorrow</td><td><span class=\"badge demo\">尚未执行</span>"
check "staff table names the coming cap" rp_has "自 $rp_tomorrow 起有新限价"
check "entry time shown" grep -qE "<td>$rp_today [0-9]{2}:[0-9]{2}</td>" "$BUILD/b.txt"
rp_post admin /staff/caps kind=cap category=tv cap=2600 "effective_from=$rp_tomorrow" note=重复
check "same category and day refused: $status" [ "$status" = 409 ]
check "same day says what is there" rp_has "$rp_tomorrow起已有一条这个类别的最高限价（2500 元），同一天只能有一条"
check "same day keeps the form" rp_has 'value="2600"'
check "same day saved nothing" [ "$(sql "SELECT COUNT(*) FROM category_cap WHERE category_code = 'tv'")" = 2 ]
check "cap audited with the value it supersedes" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'cap_add' AND object_id = $rp_cap AND username = 'admin' AND before_json LIKE '%\"cap_fen\":200000%' AND after_json LIKE '%\"cap_fen\":250000%'")" = 1 ]

# A rate change from tomorrow, and one with decimals after it.
rp_nrates=$(rp_count subsidy_rate)
while IFS='|' read -r fields message; do
	[ -z "$fields" ] && continue
	read -ra parts <<<"$fields"
	rp_post admin /staff/caps kind=rate "${parts[@]}"
	check "rate form $fields: $status" [ "$status" = 400 ]
	check "rate form $fields: '$message'" rp_has "$message"
done <<CASES
rate=13.555 central_share=80 effective_from=$rp_tomorrow note=测试|补贴比例请填写 0.01 到 100
rate=0 central_share=80 effective_from=$rp_tomorrow note=测试|补贴比例请填写 0.01 到 100
rate=101 central_share=80 effective_from=$rp_tomorrow note=测试|补贴比例请填写 0.01 到 100
rate=abc central_share=80 effective_from=$rp_tomorrow note=测试|补贴比例请填写 0.01 到 100
rate=15 central_share=180 effective_from=$rp_tomorrow note=测试|中央财政负担比例请填写 0 到 100
central_share=80 effective_from=$rp_tomorrow note=测试|请填写补贴比例
rate=15 effective_from=$rp_tomorrow note=测试|请填写中央财政负担比例
rate=123456789 central_share=80 effective_from=$rp_tomorrow note=测试|补贴比例太长
CASES
rp_post admin /staff/caps kind=rate rate=1x central_share=75 "effective_from=$rp_tomorrow" "note=依据"
check "rate form keeps the rate" rp_has 'value="1x"'
check "rate form keeps the share" rp_has 'value="75"'
check "rate error beside the field" rp_has 'id="rate-error"'
check "rate errors: nothing saved" [ "$(rp_count subsidy_rate)" = "$rp_nrates" ]
rp_post prodclerk /staff/caps kind=rate rate=15 central_share=80 "effective_from=$rp_tomorrow" note=越权
check "records may not change the rate: $status" [ "$status" = 403 ]
rp_post admin /staff/caps kind=rate rate=15% central_share=80 "effective_from=$rp_tomorrow" "note=测试：补贴比例调整为15%"
check "rate added: $status" [ "$status" = 303 ]
rp_rate=$(sql "SELECT id FROM subsidy_rate WHERE effective_from = '$rp_tomorrow'")
check "rate stored in basis points" [ "$(sql "SELECT CONCAT(rate_bp, '/', central_share_bp) FROM subsidy_rate WHERE id = '$rp_rate'")" = 1500/8000 ]
rp_public "/subsidy?category=tv&price=1999"
check "today: still 13%" rp_has "259.87 元"
rp_public "/subsidy?category=tv&price=2200&date=$rp_tomorrow"
check "tomorrow: 15% of 2200 under the 2500 cap" rp_has "330.00 元"
check "tomorrow: split 80/20" rp_has "中央财政 264.00 元，省级财政 66.00 元"
rp_public "/products/$rp_demo"
check "product subsidy still at 13% today" rp_has "<dd>259.87 元</dd>"
public_until /caps "<th scope=\"row\">15%</th><td>80% ／ 20%</td><td>$rp_tomorrow"
check "/caps rate today 13%" rp_has "补贴 <strong>13%</strong>"
check "/caps rate history has 15% from tomorrow" rp_has "<th scope=\"row\">15%</th><td>80% ／ 20%</td><td>$rp_tomorrow（尚未执行）</td>"
check "/caps rate history keeps 13%" rp_has '<th scope="row">13%</th><td>80% ／ 20%</td><td>2008-12-01</td>'
rp_post admin /staff/caps kind=rate rate=14 central_share=80 "effective_from=$rp_tomorrow" note=重复
check "same rate day refused: $status" [ "$status" = 409 ]
check "same rate day says what is there" rp_has "起已有一条补贴比例（15%）"
rp_post admin /staff/caps kind=rate rate=12.5 central_share=62.25 "effective_from=$rp_later" "note=测试：小数比例"
check "rate with decimals: $status" [ "$status" = 303 ]
check "12.5% stored as 1250" [ "$(sql "SELECT CONCAT(rate_bp, '/', central_share_bp) FROM subsidy_rate WHERE effective_from = '$rp_later'")" = 1250/6225 ]
rp_public "/subsidy?category=tv&price=2000&date=$rp_later"
check "day after tomorrow: 12.5% of 2000" rp_has "250.00 元"
sfetch admin GET /staff/caps
check "staff rate history shows decimals" rp_has '<th scope="row">12.5%</th><td>62.25% ／ 37.75%</td>'
check "rate audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'rate_add' AND object_id = $rp_rate AND before_json LIKE '%\"rate_bp\":1300%' AND after_json LIKE '%\"rate_bp\":1500%'")" = 1 ]
check "no cap or rate row was ever changed in place" [ "$(sql "SELECT COUNT(*) FROM category_cap WHERE effective_from = '2008-12-01' AND cap_fen IN (200000, 250000, 100000)") $(sql "SELECT rate_bp FROM subsidy_rate WHERE effective_from = '2008-12-01'")" = "4 1300" ]

# Categories: added by an admin, public only once a cap is in force.
rp_ncats=$(rp_count category)
while IFS='|' read -r fields message; do
	[ -z "$fields" ] && continue
	read -ra parts <<<"$fields"
	rp_post admin /staff/categories "${parts[@]}"
	check "category form $fields: $status" [ "$status" = 400 ]
	check "category form $fields: '$message'" rp_has "$message"
done <<'CASES'
code=Air-Con name=空调|类别代码须以小写英文字母开头
code=1aircon name=空调|类别代码须以小写英文字母开头
code=aircon_conditioner name=空调|类别代码太长
name=空调|请填写类别代码
code=aircon|请填写类别名称
code=aircon name=彩电|已有同名的类别
code=aircon name=空调空调空调空调空调空调空调空调空调空调空调空调空调空调空调空调x|类别名称太长
code=aircon name=空调 sort_order=10000|排列顺序须为 0 到 9999 之间的整数
CASES
rp_post admin /staff/categories code=Air-Con "name=空调"
check "category form keeps the code" rp_has 'value="Air-Con"'
check "category form keeps the name" rp_has 'value="空调"'
check "category errors: nothing saved" [ "$(rp_count category)" = "$rp_ncats" ]
rp_post admin /staff/categories code=tv "name=电视机"
check "taken code: $status" [ "$status" = 409 ]
check "taken code says so" rp_has "类别代码“tv”已经有了"
rp_post prodclerk /staff/categories code=aircon "name=空调"
check "records may not add categories: $status" [ "$status" = 403 ]
rp_post admin /staff/categories code=aircon "name=空调"
check "category added: $status" [ "$status" = 303 ]
check "added after the others" [ "$(sql "SELECT sort_order FROM category WHERE code = 'aircon'")" = 5 ]
check "category audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'category_add' AND after_json LIKE '%\"code\":\"aircon\"%'")" = 1 ]
rp_public /caps
check "no cap yet: not on /caps" rp_lacks "空调"
rp_public "/subsidy?category=aircon&price=2500"
check "no cap yet: calculator refuses: $status" [ "$status" = 400 ]
sfetch admin GET /staff/caps
check "staff page says it has no cap" rp_has "尚无执行中的限价，公开页面不显示这个类别"
rp_post prodclerk /staff/products/new category=aircon "brand=清风牌" "manufacturer=清风空调有限公司" \
    model=KFR-35GW bid_price=2399 status=active
check "product in the new category: $status" [ "$status" = 303 ]
rp_air=$(sql "SELECT id FROM product WHERE model = 'KFR-35GW'")
rp_public "/products/$rp_air"
check "no cap yet: product page says so" rp_has "暂无执行中的最高限价"
rp_public /products/check -G --data-urlencode "model=kfr35gw"
check "no cap yet: model check says so" rp_has "空调今天还没有执行中的最高限价"
rp_post admin /staff/caps kind=cap category=aircon cap=3000 "effective_from=$rp_today" "note=测试：空调纳入补贴"
check "cap for the new category: $status" [ "$status" = 303 ]
public_until /caps '<th scope="row">空调</th><td>3000 元</td>'
check "new category on /caps" rp_has '<th scope="row">空调</th><td>3000 元</td>'
rp_public "/subsidy?category=aircon&price=2500"
check "calculator for the new category" rp_has "325.00 元"
rp_public "/products/$rp_air"
check "product page gets the cap" rp_has "<dd>3000 元</dd>"
check "product page gets the subsidy" rp_has "<dd>311.87 元</dd>"
rp_public /api/v1/products -G --data-urlencode category=aircon
check "api lists the new category" [ "$(json_get 'j.total + "|" + j.products[0].cap_yuan')" = "1|3000" ]
# A cap from a past day answers for the days from it, not before.
rp_post admin /staff/caps kind=cap category=aircon cap=2800 effective_from=2009-06-01 "note=测试：追溯的限价"
check "past cap added: $status" [ "$status" = 303 ]
rp_public "/subsidy?category=aircon&price=2900"
check "today: the later cap, 13% of 2900" rp_has "377.00 元"
rp_public "/subsidy?category=aircon&price=2900&date=2009-06-01"
check "from the past day: 2800" rp_has "空调的最高限价是 2800 元"
rp_public "/subsidy?category=aircon&price=2700&date=2009-05-31"
check "before the first cap: $status" [ "$status" = 400 ]
check "before the first cap: says why" rp_has "这一天这类商品还没有最高限价"
check "before the first cap: form kept" rp_has 'value="2700"'

# Typed markup is shown as text everywhere it appears.
rp_post admin /staff/caps kind=cap category=washer cap=2100 "effective_from=$rp_later" \
    'note=<script>alert(1)</script>'
check "note with markup saved: $status" [ "$status" = 303 ]
for p in /caps /staff/caps; do
	sfetch admin GET "$p"
	check "$p escapes the note" rp_has '&lt;script&gt;alert(1)&lt;/script&gt;'
	check "$p has no raw script" rp_lacks '<script>alert(1)'
done
sfetch admin GET "/staff/audit?action=cap_add"
check "audit page lists cap changes" rp_has "cap_add"
check "no staff request failed with a 500" sh -c "! grep -q ' 500 ' '$VAR/log/staff.log'"
check "brand tallies follow product changes" brand_tally_matches
