# The outlet directory, store check, enterprises, product catalogue and
# the JSON API, against the demo data.

regno_active=$(sql "SELECT reg_no FROM outlet WHERE status = 'active' ORDER BY id LIMIT 1")
regno_susp=$(sql "SELECT reg_no FROM outlet WHERE status = 'suspended' ORDER BY id LIMIT 1")
regno_canc=$(sql "SELECT reg_no FROM outlet WHERE status = 'cancelled' ORDER BY id LIMIT 1")
id_susp=$(sql "SELECT id FROM outlet WHERE status = 'suspended' ORDER BY id LIMIT 1")
id_canc=$(sql "SELECT id FROM outlet WHERE status = 'cancelled' ORDER BY id LIMIT 1")
phone_mobile=$(sql "SELECT phone FROM outlet WHERE status = 'active' AND phone NOT LIKE '%-%' ORDER BY id LIMIT 1")
phone_land=$(sql "SELECT phone FROM outlet WHERE status = 'active' AND phone LIKE '%-%' ORDER BY id LIMIT 1")
model_active=$(sql "SELECT model FROM product WHERE status = 'active' ORDER BY id LIMIT 1")
model_withdrawn=$(sql "SELECT model FROM product WHERE status = 'withdrawn' ORDER BY id LIMIT 1")
model_lower=$(printf '%s' "$model_active" | tr 'A-Z' 'a-z')
q_long=$(printf '家%.0s' $(seq 1 51))

while IFS='|' read -r m p want text; do
	[ -z "$m" ] || [ "${m#\#}" != "$m" ] && continue
	expect "$m" "$p" "$want" "$text"
done <<CASES
GET|/outlets|200|共找到
GET|/outlets|200|湖北省
GET|/outlets?region=42|200|襄阳市
GET|/outlets?region=4206|200|襄州区
GET|/outlets?region=420607|200|选择乡镇（街道）
GET|/outlets?region=420607001|200|共找到
GET|/outlets?region=999999|400|没有这个地区代码
GET|/outlets?region=abc|400|行政区划代码
GET|/outlets?region=42060|400|行政区划代码
GET|/outlets?region=42%27%20OR%201=1|400|行政区划代码
GET|/outlets?status=all|200|已暂停
GET|/outlets?status=suspended|200|指定店资格自
GET|/outlets?status=cancelled|200|已取消
GET|/outlets?status=bogus|400|状态只能是
GET|/outlets?category=tv|200|彩电
GET|/outlets?category=aircon|400|没有这个商品类别
GET|/outlets?category=TV|400|商品类别不正确
GET|/outlets?enterprise=1|200|共找到
GET|/outlets?enterprise=abc|400|销售企业须为
GET|/outlets?enterprise=0|400|销售企业须为
GET|/outlets?page=1|200|共找到
GET|/outlets?page=0|400|页码须为
GET|/outlets?page=-1|400|页码须为
GET|/outlets?page=abc|400|页码须为
GET|/outlets?page=99999999999|400|最多只能翻到第 500 页
GET|/outlets?page=500|200|这一页没有内容了
GET|/outlets?page=1&page=2|400|重复
GET|/outlets?q=%E5%8D%8E%E6%B6%A6|200|华润
GET|/outlets?q=$regno_active|200|$regno_active
GET|/outlets?q=$phone_land|200|$phone_land
GET|/outlets?q=%27%20OR%201%3D1%20--%20|200|共找到 <strong>0</strong>
GET|/outlets?q=%22%3B%20DROP%20TABLE%20outlet%3B%20--|200|共找到 <strong>0</strong>
GET|/outlets?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E|200|value="&lt;script&gt;alert(1)&lt;/script&gt;"
GET|/outlets?q=%22|200|共找到 <strong>0</strong>
GET|/outlets?q=%5C|200|共找到 <strong>0</strong>
GET|/outlets?q=%2B-*~()%3C%3E|200|共找到
GET|/outlets?q=%E3%80%80|200|共找到
GET|/outlets?q=%FF%FE|400|UTF-8
GET|/outlets?q=$q_long|400|太长
GET|/outlets/1|200|备案编号
GET|/outlets/1|200|tel:
GET|/outlets/1|200|/complaints/new?outlet=1
GET|/outlets/$id_susp|200|暂停期间在这里购买不能享受补贴
GET|/outlets/$id_canc|200|在这里购买不能享受补贴
GET|/outlets/0|404|找不到这个页面
GET|/outlets/999999|404|找不到这个页面
GET|/outlets/abc|404|找不到这个页面
GET|/outlets/check|200|备案编号、店名或电话
GET|/outlets/check?q=$regno_active|200|是指定店
GET|/outlets/check?q=$regno_susp|200|已暂停
GET|/outlets/check?q=$regno_canc|200|已取消
GET|/outlets/check?q=$phone_mobile|200|是指定店
GET|/outlets/check?q=%E5%8D%8E%E6%B6%A6|200|相关网点
GET|/outlets/check?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E5%AE%B6%E5%BA%97|200|不是登记备案的家电下乡指定店
GET|/outlets/check?q=%3Cb%3Ex|200|没有找到“&lt;b&gt;x”
GET|/outlets/check?q=%FF|400|UTF-8
GET|/outlets/check?q=$q_long|400|太长
GET|/enterprises|200|中标销售企业
GET|/enterprises|200|/outlets?enterprise=
GET|/enterprises?page=0|400|页码须为
GET|/enterprises?page=500|200|这一页没有内容了
GET|/enterprises/1|200|个县（市、区）
GET|/enterprises/1|200|/outlets?enterprise=1&amp;region=
GET|/enterprises/999999|404|找不到这个页面
GET|/enterprises/x|404|找不到这个页面
GET|/products|200|中标产品
GET|/products?category=tv|200|彩电
GET|/products?category=nope|400|没有这个商品类别
GET|/products?status=withdrawn|200|已撤销
GET|/products?status=gone|400|状态只能是
GET|/products?q=$model_active|200|$model_active
GET|/products?q=%27%20OR%20%271%27%3D%271|200|共 <strong>0</strong> 个型号
GET|/products?page=0|400|页码须为
GET|/products?page=500|200|这一页没有内容了
GET|/products?page=50000|400|最多只能翻到第 500 页
GET|/products/1|200|本类最高限价
GET|/products/999999|404|找不到这个页面
GET|/products/check?model=$model_lower|200|是中标产品
GET|/products/check?model=$model_withdrawn|200|已撤销
GET|/products/check?model=NOPE-0000|200|不是中标产品型号
GET|/products/check?model=%FF|400|UTF-8
CASES

