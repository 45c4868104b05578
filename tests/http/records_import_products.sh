# Product models in bulk: CSV import (dry run, all or nothing, UTF-8 and
# GBK, duplicates in the file and against the records, roles, CSRF),
# export and re-import, and a 5,000-row file through the web form.

echo "Sheets-2009-ok" | staff_cli add pimporter records >/dev/null
echo "Sheets-2009-ok" | staff_cli add pimporterx records 420607 >/dev/null
echo "Sheets-2009-ok" | staff_cli add pimphandler handler >/dev/null
login admin "$(cat "$VAR/initial-admin-password")";	check "admin signs in: $status" [ "$status" = 303 ]
login pimporter Sheets-2009-ok;	check "product importer signs in: $status" [ "$status" = 303 ]
login pimporterx Sheets-2009-ok;	check "region product importer signs in: $status" [ "$status" = 303 ]
login pimphandler Sheets-2009-ok;	check "handler signs in: $status" [ "$status" = 303 ]
pa=$(csrf_of admin)
pi=$(csrf_of pimporter)

read -r cat1 cat1name <<<"$(sql "SELECT code, name FROM category ORDER BY sort_order, code LIMIT 1")"
cat2=$(sql "SELECT code FROM category ORDER BY sort_order, code LIMIT 1 OFFSET 1")
pdir="$BUILD/pimport"
rm -rf "$pdir"
mkdir -p "$pdir"
pheader='类别,品牌,生产企业,型号,规格,中标价,中标批次,状态'
pcsv() { csv_file "$pheader" "$1"; }
pimp() { local u=$1 t=$2; shift 2; upload "$u" "$t" /staff/products/import "$@"; }
pcells() { report_cells; }
phas() { pcells | grep -qF -- "$1"; }
models() { sql "SELECT COUNT(*) FROM product WHERE model LIKE '$1'"; }

# Roles: records and admin; a region-limited account is refused.
sfetch pimporter GET /staff/products/import
check "product importer sees the form: $status" [ "$status" = 200 ]
check "product form has both buttons" grep -q 'value="dryrun"' "$BUILD/b.txt"
sfetch pimporterx GET /staff/products/import
check "region account refused the import: $status" [ "$status" = 403 ]
check "region refusal says why" grep -q "全国统一的记录，只能由不限地区的账号" "$BUILD/b.txt"
sfetch pimporterx GET /staff/products/export.csv
check "region account refused the export: $status" [ "$status" = 403 ]
sfetch pimphandler GET /staff/products/import
check "handler refused the product import: $status" [ "$status" = 403 ]
sfetch pimphandler GET /staff/products/export.csv
check "handler refused the product export: $status" [ "$status" = 403 ]
sfetch none GET /staff/products/import
check "signed out goes to sign-in: $status" [ "$status" = 303 ]
sfetch pimporter GET /staff/products
check "product list links the import" grep -q 'href="/staff/products/import"' "$BUILD/b.txt"

