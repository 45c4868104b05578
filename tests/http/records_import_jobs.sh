# Web imports as jobs: the upload answers with a redirect to the job's
# page, which refreshes itself and shows the rows going in until the
# result; all or nothing when the import fails or its worker dies; one
# import at a time per region; only the owner and admins see a job.
# Uses importer, importerx and imphandler from records_import.sh.

login importer Sheets-2009-ok;	check "importer signs in again: $status" [ "$status" = 303 ]
login importerx Sheets-2009-ok;	check "region importer signs in again: $status" [ "$status" = 303 ]
ci=$(csrf_of importer)
cx=$(csrf_of importerx)
ca=$(csrf_of admin)
jdir="$BUILD/jobs"
rm -rf "$jdir"
mkdir -p "$jdir"
sql "SELECT code FROM region WHERE level = 4 AND code LIKE '42%' ORDER BY code" > "$jdir/townships.txt"
sql "SELECT code FROM region WHERE level = 4 AND code LIKE '420607%' ORDER BY code" > "$jdir/county.txt"
jent=$(sql "SELECT name FROM enterprise WHERE name = '鄂北家电'")
orphans() { sql "SELECT COUNT(*) FROM outlet_search s LEFT JOIN outlet o ON o.id = s.outlet_id WHERE o.id IS NULL"; }
# Search rows of a failed import go once the answer is sent, about a
# millisecond each: waits up to 120 s for none to be left.
no_orphans() {
	local i
	for ((i = 0; i < 240; i++)); do
		[ "$(orphans)" = 0 ] && return 0
		sleep 0.5
	done
	return 1
}
# start USER CSRF FILE: posts an import without following it; $jid.
start() {
	sfetch "$1" POST /staff/outlets/import -F "csrf=$2" -F action=import \
	    -F "file=@$3;type=text/csv" --max-time 60
	jid=$(job_of_answer)
}

# 20,000 rows: the page passes through running to done.
outlet_rows "$jdir/ok.csv" 20000 JOB "$jent" "$jdir/townships.txt" 11 13970000000
outlet_rows "$jdir/region.csv" 20 JOBX "$jent" "$jdir/county.txt" 12 13980000000
start importer "$ci" "$jdir/ok.csv"
check "import answers with a redirect: $status" [ "$status" = 303 ]
check "to the job's page ($jid)" [ -n "$jid" ]
sfetch importer GET "/staff/imports/$jid"
check "running page: $status" [ "$status" = 200 ]
check "running page refreshes itself" grep -q '<meta http-equiv="refresh" content="2">' "$BUILD/b.txt"
check "running page has a progress bar" grep -q '<progress max="20000" value="[0-9]*"' "$BUILD/b.txt"
check "running page says the figure" grep -q '已导入 [0-9,]* / 20,000 行（[0-9]*%）' "$BUILD/b.txt"
check "running page is not cached" grep -qi '^Cache-Control: private, no-store' "$BUILD/h.txt"
# While it runs: another import over the same region is refused, with
# nothing written and the form given back.
upload importerx "$cx" /staff/outlets/import import "$jdir/region.csv"
check "second import in the region refused: $status" [ "$status" = 409 ]
check "refusal names the running job" grep -q "本地区已有一项导入正在进行（第 $jid 号）" "$BUILD/b.txt"
check "refusal gives the form back" grep -q 'name="file"' "$BUILD/b.txt"
check "refused: nothing written" [ "$(sql "SELECT COUNT(*) FROM outlet WHERE reg_no LIKE 'JOBX-%'")" = 0 ]
# Only the owner and admins see the job.
# A records account of another region does not learn the job exists.
sfetch importerx GET "/staff/imports/$jid"
check "another region's records account: not found ($status)" [ "$status" = 404 ]
echo "Sheets-2009-ok" | staff_cli add importer2 records >/dev/null
login importer2 Sheets-2009-ok
sfetch importer2 GET "/staff/imports/$jid"
check "another records account refused: $status" [ "$status" = 403 ]
check "refusal says who may see it" grep -q "只有提交这项导入的人和管理员能查看它" "$BUILD/b.txt"
sfetch imphandler GET "/staff/imports/$jid"
check "handler refused: $status" [ "$status" = 403 ]
sfetch none GET "/staff/imports/$jid"
check "signed out goes to sign-in: $status" [ "$status" = 303 ]
sfetch admin GET "/staff/imports/$jid"
check "admin sees it: $status" [ "$status" = 200 ]
sfetch importer GET "/staff/imports/999999"
check "unknown job: $status" [ "$status" = 404 ]
sfetch importer POST "/staff/imports/$jid" --data "csrf=$ci"
check "job page takes no post: $status" [ "$status" = 405 ]
job_wait importer "$jid"
check "done page: $status" [ "$status" = 200 ]
check "done page says how many" grep -q "已导入 20,000 家网点</strong>，用时 [0-9.]* 秒" "$BUILD/b.txt"
check "done page stops refreshing" sh -c "! grep -q 'http-equiv=\"refresh\"' '$BUILD/b.txt'"
check "figures went up while running ($(echo $job_seen | wc -w))" \
    awk 'NF == 3 && $1 > 0 && $1 < 20000 && $3 == int($1 * 100 / $2) { n++ } END { exit n < 2 }' <<<"$job_seen"
