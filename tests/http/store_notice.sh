# The buyers' notice each designated outlet prints (店内公示): the shop,
# the caps and rate in force, how to claim, where to complain, and a QR
# code that decodes to the store check of that shop; none for an outlet
# suspended or cancelled.

sn_id=$(sql "SELECT id FROM outlet WHERE status = 'active' ORDER BY id LIMIT 1")
sn_regno=$(sql "SELECT reg_no FROM outlet WHERE id = $sn_id")
sn_name=$(sql "SELECT name FROM outlet WHERE id = $sn_id")
sn_susp=$(sql "SELECT id FROM outlet WHERE status = 'suspended' ORDER BY id LIMIT 1")
sn_canc=$(sql "SELECT id FROM outlet WHERE status = 'cancelled' ORDER BY id LIMIT 1")

expect GET "/outlets/$sn_id/notice" 200 "店内公示"
check "notice: the shop's name" grep -qF -- "$sn_name" "$BUILD/b.txt"
check "notice: the registration number" grep -qF -- "$sn_regno" "$BUILD/b.txt"
check "notice: the rate in force" grep -qF "按发票上的实际销售价格补贴 <strong>13%</strong>" "$BUILD/b.txt"
check "notice: the caps" grep -qF "<td>2000 元</td>" "$BUILD/b.txt"
check "notice: how to claim" grep -qF "家电下乡产品专用标识卡" "$BUILD/b.txt"
check "notice: the complaint phone" grep -qF "12315" "$BUILD/b.txt"
check "notice: the QR code is an inline SVG" grep -qF 'aria-label="二维码：扫描核验本店是否为指定网点"' "$BUILD/b.txt"
check "notice: a print stylesheet (A4)" grep -qF "@page{size:A4" static/site.css
check "notice: small ($(wc -c < "$BUILD/b.txt") bytes)" [ "$(wc -c < "$BUILD/b.txt")" -lt 20000 ]
want_url="http://127.0.0.1:$PORT/outlets/check?q=$sn_regno"
check "notice: the check link in words" grep -qF -- "$want_url" "$BUILD/b.txt"
# The QR code, drawn as a printer would, read back by a scanner.
if command -v rsvg-convert >/dev/null && command -v zbarimg >/dev/null; then
	sed -n 's/.*\(<svg[^>]*role="img".*<\/svg>\).*/\1/p' "$BUILD/b.txt" | head -n 1 \
	    > "$BUILD/notice-qr.svg"
	rsvg-convert -z 4 -o "$BUILD/notice-qr.png" "$BUILD/notice-qr.svg" 2>/dev/null
	qr=$(zbarimg -q --raw "$BUILD/notice-qr.png" 2>/dev/null)
	check "notice: the QR code reads $qr" [ "$qr" = "$want_url" ]
	expect GET "${qr#http://127.0.0.1:$PORT}" 200 "$sn_name"
	check "notice: the scanned link says the shop is genuine" grep -qF "状态正常" "$BUILD/b.txt"
else
	bad "notice: rsvg-convert and zbarimg are needed to read the QR code"
fi
expect GET "/outlets/$sn_id" 200 "/outlets/$sn_id/notice"
expect GET "/outlets/$sn_susp/notice" 404 "已被暂停家电下乡指定店资格"
expect GET "/outlets/$sn_canc/notice" 404 "已被取消家电下乡指定店资格"
expect GET "/outlets/999999/notice" 404 ""
check "no notice link for a suspended outlet" sh -c "! curl -s '$BASE/outlets/$sn_susp' | grep -qF '/outlets/$sn_susp/notice'"
