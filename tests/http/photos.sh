# Photos with a complaint: real photos made here carry GPS, camera and
# orientation in their EXIF; through nginx they are filed with the form,
# shown to the staff of the complaint's county and, behind the query
# code, on the tracking page, and come back upright, at most 1600 px,
# with no metadata at all. A non-image, a truncated JPEG, a fourth photo,
# a file over 8 MB and a decompression bomb are each refused with their
# message and the form with everything typed. Another county's staff and
# anyone without the tracking number and code see no photo.
# Runs before complaints.sh, whose flood fills nginx's bucket of
# complaint posts.

pd="$BUILD/photos"
rm -rf "$pd"
mkdir -p "$pd"

# A 4032x3024 camera photo (smooth noise, as a sensor gives), turned on
# its side by its orientation tag, with where and with what it was taken.
vips gaussnoise "$pd/n.v" 4032 3024 --mean 128 --sigma 40 &&
vips gaussblur "$pd/n.v" "$pd/b.v" 1.2 &&
vips cast "$pd/b.v" "$pd/c.v" uchar &&
vips bandjoin "$pd/c.v $pd/c.v $pd/c.v" "$pd/rgb.v" &&
vips copy "$pd/rgb.v" "$pd/srgb.v" --interpretation srgb &&
vips jpegsave "$pd/srgb.v" "$pd/camera.jpg" --Q 92 &&
exiftool -q -overwrite_original -GPSLatitude=32.0421 -GPSLatitudeRef=N \
    -GPSLongitude=112.1446 -GPSLongitudeRef=E -Make=Xiaomi \
    -Model="Redmi Note 4" -Orientation#=6 -ImageDescription=店内 \
    -XMP:Creator=王五 -Comment=home "$pd/camera.jpg"
# A screenshot with transparency, and a WebP, each with GPS too.
vips black "$pd/k.v" 1800 1000 --bands 4 &&
vips linear "$pd/k.v" "$pd/alpha.png" "1 1 1 1" "200 120 40 128" --uchar &&
exiftool -q -overwrite_original -XMP:GPSLatitude=32.0421 \
    -XMP:GPSLongitude=112.1446 "$pd/alpha.png"
vips copy "$pd/srgb.v" "$pd/shop.webp[Q=80]"
exiftool -q -overwrite_original -GPSLatitude=32.0421 -GPSLongitude=112.1446 \
    -Make=Huawei "$pd/shop.webp" 2>/dev/null
# What is refused: text named .jpg, a JPEG cut in half, 9 MB, and a PNG
# of a few bytes declaring 20000x20000 pixels.
printf '这不是照片，只是文字。\n' > "$pd/notes.jpg"
head -c $(( $(stat -c %s "$pd/camera.jpg") / 2 )) "$pd/camera.jpg" > "$pd/cut.jpg"
{ head -c 2000 "$pd/camera.jpg"; head -c 9000000 /dev/zero; } > "$pd/big.jpg"
python3 - "$pd/bomb.png" <<'PY'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"\0" * 60001)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
check "photos: test images made" [ -s "$pd/camera.jpg" ] && [ -s "$pd/alpha.png" ] &&
    [ -s "$pd/shop.webp" ] && [ -s "$pd/bomb.png" ]
check "photos: the camera photo carries GPS" sh -c \
    "exiftool -s -s -s -GPSLatitude '$pd/camera.jpg' | grep -q 32"

# ph_form: GET the form; sets $token.
ph_form() {
	fetch_fresh /complaints/new
	token=$(sed -n 's/.*name="form_token" value="\([^"]*\)".*/\1/p' "$BUILD/b.txt" | head -n 1)
}
# The good fields of a complaint about outlet 1 (county 420607).
ph_fields() {
	printf '%s\n' "form_token=$1" "outlet=1" "category=overcharge" \
	    "description=照片为证：网点加收送货费。" "name=王五" \
	    "phone=13912345678" "region=420607001" "consent=1" "action=submit"
}
# The program's hourly limit per address, started again.
ph_reset() { sql "UPDATE complaint SET submit_address = 'earlier'"; }
# ph_track FIELD=VALUE...: the tracking form, posted as a browser does.
ph_track() {
	local args=() f
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	status=$(curl -s -X POST -D "$BUILD/h.txt" -o "$BUILD/b.txt" \
	    -w '%{http_code}' --max-time 10 "${args[@]}" "$BASE/complaints/track")
}

