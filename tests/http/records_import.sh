# Outlets in bulk: CSV import (dry run, all or nothing, UTF-8 and GBK,
# duplicates exact and near, regions, CSRF), export and re-import, a
# 50,000-row file through the web form, and the command line.

echo "Sheets-2009-ok" | staff_cli add importer records >/dev/null
echo "Sheets-2009-ok" | staff_cli add importerx records 420607 >/dev/null
echo "Sheets-2009-ok" | staff_cli add imphandler handler >/dev/null
login admin "$(cat "$VAR/initial-admin-password")";	check "admin signs in: $status" [ "$status" = 303 ]
login importer Sheets-2009-ok;	check "importer signs in: $status" [ "$status" = 303 ]
login importerx Sheets-2009-ok;	check "region importer signs in: $status" [ "$status" = 303 ]
login imphandler Sheets-2009-ok;	check "handler signs in: $status" [ "$status" = 303 ]
ca=$(csrf_of admin)
ci=$(csrf_of importer)
cx=$(csrf_of importerx)

ent=$(sql "SELECT name FROM enterprise WHERE is_demo = 1 ORDER BY id LIMIT 1")
read -r t1 t2 t3 <<<"$(sql "SELECT code FROM region WHERE level = 4 AND code LIKE '420607%' ORDER BY code LIMIT 3" | tr '\n' ' ')"
outside=$(sql "SELECT code FROM region WHERE level = 4 AND code LIKE '420606%' ORDER BY code LIMIT 1")
dir="$BUILD/import"
rm -rf "$dir"
mkdir -p "$dir"
header='备案编号,店名,中标销售企业,经营方式,乡镇代码,地址,电话,经营类别,服务,登记日期'
csv() { csv_file "$header" "$1"; }
imp() { local u=$1 t=$2; shift 2; upload "$u" "$t" /staff/outlets/import "$@"; }
cells() { report_cells; }
has_cell() { cells | grep -qF -- "$1"; }
regs() { sql "SELECT COUNT(*) FROM outlet WHERE reg_no LIKE '$1'"; }

# Roles.
sfetch importer GET /staff/outlets/import
check "importer sees the form: $status" [ "$status" = 200 ]
check "form has both buttons" grep -q 'value="dryrun".*\|value="import"' "$BUILD/b.txt"
check "form tells of the progress page" grep -q "转到导入进度页面" "$BUILD/b.txt"
sfetch imphandler GET /staff/outlets/import
check "handler refused: $status" [ "$status" = 403 ]
sfetch imphandler GET /staff/outlets/export.csv
check "handler export refused: $status" [ "$status" = 403 ]
sfetch none GET /staff/outlets/import
check "signed out goes to sign-in: $status" [ "$status" = 303 ]
sfetch importer GET /staff/
check "dashboard links the import" grep -q 'href="/staff/outlets/import"' "$BUILD/b.txt"

# A good file: quoted commas, quotes and a line break, Chinese and code
# values, dates as Excel writes them.
csv "$dir/good.csv" <<EOF
IMP-0001,"鑫源电器行,黄集店",$ent,直营,$t1,"襄州区黄集镇鑫源路18号""东门""",13907100001,彩电、冰箱（含冷柜）,"送货上门,安装调试",2009/3/5
IMP-0002,和平通讯城,$ent,加盟,$t2,"襄州区双沟镇和平路
9号",13907100002,手机；washer,上门维修,2009-03-06
imp-0003,  龙王镇万家福电器  ,$ent,authorised,$t3,襄州区龙王镇万福街6号,0710-3301234,tv;phone,,2009年3月7日

