# The public and the files of notices: a draft's, and one whose
# publication time has not come, answer the public 404 page until the
# notice is public (published and due), then the file itself.

# pa_status NOTICE STATUS WHEN: the notice's status and publication time
# (SQL: NULL, NOW() + INTERVAL 1 DAY ...).
pa_status() {
	sql "UPDATE notice SET status = '$2', published_at = $3 WHERE id = $1"
}
# pa_hidden NAME: the file and its notice answer 404, and no byte of it.
pa_hidden() {
	expect GET "/attachments/$pa_aid" 404 "找不到这个页面"
	check "$1: no byte of the file" sh -c "! grep -q 'PDF' '$BUILD/b.txt'"
	fetch HEAD "/attachments/$pa_aid"
	check "$1: HEAD $status" [ "$status" = 404 ]
	expect GET "/notices/$pa_nid" 404 "找不到这个页面"
}
# pa_shown NAME: the file, whole, as uploaded.
pa_shown() {
	fetch_fresh "/attachments/$pa_aid"
	check "$1: $status" [ "$status" = 200 ]
	check "$1: the same bytes" cmp -s "$BUILD/pa.pdf" "$BUILD/b.txt"
	check "$1: its type" grep -qi '^Content-Type: application/pdf' "$BUILD/h.txt"
}

printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' > "$BUILD/pa.pdf"
sql "INSERT INTO notice (kind, title, issuer, doc_no, body_md, status, is_demo)
    VALUES ('notice', '附件测试：未发布的通知（示例）', '测试', '', '正文', 'draft', 1)"
pa_nid=$(sql "SELECT MAX(id) FROM notice WHERE title = '附件测试：未发布的通知（示例）'")
sql "INSERT INTO attachment (notice_id, filename, content_type, size, sha256,
    data, created_at) SELECT $pa_nid, '未发布附件.pdf', 'application/pdf',
    LENGTH(d), SHA2(d, 256), d, NOW() FROM (SELECT
    FROM_BASE64('$(base64 -w0 "$BUILD/pa.pdf")') AS d) f"
pa_aid=$(sql "SELECT MAX(id) FROM attachment WHERE notice_id = $pa_nid")
check "attachment test: a file on a draft ($pa_nid/$pa_aid)" [ -n "$pa_aid" ]

pa_hidden "draft's file"
pa_status "$pa_nid" published "NOW() + INTERVAL 1 DAY"
pa_hidden "file of a notice due tomorrow"
# Due in two seconds: hidden now, the file once the time has come,
# though nothing is written then.
pa_status "$pa_nid" published "NOW() + INTERVAL 2 SECOND"
pa_hidden "file of a notice due in 2 s"
sleep 2.2
pa_shown "file once its notice is due"
expect GET "/notices/$pa_nid" 200 "未发布附件.pdf"
pa_status "$pa_nid" draft NULL
pa_hidden "file of a notice back to draft"
pa_status "$pa_nid" published "NOW()"
pa_shown "file of a notice published now"
pa_status "$pa_nid" withdrawn "NOW() - INTERVAL 1 MINUTE"
pa_hidden "file of a withdrawn notice"
sql "DELETE FROM attachment WHERE id = $pa_aid"
