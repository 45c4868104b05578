# Withdrawing a cap or rate row entered by mistake: only an admin without
# a region, only a row not yet in force, with a reason; the row stays in
# the history marked 已撤回 and the calculator and /caps stop using it.

echo "Withdraw-2009-ok" | staff_cli add capclerk records >/dev/null
echo "Withdraw-2009-ok" | staff_cli add capadminx admin 420607 >/dev/null
echo "Withdraw-2009-ok" | staff_cli add caphandler handler >/dev/null
login admin "$(cat "$VAR/initial-admin-password")"
for u in capclerk capadminx caphandler; do
	login "$u" Withdraw-2009-ok
	check "$u signs in: $status" [ "$status" = 303 ]
done
declare -A cw_csrf
for u in admin capclerk capadminx caphandler; do cw_csrf[$u]=$(csrf_of "$u"); done
cw_has() { grep -qF -- "$1" "$BUILD/b.txt"; }
cw_lacks() { ! grep -qF -- "$1" "$BUILD/b.txt"; }
# cw_public_has TEXT: /caps as the public sees it shows TEXT within 1 s
# (either cache may hold the page from before the change that long).
cw_public_has() { public_until /caps "$1"; }
# cw_post USER PATH FIELD=VALUE...: a form with USER's CSRF token.
cw_post() {
	local user=$1 path=$2 f
	local args=(--data-urlencode "csrf=${cw_csrf[$user]}")
	shift 2
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	sfetch "$user" POST "$path" "${args[@]}"
}
cw_withdrawn() { sql "SELECT withdrawn_at IS NOT NULL FROM $1 WHERE id = $2"; }
cw_calc() { sfetch none GET "/subsidy?category=fridge&price=$1&date=$2"; }
cw_day=2031-03-01
cw_after=2031-03-02

# Before: what the calculator says in 2031 without the new rows.
cw_calc 1400 "$cw_after"
check "calculator before the rows: $status" [ "$status" = 200 ]
cw_base=$(grep -o '可以领取补贴 <strong class="amount">[0-9.]* 元' "$BUILD/b.txt")
check "a subsidy in 2031 ($cw_base)" [ -n "$cw_base" ]

# A fridge cap of 1500 and a rate of 20% from 2031-03-01, both mistakes.
cw_post admin /staff/caps kind=cap category=fridge cap=1500 "effective_from=$cw_day" "note=测试：误录的冰箱限价"
check "mistaken cap added: $status" [ "$status" = 303 ]
cw_cap=$(sql "SELECT id FROM category_cap WHERE category_code = 'fridge' AND effective_from = '$cw_day'")
cw_post admin /staff/caps kind=rate rate=20 central_share=80 "effective_from=$cw_day" "note=测试：误录的补贴比例"
check "mistaken rate added: $status" [ "$status" = 303 ]
cw_rate=$(sql "SELECT id FROM subsidy_rate WHERE effective_from = '$cw_day'")
cw_calc 2000 "$cw_after"
check "mistaken cap applies: over 1500" cw_has "冰箱(含冷柜)的最高限价是 1500 元"
cw_calc 1400 "$cw_after"
check "mistaken rate applies: 20% of 1400" cw_has "可以领取补贴 <strong class=\"amount\">280.00 元</strong>"
sfetch none GET /caps
check "/caps lists the cap as upcoming" cw_has "<td>1500 元</td><td>$cw_day（尚未执行）</td>"
check "/caps lists the rate as upcoming" cw_has "<th scope=\"row\">20%</th><td>80% ／ 20%</td><td>$cw_day（尚未执行）</td>"
sfetch admin GET /staff/caps
check "admin gets a withdraw form for the cap" cw_has "action=\"/staff/caps/$cw_cap/withdraw\""
check "admin gets a withdraw form for the rate" cw_has "action=\"/staff/rates/$cw_rate/withdraw\""
check "no withdraw form for the first cap" cw_lacks "action=\"/staff/caps/1/withdraw\""
sfetch capclerk GET /staff/caps
check "records staff get no withdraw form" cw_lacks "/withdraw\""

# Who may withdraw: an admin without a region, with the CSRF token.
for u in capclerk caphandler; do
	cw_post "$u" "/staff/caps/$cw_cap/withdraw" "reason=越权撤回"
	check "$u may not withdraw: $status" [ "$status" = 403 ]
done
cw_post capadminx "/staff/caps/$cw_cap/withdraw" "reason=越权撤回"
check "region admin may not withdraw: $status" [ "$status" = 403 ]
check "region admin told why" cw_has "全国统一的记录，只能由不限地区的账号"
sfetch none POST "/staff/caps/$cw_cap/withdraw" --data-urlencode "reason=没有登录"
check "signed out may not withdraw: $status" [ "$status" = 403 ]
sfetch admin POST "/staff/caps/$cw_cap/withdraw" --data-urlencode "reason=没有令牌"
check "no csrf: $status" [ "$status" = 403 ]
sfetch admin POST "/staff/caps/$cw_cap/withdraw" --data-urlencode "csrf=${cw_csrf[capclerk]}" --data-urlencode "reason=别人的令牌"
check "another session's csrf: $status" [ "$status" = 403 ]
sfetch admin GET "/staff/caps/$cw_cap/withdraw"
check "withdraw takes no GET: $status" [ "$status" = 405 ]
check "refusals changed nothing" [ "$(cw_withdrawn category_cap "$cw_cap")" = 0 ]

