# The pages of the foundation: home, caps, calculator, notices, errors.

# Every page and the answers it must give.
while IFS='|' read -r m p want text; do
	[ -z "$m" ] || [ "${m#\#}" != "$m" ] && continue
	expect "$m" "$p" "$want" "$text"
done <<'CASES'
GET|/|200|买家电前，先查一查这家店
GET|/|200|<th scope="row">彩电</th><td>2000 元</td>
GET|/|200|示例
GET|/|200|lang="zh-CN"
HEAD|/|200|
GET|/caps|200|每户每类限一台
GET|/caps|200|储蓄存折
GET|/caps|200|30 个工作日
GET|/caps|200|<th scope="row">冰箱(含冷柜)</th><td>2500 元</td>
GET|/subsidy|200|<label for="price">
GET|/subsidy?category=tv&price=1999|200|259.87 元
GET|/subsidy?category=tv&price=2000|200|260.00 元
GET|/subsidy?category=phone&price=999.99|200|130.00 元
GET|/subsidy?category=tv&price=1999%E5%85%83|200|259.87 元
GET|/subsidy?category=tv&price=2000.01|200|不能领补贴
GET|/subsidy?category=fridge&price=3000|200|超出 500 元
GET|/subsidy?category=tv&price=1999&date=2009-01-15|200|按 2009-01-15 执行的标准
GET|/subsidy?category=tv&price=1999&date=2008-11-30|400|尚未开始
GET|/subsidy?category=tv&price=1999&date=2009-02-30|400|有效日期
GET|/subsidy?category=tv&price=abc|400|发票价格请填写数字
GET|/subsidy?category=tv&price=abc|400|value="abc"
GET|/subsidy?category=tv&price=-5|400|value="-5"
GET|/subsidy?category=tv&price=99999999999|400|发票价格
GET|/subsidy?category=aircon&price=100|400|请从列表中选择商品类别
GET|/subsidy?category=aircon&price=100|400|value="100"
GET|/subsidy?category=TV%27--&price=100|400|商品类别不正确
GET|/subsidy?price=100|400|请选择商品类别
GET|/subsidy?category=tv|400|请填写发票价格
GET|/subsidy?category=tv&category=phone&price=1|400|重复
GET|/subsidy?category=tv&price=%3Cscript%3E|400|value="&lt;script&gt;"
GET|/notices|200|通知公告
GET|/notices|200|href="/notices/1"
GET|/notices?page=2|200|这一页没有内容了
GET|/notices?page=0|400|页码
GET|/notices?page=abc|400|页码
GET|/notices/1|200|发文机关
GET|/notices/999999|404|找不到这个页面
GET|/notices/abc|404|找不到这个页面
GET|/healthz|200|ok
GET|/no/such/page|404|找不到这个页面
POST|/|405|不支持这种访问方式
PUT|/caps|405|不支持这种访问方式
DELETE|/notices/1|405|
GET|/?q=%FF%FE|400|UTF-8
GET|/?q=%C0%AF|400|UTF-8
GET|/?q=%E5%AE|400|UTF-8
GET|/?q=%|400|不完整的编码
GET|/%FF|400|
GET|/static/site.css|200|box-sizing
GET|/static/nothing.css|404|找不到这个页面
CASES

# Security headers on pages, errors and static files alike.
for p in / /caps /nope /static/site.css "/?q=%FF"; do
	fetch_fresh "$p"
	for h in 'X-Content-Type-Options: nosniff' 'X-Frame-Options: DENY' \
	    'Referrer-Policy: same-origin' "Content-Security-Policy: default-src 'none'"; do
		if grep -qiF "$h" "$BUILD/h.txt"; then ok; else bad "$p lacks $h"; fi
	done
	if grep -qi "unsafe-inline" "$BUILD/h.txt"; then bad "$p allows inline"; else ok; fi
	# The optional script may ask this site's API, and nothing else.
	if grep -qi "connect-src 'self';" "$BUILD/h.txt"; then ok; else bad "$p: no connect-src 'self'"; fi
done
fetch PUT /caps
if grep -qi '^Allow: GET, HEAD' "$BUILD/h.txt"; then ok; else bad "405 without Allow"; fi

# Oversized body (nginx refuses), too many fields, wrong content type.
big=$(head -c 70000 /dev/zero | tr '\0' 'a')
expect POST /subsidy 413 "提交的内容太大" "q=$big"
many=$(for i in $(seq 1 80); do printf 'f%d=1&' "$i"; done)
expect POST /subsidy 400 "提交的项目太多" "$many"
expect POST /subsidy 415 "不支持这种提交格式" "a=1" "text/plain"
expect POST /subsidy 400 "UTF-8" "a=%FF"
longq=$(head -c 3000 /dev/zero | tr '\0' 'a')
expect GET "/subsidy?price=$longq" 414 "网址太长"
hugeq=$(head -c 20000 /dev/zero | tr '\0' 'a')
expect GET "/subsidy?price=$hugeq" 414 "网址太长"

