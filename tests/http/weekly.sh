# The weekly report from complaint_week_tally (sql/031) against the
# statement that scanned the complaints before it, kept here as the
# reference: five weeks of 2012 (W10 to W14) in which complaints are
# filed, accepted, rejected, transferred, escalated, resolved and
# reopened, step by step with back-dated SQL as the flow would leave
# them; every count of the CSV, for the nation, a province, a city and a
# county, cell for cell; again after the migration is run a second time.
# Tracking numbers WK00-NNNN; needs staff.sh's admin; removes its rows.

wk_sql() { mariadb --defaults-file="$VAR/my.cnf" -N jdxx; }

# wk_complaint NO CATEGORY REGION CHANNEL SUBMITTED ACCEPT_DUE: filed.
wk_complaint() {
	sql "INSERT INTO complaint (tracking_no, code_hash, category, status,
	    name, phone, region_code, outlet_region, description, submitted_at,
	    accept_due, channel) VALUES ('$1', SHA2('$1', 256), '$2',
	    'submitted', '周报测试', '13800000000', '$3', '$3', '周报测试用投诉',
	    '$5', '$6', '$4')"
}
# wk_set NO ASSIGNMENTS: a later step, as the flow's UPDATE leaves it.
wk_set() { sql "UPDATE complaint SET $2 WHERE tracking_no = '$1'"; }
# wk_step NO KIND AT REGION [TO]: a transfer's or a 督办's event.
wk_step() {
	sql "INSERT INTO complaint_event (complaint_id, at, kind, region,
	    to_region) SELECT id, '$3', '$2', '$4', NULLIF('${5:-}', '')
	    FROM complaint WHERE tracking_no = '$1'"
}

# W10 (5 to 11 March): three filed in 保康县, one in 谷城县, one in 湖南.
wk_complaint WK00-0001 overcharge 420626100 web '2012-03-05 09:00' 2012-03-08
wk_complaint WK00-0002 other 420626101 phone '2012-03-06 09:00' 2012-03-09
wk_complaint WK00-0003 no_service 420626100 web '2012-03-07 09:00' 2012-03-09
wk_complaint WK00-0004 fake_goods 420625100 letter '2012-03-09 23:30' 2012-03-12
wk_complaint WK00-0005 overcharge 430102001 hotline_12345 '2012-03-11 23:59' \
    2012-03-14
# Rejected the same week; 0001 accepted late, in W11.
wk_set WK00-0002 "status = 'rejected', resolved_at = '2012-03-08 10:00'"
wk_set WK00-0001 "status = 'accepted', accepted_at = '2012-03-12 00:00',
    resolve_due = '2012-03-26'"
# 0003 transferred to 谷城县 in W11, its accept clock started over.
wk_step WK00-0003 transferred '2012-03-13 10:00' 420626100 420625100
wk_set WK00-0003 "outlet_region = '420625100', accept_due = '2012-03-16'"
# W11: 0006 filed and never accepted: 督办 in W12, again in W13 (its
# step first written with the wrong time, then put right).
wk_complaint WK00-0006 false_promotion 420626100 visit '2012-03-12 08:00' \
    2012-03-15
wk_step WK00-0006 escalated '2012-03-20 01:00' 420626100
wk_step WK00-0006 escalated '2012-03-21 01:00' 420626100
sql "UPDATE complaint_event e JOIN complaint c ON c.id = e.complaint_id
    SET e.at = '2012-03-27 01:00' WHERE c.tracking_no = 'WK00-0006'
    AND e.at = '2012-03-21 01:00'"
# 0003 accepted in 谷城县 in W12, due in W13, never resolved.
wk_set WK00-0003 "status = 'accepted', accepted_at = '2012-03-20 09:00',
    resolve_due = '2012-03-28'"
# 0004 accepted on time, resolved in W12, reopened in W13 and resolved
# again in W14, past its new due date.
wk_set WK00-0004 "status = 'accepted', accepted_at = '2012-03-10 09:00',
    resolve_due = '2012-03-30'"
wk_set WK00-0004 "status = 'resolved', resolved_at = '2012-03-22 15:00'"
wk_set WK00-0004 "status = 'reopened', reopened = 1, resolved_at = NULL,
    resolve_due = '2012-03-29'"
wk_set WK00-0004 "status = 'resolved', resolved_at = '2012-04-05 09:00'"
# 0005 accepted and resolved on the last day of W12.
wk_set WK00-0005 "status = 'investigating', accepted_at = '2012-03-13 09:00',
    resolve_due = '2012-04-10'"
wk_set WK00-0005 "status = 'resolved', resolved_at = '2012-03-25 23:59'"
# 0001 resolved in W13, after its due date; its channel put right.
wk_set WK00-0001 "status = 'resolved', resolved_at = '2012-03-27 10:00'"
wk_set WK00-0001 "channel = 'phone'"
# 0007 filed in W13, transferred in W14 and escalated there.
wk_complaint WK00-0007 no_service 420626101 web '2012-03-26 09:00' 2012-03-29
wk_step WK00-0007 transferred '2012-04-02 09:00' 420626101 420625100
wk_set WK00-0007 "outlet_region = '420625100', accept_due = '2012-04-05'"
wk_step WK00-0007 escalated '2012-04-06 09:00' 420625100
wk_set WK00-0007 "category = 'overcharge'"
check "weekly rows inserted" [ "$(sql "SELECT COUNT(*) FROM complaint WHERE tracking_no LIKE 'WK00-%'")" = 7 ]

