# Staff authority as a matrix: every staff route, signed in as each role
# limited to county 420607 and unlimited, on an object inside and one
# outside that county, plus a browser not signed in and a session whose
# second factor is still due. Writes go with a wrong form token: the
# gate answers before the token is looked at, so a write the gate lets
# through is refused as an expired form and nothing changes.

authz_pw=Matrix-2009-ok
for r in admin editor handler records; do
	echo "$authz_pw" | staff_cli add "m_${r}_c" "$r" 420607 >/dev/null
	echo "$authz_pw" | staff_cli add "m_${r}_u" "$r" >/dev/null
done
echo "$authz_pw" | staff_cli add m_target handler 420607 >/dev/null
for r in admin editor handler records; do
	for s in c u; do
		login "m_${r}_$s" "$authz_pw"
		check "m_${r}_$s signs in ($status)" [ "$status" = 303 ]
	done
done

# The objects, inside 420607 and outside it.
declare -A obj_in obj_out
first_id() { sql "SELECT MIN(id) FROM $1 WHERE $2"; }
obj_in[outlet]=$(first_id outlet "region_code LIKE '420607%'")
obj_out[outlet]=$(first_id outlet "region_code NOT LIKE '420607%'")
out_region=$(sql "SELECT region_code FROM outlet WHERE id = ${obj_out[outlet]}")
if [ -z "$(first_id complaint "outlet_region NOT LIKE '420607%'" | grep -v NULL)" ]; then
	curl -s -o /dev/null --max-time 20 --interface 127.0.0.9 \
	    --data-urlencode "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)" \
	    --data-urlencode "outlet=${obj_out[outlet]}" --data-urlencode category=overcharge \
	    --data-urlencode "description=权限矩阵用的投诉：彩电加收送货费" \
	    --data-urlencode name=王五 --data-urlencode phone=13912345678 \
	    --data-urlencode "region=$out_region" --data-urlencode consent=1 \
	    --data-urlencode action=submit "$BASE/complaints"
fi
if [ -z "$(first_id complaint "outlet_region LIKE '420607%'" | grep -v NULL)" ]; then
	file_complaint "$BUILD/authz-receipt.html" "权限矩阵用的投诉：冰箱不送货" >/dev/null
fi
obj_in[complaint]=$(first_id complaint "outlet_region LIKE '420607%'")
obj_out[complaint]=$(first_id complaint "outlet_region NOT LIKE '420607%'")
# A photo of each, for the route that shows one (?p= its id).
declare -A photo_of
for k in in out; do
	[ $k = in ] && n=${obj_in[complaint]} || n=${obj_out[complaint]}
	sql "INSERT INTO complaint_photo (complaint_id, seq, data, size, width,
	    height, created_at) VALUES ($n, 9, 'matrix', 6, 1, 1, NOW())"
	photo_of[$k]=$(first_id complaint_photo "complaint_id = $n AND seq = 9")
done
for where in 420607 420606; do
	sql "INSERT INTO notice (kind, title, issuer, body_md, status, region_code)
	    VALUES ('notice', '权限矩阵 $where', '商务局', '正文', 'draft', '$where')"
done
obj_in[notice]=$(first_id notice "title = '权限矩阵 420607'")
obj_out[notice]=$(first_id notice "title = '权限矩阵 420606'")
for k in in out; do
	[ $k = in ] && n=${obj_in[notice]} || n=${obj_out[notice]}
	sql "INSERT INTO attachment (notice_id, filename, content_type, size,
	    sha256, data, created_at) VALUES ($n, 'a.pdf', 'application/pdf', 4,
	    SHA2('%PDF', 256), '%PDF', NOW())"
done
obj_in[attachment]=$(first_id attachment "notice_id = ${obj_in[notice]}")
obj_out[attachment]=$(first_id attachment "notice_id = ${obj_out[notice]}")
for where in 420607 420606; do
	sql "INSERT INTO api_key (key_hash, name, region_code, created_at)
	    VALUES (SHA2('matrix $where', 256), '权限矩阵 $where', '$where', NOW())"
done
obj_in[apikey]=$(first_id api_key "name = '权限矩阵 420607'")
obj_out[apikey]=$(first_id api_key "name = '权限矩阵 420606'")
owner=$(sql "SELECT id FROM staff WHERE username = 'm_records_c'")
for where in 420607 420606; do
	sql "INSERT INTO import_job (kind, staff_id, username, region_code,
	    filename, total_rows, state, started_at) VALUES ('outlets', $owner,
	    'm_records_c', '$where', 'matrix.csv', 0, 'done', NOW(3))"
