# Complaint statistics (/stats) and the staff weekly report, against a
# small known dataset: complaints in 保康县 (420626) dated 2010, which no
# other data uses, with tracking numbers ST00-NNNN. Uses the staff
# helpers (sfetch, login, staff_cli); removes its rows at the end.

# has TEXT: the last body holds TEXT exactly.
has() { grep -qF -- "$1" "$BUILD/b.txt"; }

# complaint NO CATEGORY STATUS SUBMITTED ACCEPT_DUE ACCEPTED RESOLVE_DUE
#   RESOLVED [REGION [DEMO]]: one complaint; "" for a NULL date.
complaint() {
	local d v=""
	for d in "$4" "$5" "$6" "$7" "$8"; do
		if [ -n "$d" ]; then v="$v, '$d'"; else v="$v, NULL"; fi
	done
	sql "INSERT INTO complaint (tracking_no, code_hash, category, status,
	    name, phone, region_code, outlet_region, description, submitted_at,
	    accept_due, accepted_at, resolve_due, resolved_at, is_demo)
	    VALUES ('$1', SHA2('$1', 256), '$2', '$3', '统计测试', '13800000000',
	    '${9:-420626100}', '${9:-420626100}', '统计测试用投诉'$v, ${10:-0})"
}

# Hours from submitted to accepted: 24 48 72 96 120 144 24 -> median 72 h
# (3.0 days). Accepted to resolved: 240 432 24 252 -> median 246 h (10.25
# days, shown 10.3); resolved on or before the due date: 3 of 4 (75.0%).
complaint ST00-0001 overcharge resolved '2010-03-08 09:00' 2010-03-17 \
    '2010-03-09 09:00' 2010-04-20 '2010-03-19 09:00'
complaint ST00-0002 overcharge resolved '2010-03-09 10:00' 2010-03-18 \
    '2010-03-11 10:00' 2010-03-20 '2010-03-29 10:00'
complaint ST00-0003 false_promotion resolved '2010-03-10 08:00' 2010-03-19 \
    '2010-03-13 08:00' 2010-04-01 '2010-03-14 08:00'
# Resolved on its due date (late in the day): still on time. Accepted
# after its accept due date.
complaint ST00-0004 no_service resolved '2010-03-11 08:00' 2010-03-12 \
    '2010-03-15 08:00' 2010-03-25 '2010-03-25 20:00'
complaint ST00-0005 no_service accepted '2010-03-12 08:00' 2010-03-19 \
    '2010-03-17 08:00' 2010-04-28 ''
complaint ST00-0006 fake_goods investigating '2010-03-13 08:00' 2010-03-22 \
    '2010-03-19 08:00' 2010-04-30 ''
# Rejected: the rejection's time is in resolved_at, nothing accepted.
complaint ST00-0007 other rejected '2010-03-14 08:00' 2010-03-23 '' '' \
    '2010-03-16 08:00'
complaint ST00-0008 other submitted '2010-03-14 09:00' 2010-03-19 '' '' ''
# Reopened: accepted in February, due 12 March, not resolved.
complaint ST00-0009 impersonation reopened '2010-02-01 08:00' 2010-02-09 \
    '2010-02-02 08:00' 2010-03-12 ''
# Outside the filters: another year, another county, demo data.
complaint ST00-0010 overcharge submitted '2011-05-05 08:00' 2011-05-12 '' '' ''
complaint ST00-0011 false_promotion submitted '2010-03-09 08:00' 2010-03-18 \
    '' '' '' 420625100
complaint ST00-0012 other submitted '2010-04-01 08:00' 2010-04-09 '' '' '' \
    420624100 1
# One taken by phone (sql/027_complaint_channel.sql); the rest are the
# web form's.
sql "UPDATE complaint SET channel = 'phone' WHERE tracking_no = 'ST00-0008'"
check "stats rows inserted" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE tracking_no LIKE 'ST00-%'")" = 12 ]
check "only this suite's complaints in 420626 in 2010" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE outlet_region LIKE '420626%' AND tracking_no NOT LIKE 'ST00-%' AND (YEAR(submitted_at) IN (2010, 2011) OR accepted_at < '2011-06-01' OR resolved_at < '2011-06-01')")" = 0 ]