# The statement the report ran before complaint_week_tally, for the week
# [START, END) and REGION ('' for all): kind, category, channel, n.
wk_reference() {
	wk_sql <<EOF
SELECT 'received' AS k, c.category, c.channel, COUNT(*) FROM complaint c
WHERE c.submitted_at >= '$1' AND c.submitted_at < '$2'
AND c.outlet_region LIKE CONCAT('$3', '%') GROUP BY c.category, c.channel
UNION ALL SELECT 'accepted', c.category, c.channel, COUNT(*) FROM complaint c
WHERE c.accepted_at >= '$1' AND c.accepted_at < '$2'
AND c.outlet_region LIKE CONCAT('$3', '%') GROUP BY c.category, c.channel
UNION ALL SELECT 'rejected', c.category, c.channel, COUNT(*) FROM complaint c
WHERE c.resolved_at >= '$1' AND c.resolved_at < '$2' AND c.status = 'rejected'
AND c.outlet_region LIKE CONCAT('$3', '%') GROUP BY c.category, c.channel
UNION ALL SELECT 'resolved', c.category, c.channel, COUNT(*) FROM complaint c
WHERE c.resolved_at >= '$1' AND c.resolved_at < '$2'
AND c.accepted_at IS NOT NULL
AND c.outlet_region LIKE CONCAT('$3', '%') GROUP BY c.category, c.channel
UNION ALL SELECT e.kind, c.category, c.channel, COUNT(*)
FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id
WHERE e.kind IN ('escalated', 'transferred') AND e.at >= '$1' AND e.at < '$2'
AND ('$3' = '' OR e.region LIKE CONCAT('$3', '%'))
GROUP BY e.kind, c.category, c.channel
UNION ALL SELECT 'overdue', c.category, c.channel, COUNT(*) FROM complaint c
WHERE c.submitted_at < '$2' AND (
(c.accept_due < '$2' AND (c.accepted_at >= '$2' OR (c.accepted_at IS NULL
AND (c.resolved_at IS NULL OR c.resolved_at >= '$2')))) OR
(c.accepted_at < '$2' AND c.resolve_due < '$2' AND (c.resolved_at IS NULL
OR c.resolved_at >= '$2')))
AND c.outlet_region LIKE CONCAT('$3', '%') GROUP BY c.category, c.channel;
EOF
}

# wk_compare WHAT: the CSV of every region and week against the
# reference, cell for cell.
wk_compare() {
	local r w s e name out
	for r in '' 43 42 4206 420626 420625 420626101; do
		for w in 10 11 12 13 14; do
			s=$(sql "SELECT DATE('2012-01-02') + INTERVAL ($w - 1) WEEK")
			e=$(sql "SELECT DATE('$s') + INTERVAL 7 DAY")
			name="region=$r&week=2012-W$w"
			sfetch admin GET "/staff/reports/weekly?$name&format=csv"
			if [ "$status" != 200 ]; then
				check "$1 $name: $status" false
				continue
			fi
			wk_reference "$s" "$e" "$r" > "$BUILD/weekly-ref.txt"
			sql "SELECT code, name FROM complaint_category" \
			    > "$BUILD/weekly-cat.txt"
			out=$(python3 tests/http/weekly_compare.py "$BUILD/b.txt" \
			    "$BUILD/weekly-ref.txt" "$BUILD/weekly-cat.txt" 2>&1)
			check "$1 $name: ${out:-same}" [ -z "$out" ]
		done
	done
}

# The weeks must count something of every kind, or the test proves little.
check "every kind counted in the weeks" [ "$(wk_reference 2012-03-05 2012-04-09 '' | cut -f1 | sort -u | tr '\n' ' ')" = "accepted escalated overdue received rejected resolved transferred " ]
wk_compare "kept"
# The migration again: counted afresh, the same numbers.
mariadb --defaults-file="$VAR/my.cnf" jdxx < sql/031_complaint_week_tally.sql
check "migration runs again" [ $? = 0 ]
wk_compare "counted again"
# The provinces' sums, counted afresh from the townships' (sql/032).
mariadb --defaults-file="$VAR/my.cnf" jdxx < sql/032_complaint_week_province.sql
check "province migration runs again" [ $? = 0 ]
wk_compare "summed again"
check "the provinces' sums are the townships'" [ "$(sql "SELECT COUNT(*) FROM
    (SELECT week, kind, LEFT(region, 2) p, category, channel, SUM(n) n
    FROM complaint_week_tally GROUP BY 1, 2, 3, 4, 5) t
    LEFT JOIN complaint_week_province v ON v.week = t.week AND v.kind = t.kind
    AND v.province = t.p AND v.category = t.category AND v.channel = t.channel
    WHERE NOT v.n <=> t.n")" = 0 ]

sql "DELETE e FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id
    WHERE c.tracking_no LIKE 'WK00-%'"
sql "DELETE FROM complaint WHERE tracking_no LIKE 'WK00-%'"
check "removing them leaves nothing in their weeks" [ "$(sql "SELECT COUNT(*) FROM complaint_week_tally WHERE week BETWEEN '2012-02-27' AND '2012-04-02' AND n <> 0")" = 0 ]
check "nor in their provinces' sums" [ "$(sql "SELECT COUNT(*) FROM complaint_week_province WHERE week BETWEEN '2012-02-27' AND '2012-04-02' AND n <> 0")" = 0 ]