EOF
imp importer "$ci" dryrun "$dir/good.csv"
check "good dry run: $status" [ "$status" = 200 ]
check "dry run passes" grep -q "检查通过：3 行都可以导入" "$BUILD/b.txt"
check "dry run names the encoding" grep -q "good.csv（UTF-8）" "$BUILD/b.txt"
check "dry run writes nothing" [ "$(regs 'IMP-000%')" = 0 ]
imp importer "$ci" import "$dir/good.csv"
check "good import: $status" [ "$status" = 200 ]
check "import reports" grep -q "已导入 3 家网点" "$BUILD/b.txt"
check "import reports the time" grep -q "用时 [0-9.]* 秒" "$BUILD/b.txt"
check "three rows saved" [ "$(regs 'IMP-000%')" = 3 ]
check "quoted comma kept" [ "$(sql "SELECT name FROM outlet WHERE reg_no = 'IMP-0001'")" = "鑫源电器行,黄集店" ]
check "doubled quotes kept" [ "$(sql "SELECT address FROM outlet WHERE reg_no = 'IMP-0001'")" = '襄州区黄集镇鑫源路18号"东门"' ]
check "line break in a cell is a space" [ "$(sql "SELECT address FROM outlet WHERE reg_no = 'IMP-0002'")" = "襄州区双沟镇和平路 9号" ]
check "cells trimmed" [ "$(sql "SELECT name FROM outlet WHERE reg_no = 'imp-0003'")" = "龙王镇万家福电器" ]
check "categories by name and code" [ "$(sql "SELECT GROUP_CONCAT(c.category_code ORDER BY c.category_code) FROM outlet_category c JOIN outlet o ON o.id = c.outlet_id WHERE o.reg_no IN ('IMP-0001', 'IMP-0002') GROUP BY o.id ORDER BY o.id" | tr '\n' ' ')" = "fridge,tv phone,washer " ]
check "modes and services mapped" [ "$(sql "SELECT CONCAT(mode, '/', services) FROM outlet WHERE reg_no LIKE 'IMP-000%' ORDER BY reg_no" | tr '\n' ' ')" = "direct/delivery,install franchise/repair authorised/ " ]
check "dates read" [ "$(sql "SELECT GROUP_CONCAT(registered_on ORDER BY reg_no) FROM outlet WHERE reg_no LIKE 'IMP-000%'")" = "2009-03-05,2009-03-06,2009-03-07" ]
check "history started" [ "$(sql "SELECT COUNT(*) FROM outlet_status_history h JOIN outlet o ON o.id = h.outlet_id WHERE o.reg_no LIKE 'IMP-000%'")" = 3 ]
check "search rows built" [ "$(sql "SELECT COUNT(*) FROM outlet_search s JOIN outlet o ON o.id = s.outlet_id WHERE o.reg_no LIKE 'IMP-000%' AND s.categories = CONCAT(',', (SELECT GROUP_CONCAT(c.category_code ORDER BY c.category_code) FROM outlet_category c WHERE c.outlet_id = o.id), ',') COLLATE utf8mb4_general_ci AND s.body LIKE CONCAT('%', o.name, '%', o.reg_no, '%') COLLATE utf8mb4_general_ci")" = 3 ]
check "category summaries built" [ "$(sql "SELECT GROUP_CONCAT(CONCAT(s.codes, '/', s.names) ORDER BY o.reg_no SEPARATOR ' ') FROM outlet_category_summary s JOIN outlet o ON o.id = s.outlet_id WHERE o.reg_no IN ('IMP-0001', 'IMP-0002')")" = "fridge,tv/彩电、冰箱(含冷柜) phone,washer/手机、洗衣机" ]
expect GET "/outlets/check?q=IMP-0002" 200 "是指定店"
expect GET "/outlets?q=%E4%B8%87%E5%AE%B6%E7%A6%8F" 200 "龙王镇万家福电器"
expect GET "/outlets?region=$t2&category=washer" 200 "和平通讯城"
check "one audit row with the file and counts" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'outlet_import' AND username = 'importer' AND after_json LIKE '%\"file\":\"good.csv\"%' AND after_json LIKE '%\"imported\":3%'")" = 1 ]
# The same file again: refused whole, as already registered.
imp importer "$ci" import "$dir/good.csv"
check "again refused: $status" [ "$status" = 400 ]
# The line of a record counts the line break inside the quoted address.
check "already registered, any case" has_cell "5|备案编号|imp-0003|备案编号已登记"
check "still three" [ "$(regs 'IMP-000%')" = 3 ]