# Outlets of the week 2010-W10 (8 to 14 March) in 420626: one registered,
# one suspended (and cancelled the week after: still counted as suspended
# in W10), one cancelled; one suspended the week after. New outlets start
# their status history themselves; the later change is recorded by hand.
sql "INSERT INTO enterprise (name, bid_batch) VALUES ('统计测试销售企业', '测试')"
ent=$(sql "SELECT id FROM enterprise WHERE name = '统计测试销售企业'")
sql "INSERT INTO outlet (reg_no, name, enterprise_id, mode, region_code,
    address, status, status_since, registered_on) VALUES
    ('ST00-R1', '统计测试网点一', $ent, 'direct', '420626100', '测试路1号', 'active', '2010-03-09', '2010-03-09'),
    ('ST00-R2', '统计测试网点二', $ent, 'direct', '420626100', '测试路2号', 'suspended', '2010-03-10', '2009-05-01'),
    ('ST00-R3', '统计测试网点三', $ent, 'direct', '420626101', '测试路3号', 'cancelled', '2010-03-14', '2009-01-01'),
    ('ST00-R4', '统计测试网点四', $ent, 'direct', '420626101', '测试路4号', 'suspended', '2010-03-15', '2009-01-01')"
sql "UPDATE outlet SET status = 'cancelled', status_since = '2010-03-16' WHERE reg_no = 'ST00-R2'"
sql "INSERT INTO outlet_status_history (outlet_id, status, effective_on, reason, recorded_at)
    SELECT id, 'cancelled', '2010-03-16', '统计测试', NOW() FROM outlet WHERE reg_no = 'ST00-R2'"
outlets_w10=$(sql "SELECT CONCAT(
    (SELECT COUNT(*) FROM outlet WHERE region_code LIKE '420626%' AND registered_on BETWEEN '2010-03-08' AND '2010-03-14'), ' ',
    (SELECT COUNT(*) FROM outlet_status_history h JOIN outlet o ON o.id = h.outlet_id WHERE o.region_code LIKE '420626%' AND h.status = 'suspended' AND h.effective_on BETWEEN '2010-03-08' AND '2010-03-14'), ' ',
    (SELECT COUNT(*) FROM outlet_status_history h JOIN outlet o ON o.id = h.outlet_id WHERE o.region_code LIKE '420626%' AND h.status = 'cancelled' AND h.effective_on BETWEEN '2010-03-08' AND '2010-03-14'))")
check "outlets of the week: $outlets_w10" [ "$outlets_w10" = "1 1 1" ]

# The county in 2010: counts by category and status, medians, share.
expect GET "/stats?region=420626&year=2010" 200 "投诉统计"
for row in "共 <strong>9</strong> 件投诉" \
    '<tr><th scope="row">虚假宣传</th><td>1</td></tr>' \
    '<tr><th scope="row">超限价或乱收费</th><td>2</td></tr>' \
    '<tr><th scope="row">拒绝或刁难补贴申报</th><td>0</td></tr>' \
    '<tr><th scope="row">不送货/不安装/不维修</th><td>2</td></tr>' \
    '<tr><th scope="row">假冒伪劣/以次充好</th><td>1</td></tr>' \
    '<tr><th scope="row">冒用指定店名义</th><td>1</td></tr>' \
    '<tr><th scope="row">退换货纠纷</th><td>0</td></tr>' \
    '<tr><th scope="row">其他</th><td>2</td></tr>' \
    '<tr><th scope="row">待受理</th><td>1</td></tr>' \
    '<tr><th scope="row">已受理</th><td>1</td></tr>' \
    '<tr><th scope="row">不予受理</th><td>1</td></tr>' \
    '<tr><th scope="row">调查中</th><td>1</td></tr>' \
    '<tr><th scope="row">已办结</th><td>4</td></tr>' \
    '<tr><th scope="row">已重新办理</th><td>1</td></tr>' \
    '<tr><th scope="row">网上投诉</th><td>8</td></tr>' \
    '<tr><th scope="row">开放接口</th><td>0</td></tr>' \
    '<tr><th scope="row">电话</th><td>1</td></tr>' \
    '<tr><th scope="row">12315转办</th><td>0</td></tr>' \
    '<tr><th scope="row"><a href="/stats?region=420626&amp;year=2010">保康县</a></th><td>襄阳市</td><td>420626</td><td>9</td></tr>' \
    '<tr><th scope="row">2010-01</th><td>0</td></tr>' \
    '<tr><th scope="row">2010-02</th><td>1</td></tr>' \
    '<tr><th scope="row">2010-03</th><td>8</td></tr>' \
    '<tr><th scope="row">受理用时（中位数）</th><td>3.0 天</td><td>已受理的 7 件' \
    '<tr><th scope="row">办结用时（中位数）</th><td>10.3 天</td><td>已办结的 4 件' \
    '<tr><th scope="row">按期办结比例</th><td>75.0%</td><td>已办结的 4 件中，3 件'; do
	check "stats 420626/2010 has $row" has "$row"
