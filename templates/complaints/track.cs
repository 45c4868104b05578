<?cs include:"macros.cs" ?>
<h1>投诉查询</h1>
<?cs if:Track.message ?><p class="<?cs if:Complaint.tracking_no ?>ok<?cs else ?>warn<?cs /if ?>" role="status"><?cs var:Track.message ?></p><?cs /if ?>
<?cs call:error_summary() ?>
<?cs if:Complaint.tracking_no ?><section class="complaint-status" aria-labelledby="status-title">
<h2 id="status-title">受理编号 <?cs var:Complaint.tracking_no ?>：<?cs var:Complaint.status_name ?><?cs call:demo_badge(Complaint) ?></h2>
<dl class="facts">
<dt>投诉类别</dt><dd><?cs var:Complaint.category_name ?></dd>
<dt>被投诉商店</dt><dd><?cs var:Complaint.outlet ?></dd>
<dt>提交时间</dt><dd><?cs var:Complaint.submitted_at ?></dd>
<?cs if:Complaint.status == "submitted" ?><dt>受理期限</dt><dd><?cs var:Complaint.accept_due ?></dd><?cs /if ?>
<?cs if:Complaint.status == "accepted" || Complaint.status == "investigating" || Complaint.status == "reopened" ?><dt>办结期限</dt><dd><?cs var:Complaint.resolve_due ?></dd><?cs /if ?>
<?cs if:Complaint.resolved_at ?><dt>办结时间</dt><dd><?cs var:Complaint.resolved_at ?></dd><?cs /if ?>
<?cs if:Complaint.satisfaction ?><dt>您的评价</dt><dd><?cs if:Complaint.satisfaction == "satisfied" ?>满意<?cs else ?>不满意<?cs /if ?></dd><?cs /if ?>
</dl>
<?cs if:Complaint.photos.0.url ?><h3>您提交的照片</h3>
<ul class="photos"><?cs each:ph = Complaint.photos ?><li><a href="<?cs var:ph.url ?>" rel="noreferrer"><img src="<?cs var:ph.url ?>" width="160" alt="照片 <?cs var:ph.seq ?>" loading="lazy"></a></li><?cs /each ?></ul>
<p class="hint">照片链接只在打开本页后 <?cs var:Limits.photo_link_minutes ?> 分钟内有效。</p>
<?cs /if ?><h3>处理经过</h3>
<ol class="timeline"><?cs each:e = Complaint.events ?><li><time><?cs var:e.at ?></time> <strong><?cs var:e.kind_name ?></strong><?cs if:e.public_reply ?><p><?cs var:e.public_reply ?></p><?cs /if ?></li><?cs /each ?></ol>
<?cs if:Complaint.status == "resolved" ?><form action="/complaints/feedback" method="post" class="feedback">
<input type="hidden" name="no" value="<?cs var:Complaint.tracking_no ?>">
<input type="hidden" name="code" value="<?cs var:Form.code ?>">
<?cs if:!Complaint.satisfaction ?><p>对处理结果：</p>
<button type="submit" name="action" value="satisfied">满意</button>
<button type="submit" name="action" value="unsatisfied" class="secondary">不满意</button><?cs /if ?>
<?cs if:Complaint.can_reopen == "1" ?><div class="field"><label for="reason">不同意处理结果？办结后 <?cs var:Limits.reopen_days ?> 天内可以要求重新办理一次，请写明理由：</label>
<textarea id="reason" name="reason" rows="3" maxlength="1000"<?cs if:Errors.reason ?> aria-invalid="true" aria-describedby="reason-error"<?cs /if ?>><?cs var:Form.reason ?></textarea><?cs call:field_error("reason") ?></div>
<button type="submit" name="action" value="reopen" class="secondary">要求重新办理</button><?cs /if ?>
</form><?cs /if ?>
</section><?cs /if ?>
<form action="/complaints/track" method="post" class="filters">
<div class="field"><label for="no">受理编号</label><input id="no" name="no" maxlength="20" autocomplete="off" value="<?cs var:Form.no ?>"<?cs if:Errors.no ?> aria-invalid="true" aria-describedby="no-error"<?cs /if ?>><?cs call:field_error("no") ?></div>
<div class="field"><label for="code">查询码</label><input id="code" name="code" maxlength="20" autocomplete="off" value="<?cs var:Form.code ?>"<?cs if:Errors.code ?> aria-invalid="true" aria-describedby="code-error"<?cs /if ?>><?cs call:field_error("code") ?></div>
<button type="submit">查询</button>
</form>
<p class="hint">受理编号和查询码在投诉回执上。为了保护投诉人，查询结果不显示姓名和电话。</p>