# The same shape in GBK, as Chinese Excel saves it.
csv "$dir/utf8.csv" <<EOF
IMP-0101,光明家电城,$ent,直营,$t1,襄州区黄集镇光明路1号,13907100101,彩电、洗衣机,送货上门、使用辅导,2009/4/1
IMP-0102,"兴旺电器(""老店"")",$ent,授权,$t2,襄州区双沟镇兴旺街2号,13907100102,冰箱(含冷柜),安装调试,2009/4/2
EOF
tail -c +4 "$dir/utf8.csv" | iconv -f UTF-8 -t GB18030 > "$dir/gbk.csv"
check "fixture is not UTF-8" sh -c "! iconv -f UTF-8 -t UTF-8 '$dir/gbk.csv' >/dev/null 2>&1"
imp importer "$ci" import "$dir/gbk.csv"
check "gbk import: $status" [ "$status" = 200 ]
check "gbk recognised" grep -q "gbk.csv（GBK/GB18030）" "$BUILD/b.txt"
check "gbk names read" [ "$(sql "SELECT GROUP_CONCAT(name ORDER BY reg_no SEPARATOR '|') FROM outlet WHERE reg_no LIKE 'IMP-010%'")" = '光明家电城|兴旺电器("老店")' ]
check "gbk categories read" [ "$(sql "SELECT GROUP_CONCAT(c.category_code ORDER BY c.category_code) FROM outlet_category c JOIN outlet o ON o.id = c.outlet_id WHERE o.reg_no = 'IMP-0101'")" = "tv,washer" ]
printf '\377\376\000\000garbage\200\201' > "$dir/binary.csv"
imp importer "$ci" dryrun "$dir/binary.csv"
check "neither UTF-8 nor GBK: $status" [ "$status" = 400 ]
check "encoding message" grep -q "既不是 UTF-8 也不是 GBK" "$BUILD/b.txt"
printf 'PK\003\004\024\000\006\000workbook' > "$dir/book.xlsx"
imp importer "$ci" dryrun "$dir/book.xlsx"
check "workbook refused: $status" [ "$status" = 400 ]
check "workbook message" grep -q "这是 Excel 工作簿" "$BUILD/b.txt"

# Bad rows: each reported with its line, and nothing imported at all.
csv "$dir/bad.csv" <<EOF
IMP-0201,前进家电,$ent,直营,$t1,襄州区黄集镇前进路1号,13907100201,彩电,送货上门,2009-05-01
IMP-0202,胜利家电,$ent,直营,$t1,襄州区黄集镇胜利路2号,12345,彩电,送货上门,2009-05-01
IMP-0203,团结家电,没有这家企业,直营,$t1,襄州区黄集镇团结路3号,13907100203,彩电,送货上门,2009-05-01
IMP-0204,友谊家电,$ent,直营,$t1,襄州区黄集镇友谊路4号,13907100204,彩电,送货上门,2009-02-30
IMP-0205,和谐家电,$ent,连锁,420607999,襄州区黄集镇和谐路5号,13907100205,电脑,代办贷款,2009-05-01
"IMP-0206",短,$ent,直营,$t1,短,13907100206,,送货上门,2009-05-01
IMP-0207,富强家电,$ent,直营,$t1,襄州区黄集镇富强路7号,13907100207,彩电,送货上门,2009-05-01,多出的一列
IMP-0208,民主家电,$ent,直营,$t1,"襄州区黄集镇民主路""8号"x",13907100208,彩电,送货上门,2009-05-01
EOF
imp importer "$ci" import "$dir/bad.csv"
check "bad file: $status" [ "$status" = 400 ]
check "bad file message" grep -q "没有导入任何网点" "$BUILD/b.txt"
while IFS= read -r want; do
	[ -z "$want" ] && continue
	check "bad row: $want" has_cell "$want"
