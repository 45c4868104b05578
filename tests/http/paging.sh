# Deep pages: every numbered list stops at page 500 with a 400 that says
# why and keeps the filters; the APIs answer the same in JSON. Needs
# staff.sh (the admin's session).

deep="最多只能翻到第 500 页"

# The public lists.
expect GET "/notices?page=501&q=%E5%AE%B6%E7%94%B5" 400 "$deep"
check "notices past the bound keep the keyword" grep -qF 'value="家电"' "$BUILD/b.txt"
expect GET "/notices?page=500" 200 "这一页没有内容了"
expect GET "/notices?page=99999999999999999999" 400 "页码"
expect GET "/products?page=501&category=tv" 400 "$deep"
check "products past the bound keep the category" grep -qE 'value="tv"[^>]* selected' "$BUILD/b.txt"
expect GET "/products?page=500&category=tv" 200 ""

# The JSON API and Open311: JSON errors, never a 500.
fetch GET "/api/v1/products?page=501"
check "api products past the bound: $status" [ "$status" = 400 ]
check "api products past the bound: JSON" is_json < "$BUILD/b.txt"
check "api products past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
fetch GET "/open311/v2/requests.json?page=501"
check "open311 past the bound: $status" [ "$status" = 400 ]
check "open311 past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
fetch GET "/open311/v2/requests.json?page=0"
check "open311 page 0: $status" [ "$status" = 400 ]

# The staff's lists: the form comes back with its filters and the reason.
sfetch admin GET "/staff/audit?page=501&user=admin"
check "audit past the bound: $status" [ "$status" = 400 ]
check "audit past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
check "audit past the bound keeps the user" grep -qF 'value="admin"' "$BUILD/b.txt"
sfetch admin GET "/staff/audit?page=x"
check "audit with a bad page: $status" [ "$status" = 400 ]
sfetch admin GET "/staff/audit?page=500"
check "audit page 500: $status" [ "$status" = 200 ]
sfetch admin GET "/staff/complaints?page=501&status=submitted"
check "queue past the bound: $status" [ "$status" = 400 ]
check "queue past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
check "queue past the bound keeps the status" grep -qE 'value="submitted"[^>]* selected' "$BUILD/b.txt"
sfetch admin GET "/staff/complaints?page=500"
check "queue page 500: $status" [ "$status" = 200 ]
sfetch admin GET "/staff/apikeys?page=501"
check "api keys past the bound: $status" [ "$status" = 400 ]
check "api keys past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
sfetch admin GET "/staff/products?page=501&category=tv"
check "staff products past the bound: $status" [ "$status" = 400 ]
check "staff products past the bound: said why" grep -qF "$deep" "$BUILD/b.txt"