# ppost TOKEN [--set FIELD=VALUE...] [curl arguments...]: the complaint
# form as a browser sends it with files chosen: multipart, every good
# field once (as set), then the files.
ppost() {
	local t=$1 f k args=()
	shift
	local -A over=()
	while [ "${1-}" = --set ]; do
		over[${2%%=*}]=${2#*=}
		shift 2
	done
	while IFS= read -r f; do
		k=${f%%=*}
		[ -n "${over[$k]+x}" ] && f="$k=${over[$k]}"
		args+=(--form-string "$f")
	done < <(ph_fields "$t")
	status=$(curl -s -D "$BUILD/h.txt" -o "$BUILD/b.txt" -w '%{http_code}' \
	    --max-time 30 "${args[@]}" "$@" "$BASE/complaints")
}
# The form came back with the text typed and the note to choose again.
form_kept() {
	grep -q '照片为证：网点加收送货费。' "$BUILD/b.txt" &&
	    grep -q 'value="王五"' "$BUILD/b.txt" &&
	    grep -q 'value="13912345678"' "$BUILD/b.txt" &&
	    grep -q '请重新选择照片' "$BUILD/b.txt"
}
# refused NAME STATUS MESSAGE [curl arguments...]
refused() {
	local name=$1 want=$2 msg=$3 before
	shift 3
	ph_reset
	before=$(sql "SELECT COUNT(*) FROM complaint")
	ph_form
	ppost "$token" "$@"
	check "photos: $name: $status, want $want" [ "$status" = "$want" ]
	check "photos: $name: says '$msg'" grep -qF -- "$msg" "$BUILD/b.txt"
	check "photos: $name: the form with the text kept" form_kept
	check "photos: $name: nothing filed" \
	    [ "$(sql "SELECT COUNT(*) FROM complaint")" = "$before" ]
}

refused "not an image" 415 "只能上传 JPEG、PNG 或 WebP 格式的照片" \
    -F "photo=@$pd/notes.jpg;type=image/jpeg"
refused "a truncated JPEG" 400 "照片文件不完整或已损坏" \
    -F "photo=@$pd/cut.jpg;type=image/jpeg"
refused "a fourth photo" 400 "最多上传 3 张照片" \
    -F "photo=@$pd/alpha.png" -F "photo=@$pd/alpha.png" \
    -F "photo=@$pd/alpha.png" -F "photo=@$pd/alpha.png"
refused "over 8 MB" 413 "每张照片不能超过 8 MB" \
    -F "photo=@$pd/big.jpg;type=image/jpeg"
refused "a decompression bomb" 400 "超过 4000 万像素" \
    -F "photo=@$pd/bomb.png;type=image/png"
refused "the second of two bad" 400 "第 2 张照片" \
    -F "photo=@$pd/alpha.png" -F "photo=@$pd/cut.jpg"
# A text field wrong: the photos too are to be chosen again.
ph_reset
ph_form
ppost "$token" --set phone=12 -F "photo=@$pd/alpha.png"
check "photos: a bad phone with a photo: 400 ($status)" [ "$status" = 400 ]
check "photos: ... and the note to choose it again" grep -q '请重新选择照片' "$BUILD/b.txt"
# The region step with a photo chosen files nothing and says so too.
ph_form
ppost "$token" --set action=region -F "photo=@$pd/alpha.png"
check "photos: the region step: $status, the note" \
    [ "$status" = 200 ] && grep -q '请重新选择照片' "$BUILD/b.txt"
# Over the whole body's limit nginx answers itself; elsewhere than the
# form, multipart is refused by the program.
head -c 27000000 /dev/zero > "$pd/huge.jpg"
ph_form
ppost "$token" -F "photo=@$pd/huge.jpg;type=image/jpeg"
check "photos: a 27 MB body: 413 from nginx ($status)" [ "$status" = 413 ]
status=$(curl -s -o /dev/null -w '%{http_code}' -F "no=ABCD-EFGH" -F "code=X" \
    "$BASE/complaints/track")
check "photos: multipart to tracking refused ($status)" [ "$status" = 415 ]
rm -f "$pd/huge.jpg"

# The good filing: three photos with a complaint about outlet 1 (420607).
ph_reset
ph_form
ppost "$token" -F "photo=@$pd/camera.jpg;type=image/jpeg" \
    -F "photo=@$pd/alpha.png;type=image/png" -F "photo=@$pd/shop.webp"
check "photos: filed with three photos ($status)" [ "$status" = 200 ] &&
    grep -q '已收到 3 张' "$BUILD/b.txt"
p_no=$(sed -n 's/.*class="code">\([0-9A-Z]\{4\}-[0-9A-Z]\{4\}\)<.*/\1/p' "$BUILD/b.txt" | head -n 1)
p_code=$(sed -n 's/.*class="code">\([0-9A-Z]\{8\}\)<.*/\1/p' "$BUILD/b.txt" | head -n 1)
p_id=$(sql "SELECT id FROM complaint WHERE tracking_no = '$p_no'")
check "photos: receipt $p_no / $p_code, complaint $p_id" [ -n "$p_id" ] && [ ${#p_code} = 8 ]
check "photos: three kept, in the order sent" [ "$(sql "SELECT GROUP_CONCAT(seq
    ORDER BY seq) FROM complaint_photo WHERE complaint_id = '$p_id'")" = "1,2,3" ]
# The same form sent again files nothing more.
ppost "$token" -F "photo=@$pd/camera.jpg;type=image/jpeg" \
    -F "photo=@$pd/alpha.png;type=image/png" -F "photo=@$pd/shop.webp"
check "photos: a resend shows the receipt, keeps no more photos" \
    [ "$status" = 200 ] && [ "$(sql "SELECT COUNT(*) FROM complaint_photo
    WHERE complaint_id = '$p_id'")" = 3 ]
# The multipart form without photos files as the urlencoded one does.
ph_reset
ph_form
ppost "$token"
check "photos: multipart without photos files ($status)" [ "$status" = 200 ] &&
    grep -q '受理编号' "$BUILD/b.txt" && [ "$(grep -c '已收到 .* 张' "$BUILD/b.txt")" = 0 ]

# For the issue's note: each photo before and after.
i=0
for f in camera.jpg alpha.png shop.webp; do
	i=$((i + 1))
	echo "photos: $f $(vipsheader -f width "$pd/$f")x$(vipsheader -f height "$pd/$f") $(stat -c %s "$pd/$f") bytes -> $(sql "SELECT CONCAT(width, 'x', height, ' ', size, ' bytes') FROM complaint_photo WHERE complaint_id = '$p_id' AND seq = $i")"
done

# photo_clean FILE LABEL: an upright JPEG of at most 1600 px with no
# EXIF, GPS, XMP, IPTC, ICC profile or comment left.
photo_clean() {
	local f=$1 l=$2 w h groups
	w=$(exiftool -s -s -s -ImageWidth "$f")
	h=$(exiftool -s -s -s -ImageHeight "$f")
	groups=$(exiftool -a -G1 -s "$f" | grep -Ev '^\[(ExifTool|System|File|JFIF|Composite)\]' | head -n 3)
	check "photos: $l is a JPEG" [ "$(exiftool -s -s -s -FileType "$f")" = JPEG ]
	check "photos: $l at most 1600 px (${w}x$h)" [ -n "$w" ] && [ "$w" -le 1600 ] && [ "$h" -le 1600 ]
	check "photos: $l has no metadata left: '$groups'" [ -z "$groups" ]
	check "photos: $l has no GPS" [ -z "$(exiftool -s -s -s -GPS:all -XMP:all -Make -Comment "$f")" ]
}

# The tracking page: the photos, linked for a while, only with the code.
ph_track "no=$p_no" "code=$p_code"
check "photos: tracked ($status)" [ "$status" = 200 ] && grep -q '您提交的照片' "$BUILD/b.txt"
p_urls=$(grep -o '/complaints/photos/[0-9]*?t=[0-9A-Za-z._-]*' "$BUILD/b.txt" | sort -u)
check "photos: three links on the tracking page" [ "$(printf '%s\n' "$p_urls" | grep -c .)" = 3 ]
p_first=$(printf '%s\n' "$p_urls" | head -n 1)
i=0
for u in $p_urls; do
	i=$((i + 1))
	status=$(curl -s -D "$BUILD/h.txt" -o "$pd/tracked-$i.jpg" -w '%{http_code}' "$BASE$u")
	check "photos: tracked photo $i: $status" [ "$status" = 200 ]
	check "photos: tracked photo $i: image/jpeg, private, no-store, nosniff, no-referrer" \
	    grep -qi '^content-type: image/jpeg' "$BUILD/h.txt" &&
	    grep -qi '^cache-control: private, no-store' "$BUILD/h.txt" &&
	    grep -qi '^x-content-type-options: nosniff' "$BUILD/h.txt" &&
	    grep -qi '^referrer-policy: no-referrer' "$BUILD/h.txt"
	photo_clean "$pd/tracked-$i.jpg" "tracked photo $i"
done
check "photos: the camera photo turned upright by its orientation" \
    [ "$(sql "SELECT CONCAT(width, 'x', height) FROM complaint_photo WHERE
    complaint_id = '$p_id' AND seq = 1")" = 1200x1600 ]
p_photo=$(sql "SELECT MIN(id) FROM complaint_photo WHERE complaint_id = '$p_id'")
p_token=${p_first#*\?t=}
expect GET "/complaints/photos/$p_photo" 404 ""
expect GET "/complaints/photos/$p_photo?t=" 404 ""
# The token with its last character changed (to B when it is an A).
[ "${p_token: -1}" = A ] && p_other=B || p_other=A
expect GET "/complaints/photos/$p_photo?t=${p_token%?}$p_other" 404 ""
expect GET "/complaints/photos/$((p_photo + 1))?t=$p_token" 404 ""
# A link signed for a time already past, or too far ahead, is dead.
p_sign() {
	python3 -c 'import hashlib, base64, sys
key = open(sys.argv[1]).read().strip().encode()[:64]
msg = ("complaint-photo:%s:%s:%s" % (sys.argv[2], sys.argv[3], sys.argv[4])).encode()
mac = hashlib.blake2b(msg, key=key, digest_size=24).digest()
print(sys.argv[4] + "." + base64.urlsafe_b64encode(mac).decode().rstrip("="))' \
	    "$VAR/secret/app-secret" "$p_photo" "$p_id" "$1"
}
now=$(date +%s)
check "photos: a link signed here works" sh -c \
    "curl -s -o /dev/null -w '%{http_code}' '$BASE/complaints/photos/$p_photo?t=$(p_sign $((now + 600)))' | grep -q 200"
expect GET "/complaints/photos/$p_photo?t=$(p_sign $((now - 5)))" 404 ""
expect GET "/complaints/photos/$p_photo?t=$(p_sign $((now + 86400)))" 404 ""
ph_track "no=$p_no" "code=WRONGCOD"
check "photos: a wrong code shows no photo ($status)" [ "$status" = 404 ] &&
    [ "$(grep -c '/complaints/photos/' "$BUILD/b.txt")" = 0 ]
check "photos: the access log keeps no photo token" \
    sh -c "! grep -q 'photos/[0-9]*?t=' '$VAR/log/nginx-access.log'"

# Staff: the county's handler sees them; another county's does not.
echo "Photo-2009-ok" | staff_cli add photo_h handler 420607 >/dev/null
echo "Photo-2009-ok" | staff_cli add photo_x handler 420606 >/dev/null
login photo_h Photo-2009-ok
login photo_x Photo-2009-ok
sfetch photo_h GET "/staff/complaints/$p_id"
check "photos: the county's handler sees three thumbnails ($status)" [ "$status" = 200 ] &&
    [ "$(grep -o "/staff/complaints/$p_id/photo?p=[0-9]*" "$BUILD/b.txt" | sort -u | wc -l)" = 3 ]
sfetch photo_h GET "/staff/complaints/$p_id/photo?p=$p_photo"
cp "$BUILD/b.txt" "$pd/staff.jpg"
check "photos: ... and the photo ($status)" [ "$status" = 200 ] &&
    grep -qi '^content-type: image/jpeg' "$BUILD/h.txt" &&
    grep -qi '^cache-control: private, no-store' "$BUILD/h.txt"
photo_clean "$pd/staff.jpg" "staff photo"
# A photo of another complaint, asked for through this one's path.
other_c=$(sql "SELECT MAX(id) FROM complaint WHERE id <> '$p_id'")
sql "INSERT INTO complaint_photo (complaint_id, seq, data, size, width, height,
    created_at) VALUES ('$other_c', 1, 'another', 7, 1, 1, NOW())"
other=$(sql "SELECT id FROM complaint_photo WHERE complaint_id = '$other_c'")
sfetch photo_h GET "/staff/complaints/$p_id/photo?p=$other"
check "photos: another complaint's photo through this one: 404 ($status)" [ "$status" = 404 ]
sfetch photo_x GET "/staff/complaints/$p_id/photo?p=$p_photo"
check "photos: another county's handler: 403/404 ($status)" \
    [ "$status" = 404 ] || [ "$status" = 403 ]
check "photos: ... and no image" sh -c "! grep -qi '^content-type: image' '$BUILD/h.txt'"
sfetch none GET "/staff/complaints/$p_id/photo?p=$p_photo"
check "photos: signed out: no photo ($status)" [ "$status" != 200 ]

# Staff take in a letter with its photo: cleaned and kept the same way; a
# broken one gives the form back with what was typed.
ph_intake() {
	sfetch photo_h POST /staff/complaints/new \
	    --form-string "csrf=$(csrf_of photo_h)" \
	    --form-string "form_token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-43)" \
	    --form-string channel=letter --form-string name=赵六 \
	    --form-string phone=13812345678 --form-string region=420607001 \
	    --form-string outlet=1 --form-string category=overcharge \
	    --form-string "description=来信反映：彩电加收送货费，附照片。" "$@"
}
ph_intake -F "photo=@$pd/camera.jpg;type=image/jpeg"
i_no=$(sed -n 's/.*class="code">\([0-9A-Z]\{4\}-[0-9A-Z]\{4\}\)<.*/\1/p' "$BUILD/b.txt" | head -n 1)
i_id=$(sql "SELECT id FROM complaint WHERE tracking_no = '$i_no'")
check "photos: staff intake with a photo ($status, $i_no)" [ "$status" = 200 ] && [ -n "$i_id" ]
check "photos: ... kept upright, at most 1600 px" [ "$(sql "SELECT CONCAT(width, 'x',
    height) FROM complaint_photo WHERE complaint_id = '$i_id'")" = 1200x1600 ]
ph_intake -F "photo=@$pd/cut.jpg;type=image/jpeg"
check "photos: staff intake, a truncated photo: 400 ($status)" [ "$status" = 400 ] &&
    grep -q '照片文件不完整或已损坏' "$BUILD/b.txt" &&
    grep -q '来信反映：彩电加收送货费，附照片。' "$BUILD/b.txt" &&
    grep -q '请重新选择照片' "$BUILD/b.txt"