done <<CELLS
3|电话|12345|电话须为
4|中标销售企业|没有这家企业|没有这个中标销售企业
5|登记日期|2009-02-30|登记日期须为有效日期
6|经营方式|连锁|经营方式须为
6|乡镇代码|420607999|没有这个乡镇
6|经营类别|电脑|没有这个经营类别
6|服务|代办贷款|服务只能是
7|店名|短|店名须为
7|地址|短|地址须为
7|经营类别||请至少选择一个经营类别
8|||第 11 列没有列名
9|||引号用法不对
CELLS
check "good rows of a bad file not imported" [ "$(regs 'IMP-02%')" = 0 ]
check "bad file counts" grep -q "共 7 行，无问题 1 行，有问题 6 行" "$BUILD/b.txt"

# Whole-file problems.
printf '备案编号,店名,企业\r\nIMP-0301,x,y\r\n' > "$dir/header.csv"
imp importer "$ci" dryrun "$dir/header.csv"
check "missing columns: $status" [ "$status" = 400 ]
check "missing columns named" grep -q "表头第 3 列“企业”不是可识别的列名" "$BUILD/b.txt"
check "missing columns listed" grep -q "表头缺少这些列：中标销售企业、经营方式" "$BUILD/b.txt"
printf '%s\r\n' "$header" > "$dir/empty.csv"
imp importer "$ci" dryrun "$dir/empty.csv"
check "header only: $status" [ "$status" = 400 ]
check "header only message" grep -q "文件只有表头" "$BUILD/b.txt"
sfetch importer POST /staff/outlets/import -F "csrf=$ci" -F action=import
check "no file: $status" [ "$status" = 400 ]
check "no file message" grep -q "请选择要导入的 CSV 文件" "$BUILD/b.txt"

# Exact duplicates: a registered number, and one number twice.
csv "$dir/exact.csv" <<EOF
XY-420607-0001,复兴家电,$ent,直营,$t1,襄州区黄集镇复兴路1号,13907100401,彩电,送货上门,2009-05-01
IMP-0402,振兴家电,$ent,直营,$t1,襄州区黄集镇振兴路2号,13907100402,彩电,送货上门,2009-05-01
IMP-0402,中兴家电,$ent,直营,$t2,襄州区双沟镇中兴路3号,13907100403,彩电,送货上门,2009-05-01
EOF
imp importer "$ci" import "$dir/exact.csv"
check "exact duplicates: $status" [ "$status" = 400 ]
check "registered number refused" has_cell "2|备案编号|XY-420607-0001|备案编号已登记：XY-420607-0001"
check "number twice refused" has_cell "4|备案编号|IMP-0402|备案编号与第 3 行重复"
check "exact duplicates: nothing imported" [ "$(regs 'IMP-04%')" = 0 ]

# Near duplicates: held until confirmed; in the database and in the file.
read -r dphone dregion <<<"$(sql "SELECT phone, region_code FROM outlet WHERE reg_no = 'XY-420607-0002'")"
csv "$dir/near.csv" <<EOF
IMP-0501,<b>新开</b>电器,$ent,直营,$dregion,襄州区新开路99号,$dphone,彩电,送货上门,2009-06-01
IMP-0502,兴隆家电城城东店,$ent,直营,$t1,襄州区黄集镇兴隆路1号,13907100502,彩电,送货上门,2009-06-01
IMP-0503,兴隆家电城城东分店,$ent,直营,$t3,襄州区龙王镇兴业路8号,13907100503,彩电,送货上门,2009-06-01
EOF
imp importer "$ci" dryrun "$dir/near.csv"
check "near dry run held: $status" [ "$status" = 409 ]
check "same phone found" has_cell "2|IMP-0501|<b>新开</b>电器|已登记：备案编号 XY-420607-0002"
check "same phone said" has_cell "电话相同"
check "alike name in the file" has_cell "4|IMP-0503|兴隆家电城城东分店|文件第 3 行：备案编号 IMP-0502 兴隆家电城城东店|店名相近|"
check "report escapes markup" grep -qF '&lt;b&gt;新开&lt;/b&gt;电器' "$BUILD/b.txt"
imp importer "$ci" import "$dir/near.csv"
check "near import held: $status" [ "$status" = 409 ]
check "held message" grep -q "可能是重复登记" "$BUILD/b.txt"
check "held: nothing imported" [ "$(regs 'IMP-05%')" = 0 ]
imp importer "$ci" import "$dir/near.csv" -F confirm_duplicates=1
check "confirmed import: $status" [ "$status" = 200 ]
check "confirmed: all imported" [ "$(regs 'IMP-05%')" = 3 ]
check "confirmation audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'outlet_import' AND after_json LIKE '%\"likely_duplicates_confirmed\":2%'")" = 1 ]