check "20,000 saved" [ "$(sql "SELECT COUNT(*) FROM outlet WHERE reg_no LIKE 'JOB-%'")" = 20000 ]
check "20,000 search rows" [ "$(sql "SELECT COUNT(*) FROM outlet_search s JOIN outlet o ON o.id = s.outlet_id WHERE o.reg_no LIKE 'JOB-%'")" = 20000 ]
check "job row done" [ "$(sql "SELECT CONCAT(state, ' ', imported, ' ', username) FROM import_job WHERE id = $jid")" = "done 20000 importer" ]
check "audited once" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'outlet_import' AND after_json LIKE '%\"file\":\"ok.csv\"%' AND after_json LIKE '%\"imported\":20000%'")" = 1 ]
# The region is free again.
upload importerx "$cx" /staff/outlets/import import "$jdir/region.csv"
check "next import in the region: $status" [ "$status" = 200 ]
check "next import done" grep -q "已导入 20 家网点" "$BUILD/b.txt"

# A registration number taken while the import runs: nothing imported.
outlet_rows "$jdir/taken.csv" 20000 TAKE "$jent" "$jdir/townships.txt" 13 13990000000
start importer "$ci" "$jdir/taken.csv"
check "second big import starts: $status" [ "$status" = 303 ]
last=$(tail -n 1 "$jdir/taken.csv" | cut -d, -f1)
twp=$(tail -n 1 "$jdir/taken.csv" | cut -d, -f5)
# The import's own writes may make it a deadlock's victim: try again
# while the job runs (up to 10 s).
for i in $(seq 1 200); do
	sql "INSERT INTO outlet (reg_no, name, enterprise_id, mode, region_code, address, status_since, registered_on) SELECT '$last', '抢先登记的店', id, 'direct', '$twp', '抢先路1号', '2009-05-01', '2009-05-01' FROM enterprise WHERE name = '鄂北家电'" 2>/dev/null && break
	[ "$(sql "SELECT state FROM import_job WHERE id = $jid")" = running ] || break
	sleep 0.05
done
job_wait importer "$jid"
check "failed page: $status" [ "$status" = 200 ]
check "failed page says nothing was imported" grep -q "导入失败，没有导入任何网点" "$BUILD/b.txt"
check "failed page says why" grep -q "已被别人登记" "$BUILD/b.txt"
check "failed page stops refreshing" sh -c "! grep -q 'http-equiv=\"refresh\"' '$BUILD/b.txt'"
check "failed: only the one registered meanwhile" [ "$(sql "SELECT COUNT(*) FROM outlet WHERE reg_no LIKE 'TAKE-%'")" = 1 ]
check "failed: no categories left" [ "$(sql "SELECT COUNT(*) FROM outlet_category c JOIN outlet o ON o.id = c.outlet_id WHERE o.reg_no LIKE 'TAKE-%'")" = 0 ]
check "failed: no search rows left, in the end" no_orphans
check "failed: not audited" [ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'outlet_import' AND after_json LIKE '%taken.csv%'")" = 0 ]
check "failed: job row" [ "$(sql "SELECT CONCAT(state, ' ', imported) FROM import_job WHERE id = $jid")" = "failed 0" ]

# The worker dies in the middle: the job shows as failed, not running
# for ever, and nothing of it stays.
outlet_rows "$jdir/dead.csv" 20000 DEAD "$jent" "$jdir/townships.txt" 14 13910000000
start importer "$ci" "$jdir/dead.csv"
check "third big import starts: $status" [ "$status" = 303 ]
for i in $(seq 1 100); do
	[ "$(sql "SELECT rows_done FROM import_job_progress WHERE job_id = $jid")" -gt 0 ] && break
	sleep 0.1
done
pid=$(sql "SELECT worker_pid FROM import_job WHERE id = $jid")
check "the job names its worker ($pid)" [ "${pid:-NULL}" != NULL ]
kill -9 "$pid"
sleep 0.5
job_wait importer "$jid"
check "dead worker: $status" [ "$status" = 200 ]
check "dead worker: shown as failed" grep -q "导入失败，没有导入任何网点" "$BUILD/b.txt"
check "dead worker: says why" grep -q "处理这项导入的程序中途停止了" "$BUILD/b.txt"
check "dead worker: nothing imported" [ "$(sql "SELECT COUNT(*) FROM outlet WHERE reg_no LIKE 'DEAD-%'")" = 0 ]
check "dead worker: job row" [ "$(sql "SELECT state FROM import_job WHERE id = $jid")" = failed ]
# A new worker took its place, and the region is free: the next import
# also sweeps the search rows the dead one left.
upload importer "$ci" /staff/outlets/import import "$jdir/region.csv"
check "import after the dead worker: $status" [ "$status" = 400 ]
check "its rows are all already registered" grep -q "备案编号已登记" "$BUILD/b.txt"
outlet_rows "$jdir/after.csv" 10 AFTER "$jent" "$jdir/county.txt" 15 13900000000
upload importer "$ci" /staff/outlets/import import "$jdir/after.csv"
check "import after the dead worker done: $status" [ "$status" = 200 ]
check "no search rows left of the dead job, in the end" no_orphans
expect GET "/outlets/check?q=AFTER-000009" 200 "是指定店"
check "township tallies after imports, failed ones too" tally_matches
check "cards after imports, failed ones too" card_matches