done
check "months only within the year" sh -c "! grep -qF '2009-12</th>' '$BUILD/b.txt'"
check "no demo note without demo data" sh -c "! grep -qF '示例投诉' '$BUILD/b.txt'"
check "charts are images with a title" [ "$(grep -c '<svg role="img" aria-labelledby="c-[a-z]*-t"' "$BUILD/b.txt")" = 5 ]
check "bar widths from the counts" has '<text x="155" y="39" text-anchor="end">超限价或乱收费</text><rect x="160" y="26" width="300" height="16" fill="#b91c1c"/><text x="466" y="39">2</text>'
check "half bar for half the count" has '<text x="155" y="17" text-anchor="end">虚假宣传</text><rect x="160" y="4" width="150" height="16"'
check "empty bar for none" has '<rect x="160" y="48" width="0" height="16"'
check "no style attributes or scripts" sh -c "! grep -qi 'style=\|<script\|javascript:' '$BUILD/b.txt'"

# Every year of the county: the complaint of 2011 too, 24 months to May 2011.
expect GET "/stats?region=420626" 200 "共 <strong>10</strong> 件投诉"
check "overcharge in all years" has '<tr><th scope="row">超限价或乱收费</th><td>3</td></tr>'
check "last month shown" has '<tr><th scope="row">2011-05</th><td>1</td></tr>'
check "24 months back" has '<tr><th scope="row">2009-06</th><td>0</td></tr>'
check "not 25" sh -c "! grep -qF '2009-05</th>' '$BUILD/b.txt'"
check "year choices" has '<option value="2011">2011 年</option>'

# The city in 2010: counties, with the expected total from the database.
n_city=$(sql "SELECT COUNT(*) FROM complaint WHERE outlet_region LIKE '4206%' AND submitted_at >= '2010-01-01' AND submitted_at < '2011-01-01'")
n_gucheng=$(sql "SELECT COUNT(*) FROM complaint WHERE outlet_region LIKE '420625%' AND submitted_at >= '2010-01-01' AND submitted_at < '2011-01-01'")
expect GET "/stats?region=4206&year=2010" 200 "共 <strong>$n_city</strong> 件投诉"
check "city lists 保康县" has '保康县</a></th><td>襄阳市</td><td>420626</td><td>9</td></tr>'
check "city lists 谷城县" has "谷城县</a></th><td>襄阳市</td><td>420625</td><td>$n_gucheng</td></tr>"
check "city links to its counties" has '<a href="/stats?region=420626&amp;year=2010">保康县</a></li>'

# Demo complaints are counted and said so.
expect GET "/stats?region=420624&year=2010" 200 "共 <strong>1</strong> 件投诉"
check "demo note" has "其中 1 件是演示用的示例投诉"

# The whole country: small, accessible, every chart present.
expect GET /stats 200 "按投诉类别"
size=$(wc -c < "$BUILD/b.txt")
check "national page under 30 KB ($size bytes)" [ "$size" -lt 30720 ]
check "tables captioned" [ "$(grep -c '<caption>' "$BUILD/b.txt")" -ge 5 ]
check "nav links to stats" has '<a href="/stats" aria-current="page">投诉统计</a>'
expect HEAD /stats 200 ""

# Bad filters: 400 with the reason, no numbers.
expect GET "/stats?region=abc" 400 "行政区划代码"
expect GET "/stats?region=420626100" 400 "地区请选择省、市或县"
expect GET "/stats?region=999999" 400 "没有这个地区代码"
expect GET "/stats?year=1999" 400 "年份须为 2000 到 2099 之间的整数"
expect GET "/stats?year=twenty" 400 "年份须为"
check "no numbers on a bad request" sh -c "! grep -qF '件投诉（统计时间' '$BUILD/b.txt'"
expect GET "/stats?region=4206&year=2010x" 400 "年份须为"