# A region-limited importer: a township of another county is refused.
csv "$dir/region.csv" <<EOF
IMP-0601,本县家电,$ent,直营,$t1,襄州区黄集镇本县路1号,13907100601,彩电,送货上门,2009-07-01
IMP-0602,外县家电,$ent,直营,$outside,樊城区外县路2号,13907100602,彩电,送货上门,2009-07-01
EOF
imp importerx "$cx" import "$dir/region.csv"
check "outside the region: $status" [ "$status" = 400 ]
check "region message" has_cell "3|乡镇代码|$outside|只能登记您负责地区内的网点"
check "region: nothing imported" [ "$(regs 'IMP-06%')" = 0 ]

# CSRF: a missing or another session's token imports nothing.
imp importer "" import "$dir/region.csv"
check "no csrf: $status" [ "$status" = 403 ]
imp importer "$ca" import "$dir/region.csv"
check "another session's csrf: $status" [ "$status" = 403 ]
sfetch importer POST /staff/outlets/import -F "action=import" -F "file=@$dir/region.csv"
check "csrf field left out: $status" [ "$status" = 403 ]
check "csrf: nothing imported" [ "$(regs 'IMP-06%')" = 0 ]

# Export: the region only, the import's columns, and back in.
sfetch importerx GET /staff/outlets/export.csv
check "export: $status" [ "$status" = 200 ]
check "export type" grep -qi '^Content-Type: text/csv; charset=utf-8' "$BUILD/h.txt"
check "export file name" grep -qi "^Content-Disposition: attachment; filename=\"outlets-420607-[0-9-]*\.csv\"" "$BUILD/h.txt"
cp "$BUILD/b.txt" "$dir/export.csv"
check "export has a BOM" [ "$(head -c 3 "$dir/export.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "export header is the import's" [ "$(head -n 1 "$dir/export.csv" | tail -c +4 | tr -d '\r')" = "$header" ]
rows=$(($(wc -l < "$dir/export.csv") - 1))
check "export has the region's outlets ($rows)" [ "$rows" = "$(sql "SELECT COUNT(*) FROM outlet WHERE region_code LIKE '420607%'")" ]
check "export only the region" sh -c "tail -n +2 '$dir/export.csv' | awk -F, '\$5 !~ /^420607/ && \$0 !~ /\"/ { bad = 1 } END { exit bad }'"
check "export keeps quotes" grep -qF '"兴旺电器(""老店"")"' "$dir/export.csv"
sfetch importerx GET "/staff/outlets/export.csv?region=420606"
check "export of another region: $status" [ "$status" = 403 ]
sfetch importer GET "/staff/outlets/export.csv?region=420607&status=suspended"
check "export by status: $status" [ "$status" = 200 ]
check "export by status rows" [ "$(($(wc -l < "$BUILD/b.txt") - 1))" = "$(sql "SELECT COUNT(*) FROM outlet WHERE region_code LIKE '420607%' AND status = 'suspended'")" ]
sfetch importer GET "/staff/outlets/export.csv?status=gone"
check "export bad status: $status" [ "$status" = 400 ]
imp importerx "$cx" dryrun "$dir/export.csv"
check "export re-imported: $status" [ "$status" = 400 ]
check "every row already registered" [ "$(cells | grep -c '|备案编号|.*|备案编号已登记')" = "$rows" ]
check "nothing else wrong" [ "$(cells | grep -vc '备案编号已登记')" = 0 ]
check "export re-import counts" grep -q "共 $rows 行，无问题 0 行" "$BUILD/b.txt"
# Edited to new numbers, the same shops are held as likely duplicates.
{ head -n 1 "$dir/export.csv"; tail -n +2 "$dir/export.csv" | sed 's/^/RT-/'; } > "$dir/edited.csv"
imp importerx "$cx" dryrun "$dir/edited.csv"
check "edited export held: $status" [ "$status" = 409 ]
check "edited export has no problem" grep -q "共 $rows 行，无问题 $rows 行，有问题 0 行，可能重复 $rows 行" "$BUILD/b.txt"

# The command line.
csv "$dir/cli.csv" <<EOF
IMP-0701,命令行家电,$ent,直营,$t1,襄州区黄集镇命令路1号,13907100701,彩电,送货上门,2009-08-01
IMP-0702,终端电器,$ent,加盟,$t2,襄州区双沟镇终端路2号,13907100702,手机,上门维修,2009-08-02
EOF
out=$(staff_cli import-outlets --dry-run "$dir/cli.csv" 2>/dev/null)
check "cli dry run: $?" [ $? = 0 ]
check "cli dry run report" grep -q 'dry run: 2 rows would be imported' <<<"$out"
check "cli dry run writes nothing" [ "$(regs 'IMP-07%')" = 0 ]
out=$(staff_cli import-outlets "$dir/cli.csv" 2>/dev/null)
check "cli import: $?" [ $? = 0 ]
check "cli import report" grep -q 'imported: 2 rows' <<<"$out"
check "cli rows saved" [ "$(regs 'IMP-07%')" = 2 ]
check "cli audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'outlet_import' AND username = 'jdxx-staff' AND after_json LIKE '%cli.csv%'")" = 1 ]
out=$(staff_cli import-outlets "$dir/bad.csv" 2>/dev/null)
check "cli bad file exits non-zero" [ $? = 1 ]
check "cli names the line" grep -q '^line 3, 电话 "12345": 电话须为' <<<"$out"
staff_cli import-outlets "$dir/near.csv" >/dev/null 2>&1
check "cli refuses what is registered: $?" [ $? = 1 ]
check "cli usage" sh -c "'$BUILD/jdxx-staff' --config '$VAR/jdxx.hdf' import-outlets --bogus x.csv 2>/dev/null; test \$? = 2"

