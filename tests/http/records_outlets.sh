# Outlet records kept by staff: validation, the duplicate guard, status
# changes with history seen at once by the public, regions and roles.

echo "Ledger-2009-ok" | staff_cli add keeper records >/dev/null
echo "Ledger-2009-ok" | staff_cli add keeperx records 420606 >/dev/null
login keeper Ledger-2009-ok;	check "records user signs in" [ "$status" = 303 ]
login keeperx Ledger-2009-ok;	check "region records user signs in" [ "$status" = 303 ]
ck=$(csrf_of keeper)
ckx=$(csrf_of keeperx)

# outlet_form USER CSRF PATH [FIELD=VALUE to replace or add...]
outlet_form() {
	local user=$1 token=$2 path=$3 args=() f k
	shift 3
	local -A v=([reg_no]=XY-420607-0901 [name]=峪山镇惠农家电下乡指定店
	    [enterprise]=2 [mode]=franchise [region]=420607108
	    [address]=襄州区峪山镇新街8号 [phone]=0710-2900001 [cat_tv]=1
	    [cat_washer]=1 [svc_delivery]=1 [svc_repair]=1
	    [registered_on]=2009-04-01)
	for f in "$@"; do v[${f%%=*}]=${f#*=}; done
	for k in "${!v[@]}"; do
		[ -n "${v[$k]}" ] && args+=(--data-urlencode "$k=${v[$k]}")
	done
	sfetch "$user" POST "$path" --data-urlencode "csrf=$token" "${args[@]}"
}

sfetch keeper GET /staff/outlets/new
check "form: $status" [ "$status" = 200 ]
while IFS='|' read -r field value message; do
	[ -z "$field" ] && continue
	outlet_form keeper "$ck" /staff/outlets/new "$field=$value"
	check "bad $field: $status" [ "$status" = 400 ]
	check "bad $field message" grep -q "$message" "$BUILD/b.txt"
	check "bad $field keeps the address" grep -q "襄州区峪山镇新街8号\|峪山镇惠农" "$BUILD/b.txt"
done <<CASES
reg_no|x|备案编号须为
reg_no|XY 0901;--|备案编号须为
name||店名须为
enterprise||请选择中标销售企业
enterprise|999999|没有这个中标销售企业
mode|shop|经营方式须为
region|420607|所在乡镇须为 9 位
region|420607999|没有这个乡镇
address|短|地址须为
phone|12345|电话须为
registered_on|2009-13-01|有效日期
CASES
outlet_form keeper "$ck" /staff/outlets/new cat_tv= cat_washer=
check "no category: $status" [ "$status" = 400 ]
check "no category message" grep -q "请至少选择一个经营类别" "$BUILD/b.txt"
check "nothing saved by bad forms" [ "$(sql "SELECT COUNT(*) FROM outlet WHERE reg_no = 'XY-420607-0901'")" = 0 ]

outlet_form keeper "$ck" /staff/outlets/new
check "created: $status" [ "$status" = 303 ]
oid=$(sql "SELECT id FROM outlet WHERE reg_no = 'XY-420607-0901'")
check "categories kept" [ "$(sql "SELECT GROUP_CONCAT(category_code ORDER BY category_code) FROM outlet_category WHERE outlet_id = '$oid'")" = "tv,washer" ]
check "category summary kept" [ "$(sql "SELECT CONCAT(codes, '/', names) FROM outlet_category_summary WHERE outlet_id = '$oid'")" = "tv,washer/彩电、洗衣机" ]
expect GET "/outlets/$oid" 200 "彩电、洗衣机"
expect GET "/outlets/check?q=XY-420607-0901" 200 "是指定店"
expect GET "/outlets?q=%E5%B3%AA%E5%B1%B1%E9%95%87%E6%83%A0%E5%86%9C" 200 "XY-420607-0901"
expect GET "/outlets?region=420607108&category=washer" 200 "峪山镇惠农家电下乡指定店"
check "creation audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'outlet_create' AND object_id = $oid")" = 1 ]