# A good file: category by name and code, English status, quoted cells.
pcsv "$pdir/good.csv" <<EOF
$cat1name,鄂乡牌,"鄂乡电器有限公司,襄阳",PIMP-100,"32英寸,液晶",1999.5,2009-01,在售
$cat1,鄂乡牌,鄂乡电器有限公司,PIMP-200,,2999,,
$cat2, 鄂乡牌 ,鄂乡电器有限公司,PIMP-100,大容量,888.88,2009-02,withdrawn
EOF
pimp pimporter "$pi" dryrun "$pdir/good.csv"
check "product good dry run: $status" [ "$status" = 200 ]
check "product dry run passes" grep -q "检查通过：3 行都可以导入" "$BUILD/b.txt"
check "product dry run names the encoding" grep -q "good.csv（UTF-8）" "$BUILD/b.txt"
check "product dry run writes nothing" [ "$(models 'PIMP-%')" = 0 ]
pimp pimporter "$pi" import "$pdir/good.csv"
check "product good import: $status" [ "$status" = 200 ]
check "product import reports" grep -q "已导入 3 个型号" "$BUILD/b.txt"
check "product rows saved" [ "$(models 'PIMP-%')" = 3 ]
check "price in fen" [ "$(sql "SELECT bid_price_fen FROM product WHERE model = 'PIMP-100' AND category_code = '$cat1'")" = 199950 ]
check "quoted comma kept" [ "$(sql "SELECT manufacturer FROM product WHERE model = 'PIMP-100' AND category_code = '$cat1'")" = "鄂乡电器有限公司,襄阳" ]
check "status mapped" [ "$(sql "SELECT GROUP_CONCAT(status ORDER BY category_code = '$cat1' DESC, model) FROM product WHERE model LIKE 'PIMP-%'")" = "active,active,withdrawn" ]
check "brand trimmed" [ "$(sql "SELECT COUNT(*) FROM product WHERE model LIKE 'PIMP-%' AND brand = '鄂乡牌'")" = 3 ]
check "product import audited once" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'product_import' AND username = 'pimporter' AND after_json LIKE '%\"file\":\"good.csv\"%' AND after_json LIKE '%\"imported\":3%'")" = 1 ]
expect GET "/products?q=PIMP-200" 200 "PIMP-200"
expect GET "/products/check?model=pimp200" 200 "是中标产品"

# The same kind of file in GBK.
pcsv "$pdir/utf8.csv" <<EOF
$cat1name,汉江牌,汉江家电厂,PIMP-300,双门,1500,2009-03,已撤销
EOF
tail -c +4 "$pdir/utf8.csv" | iconv -f UTF-8 -t GB18030 > "$pdir/gbk.csv"
check "product fixture is not UTF-8" sh -c "! iconv -f UTF-8 -t UTF-8 '$pdir/gbk.csv' >/dev/null 2>&1"
pimp pimporter "$pi" import "$pdir/gbk.csv"
check "product GBK import: $status" [ "$status" = 200 ]
check "product GBK named" grep -q "gbk.csv（GBK/GB18030）" "$BUILD/b.txt"
check "GBK text stored as UTF-8" [ "$(sql "SELECT CONCAT(brand, '/', manufacturer, '/', status) FROM product WHERE model = 'PIMP-300'")" = "汉江牌/汉江家电厂/withdrawn" ]

# Bad rows: every problem with its line; nothing imported.
pcsv "$pdir/bad.csv" <<EOF
$cat1,好牌,好电器厂,PIMP-400,,100,,
冰箱冰箱,好牌,好电器厂,PIMP-401,,100,,
$cat1,,好电器厂,PIMP-402,,100,,
$cat1,好牌,好电器厂,PIMP-403,,12.345,,
$cat1,好牌,好电器厂,PIMP-404,,0.5,,
$cat1,好牌,好电器厂,--//,,100,,
$cat1,好牌,好电器厂,PIMP-406,,100,,停售
$cat1,好牌,厂,PIMP-407,,100,,
EOF
pimp pimporter "$pi" import "$pdir/bad.csv"
check "product bad rows: $status" [ "$status" = 400 ]
check "bad: nothing imported" [ "$(models 'PIMP-40%')" = 0 ]
check "bad: unknown category" phas "3|类别|冰箱冰箱|没有这个商品类别"
check "bad: brand required" phas "4|品牌||请填写品牌"
check "bad: price format" phas "5|中标价|12.345|中标价请填写数字"
check "bad: price range" phas "6|中标价|0.5|中标价须在 1.00 元"
check "bad: model key" phas "7|型号|--//|产品型号须含有字母或数字"
check "bad: status" phas "8|状态|停售|状态只能是 在售 或 已撤销"
check "bad: maker too short" phas "9|生产企业|厂|生产企业至少 2 个字"
check "bad: counts" grep -q "有问题 7 行" "$BUILD/b.txt"
printf '品牌,型号\r\n甲,乙\r\n' > "$pdir/nohead.csv"
pimp pimporter "$pi" dryrun "$pdir/nohead.csv"
check "header missing columns: $status" [ "$status" = 400 ]
check "header names the missing" grep -q "表头缺少这些列：类别、生产企业、中标价" "$BUILD/b.txt"