# The enterprise the big imports (here and in records_import_jobs.sh) use.
sql "INSERT IGNORE INTO enterprise (name) VALUES ('鄂北家电')"
# 50,000 rows through the web form, timed; a test of speed, so not under
# the sanitizers, which make it several times slower.
if [ "${SANITIZED:-0}" != 1 ]; then
big_ent=$(sql "SELECT name FROM enterprise WHERE name = '鄂北家电'")
sql "SELECT code FROM region WHERE level = 4 AND code LIKE '42%' ORDER BY code" > "$dir/townships.txt"
outlet_rows "$dir/big.csv" 50000 BIG "$big_ent" "$dir/townships.txt" 1 13920000000
check "big file made ($(wc -c < "$dir/big.csv") bytes)" [ "$(wc -l < "$dir/big.csv")" = 50001 ]
t0=$EPOCHREALTIME
imp admin "$ca" dryrun "$dir/big.csv" --max-time 60
t1=$EPOCHREALTIME
check "50,000 dry run: $status" [ "$status" = 200 ]
check "50,000 dry run passes" grep -q "检查通过：50000 行都可以导入" "$BUILD/b.txt"
changes=$(sql "SELECT SUM(n) FROM site_change")
# The answer is a redirect once the file is checked; the job's page,
# read every second, shows the rows going in.
sfetch admin POST /staff/outlets/import -F "csrf=$ca" -F action=import \
    -F "file=@$dir/big.csv;type=text/csv" --max-time 60