# The same shop may not be registered twice.
outlet_form keeper "$ck" /staff/outlets/new "name=另一家店名完全不同"
check "same registration number: $status" [ "$status" = 400 ]
check "duplicate number message" grep -q "已经登记过" "$BUILD/b.txt"
outlet_form keeper "$ck" /staff/outlets/new reg_no=XY-420607-0902 "name=峪山镇惠农家电下乡指定店分店" phone=13900000002 "address=襄州区峪山镇老街99号"
check "near name held: $status" [ "$status" = 409 ]
check "likely duplicate shown" grep -q "XY-420607-0901" "$BUILD/b.txt"
check "why shown" grep -q "店名相近" "$BUILD/b.txt"
outlet_form keeper "$ck" /staff/outlets/new reg_no=XY-420607-0902 "name=完全不同的店" phone=0710-2900001 "address=襄州区峪山镇老街99号"
check "same phone held: $status" [ "$status" = 409 ]
check "phone reason" grep -q "电话相同" "$BUILD/b.txt"
check "held means not saved" [ "$(sql "SELECT COUNT(*) FROM outlet WHERE reg_no = 'XY-420607-0902'")" = 0 ]
outlet_form keeper "$ck" /staff/outlets/new reg_no=XY-420607-0902 "name=完全不同的店" phone=0710-2900001 "address=襄州区峪山镇老街99号" confirm=1
check "confirmed: $status" [ "$status" = 303 ]
outlet_form keeper "$ck" /staff/outlets/new reg_no=XY-420607-0903 "name=另一个县的店" phone=0710-2900001 region=420606101 "address=樊城区某街1号"
check "other county is not a duplicate: $status" [ "$status" = 303 ]

# Editing keeps the form on errors and refuses another shop's number.
outlet_form keeper "$ck" "/staff/outlets/$oid" reg_no=XY-420607-0902
check "edit to a taken number: $status" [ "$status" = 400 ]
outlet_form keeper "$ck" "/staff/outlets/$oid" "address=襄州区峪山镇新街10号"
check "edit held by the twin's phone: $status" [ "$status" = 409 ]
outlet_form keeper "$ck" "/staff/outlets/$oid" "address=襄州区峪山镇新街10号" cat_fridge=1 confirm=1
check "edited: $status" [ "$status" = 303 ]
expect GET "/outlets/$oid" 200 "襄州区峪山镇新街10号"
expect GET "/outlets/$oid" 200 "彩电、冰箱(含冷柜)、洗衣机"
check "category summary follows the edit" [ "$(sql "SELECT codes FROM outlet_category_summary WHERE outlet_id = '$oid'")" = "fridge,tv,washer" ]
check "every outlet's summary matches its categories" [ "$(sql "SELECT COUNT(*) FROM outlet o LEFT JOIN outlet_category_summary s ON s.outlet_id = o.id WHERE NOT (s.codes <=> (SELECT GROUP_CONCAT(c.category_code ORDER BY c.category_code) FROM outlet_category c WHERE c.outlet_id = o.id))")" = 0 ]

# Status: suspend, restore, cancel; history public at once; cancel is final.
sfetch keeper POST "/staff/outlets/$oid/status" --data-urlencode "csrf=$ck" --data-urlencode status=suspended
check "reason required: $status" [ "$status" = 400 ]
sfetch keeper POST "/staff/outlets/$oid/status" --data-urlencode "csrf=$ck" --data-urlencode status=suspended \
    --data-urlencode "reason=超限价销售，暂停整改" --data-urlencode effective_on=2009-06-01
check "suspended: $status" [ "$status" = 303 ]
expect GET "/outlets/check?q=XY-420607-0901" 200 "已暂停"
expect GET "/outlets/check?q=XY-420607-0901" 200 "2009-06-01"
expect GET "/outlets/$oid" 200 "超限价销售，暂停整改"
fetch_fresh "/api/v1/outlets/$oid"
check "api shows suspended" [ "$(json_get 'j.outlet.status')" = suspended ]
fetch_fresh "/outlets?region=420607108"
check "gone from the default directory" sh -c "! grep -q 'XY-420607-0901' '$BUILD/b.txt'"
sfetch keeper POST "/staff/outlets/$oid/status" --data-urlencode "csrf=$ck" --data-urlencode status=active \
    --data-urlencode "reason=整改完成，恢复资格"