# A reason is needed, and the form comes back with what was typed.
cw_post admin "/staff/caps/$cw_cap/withdraw"
check "no reason: $status" [ "$status" = 400 ]
check "no reason says what to write" cw_has "请写明撤回原因"
cw_post admin "/staff/caps/$cw_cap/withdraw" "reason=错"
check "short reason: $status" [ "$status" = 400 ]
check "short reason message" cw_has "撤回原因至少 2 个字"
check "short reason kept in its row's form" grep -q "id=\"withdraw-cap-$cw_cap\" name=\"reason\" maxlength=\"200\" required value=\"错\" aria-invalid=\"true\"" "$BUILD/b.txt"
cw_post admin "/staff/caps/$cw_cap/withdraw" "reason=$(printf '长%.0s' $(seq 1 201))"
check "long reason: $status" [ "$status" = 400 ]
check "bad reasons changed nothing" [ "$(cw_withdrawn category_cap "$cw_cap")" = 0 ]
cw_post admin /staff/caps/999999/withdraw "reason=没有这条"
check "unknown cap: $status" [ "$status" = 404 ]

# Rows in force stay: a new row with a new date corrects them.
cw_first=$(sql "SELECT id FROM category_cap WHERE category_code = 'fridge' AND effective_from = '2008-12-01'")
cw_post admin "/staff/caps/$cw_first/withdraw" "reason=想撤回执行中的限价"
check "cap in force refused: $status" [ "$status" = 409 ]
check "in force: says to add a new row" cw_has "这条限价自 2008-12-01 起已经执行，不能撤回"
check "in force: names the way" cw_has "请新增一条起始日期在今后的限价"
check "in force: unchanged" [ "$(cw_withdrawn category_cap "$cw_first")" = 0 ]
cw_rfirst=$(sql "SELECT id FROM subsidy_rate WHERE effective_from = '2008-12-01'")
cw_post admin "/staff/rates/$cw_rfirst/withdraw" "reason=想撤回执行中的比例"
check "rate in force refused: $status" [ "$status" = 409 ]
check "rate in force message" cw_has "这条补贴比例自 2008-12-01 起已经执行，不能撤回"

# The cap withdrawn: kept in the history, no longer used.
cw_post admin "/staff/caps/$cw_cap/withdraw" "reason=录入错误：冰箱限价未调整"
check "cap withdrawn: $status" [ "$status" = 303 ]
check "back to the row" grep -qi "^Location: /staff/caps#cap-$cw_cap" "$BUILD/h.txt"
check "row kept, marked, by whom and why" [ "$(sql "SELECT CONCAT(cap_fen, ' ', withdrawn_by, ' ', withdrawn_reason) FROM category_cap WHERE id = $cw_cap")" = "150000 admin 录入错误：冰箱限价未调整" ]
check "cap withdrawal audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'cap_withdraw' AND object_id = $cw_cap AND username = 'admin' AND before_json LIKE '%\"cap_fen\":150000%' AND before_json LIKE '%\"effective_from\":\"$cw_day\"%' AND after_json LIKE '%录入错误：冰箱限价未调整%'")" = 1 ]
cw_calc 2000 "$cw_after"
check "calculator no longer uses the withdrawn cap" cw_lacks "最高限价是 1500 元"
check "calculator uses the cap before it" cw_has "可以领取补贴"
check "/caps marks the cap withdrawn" cw_public_has "<td>1500 元</td><td>$cw_day（已撤回，不执行）</td><td>测试：误录的冰箱限价。撤回原因：录入错误：冰箱限价未调整</td>"
check "/caps no longer lists it as upcoming" cw_lacks "<td>1500 元</td><td>$cw_day（尚未执行）</td>"
sfetch admin GET /staff/caps
check "staff history marks it" cw_has "<tr id=\"cap-$cw_cap\"><th scope=\"row\">冰箱(含冷柜)</th><td>1500 元</td><td>$cw_day</td><td><strong>已撤回</strong><p class=\"hint\">"
check "staff history says who and why" grep -q "由 admin 撤回：录入错误：冰箱限价未调整" "$BUILD/b.txt"
check "no withdraw form on a withdrawn row" cw_lacks "action=\"/staff/caps/$cw_cap/withdraw\""
cw_post admin "/staff/caps/$cw_cap/withdraw" "reason=再撤一次"
check "withdrawn twice refused: $status" [ "$status" = 409 ]
check "twice: says when and by whom" cw_has "由 admin 撤回，不用再撤回"
# The right value for the same day can be entered now.
cw_post admin /staff/caps kind=cap category=fridge cap=2400 "effective_from=$cw_day" "note=测试：更正后的冰箱限价"
check "corrected cap for the same day: $status" [ "$status" = 303 ]
cw_calc 2450 "$cw_after"
check "calculator uses the corrected cap" cw_has "冰箱(含冷柜)的最高限价是 2400 元"
cw_post admin /staff/caps kind=cap category=fridge cap=2300 "effective_from=$cw_day" "note=重复"
check "still one live row a day: $status" [ "$status" = 409 ]

# The rate withdrawn: the calculator goes back to the rate before it.
cw_post admin "/staff/rates/$cw_rate/withdraw" "reason=录入错误：比例未调整"
check "rate withdrawn: $status" [ "$status" = 303 ]
check "rate withdrawal audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'rate_withdraw' AND object_id = $cw_rate AND before_json LIKE '%\"rate_bp\":2000%'")" = 1 ]
cw_calc 1400 "$cw_after"
check "calculator back to the earlier rate" cw_has "$cw_base"
check "/caps marks the rate withdrawn" cw_public_has "<th scope=\"row\">20%</th><td>80% ／ 20%</td><td>$cw_day（已撤回，不执行）</td>"
sfetch none GET "/api/v1/products?category=fridge"
check "catalogue still answers: $status" [ "$status" = 200 ]