tr=$EPOCHREALTIME
check "50,000 import becomes a job: $status" [ "$status" = 303 ]
job_wait admin "$(job_of_answer)" 1
t2=$EPOCHREALTIME
changes=$(( $(sql "SELECT SUM(n) FROM site_change") - changes ))
check "50,000 import counted once in the change counter ($changes)" \
    test "$changes" -ge 1 -a "$changes" -lt 10
check "50,000 import: $status" [ "$status" = 200 ]
check "50,000 imported" grep -q "已导入 50,000 家网点" "$BUILD/b.txt"
check "50,000 progress seen going up ($(echo $job_seen | wc -w) figures)" \
    awk '$1 > 0 && $1 < 50000 { n++ } END { exit n < 2 }' <<<"$job_seen"
check "50,000 rows saved" [ "$(regs 'BIG-%')" = 50000 ]
check "50,000 categories saved" [ "$(sql "SELECT COUNT(*) FROM outlet_category c JOIN outlet o ON o.id = c.outlet_id WHERE o.reg_no LIKE 'BIG-%'")" = 75000 ]
check "50,000 category summaries" [ "$(sql "SELECT COUNT(*) FROM outlet_category_summary s JOIN outlet o ON o.id = s.outlet_id WHERE o.reg_no LIKE 'BIG-%'")" = 50000 ]
check "50,000 search rows" [ "$(sql "SELECT COUNT(*) FROM outlet_search s JOIN outlet o ON o.id = s.outlet_id WHERE o.reg_no LIKE 'BIG-%'")" = 50000 ]
expect GET "/outlets/check?q=BIG-049999" 200 "是指定店"
# Lists by status over 50,000 more outlets: the first ten pages and the
# deeper ones alike in the database's order.
outlet_pages_in_order "" "region=42" "region=420607" "category=tv" \
    "region=42&category=phone"
check "enterprises counted over 50,000 more outlets" enterprises_counted
check "page 11 of 420607 is full" [ "$(sql "SELECT COUNT(*) >= 220 FROM outlet WHERE region_code LIKE '420607%' AND status = 'active'")" = 1 ]
# Across the country a keyword goes one of three ways: a word in most
# outlets (鄂北, every new one's enterprise) is read in id order, a rare
# one (two letters of a name) comes from Mroonga ordered by MariaDB, a
# common one (one letter) from Mroonga ordered by itself. Each must give
# Mroonga's outlets in id order, page 2 included, and its count.
rare=$(sql "SELECT LEFT(name, 2) FROM outlet WHERE reg_no = 'BIG-012345'")
one=$(sql "SELECT LEFT(name, 1) FROM outlet WHERE reg_no = 'BIG-023456'")
for w in 鄂北 "鄂北 店" "店 鄂北" "$rare" "$one" "$rare 鄂北"; do
	for f in "" "&status=all" "&category=tv" "&region=42"; do
		ft=$(node -e 'process.stdout.write(process.argv[1].split(/\s+/)
		    .filter(Boolean).map(t => "+\"" + t + "\"").join(" "))' "$w")
		cond="MATCH(body) AGAINST('$ft' IN BOOLEAN MODE)"
		case $f in
		"") cond="$cond AND status = 'active'" ;;
		*tv) cond="$cond AND status = 'active' AND categories LIKE '%,tv,%'" ;;
		*42) cond="$cond AND status = 'active' AND region_code LIKE '42%'" ;;
		esac
		want=$(sql "SELECT COALESCE(GROUP_CONCAT(outlet_id ORDER BY
		    outlet_id), '') FROM (SELECT outlet_id FROM outlet_search
		    WHERE $cond ORDER BY outlet_id LIMIT 20 OFFSET 20) t")
		n=$(sql "SELECT LEAST(COUNT(*), 1000) FROM outlet_search WHERE $cond")
		fetch_fresh "/api/v1/outlets?page=2$f&q=$(node -e \
		    'process.stdout.write(encodeURIComponent(process.argv[1]))' "$w")"
		got=$(json_get 'j.total + ":" + j.outlets.map(o => o.id).join(",")')
		check "national keyword $w$f: ${got:0:40}…, Mroonga $n:${want:0:30}…" \
		    [ "$got" = "$n:$want" ]
	done
	# The store check by name: the first ten in id order, any status.
	want=$(sql "SELECT COALESCE(GROUP_CONCAT(outlet_id ORDER BY outlet_id),
	    '') FROM (SELECT outlet_id FROM outlet_search WHERE MATCH(body)
	    AGAINST('$ft' IN BOOLEAN MODE) ORDER BY outlet_id LIMIT 10) t")
	fetch_fresh "/outlets/check?q=$(node -e \
	    'process.stdout.write(encodeURIComponent(process.argv[1]))' "$w")"
	got=$(grep -o 'href="/outlets/[0-9][0-9]*"' "$BUILD/b.txt" | grep -o '[0-9][0-9]*' |
	    uniq | paste -sd, -)
	check "store check $w: ${got:0:40}…, Mroonga ${want:0:40}…" \
	    [ "$status" = 200 -a "$got" = "$want" ]