check "restored: $status" [ "$status" = 303 ]
expect GET "/outlets/check?q=XY-420607-0901" 200 "是指定店"
sfetch keeper POST "/staff/outlets/$oid/status" --data-urlencode "csrf=$ck" --data-urlencode status=cancelled \
    --data-urlencode "reason=销售非中标产品"
check "cancelled: $status" [ "$status" = 303 ]
sfetch keeper POST "/staff/outlets/$oid/status" --data-urlencode "csrf=$ck" --data-urlencode status=active \
    --data-urlencode "reason=想恢复"
check "cancelled is final: $status" [ "$status" = 400 ]
fetch_fresh "/outlets/$oid"
check "history has four steps" [ "$(grep -o '<li><time' "$BUILD/b.txt" | wc -l)" = 4 ]
check "status changes audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'outlet_status' AND object_id = $oid")" = 3 ]
check "township tallies follow creation and status changes" tally_matches
check "cards follow creation, edits and status changes" card_matches
t_cancelled=$(sql "SELECT COUNT(*) FROM outlet WHERE region_code LIKE '420607%' AND status = 'cancelled'")
expect GET "/outlets?region=420607&status=cancelled" 200 "共找到 <strong>$t_cancelled</strong>"

# Regions and roles.
outlet_form keeperx "$ckx" /staff/outlets/new reg_no=XY-420607-0904 "name=越界登记的店"
check "outside own region: $status" [ "$status" = 400 ]
check "region message" grep -q "只能登记您负责地区内的网点" "$BUILD/b.txt"
sfetch keeperx GET "/staff/outlets/$oid"
check "other region's outlet: $status" [ "$status" = 404 ]
sfetch keeperx GET /staff/outlets
check "own region listed only" sh -c "! grep -q 'XY-420607-0902' '$BUILD/b.txt' && grep -q 'XY-420607-0903' '$BUILD/b.txt'"
sfetch editor GET /staff/outlets
check "editor refused: $status" [ "$status" = 403 ]
sfetch keeper POST /staff/outlets/new --data-urlencode "reg_no=XY-420607-0905"
check "no csrf: $status" [ "$status" = 403 ]

# Sales enterprises: national records, kept by unlimited staff.
sfetch keeper POST /staff/enterprises/new --data-urlencode "csrf=$ck" --data-urlencode "name=湖北惠民家电连锁有限公司" \
    --data-urlencode "bid_batch=2009-第二批" --data-urlencode phone=027-87654321
check "enterprise created: $status" [ "$status" = 303 ]
eid=$(sql "SELECT id FROM enterprise WHERE name = '湖北惠民家电连锁有限公司'")
sfetch keeper POST /staff/enterprises/new --data-urlencode "csrf=$ck" --data-urlencode "name=湖北惠民家电连锁有限公司"
check "same name refused: $status" [ "$status" = 400 ]
check "same name message" grep -q "已有同名的中标销售企业" "$BUILD/b.txt"
sfetch keeper POST /staff/enterprises/new --data-urlencode "csrf=$ck" --data-urlencode "name=某某公司" --data-urlencode phone=123
check "bad phone: $status" [ "$status" = 400 ]
sfetch keeperx GET /staff/enterprises/new
check "region-limited cannot add enterprises: $status" [ "$status" = 403 ]
outlet_form keeper "$ck" /staff/outlets/new reg_no=XY-420607-0910 "name=黄龙镇惠民电器行" phone=13900000910 \
    region=420607111 "address=襄州区东津镇某路1号" enterprise="$eid"
check "outlet of the new enterprise: $status" [ "$status" = 303 ]
sfetch keeper POST "/staff/enterprises/$eid" --data-urlencode "csrf=$ck" --data-urlencode "name=湖北惠民家电销售有限公司" \
    --data-urlencode "bid_batch=2009-第二批"
check "enterprise renamed: $status" [ "$status" = 303 ]
expect GET "/outlets?q=%E6%83%A0%E6%B0%91%E5%AE%B6%E7%94%B5%E9%94%80%E5%94%AE" 200 "XY-420607-0910"
check "rename audited with before and after" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'enterprise_update' AND object_id = $eid AND before_json LIKE '%连锁%' AND after_json LIKE '%销售%'")" = 1 ]
check "cards carry the enterprise's new name" card_matches
expect GET "/outlets?region=420607111" 200 "湖北惠民家电销售有限公司"