done
obj_in[job]=$(first_id import_job "filename = 'matrix.csv' AND region_code = '420607'")
obj_out[job]=$(first_id import_job "filename = 'matrix.csv' AND region_code = '420606'")
obj_in[account]=$(sql "SELECT id FROM staff WHERE username = 'm_target'")
obj_out[account]=$(sql "SELECT MIN(id) FROM staff WHERE role = 'admin' AND region_code IS NULL")
obj_in[national]=1 obj_out[national]=1
for k in "${!obj_in[@]}"; do
	check "matrix object $k inside (${obj_in[$k]}) and outside (${obj_out[$k]})" \
	    [ -n "${obj_in[$k]}" ] && [ -n "${obj_out[$k]}" ] &&
	    [ "${obj_in[$k]}" != NULL ] && [ "${obj_out[$k]}" != NULL ]
done

# METHOD PATH OBJECT ROLES: each staff route; {id} is the object's.
matrix_routes='GET /staff/ none any
GET /staff/login/otp none any
POST /staff/login/otp none any
GET /staff/totp none any
POST /staff/totp none any
GET /staff/password none any
POST /staff/password none any
POST /staff/logout none any
GET /staff/accounts none admin
GET /staff/accounts/new none admin
POST /staff/accounts/new none admin
GET /staff/accounts/{id} account admin
POST /staff/accounts/{id} account admin
POST /staff/accounts/{id}/totp-reset account admin
GET /staff/audit none admin
GET /staff/complaints none handler
GET /staff/complaints/new none handler
POST /staff/complaints/new none handler
GET /staff/complaints/{id} complaint handler
POST /staff/complaints/{id} complaint handler
GET /staff/complaints/{id}/photo complaint handler
POST /staff/complaints/{id}/transfer complaint handler
GET /staff/outlets none records
GET /staff/outlets/new none records
POST /staff/outlets/new none records
GET /staff/outlets/{id} outlet records
POST /staff/outlets/{id} outlet records
POST /staff/outlets/{id}/status outlet records
GET /staff/enterprises none records
GET /staff/enterprises/new national records
POST /staff/enterprises/new national records
GET /staff/enterprises/{id} national records
POST /staff/enterprises/{id} national records
GET /staff/notices none editor
GET /staff/notices/new none editor
POST /staff/notices/new none editor
GET /staff/notices/{id} notice editor
POST /staff/notices/{id} notice editor
POST /staff/notices/{id}/status notice editor
POST /staff/notices/{id}/attachments notice editor
POST /staff/attachments/{id}/delete attachment editor
GET /staff/apikeys none admin
POST /staff/apikeys none admin
POST /staff/apikeys/{id}/revoke apikey admin
GET /staff/products none records
GET /staff/products/new national records
POST /staff/products/new national records
GET /staff/products/{id} national records
POST /staff/products/{id} national records
GET /staff/caps none records
POST /staff/caps national admin
POST /staff/caps/{id}/withdraw national admin
POST /staff/rates/{id}/withdraw national admin
POST /staff/categories national admin
GET /staff/reports/weekly none handler,records
GET /staff/outlets/import none records
POST /staff/outlets/import none records
GET /staff/outlets/export.csv none records
GET /staff/products/import national records
POST /staff/products/import national records
GET /staff/products/export.csv national records
GET /staff/imports/{id} job records'