done
awk -v a="$t0" -v b="$t1" -v r="$tr" -v c="$t2" 'BEGIN { printf "records_import: 50,000 rows: dry run %.1f s, import %.1f s (checked and redirected to the progress page after %.1f s)\n", b - a, c - b, r - b }' >&2
# The request only checks the file: it must end well before nginx gives
# up on the staff program (fastcgi_read_timeout 60s). The rows are
# written after it, watched on the progress page.
check "50,000 checked and sent to the progress page within 30 s" awk -v b="$t1" -v r="$tr" 'BEGIN { exit !(r - b < 30) }'
# Checked and imported in 12.5 s on 2 cores (make bench holds it to
# 30 s); 88.5 s while the search rows' batch did not lead its join. The
# suite shares the cores with others: it fails only on what is plainly
# the old slowness, not on a busy machine.
check "50,000 import within 75 s" awk -v b="$t1" -v c="$t2" 'BEGIN { exit !(c - b < 75) }'

# The duplicate search is indexed, not pairwise: 30,000 rows in one
# county (each compared with every earlier one took 99.6 s for 50,000)
# are checked in seconds, and rows alike are still found.
grep '^420607' "$dir/townships.txt" > "$dir/t420607.txt"
outlet_rows "$dir/one.csv" 30000 ONE "$big_ent" "$dir/t420607.txt" 3 13720000000
printf 'ONE-X1,%s,%s,直营,%s,襄州区黄集镇某路1号,13720000007,彩电,送货上门,2009/1/1\r\n' \
    "$(sed -n '9p' "$dir/one.csv" | cut -d, -f2)" "$big_ent" \
    "$(head -n 1 "$dir/t420607.txt")" >> "$dir/one.csv"
t0=$EPOCHREALTIME
out=$(staff_cli import-outlets --dry-run "$dir/one.csv" 2>&1)
t1=$EPOCHREALTIME
echo "records_import: 30,001 rows in one county checked in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s" >&2
check "one county of 30,001 rows checked within 15 s" awk -v a="$t0" -v b="$t1" 'BEGIN { exit !(b - a < 15) }'
check "one county: the copied row found alike" grep -q '^line 30002, ONE-X1 .*likely duplicate of line 9,' <<<"$out"
check "one county: only that row" grep -q 'with problems: 0, likely duplicates: 1$' <<<"$out"
fi