# The weekly report: staff of each allowed role, an editor refused.
for u in stathandler statrecords stateditor stathandlerx stathandlerb; do
	case $u in
	stathandler) role=handler region= ;;
	statrecords) role=records region= ;;
	stateditor) role=editor region= ;;
	stathandlerx) role=handler region=4207 ;;
	stathandlerb) role=handler region=420626 ;;
	esac
	echo "Stats-pass-2010" | staff_cli add "$u" "$role" $region >/dev/null
	login "$u" Stats-pass-2010
	check "$u signs in: $status" [ "$status" = 303 ]
done
login admin "$(cat "$VAR/initial-admin-password")"
sql "DELETE FROM login_throttle"
w10='/staff/reports/weekly?region=420626&week=2010-W10'
for u in admin stathandler statrecords; do
	sfetch "$u" GET "$w10"
	check "$u weekly: $status" [ "$status" = 200 ]
	for row in '<h1>周报：保康县 2010-W10</h1>' \
	    '2010-03-08（星期一）至 2010-03-14（星期日）' \
	    '<tr><th scope="row">虚假宣传</th><td>1</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>' \
	    '<tr><th scope="row">超限价或乱收费</th><td>2</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>' \
	    '<tr><th scope="row">不送货/不安装/不维修</th><td>2</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>' \
	    '<tr><th scope="row">假冒伪劣/以次充好</th><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>' \
	    '<tr><th scope="row">冒用指定店名义</th><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>' \
	    '<tr><th scope="row">其他</th><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>' \
	    '<tfoot><tr><th scope="row">合计</th><td>8</td><td>3</td><td>0</td><td>1</td><td>2</td><td>0</td><td>0</td></tr></tfoot>' \
	    '<caption>按来源渠道（件）</caption>' \
	    '<tr><th scope="row">网上投诉</th><td>7</td><td>3</td><td>0</td><td>1</td><td>2</td><td>0</td><td>0</td></tr>' \
	    '<tr><th scope="row">电话</th><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>' \
	    '<tr><th scope="row">信件</th><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>' \
	    '<tbody><tr><td>1</td><td>1</td><td>1</td></tr></tbody>' \
	    'week=2010-W09">上一周</a>' 'week=2010-W11">下一周</a>'; do
		check "$u weekly has $row" has "$row"
	done
	sfetch "$u" GET "$w10&format=csv"
	check "$u csv: $status" [ "$status" = 200 ]
	check "$u csv type" grep -qi '^Content-Type: text/csv; charset=utf-8' "$BUILD/h.txt"
	check "$u csv file name" grep -qi '^Content-Disposition: attachment; filename="weekly-420626-2010-W10.csv"' "$BUILD/h.txt"
	check "$u csv BOM" [ "$(head -c 3 "$BUILD/b.txt" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	check "$u csv CRLF records" [ "$(grep -c $'\r$' "$BUILD/b.txt")" = "$(wc -l < "$BUILD/b.txt")" ]
	check "$u csv parsed back" /usr/bin/python3 -c '
import csv, io, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf")
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
assert rows[0] == ["地区代码", "地区", "周次", "起始日期", "截止日期", "项目", "类别", "数量"], rows[0]
assert all(len(r) == 8 for r in rows), "ragged"
assert all(r[:5] == ["420626", "保康县", "2010-W10", "2010-03-08", "2010-03-14"] for r in rows[1:])
got = {(r[5], r[6]): int(r[7]) for r in rows[1:]}
want = {("收到投诉", "合计"): 8, ("受理", "合计"): 3, ("不予受理", "合计"): 0,
    ("办结", "合计"): 1, ("周末超期未办", "合计"): 2,
    ("收到投诉", "超限价或乱收费"): 2, ("受理", "超限价或乱收费"): 2,
    ("收到投诉", "不送货/不安装/不维修"): 2, ("办结", "虚假宣传"): 1,
    ("周末超期未办", "冒用指定店名义"): 1, ("周末超期未办", "不送货/不安装/不维修"): 1,
    ("收到投诉", "拒绝或刁难补贴申报"): 0,
    ("收到投诉（按渠道）", "网上投诉"): 7, ("收到投诉（按渠道）", "电话"): 1,
    ("受理（按渠道）", "网上投诉"): 3, ("受理（按渠道）", "电话"): 0,
    ("周末超期未办（按渠道）", "网上投诉"): 2, ("办结（按渠道）", "12345热线转办"): 0,
    ("督办", "合计"): 0, ("转出", "合计"): 0, ("督办（按渠道）", "电话"): 0,
    ("新备案网点", ""): 1, ("暂停网点", ""): 1, ("取消网点", ""): 1}
for k, v in want.items():
    assert got.get(k) == v, (k, got.get(k), v)
assert len(rows) == 1 + 7 * 9 + 7 * 7 + 3, len(rows)
' "$BUILD/b.txt"
done
# The week after: the rejection, later acceptances, three overdue.
sfetch admin GET '/staff/reports/weekly?region=420626&week=2010-W11'
check "W11 totals" has '<tfoot><tr><th scope="row">合计</th><td>0</td><td>3</td><td>1</td><td>1</td><td>3</td><td>0</td><td>0</td></tr></tfoot>'
check "W11 rejected is other" has '<tr><th scope="row">其他</th><td>0</td><td>0</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td></tr>'
check "W11 outlets from the history" has '<tbody><tr><td>0</td><td>1</td><td>1</td></tr></tbody>'

sfetch stateditor GET "$w10"
check "editor refused: $status" [ "$status" = 403 ]
sfetch stateditor GET "$w10&format=csv"
check "editor refused the csv: $status" [ "$status" = 403 ]
check "no csv for an editor" sh -c "! grep -qi '^Content-Type: text/csv' '$BUILD/h.txt'"
sfetch none GET "$w10"
check "signed out: to the sign-in page ($status)" [ "$status" = 303 ]

# A region-limited handler: another region is refused with a 403 and a
# message; without a region, their own; their own sub-regions allowed.
sfetch stathandlerx GET "$w10"
check "other region refused: $status" [ "$status" = 403 ]
check "other region message" grep -qF "只能查看本地区（4207）的周报" "$BUILD/b.txt"
sfetch stathandlerx GET "$w10&format=csv"
check "other region csv refused: $status" [ "$status" = 403 ]
sfetch stathandlerb GET '/staff/reports/weekly?week=2010-W10'
check "own region by default: $status" [ "$status" = 200 ]
check "own region shown" grep -qF '<h1>周报：保康县 2010-W10</h1>' "$BUILD/b.txt"
check "own region counted" grep -qF '<tfoot><tr><th scope="row">合计</th><td>8</td>' "$BUILD/b.txt"
sfetch stathandlerb GET '/staff/reports/weekly?region=420626101&week=2010-W10'
check "own township allowed: $status" [ "$status" = 200 ]
sfetch stathandlerb GET '/staff/reports/weekly?region=4206&week=2010-W10'
check "parent region refused: $status" [ "$status" = 403 ]
sfetch stathandler GET '/staff/reports/weekly?week=2010-W10'
check "unlimited staff: the whole country by default" grep -qF '<h1>周报：全国 2010-W10</h1>' "$BUILD/b.txt"
sfetch stathandler GET '/staff/reports/weekly?week=2010-W10&format=csv'
check "whole-country csv file name" grep -qi '^Content-Disposition: attachment; filename="weekly-all-2010-W10.csv"' "$BUILD/h.txt"
sfetch stathandler GET '/staff/reports/weekly'
check "last week by default: $status" [ "$status" = 200 ]
check "a week is shown" grep -q '<h1>周报：全国 [0-9]\{4\}-W[0-9][0-9]</h1>' "$BUILD/b.txt"

# Bad input: 400 with a message.
for q in 'week=2010-W53' 'week=2010-13' 'week=W10-2010' 'week=2010-W10&format=xml' \
    'region=999999&week=2010-W10' 'region=42x&week=2010-W10' \
    'week=2010-W10-and-a-very-long-tail' 'week=2010-W10&format=csv&region=99'; do
	sfetch stathandler GET "/staff/reports/weekly?$q"
	check "bad $q: $status" [ "$status" = 400 ]
done
sfetch stathandler GET '/staff/reports/weekly?week=2010-W53'
check "week message" grep -qF "周次须为 ISO 周，格式如 2010-W10" "$BUILD/b.txt"
check "form kept" grep -qF 'value="2010-W53"' "$BUILD/b.txt"
sfetch stathandler GET '/staff/reports/weekly?week=2010-W53&format=csv'
check "bad csv request answers a page: $status" [ "$status" = 400 ]
check "not a csv" sh -c "! grep -qi '^Content-Type: text/csv' '$BUILD/h.txt'"
sfetch stathandler GET '/staff/'
check "dashboard links the weekly report" grep -qF '<a href="/staff/reports/weekly">周报</a>' "$BUILD/b.txt"
sfetch stateditor GET '/staff/'
check "not for editors" sh -c "! grep -qF '/staff/reports/weekly' '$BUILD/b.txt'"

# Slow numbers are kept for every worker (sql/022_stats_snapshot.sql,
# as JSON since sql/026_stats_snapshot_json.sql).
# Here every count is quick, so kept numbers are planted to see them used.
q='/stats?region=420626&year=2010'
n_2010=$(sql "SELECT COUNT(*) FROM complaint WHERE outlet_region LIKE '420626%' AND submitted_at >= '2010-01-01' AND submitted_at < '2011-01-01'")
snapshot_rows() { sql "SELECT COUNT(*) FROM stats_snapshot WHERE region = '420626' AND year = 2010"; }
# stats_until TEXT: /stats of 420626 in 2010 shows TEXT within 5 s.
stats_until() {
	local i
	for i in $(seq 1 50); do
		fetch GET "$q"
		[ "$status" = 200 ] && has "$1" && return 0
		sleep 0.1
	done
	return 1
}
# stats_forget: the pages kept while their numbers were fresh are
# forgotten, as after a change to the site, so that numbers planted
# behind the page's back show.
stats_forget() {
	sql "INSERT INTO site_change (shard, n) VALUES (0, 1)
	    ON DUPLICATE KEY UPDATE n = n + 1"
	sleep 1.1
}
sql "INSERT INTO stats_snapshot (region, year, computed_at, data) VALUES ('420626', 2010, NOW() - INTERVAL 1 MINUTE, '{\"total\": 424242}')"
stats_forget
at=$(sql "SELECT DATE_FORMAT(computed_at, '%Y-%m-%d %H:%i') FROM stats_snapshot WHERE region = '420626' AND year = 2010")
expect GET "$q" 200 "共 <strong>424242</strong> 件投诉"
check "kept numbers say when they were counted: $at" has "统计时间 $at；"
check "fresh numbers stay kept" [ "$(snapshot_rows)" = 1 ]
# The page itself is kept in the workers' caches no longer than its
# numbers are fresh (cgi-bin/public_stats.c): "hit", "miss" or "" (not
# kept) for this answer.
stats_page_cache() {
	fetch_fresh "$q"
	printf '%s\n' "$headers" | tr -d '\r' | sed -n 's/^x-page-cache: //Ip' |
	    head -n 1
}
for i in 1 2 3 4; do fetch_fresh "$q"; done
check "fresh numbers: the page is kept" [ "$(stats_page_cache)" = hit ]
check "the kept page has the kept numbers" has "共 <strong>424242</strong> 件投诉"
# Older than five minutes: shown once more, then counted again after the
# answer; quick to count, they are no longer kept.
sql "UPDATE stats_snapshot SET computed_at = NOW() - INTERVAL 6 MINUTE WHERE region = '420626' AND year = 2010"
stats_forget
check "stale numbers: the page is not kept" [ -z "$(stats_page_cache)" ]
check "stale numbers shown once more" has "共 <strong>424242</strong> 件投诉"
check "stale numbers counted again" stats_until "共 <strong>$n_2010</strong> 件投诉"
check "quick numbers no longer kept" [ "$(snapshot_rows)" = 0 ]
# Kept text that does not read as JSON is counted again, and dropped.
sql "INSERT INTO stats_snapshot (region, year, computed_at, data) VALUES ('420626', 2010, NOW(), 'this is not json')"
stats_forget
expect GET "$q" 200 "共 <strong>$n_2010</strong> 件投诉"
check "unreadable numbers dropped" [ "$(snapshot_rows)" = 0 ]
# Numbers fresh for a few seconds more: the page kept that long, then
# answered from the stale numbers and not kept. Five seconds of freshness
# leave room for the sanitized workers' five answers after stats_forget.
sql "INSERT INTO stats_snapshot (region, year, computed_at, data) VALUES ('420626', 2010, NOW() - INTERVAL 294 SECOND, '{\"total\": 434343}')"
stats_forget
for i in 1 2 3 4; do fetch_fresh "$q"; done
check "nearly stale numbers: the page is kept" [ "$(stats_page_cache)" = hit ]
check "nearly stale numbers shown" has "共 <strong>434343</strong> 件投诉"
sleep 6
check "once they are stale, the page is not kept" [ -z "$(stats_page_cache)" ]
check "stale numbers shown once more, not the kept page's" has "共 <strong>434343</strong> 件投诉"
check "then counted again" stats_until "共 <strong>$n_2010</strong> 件投诉"
# hold_lock REGION YEAR SECONDS: another session holds the lock of the
# filter's count for SECONDS; $lock names it, $holder is that session.
hold_lock() {
	local i
	lock="CONCAT('stats.', MD5(CONCAT_WS('.', DATABASE(), '$1', $2)))"
	mariadb --defaults-file="$VAR/my.cnf" -N jdxx -e "SELECT GET_LOCK($lock,
	    0); SELECT SLEEP($3)" > "$BUILD/lock.txt" &
	holder=$!
	for i in $(seq 1 50); do
		[ "$(sql "SELECT IS_USED_LOCK($lock) IS NOT NULL")" = 1 ] && break
		sleep 0.1
	done
}
# timed_expect PATH STATUS TEXT: expect GET, with $waited its time in ms.
timed_expect() {
	local t0
	t0=$(date +%s%N)
	expect GET "$1" "$2" "$3"
	waited=$(( ($(date +%s%N) - t0) / 1000000 ))
}
# Counties and cities are counted by every worker that asks, without
# waiting for another: a held lock changes nothing for them.
stats_forget
hold_lock 420626 2010 3
timed_expect "$q" 200 "共 <strong>$n_2010</strong> 件投诉"
check "a county does not wait for the lock: $waited ms" [ "$waited" -lt 1000 ]
wait "$holder"
# The whole country's numbers still being counted by another worker
# after 2 s: a 503 that says to come back, and the worker is free again.
q='/stats?year=2010'
n_2010=$(sql "SELECT COUNT(*) FROM complaint WHERE submitted_at >= '2010-01-01' AND submitted_at < '2011-01-01'")
stats_forget
hold_lock "" 2010 4
timed_expect "$q" 503 "统计数字正在计算，请过 10 秒再打开本页。"
check "busy after $waited ms" [ "$waited" -ge 1900 -a "$waited" -lt 5000 ]
check "busy Retry-After" grep -qi '^Retry-After: 10' "$BUILD/h.txt"
wait "$holder"
expect GET "$q" 200 "共 <strong>$n_2010</strong> 件投诉"
check "the lock let go" [ "$(sql "SELECT IS_USED_LOCK($lock) IS NULL")" = 1 ]
# The whole country's numbers are kept however quick: read again without
# waiting for the lock, even while another worker holds it.
check "the country's numbers kept" [ "$(sql "SELECT COUNT(*) FROM stats_snapshot WHERE region = '' AND year = 2010")" = 1 ]
stats_forget
hold_lock "" 2010 3
timed_expect "$q" 200 "共 <strong>$n_2010</strong> 件投诉"
check "kept numbers do not wait for the lock: $waited ms" [ "$waited" -lt 1000 ]
wait "$holder"

# Leave nothing behind for the suites after this one.
# The instance's sweep may have flagged them (督办): their steps go first.
sql "DELETE e FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE c.tracking_no LIKE 'ST00-%'"
sql "DELETE FROM complaint WHERE tracking_no LIKE 'ST00-%'"
sql "DELETE FROM outlet WHERE reg_no LIKE 'ST00-%'"
sql "DELETE FROM enterprise WHERE name = '统计测试销售企业'"
sql "DELETE FROM stats_snapshot"
check "stats rows removed" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE tracking_no LIKE 'ST00-%'")" = 0 ]
check "complaint tallies after the stats rows came and went" complaint_tally_matches