# Duplicates: within the file (ignoring case, spaces, '-', '/'), and
# against the records.
pcsv "$pdir/dup.csv" <<EOF
$cat1,新牌,新电器厂,PIMP-500,,100,,
$cat1,新牌,新电器厂,pimp 500,,100,,
$cat1,新牌,新电器厂,PIMP/500,,100,,
$cat2,新牌,新电器厂,PIMP-500,,100,,
$cat1,鄂乡牌,鄂乡电器有限公司,pimp200,,100,,
EOF
pimp pimporter "$pi" import "$pdir/dup.csv"
check "product duplicates: $status" [ "$status" = 400 ]
check "dup: nothing imported" [ "$(models 'PIMP%500')" = 0 ]
check "dup in file, second" phas "3|型号|pimp 500|与文件第 2 行"
check "dup in file, third" phas "4|型号|PIMP/500|与文件第 2 行"
check "dup: another category is no duplicate" [ "$(pcells | grep -c '^5|')" = 0 ]
check "dup against records" phas "6|型号|pimp200|同一类别、同一品牌下已经登记了型号“PIMP-200”"
check "dup: counts" grep -q "有问题 3 行" "$BUILD/b.txt"

# CSRF.
pcsv "$pdir/csrf.csv" <<EOF
$cat1,安全牌,安全电器厂,PIMP-600,,100,,
EOF
pimp pimporter "" import "$pdir/csrf.csv"
check "product no csrf: $status" [ "$status" = 403 ]
pimp pimporter "$pa" import "$pdir/csrf.csv"
check "product other session's csrf: $status" [ "$status" = 403 ]
check "product csrf: nothing imported" [ "$(models 'PIMP-600')" = 0 ]
sfetch pimporter POST /staff/products/import -F "csrf=$pi" -F action=import
check "product import without a file: $status" [ "$status" = 400 ]

# Export: BOM, the import's header, every product; re-importing it is
# refused, as the import only adds models.
sfetch pimporter GET /staff/products/export.csv
check "product export: $status" [ "$status" = 200 ]
check "product export is CSV" grep -qi '^content-type: text/csv' "$BUILD/h.txt"
check "product export is an attachment" grep -qi 'content-disposition: attachment; filename="products-' "$BUILD/h.txt"
check "product export has a BOM and the header" [ "$(head -n 1 "$BUILD/b.txt")" = "$(printf '\357\273\277%s\r' "$pheader")" ]
check "product export has every row" [ "$(($(wc -l < "$BUILD/b.txt") - 1))" = "$(sql "SELECT COUNT(*) FROM product")" ]
check "product export row" grep -qF "鄂乡牌,\"鄂乡电器有限公司,襄阳\",PIMP-100,\"32英寸,液晶\",1999.50,2009-01,在售" "$BUILD/b.txt"
cp "$BUILD/b.txt" "$pdir/export.csv"
before=$(sql "SELECT COUNT(*) FROM product")
pimp pimporter "$pi" import "$pdir/export.csv" --max-time 60
check "export re-imported: refused $status" [ "$status" = 400 ]
check "export re-import: every row a duplicate" grep -q "无问题 0 行" "$BUILD/b.txt"
check "export re-import: only duplicates" [ "$(pcells | grep -vc '已经登记了型号')" = 0 ]
check "export re-import: nothing written" [ "$(sql "SELECT COUNT(*) FROM product")" = "$before" ]

# 5,000 rows through the web form, timed.
node - "$cat1" "$cat2" > "$pdir/big.csv" <<'JS'
const [c1, c2] = process.argv.slice(2);
const out = ['\ufeffcategory,brand,manufacturer,model,spec,bid_price,bid_batch,status'];
for (let i = 0; i < 5000; i++)
  out.push([i % 2 ? c1 : c2, '大批牌' + (i % 7), '大批电器有限公司', `PBIG-${String(i).padStart(5, '0')}`,
    '规格' + i, (100 + i) + '.' + String(i % 100).padStart(2, '0'), '2009-0' + (1 + i % 9), i % 10 ? '在售' : '已撤销'].join(','));