# The catalogue: brands once each, in order, from their tallies; a page's
# rows in (category, brand, model) order, as the database has them.
for f in "category=tv" "" "category=phone&status=all" "status=withdrawn"; do
	cat_code=$(sed -n 's/.*category=\([a-z]*\).*/\1/p' <<<"$f")
	fetch_fresh "/products?$f"
	got=$(sed -n '/id="brand"/,/<\/select>/p' "$BUILD/b.txt" |
	    grep -o '<option[^>]*>[^<]*</option>' | sed 's/<[^>]*>//g' | tail -n +2 | paste -sd,)
	want=$(sql "SELECT COALESCE(GROUP_CONCAT(DISTINCT brand ORDER BY brand), '')
	    FROM product WHERE status = 'active' AND ('$cat_code' = '' OR category_code = '$cat_code')")
	check "products?$f brands: $got" [ "$got" = "$want" ]
	case "$f" in *status=all*) st="" ;; *status=withdrawn*) st=withdrawn ;; *) st=active ;; esac
	got=$(grep -o 'href="/products/[0-9]*"' "$BUILD/b.txt" | tr -dc '0-9\n' | paste -sd,)
	want=$(sql "SELECT COALESCE(GROUP_CONCAT(id ORDER BY category_code, brand, model), '')
	    FROM (SELECT id, category_code, brand, model FROM product
	    WHERE ('$cat_code' = '' OR category_code = '$cat_code') AND ('$st' = '' OR status = '$st')
	    ORDER BY category_code, brand, model LIMIT 20) t")
	check "products?$f order" [ "$got" = "$want" ]
done

# One brand in every category: its models in the catalogue's order, read
# from its own index.
b=$(sql "SELECT brand FROM product WHERE status = 'active' GROUP BY brand
    ORDER BY COUNT(*) DESC, brand LIMIT 1")
for st in active withdrawn ""; do
	fetch_fresh "/products?status=${st:-all}&brand=$(node -e \
	    'process.stdout.write(encodeURIComponent(process.argv[1]))' "$b")"
	got=$(grep -o 'href="/products/[0-9]*"' "$BUILD/b.txt" | tr -dc '0-9\n' | paste -sd,)
	want=$(sql "SELECT COALESCE(GROUP_CONCAT(id ORDER BY category_code, brand, model), '')
	    FROM (SELECT id, category_code, brand, model FROM product
	    WHERE brand = '$b' AND ('$st' = '' OR status = '$st')
	    ORDER BY category_code, brand, model LIMIT 20) t")
	check "products?brand=$b&status=${st:-all} order: $got" [ "$status" = 200 -a "$got" = "$want" ]
done

# A category's name is searchable: every active product whose category,
# brand, maker, model or specification holds the word, and only those.
for w in 冰箱 洗衣机 "手机 示例"; do
	like=$(node -e 'process.stdout.write(process.argv[1].split(/\s+/)
	    .map(t => "AND CONCAT_WS(\" \", p.brand, p.manufacturer, p.model, " +
	    "p.spec, c.name) LIKE \"%" + t + "%\"").join(" "))' "$w")
	want=$(sql "SELECT COUNT(*) FROM product p JOIN category c
	    ON c.code = p.category_code WHERE p.status = 'active' $like")
	fetch_fresh "/api/v1/products?q=$(node -e \
	    'process.stdout.write(encodeURIComponent(process.argv[1]))' "$w")"
	check "products?q=$w: $(json_get 'j.total'), want $want (> 0)" \
	    [ "$(json_get 'j.total')" = "$want" -a "$want" -gt 0 ]
done

# The directory lists suspended outlets with their warning badge.
expect GET "/outlets?status=all&region=$(sql "SELECT LEFT(region_code, 6) FROM outlet WHERE id = $id_susp")" 200 "已暂停"

# Counts: the page, the API and the database agree for each filter.
for f in "region=4206" "region=42&category=tv" "status=all" "status=suspended" \
    "q=%E5%8D%8E%E6%B6%A6" "enterprise=1&status=all"; do
	fetch_fresh "/outlets?$f"
	page_total=$(sed -n 's/.*共找到 <strong>\([0-9]*\)<\/strong>.*/\1/p' "$BUILD/b.txt")
	page_first=$(grep -o 'href="/outlets/[0-9]*"' "$BUILD/b.txt" | head -n 1 | tr -dc 0-9)
	fetch_fresh "/api/v1/outlets?$f"
	check "api $f is JSON" is_json < "$BUILD/b.txt"
	api_total=$(json_get 'j.total')
	api_first=$(json_get 'j.outlets.length ? j.outlets[0].id : ""')
	check "outlets?$f: page $page_total, api $api_total" test -n "$page_total" -a "$page_total" = "$api_total"
	check "outlets?$f first: page $page_first, api $api_first" [ "$page_first" = "$api_first" ]
done
n=$(sql "SELECT COUNT(*) FROM outlet WHERE region_code LIKE '4206%' AND status = 'active'")
fetch_fresh "/api/v1/outlets?region=4206"
check "region 4206 count $n" [ "$(json_get 'j.total')" = "$n" ]
n=$(sql "SELECT COUNT(*) FROM outlet")
fetch_fresh "/api/v1/outlets?status=all"
check "all outlets $n" [ "$(json_get 'j.total')" = "$n" ]
check "page size 20" [ "$(json_get 'j.outlets.length')" = "$(( n < 20 ? n : 20 ))" ]

# A county's and a township's first pages name their places from the
# worker's region cache, a city's by joining: each as the tables say.
for r in 420607 420607001 4206; do
	want=$(sql "SELECT GROUP_CONCAT(CONCAT(o.id, ':', c.code, ':', c.name,
	    ':', t.name) ORDER BY o.region_code, o.reg_no SEPARATOR ' ') FROM
	    (SELECT * FROM outlet WHERE region_code LIKE '$r%' AND status =
	    'active' ORDER BY region_code, reg_no LIMIT 20) o
	    JOIN region t ON t.code = o.region_code
	    JOIN region c ON c.code = t.parent_code")
	fetch_fresh "/api/v1/outlets?region=$r"
	got=$(json_get 'j.outlets.map(o => [o.id, o.county_code, o.county, o.township].join(":")).join(" ")')
	check "places named in region $r" [ -n "$want" -a "$got" = "$want" ]
done
# Their counts come from one tally row, a county's (sql/034) or a
# township's: as many as the outlets, in each status.
for r in 420607 420607001 $(sql "SELECT LEFT(region_code, 6), region_code
    FROM outlet WHERE id = $id_susp"); do
	for s in active suspended cancelled; do
		n=$(sql "SELECT COUNT(*) FROM outlet WHERE region_code LIKE '$r%'
		    AND status = '$s'")
		fetch_fresh "/api/v1/outlets?region=$r&status=$s"
		check "region $r $s count $n" [ "$(json_get 'j.total')" = "$n" ]
	done
done

# The first ten pages of a list by status join as they read, deeper ones
# join only their own rows (again with 50,000 more in records_import.sh).
outlet_pages_in_order "" "region=42" "region=4206" "region=420607" \
    "status=suspended" "category=tv" "region=42&category=phone"
check "enterprises and their counties counted" enterprises_counted

# In a county, keywords are matched by reading its rows (LIKE), not by
# Mroonga: the same outlets in the same order, for words, several words,
# LIKE's own characters and full-width letters.
for w in 华润 家电 "华润 黄集" "鑫隆%" "_" "%" "xy-420607" ＸＹ "楚天 石桥" \
    "(示例)" "（示例）"; do
	ft=$(node -e 'process.stdout.write(process.argv[1].split(/\s+/)
	    .filter(Boolean).map(t => "+\"" + t + "\"").join(" "))' "$w")
	want=$(sql "SELECT COALESCE(GROUP_CONCAT(outlet_id ORDER BY outlet_id),
	    '') FROM (SELECT outlet_id FROM outlet_search WHERE MATCH(body)
	    AGAINST('${ft//\'/\'\'}' IN BOOLEAN MODE) AND region_code LIKE
	    '420607%' AND status = 'active' ORDER BY outlet_id LIMIT 20) t")
	fetch GET "/api/v1/outlets?region=420607&q=$(node -e \
	    'process.stdout.write(encodeURIComponent(process.argv[1]))' "$w")"
	got=$(json_get 'j.outlets.map(o => o.id).join(",")')
	check "county keyword $w: $got, Mroonga $want" [ "$got" = "$want" ]
done

# Exact number and phone come first in a keyword search.
fetch_fresh "/api/v1/outlets?q=$regno_active"
check "regno first" [ "$(json_get 'j.outlets[0].reg_no')" = "$regno_active" ]

# Paging is deterministic: page 2 continues page 1 without overlap.
fetch_fresh "/api/v1/outlets?status=all&page=1"
p1=$(json_get 'j.outlets.map(o => o.id).join(",")')
fetch_fresh "/api/v1/outlets?status=all&page=2"
p2=$(json_get 'j.outlets.map(o => o.id).join(",")')
fetch_fresh "/api/v1/outlets?status=all&page=1"
check "page 1 stable" [ "$(json_get 'j.outlets.map(o => o.id).join(",")')" = "$p1" ]
check "pages do not overlap" [ -z "$(printf '%s\n%s\n' "${p1//,/$'\n'}" "${p2//,/$'\n'}" | sort | uniq -d)" ]

# The JSON API: shapes, types and errors.
while IFS='|' read -r p want expr; do
	[ -z "$p" ] && continue
	fetch_fresh "$p"
	check "$p status $status" [ "$status" = "$want" ]
	check "$p JSON" is_json < "$BUILD/b.txt"
	check "$p content type" grep -qi '^Content-Type: application/json' "$BUILD/h.txt"
	check "$p: $expr" [ "$(json_get "$expr")" = true ]
done <<CASES
/api/v1/outlets|200|j.total > 0 && j.page === 1 && j.page_size === 20 && Array.isArray(j.outlets)
/api/v1/outlets/1|200|j.outlet.id === 1 && typeof j.outlet.reg_no === "string" && Array.isArray(j.outlet.categories)
/api/v1/outlets/$id_susp|200|j.outlet.status === "suspended" && j.outlet.status_reason.length > 0
/api/v1/outlets/999999|404|j.error.status === 404 && j.error.code === "not_found"
/api/v1/outlets?page=0|400|j.error.code === "bad_request" && j.error.message.includes("页码")
/api/v1/outlets?region=999999|400|j.error.message.includes("地区")
/api/v1/outlets?q=%FF|400|j.error.message.includes("UTF-8")
/api/v1/outlets?q=%3Cscript%3E|200|j.total === 0
/api/v1/products|200|j.total > 0 && typeof j.products[0].bid_price_fen === "number"
/api/v1/products?category=tv|200|j.products.every(p => p.category === "tv")
/api/v1/products/1|200|j.product.id === 1 && typeof j.product.over_cap === "boolean"
/api/v1/products/999999|404|j.error.code === "not_found"
/api/v1/regions|200|j.parent === null && j.regions.length === 31 && j.regions[0].level === 1
/api/v1/regions?parent=42|200|j.parent.name === "湖北省" && j.regions.some(r => r.code === "4206")
/api/v1/regions?parent=420607|200|j.regions.length > 10 && j.regions.every(r => r.code.startsWith("420607") && r.level === 4)
/api/v1/regions?parent=99|404|j.error.code === "not_found"
/api/v1/regions?parent=x|400|j.error.code === "bad_request"
/api/v1/nothing|404|j.error.code === "not_found"
CASES
fetch POST /api/v1/outlets "a=1"
check "api 405 is JSON" [ "$status" = 405 ]
check "api 405 body JSON" is_json < "$BUILD/b.txt"
