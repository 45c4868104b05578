<?cs include:"macros.cs" ?>
<h1><?cs if:Notice.id ?>编辑通知<?cs else ?>新建通知<?cs /if ?></h1>
<?cs if:Notice.id ?><p>状态：<strong><?cs if:Notice.status == "published" ?>已发布（<?cs var:Notice.published ?>）<?cs elif:Notice.status == "draft" ?>草稿<?cs else ?>已撤回<?cs /if ?></strong> · 第 <?cs var:Notice.version ?> 版<?cs if:Notice.status == "published" ?> · <a href="/notices/<?cs var:Notice.id ?>">查看公开页面</a><?cs /if ?></p>
<form action="/staff/notices/<?cs var:Notice.id ?>/status" method="post" class="inline-actions">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<?cs if:Notice.status != "published" ?><button type="submit" name="status" value="published">发布</button><?cs /if ?>
<?cs if:Notice.status == "published" ?><button type="submit" name="status" value="withdrawn">撤回</button><?cs /if ?>
<?cs if:Notice.status == "withdrawn" ?><button type="submit" name="status" value="draft">转为草稿</button><?cs /if ?>
</form><?cs /if ?>
<?cs if:Preview.body_html ?><section class="preview" aria-labelledby="preview-title"><h2 id="preview-title">预览（尚未保存）</h2>
<h3><?cs var:Form.title ?></h3>
<div class="body"><?cs # cmark output with raw HTML removed (src/notice.c) ?><?cs uvar:Preview.body_html ?></div></section><?cs /if ?>
<?cs call:error_summary() ?>
<form action="/staff/notices/<?cs if:Notice.id ?><?cs var:Notice.id ?><?cs else ?>new<?cs /if ?>" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="kind">类别</label>
<select id="kind" name="kind"<?cs if:Errors.kind ?> aria-invalid="true" aria-describedby="kind-error"<?cs /if ?>><option value="">请选择</option>
<option value="policy"<?cs if:Form.kind == "policy" ?> selected<?cs /if ?>>政策文件</option>
<option value="notice"<?cs if:Form.kind == "notice" ?> selected<?cs /if ?>>通知公告</option>
<option value="guide"<?cs if:Form.kind == "guide" ?> selected<?cs /if ?>>办事指南</option>
<option value="exposure"<?cs if:Form.kind == "exposure" ?> selected<?cs /if ?>>曝光通报</option>
</select><?cs call:field_error("kind") ?></div>
<div class="field"><label for="title">标题</label>
<input id="title" name="title" maxlength="200" required value="<?cs var:Form.title ?>"<?cs if:Errors.title ?> aria-invalid="true" aria-describedby="title-error"<?cs /if ?>><?cs call:field_error("title") ?></div>
<div class="field"><label for="issuer">发文机关</label>
<input id="issuer" name="issuer" maxlength="100" required value="<?cs var:Form.issuer ?>"<?cs if:Errors.issuer ?> aria-invalid="true" aria-describedby="issuer-error"<?cs /if ?>><?cs call:field_error("issuer") ?></div>
<div class="field"><label for="doc_no">文号（可不填）</label>
<input id="doc_no" name="doc_no" maxlength="64" value="<?cs var:Form.doc_no ?>"><?cs call:field_error("doc_no") ?></div>
<div class="field"><label for="issued_on">发文日期</label>
<input id="issued_on" name="issued_on" type="date" value="<?cs var:Form.issued_on ?>"<?cs if:Errors.issued_on ?> aria-invalid="true" aria-describedby="issued_on-error"<?cs /if ?>><?cs call:field_error("issued_on") ?></div>
<div class="field"><label for="region">所属地区代码（不填为全市通用）</label>
<input id="region" name="region" maxlength="6" inputmode="numeric" value="<?cs var:Form.region ?>"<?cs if:Errors.region ?> aria-invalid="true" aria-describedby="region-error"<?cs /if ?>><?cs call:field_error("region") ?></div>
<div class="field"><label for="body">正文（CommonMark 格式：空行分段，“- ”开头为列表，“## ”开头为小标题）</label>
<textarea id="body" name="body" rows="16"<?cs if:Errors.body ?> aria-invalid="true" aria-describedby="body-error"<?cs /if ?>><?cs var:Form.body ?></textarea><?cs call:field_error("body") ?></div>
<?cs if:Notice.status == "published" ?><div class="field"><label for="change_note">修改说明（已发布的通知必填，公开显示）</label>
<input id="change_note" name="change_note" maxlength="200" value="<?cs var:Form.change_note ?>"<?cs if:Errors.change_note ?> aria-invalid="true" aria-describedby="change_note-error"<?cs /if ?>><?cs call:field_error("change_note") ?></div><?cs /if ?>
<button type="submit" name="action" value="preview">预览</button>
<button type="submit" name="action" value="save">保存</button>
</form>
<?cs if:Notice.id ?><h2>附件</h2>
<?cs if:subcount(Attachments) > 0 ?><ul class="attachments"><?cs each:a = Attachments ?><li><?cs var:a.filename ?>（<?cs var:a.size_kb ?> KB，<?cs var:a.content_type ?>）
<form action="/staff/attachments/<?cs var:a.id ?>/delete" method="post" class="inline"><input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>"><button type="submit" class="link">删除</button></form></li><?cs /each ?></ul><?cs /if ?>
<form action="/staff/notices/<?cs var:Notice.id ?>/attachments" method="post" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="file">上传附件（PDF、Word、Excel、JPEG、PNG，最大 8 MB）</label>
<input id="file" name="file" type="file" accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png"<?cs if:Errors.file ?> aria-invalid="true" aria-describedby="file-error"<?cs /if ?>><?cs call:field_error("file") ?></div>
<button type="submit">上传</button>
</form><?cs /if ?>