process.stdout.write(out.join('\r\n') + '\r\n');
JS
check "5,000-row file made" [ "$(wc -l < "$pdir/big.csv")" = 5001 ]
t0=$EPOCHREALTIME
pimp admin "$pa" dryrun "$pdir/big.csv" --max-time 60
t1=$EPOCHREALTIME
check "5,000 dry run: $status" [ "$status" = 200 ]
check "5,000 dry run passes" grep -q "检查通过：5000 行都可以导入" "$BUILD/b.txt"
sfetch admin POST /staff/products/import -F "csrf=$pa" -F action=import \
    -F "file=@$pdir/big.csv;type=text/csv" --max-time 60
tr=$EPOCHREALTIME
check "5,000 import becomes a job: $status" [ "$status" = 303 ]
job_wait admin "$(job_of_answer)" 0.5
t2=$EPOCHREALTIME
check "5,000 import: $status" [ "$status" = 200 ]
check "5,000 imported" grep -q "已导入 5,000 个型号" "$BUILD/b.txt"
check "5,000 rows saved" [ "$(models 'PBIG-%')" = 5000 ]
check "5,000 search rows" [ "$(sql "SELECT COUNT(*) FROM product_search s JOIN product p ON p.id = s.product_id WHERE p.model LIKE 'PBIG-%'")" = 5000 ]
expect GET "/products/check?model=pbig04999" 200 "是中标产品"
awk -v a="$t0" -v b="$t1" -v r="$tr" -v c="$t2" 'BEGIN { printf "records_import_products: 5,000 rows: dry run %.1f s, import %.1f s (on the progress page after %.1f s)\n", b - a, c - b, r - b }' >&2
# The request checks the file; the models are written after it.
# Speed is measured only without the sanitizers, which slow it down.
if [ "${SANITIZED:-0}" != 1 ]; then
	check "5,000 sent to the progress page within 10 s" awk -v b="$t1" -v r="$tr" 'BEGIN { exit !(r - b < 10) }'
	check "5,000 import within 60 s" awk -v b="$t1" -v c="$t2" 'BEGIN { exit !(c - b < 60) }'
fi

# The same import from the shell.
pcsv "$BUILD/cli-products.csv" <<'CSV'
彩电,命令行牌,命令行电器有限公司,CLI-TV-001,32英寸液晶,1888,2009-第二批,在售
洗衣机,命令行牌,命令行电器有限公司,CLI-WM-001,6公斤波轮,999.50,2009-第二批,
CSV
staff_cli import-products --dry-run "$BUILD/cli-products.csv" > "$BUILD/cli-out.txt" 2>&1
check "cli dry run succeeds" [ $? = 0 ]
check "cli dry run reports" grep -q "dry run: 2 rows would be imported" "$BUILD/cli-out.txt"
check "cli dry run writes nothing" [ "$(sql "SELECT COUNT(*) FROM product WHERE brand = '命令行牌'")" = 0 ]
staff_cli import-products "$BUILD/cli-products.csv" > "$BUILD/cli-out.txt" 2>&1
check "cli import succeeds" [ $? = 0 ]
check "cli import stored both" [ "$(sql "SELECT COUNT(*) FROM product WHERE brand = '命令行牌'")" = 2 ]
check "cli import audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'product_import' AND username = 'jdxx-staff'")" = 1 ]
staff_cli import-products "$BUILD/cli-products.csv" > "$BUILD/cli-out.txt" 2>&1
check "cli import of the same file refused" [ $? = 1 ]
check "cli names the line" grep -q "^line 2" "$BUILD/cli-out.txt"
staff_cli import-products > /dev/null 2>&1
check "cli usage" [ $? = 2 ]
check "brand tallies follow product imports" brand_tally_matches