# Every route of the program is in the matrix, and only those.
check "the matrix lists every staff route" [ "$(grep -o '{ "/staff/[^"]*", [A-Z_]*' cgi-bin/staff.c |
    grep -v '"/staff/login",' | sed 's/{ "\(.*\)", \(.*\)/\1 \2/' |
    awk '{ if ($2 == "FORM") { print "GET " $1; print "POST " $1 } else if ($2 == "GET") print "GET " $1; else print "POST " $1 }' |
    sort)" = "$(printf '%s\n' "$matrix_routes" | awk '{ print $1 " " $2 }' | sort)" ]

# expected ROLE SCOPE(c|u) WHERE(in|out) METHOD PATH OBJECT ROLES:
# "STATUS TEXT" for that request.
matrix_expected() {
	local role=$1 scope=$2 where=$3 m=$4 p=$5 o=$6 roles=$7
	if [ "$roles" != any ] && [ "$role" != admin ] &&
	    ! printf ',%s,' "$roles" | grep -q ",$role,"; then
		echo "403 没有这项操作的权限"; return
	fi
	if [ "$scope" = c ] && [ "$where" = out ]; then
		case "$o" in none|national) ;;
		*) if [ "$m" = GET ]; then echo "404 "; else
			echo "403 不在您的账号负责的地区内"; fi; return ;;
		esac
	fi
	if [ "$o" = national ] && [ "$scope" = c ]; then
		echo "403 全国统一"; return
	fi
	# The code's step is behind a full session already.
	[ "$p" != /staff/login/otp ] || { echo "303 "; return; }
	if [ "$m" = POST ]; then echo "403 表单已过期"; return; fi
	case "$p" in
	/staff/imports/*)
		[ "$role" = admin ] || [ "$role$scope" = recordsc ] ||
		    { echo "403 "; return; } ;;
	esac
	echo "200 "
}

matrix_n=0 matrix_bad=0
matrix_one() {
	local user=$1 want=$2 m=$3 p=$4
	local code=${want%% *} text=${want#* }
	if [ "$m" = GET ]; then
		sfetch "$user" GET "$p"
	else
		sfetch "$user" POST "$p" --data-urlencode csrf=wrong-token
	fi
	matrix_n=$((matrix_n + 1))
	if [ "$status" != "$code" ] ||
	    { [ -n "$text" ] && ! grep -qF -- "$text" "$BUILD/b.txt"; }; then
		matrix_bad=$((matrix_bad + 1))
		bad "matrix $user $m $p: $status, want $want"
	else
		ok
	fi
}

while read -r m p o roles; do
	for where in in out; do
		[ "$where" = in ] && id=${obj_in[$o]:-1} || id=${obj_out[$o]:-1}
		path=${p//\{id\}/$id}
		[ "$p" != "/staff/complaints/{id}/photo" ] || path+="?p=${photo_of[$where]}"
		# Signed out: sent to sign in, or a write refused.
		if [ "$where" = in ] && [ "$m" = GET ]; then
			matrix_one none "303 " "$m" "$path"
		elif [ "$where" = in ]; then
			matrix_one none "403 尚未登录" "$m" "$path"
		fi
		for role in admin editor handler records; do
			for scope in c u; do
				matrix_one "m_${role}_$scope" "$(matrix_expected \
				    "$role" "$scope" "$where" "$m" "$path" "$o" \
				    "$roles")" "$m" "$path"
			done
		done
	done
done <<< "$matrix_routes"

# A session whose second factor is still due reaches only that step.
rm -f "$BUILD/jar-m_half"
sfetch m_half GET /staff/login
sfetch m_half POST /staff/login --data-urlencode username=m_admin_u \
    --data-urlencode "password=$authz_pw" --data-urlencode "login_token=$(login_token)"
check "a second factor is asked for ($status $(location))" [ "$(location)" = /staff/login/otp?next=/staff/ ]
while read -r m p o roles; do
	path=${p//\{id\}/${obj_in[$o]:-1}}
	case "$m $path" in
	"GET /staff/login/otp") matrix_one m_half "200 动态验证码" "$m" "$path" ;;
	"POST /staff/login/otp"|"POST /staff/logout")
		matrix_one m_half "403 表单已过期" "$m" "$path" ;;
	*) if [ "$m" = GET ]; then
		sfetch m_half GET "$path"
		matrix_n=$((matrix_n + 1))
		check "half-signed-in GET $path goes to the code ($status)" \
		    [ "$status" = 303 ] && [ "$(location)" = /staff/login/otp ]
	   else matrix_one m_half "303 " "$m" "$path"; fi ;;
	esac
done <<< "$matrix_routes"
echo "authz matrix: $matrix_n requests, $matrix_bad wrong ($(printf '%s\n' "$matrix_routes" | wc -l) routes x 8 accounts x inside/outside, signed out, half signed in)" >&2

# Each refusal of an object outside the region is in the audit log.
n=$(sql "SELECT COUNT(*) FROM audit_log WHERE action IN ('refused_read',
    'refused_write') AND username LIKE 'm\\_%\\_c'")
check "refusals outside the region are audited ($n)" [ "$n" -ge 40 ]
n=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'refused_role'
    AND username LIKE 'm\\_%'")
check "refusals by role are audited ($n)" [ "$n" -ge 100 ]

# What lists show a county account: its county's, nothing else.
sfetch m_admin_c GET /staff/accounts
check "a county admin's account list leaves out the national admin" \
    sh -c "! grep -q 'href=\"/staff/accounts/${obj_out[account]}\"' '$BUILD/b.txt'"
check "a county admin's account list shows its county's" \
    grep -q "href=\"/staff/accounts/${obj_in[account]}\"" "$BUILD/b.txt"
sfetch m_admin_c GET /staff/audit
check "a county admin's audit log leaves out national accounts' entries" \
    sh -c "! grep -q '>m_admin_u<' '$BUILD/b.txt'"
check "a county admin's audit log shows its county's entries" \
    grep -q '>m_admin_c<' "$BUILD/b.txt"
sfetch m_admin_c GET /staff/apikeys
check "a county admin's keys leave out another county's" \
    sh -c "! grep -q '权限矩阵 420606' '$BUILD/b.txt'"
check "a county admin's keys show its own county's" grep -q '权限矩阵 420607' "$BUILD/b.txt"
sfetch m_records_c GET "/staff/outlets?q=$(sql "SELECT reg_no FROM outlet WHERE id = ${obj_out[outlet]}")"
check "a county's outlet list leaves out another county's outlet" \
    sh -c "! grep -q 'href=\"/staff/outlets/${obj_out[outlet]}\"' '$BUILD/b.txt'"
sfetch m_handler_c GET "/staff/complaints?region=${out_region:0:6}"
check "a county's queue stays in its county when asked for another" \
    sh -c "! grep -q 'href=\"/staff/complaints/${obj_out[complaint]}\"' '$BUILD/b.txt'"
sfetch m_admin_c GET /staff/
check "staff pages are never cached" grep -qi '^Cache-Control: private, no-store' "$BUILD/h.txt"
