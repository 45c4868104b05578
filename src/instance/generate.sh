# shellcheck shell=bash
# `instance.sh generate`: a generated national-size directory (enterprises,
# outlets, products) loaded into the instance, replaced with FORCE=1, then
# its activity (activity.sh). Sourced by src/instance.sh.

# Generated outlets have registration numbers G<county>-<seq>; hand-made and
# demo ones never start with G.
GEN_OUTLETS="is_demo = 1 AND reg_no LIKE 'G%'"

since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }'; }

# Fills the instance with a generated national-size dataset (all is_demo = 1).
# $VAR/generated keeps the id ranges it took, so that FORCE=1 removes exactly
# those enterprises and products; it is written before loading so that a
# failed load can be cleaned up the same way.
cmd_generate() {
	local outlets=${OUTLETS:-200000} enterprises=${ENTERPRISES:-1000}
	local products=${PRODUCTS:-20000} seed=${SEED:-1} force=${FORCE:-0}
	local dir="$VAR/tmp/gen" mark="$VAR/generated" v n t t0
	local e_base o_base p_base e_lo e_hi p_lo p_hi
	local n_ent n_out n_cat n_prod n_osearch n_psearch
	for v in "$outlets" "$enterprises" "$products"; do
		case "$v" in ''|*[!0-9]*)
			die "OUTLETS, ENTERPRISES and PRODUCTS must be numbers" ;;
		esac
	done
	case "$seed" in ''|*[!A-Za-z0-9_-]*)
		die "SEED must be letters, digits, - or _" ;;
	esac
	t0=$EPOCHREALTIME
	cmd_init

	n=$(MYSQL -N "$DB_NAME" -e "SELECT COUNT(*) FROM outlet WHERE $GEN_OUTLETS")
	if [ "$n" != 0 ] || [ -f "$mark" ]; then
		if [ "$force" != 1 ]; then
			say "generated data already present ($n generated outlets);" \
			    "FORCE=1 replaces it"
			generate_activity
			return 0
		fi
		remove_activity
		[ -f "$mark" ] || die "generated outlets exist but $mark is missing;" \
		    "cannot tell generated enterprises and products from others"
		e_lo=0 e_hi=-1 p_lo=0 p_hi=-1
		# shellcheck disable=SC1090
		. "$mark"
		say "removing the earlier generated data"
		t=$EPOCHREALTIME
		# Deleting row by row from the bigram indexes takes minutes when
		# most rows go, so empty the search tables and refill them for the
		# rows that stay: a no-op UPDATE fires the search triggers again.
		v=0
		MYSQL "$DB_NAME" -e "
		    DELETE FROM outlet_category WHERE outlet_id IN
		      (SELECT id FROM outlet WHERE $GEN_OUTLETS);
		    TRUNCATE outlet_search;
		    TRUNCATE product_search;
		    DELETE FROM outlet WHERE $GEN_OUTLETS;
		    DELETE FROM enterprise
		      WHERE is_demo = 1 AND id BETWEEN $e_lo AND $e_hi;
		    DELETE FROM product
		      WHERE is_demo = 1 AND id BETWEEN $p_lo AND $p_hi" || v=1
		MYSQL "$DB_NAME" -e "UPDATE outlet SET name = name;
		    UPDATE product SET model = model" ||
		    die "could not refill outlet_search and product_search"
		[ "$v" = 0 ] || die "could not remove the earlier generated data"
		rm -f "$mark"
		say "removed in $(since "$t")"
	fi

	v=$(MYSQL -N "$DB_NAME" -e "SELECT
	    (SELECT COALESCE(MAX(id), 0) FROM enterprise),
	    (SELECT COALESCE(MAX(id), 0) FROM outlet),
	    (SELECT COALESCE(MAX(id), 0) FROM product)") || die "database query failed"
	read -r e_base o_base p_base <<< "$v"
	say "generating $outlets outlets, $enterprises enterprises," \
	    "$products products (seed $seed)"
	t=$EPOCHREALTIME
	rm -rf "$dir"
	node "$ROOT/sql/generate.mjs" --outdir "$dir" --outlets "$outlets" \
	    --enterprises "$enterprises" --products "$products" \
	    --outlet-base "$o_base" --enterprise-base "$e_base" \
	    --product-base "$p_base" --seed "$seed" ||
	    die "the generator failed"
	say "generated in $(since "$t")"

	printf 'e_lo=%s e_hi=%s p_lo=%s p_hi=%s\n' "$((e_base + 1))" \
	    "$((e_base + enterprises))" "$((p_base + 1))" \
	    "$((p_base + products))" > "$mark"
	# Checks are off for speed: the generator keeps keys unique and
	# references valid, and the counts are compared below.
	MYSQL --local-infile=1 --unbuffered --show-warnings -N "$DB_NAME" <<-SQL ||
	SET foreign_key_checks = 0;
	SET unique_checks = 0;
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/enterprise.tsv' INTO TABLE enterprise
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, name, bid_batch, phone, is_demo);
	SELECT CONCAT('jdxx: loaded enterprise: ', ROW_COUNT(), ' rows in ',
	  ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/outlet.tsv' INTO TABLE outlet
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, reg_no, name, enterprise_id, mode, region_code, address, phone,
	   services, status, status_since, status_reason, registered_on, is_demo);
	SELECT CONCAT('jdxx: loaded outlet (with outlet_search): ', ROW_COUNT(),
	  ' rows in ', ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/outlet_category.tsv' INTO TABLE outlet_category
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (outlet_id, category_code);
	SELECT CONCAT('jdxx: loaded outlet_category: ', ROW_COUNT(), ' rows in ',
	  ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SET @t = NOW(6);
	LOAD DATA LOCAL INFILE '$dir/product.tsv' INTO TABLE product
	  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\t'
	  (id, category_code, brand, manufacturer, model, spec, bid_price_fen,
	   bid_batch, status, is_demo);
	SELECT CONCAT('jdxx: loaded product (with product_search): ', ROW_COUNT(),
	  ' rows in ', ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1), ' s');
	SQL
	    die "loading failed; the files are in $dir; FORCE=1 cleans up"

	# LOAD DATA LOCAL only warns about rows it skips, so count them.
	v=$(MYSQL -N "$DB_NAME" -e "SELECT
	    (SELECT COUNT(*) FROM enterprise WHERE id > $e_base),
	    (SELECT COUNT(*) FROM outlet WHERE $GEN_OUTLETS),
	    (SELECT COUNT(*) FROM outlet_category WHERE outlet_id > $o_base),
	    (SELECT COUNT(*) FROM product WHERE id > $p_base)") ||
	    die "database query failed"
	read -r n_ent n_out n_cat n_prod <<< "$v"
	[ "$n_ent" = "$(wc -l < "$dir/enterprise.tsv")" ] &&
	[ "$n_out" = "$(wc -l < "$dir/outlet.tsv")" ] &&
	[ "$n_cat" = "$(wc -l < "$dir/outlet_category.tsv")" ] &&
	[ "$n_prod" = "$(wc -l < "$dir/product.tsv")" ] ||
	    die "loaded rows differ from the files in $dir (enterprise $n_ent," \
	    "outlet $n_out, outlet_category $n_cat, product $n_prod); FORCE=1 cleans up"
	rm -rf "$dir"
	# The site now holds fictional records: show the demo banner.
	if [ ! -f "$VAR/demo" ]; then
		touch "$VAR/demo"
		write_configs
		say "marked the site as a demo site; restart it to show the banner"
	fi

	# Fresh statistics so the first queries get good plans.
	t=$EPOCHREALTIME
	MYSQL "$DB_NAME" -e "ANALYZE TABLE enterprise, outlet, outlet_category,
	    product" > /dev/null
	say "updated index statistics in $(since "$t")"

	v=$(MYSQL -N "$DB_NAME" -e "SELECT (SELECT COUNT(*) FROM outlet),
	    (SELECT COUNT(*) FROM outlet_search), (SELECT COUNT(*) FROM product),
	    (SELECT COUNT(*) FROM product_search)") || die "database query failed"
	read -r n_out n_osearch n_prod n_psearch <<< "$v"
	MYSQL -t "$DB_NAME" -e "
	    SELECT 'enterprise' AS \`table\`, COUNT(*) AS \`rows\`,
	      SUM(id > $e_base) AS \`generated\` FROM enterprise
	    UNION ALL SELECT 'outlet', COUNT(*), SUM($GEN_OUTLETS) FROM outlet
	    UNION ALL SELECT 'outlet_category', COUNT(*), SUM(outlet_id > $o_base)
	      FROM outlet_category
	    UNION ALL SELECT 'outlet_search', COUNT(*), SUM(outlet_id > $o_base)
	      FROM outlet_search
	    UNION ALL SELECT 'product', COUNT(*), SUM(id > $p_base) FROM product
	    UNION ALL SELECT 'product_search', COUNT(*), SUM(product_id > $p_base)
	      FROM product_search"
	[ "$n_out" = "$n_osearch" ] && [ "$n_prod" = "$n_psearch" ] ||
	    die "search tables out of step: outlet $n_out, outlet_search" \
	    "$n_osearch, product $n_prod, product_search $n_psearch"
	say "search tables in step"
	generate_activity
	say "done in $(since "$t0")"
}
