# shellcheck shell=bash
# The generated activity on the generated outlets: complaints and notices,
# loaded once and removed again before a FORCE=1 generate. Uses GEN_OUTLETS
# and since from generate.sh. Sourced by src/instance.sh.

# Generated complaints and notices: $VAR/generated-activity keeps their id
# ranges, written before loading so that a failed load is removed the same way.
remove_activity() {
	local mark="$VAR/generated-activity" c_lo=0 c_hi=-1 n_lo=0 n_hi=-1
	[ -f "$mark" ] || return 0
	# shellcheck disable=SC1090
	. "$mark"
	say "removing the earlier generated complaints and notices"
	MYSQL "$DB_NAME" -e "
	    DELETE FROM complaint_event WHERE complaint_id BETWEEN $c_lo AND $c_hi;
	    DELETE FROM complaint WHERE is_demo = 1 AND id BETWEEN $c_lo AND $c_hi;
	    DELETE FROM notice_search WHERE notice_id BETWEEN $n_lo AND $n_hi;
	    DELETE FROM notice WHERE is_demo = 1 AND id BETWEEN $n_lo AND $n_hi" ||
	    die "could not remove the earlier generated complaints and notices"
	rm -f "$mark"
}

# Complaints about the generated outlets over the last two years, and notices.
generate_activity() {
	local complaints=${COMPLAINTS:-1000000} notices=${NOTICES:-2000}
	local seed=${SEED:-1} dir="$VAR/tmp/gen-activity"
	local mark="$VAR/generated-activity" v c_base n_base n_c n_n t
	for v in "$complaints" "$notices"; do
		case "$v" in ''|*[!0-9]*)
			die "COMPLAINTS and NOTICES must be numbers" ;;
		esac
	done
	if [ -f "$mark" ]; then
		say "generated complaints and notices already present"
		return 0
	fi
	v=$(MYSQL -N "$DB_NAME" -e "SELECT
	    (SELECT COALESCE(MAX(id), 0) FROM complaint),
	    (SELECT COALESCE(MAX(id), 0) FROM notice)") || die "database query failed"
	read -r c_base n_base <<< "$v"
	say "generating $complaints complaints and $notices notices"
	t=$EPOCHREALTIME
	rm -rf "$dir"
	mkdir -p "$dir"
	MYSQL -N "$DB_NAME" -e "SELECT id, region_code FROM outlet
	    WHERE $GEN_OUTLETS ORDER BY id" > "$dir/outlets.tsv" ||
	    die "database query failed"
	node "$ROOT/sql/generate-activity.mjs" --outdir "$dir" \
	    --outlets "$dir/outlets.tsv" --complaints "$complaints" \
	    --notices "$notices" --complaint-base "$c_base" \
	    --notice-base "$n_base" --today "$(TZ=Asia/Shanghai date +%F)" \
	    --seed "$seed" || die "the generator failed"
	printf 'c_lo=%s c_hi=%s n_lo=%s n_hi=%s\n' "$((c_base + 1))" \
	    "$((c_base + complaints))" "$((n_base + 1))" \
	    "$((n_base + notices))" > "$mark"
	MYSQL --local-infile=1 --unbuffered --show-warnings -N "$DB_NAME" <<-SQL ||
	SET foreign_key_checks = 0;
	SET unique_checks = 0;
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/complaint.tsv' INTO TABLE complaint
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, tracking_no, code_hash, status, category, name, phone, region_code,
	   outlet_id, outlet_region, purchase_date, product_category, description,
	   submitted_at, accept_due, accepted_at, resolve_due, resolved_at, is_demo);
	SELECT CONCAT('jdxx: loaded complaint: ', ROW_COUNT(), ' rows in ',
	  ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/notice.tsv' INTO TABLE notice
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, kind, title, issuer, doc_no, issued_on, body_md, status,
	   published_at, is_demo);
	SELECT CONCAT('jdxx: loaded notice (with notice_search): ', ROW_COUNT(),
	  ' rows in ', ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	ANALYZE TABLE complaint, notice;
	SQL
	    die "loading failed; the files are in $dir; FORCE=1 cleans up"
	v=$(MYSQL -N "$DB_NAME" -e "SELECT
	    (SELECT COUNT(*) FROM complaint WHERE id > $c_base),
	    (SELECT COUNT(*) FROM notice WHERE id > $n_base)") ||
	    die "database query failed"
	read -r n_c n_n <<< "$v"
	[ "$n_c" = "$complaints" ] && [ "$n_n" = "$notices" ] ||
	    die "loaded $n_c complaints and $n_n notices, not $complaints and" \
	    "$notices; FORCE=1 cleans up"
	rm -rf "$dir"
	say "complaints and notices in $(since "$t")"
}
