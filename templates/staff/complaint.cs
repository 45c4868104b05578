<?cs include:"macros.cs" ?>
<h1>投诉 <?cs var:Complaint.tracking_no ?>：<?cs var:Complaint.status_name ?><?cs call:demo_badge(Complaint) ?></h1>
<?cs if:Complaint.overdue == "1" ?><p class="warn"><strong>已超期</strong>：<?cs if:Complaint.status == "submitted" ?>受理期限 <?cs var:Complaint.accept_due ?><?cs else ?>办结期限 <?cs var:Complaint.resolve_due ?><?cs /if ?></p><?cs /if ?><?cs if:Complaint.escalated == "1" ?><p class="warn"><strong>督办</strong>：超过期限未办理，已于 <?cs var:Complaint.escalated_at ?> 报市级督办。</p><?cs /if ?>
<dl class="facts">
<?cs if:Complaint.channel_name ?><dt>来源渠道</dt><dd><?cs var:Complaint.channel_name ?><?cs if:Complaint.entered_by ?>（<?cs var:Complaint.entered_by ?> 登记）<?cs /if ?></dd><?cs /if ?>
<dt>投诉类别</dt><dd><?cs var:Complaint.category_name ?></dd>
<dt>被投诉商店</dt><dd><?cs if:Complaint.outlet_id ?><a href="/outlets/<?cs var:Complaint.outlet_id ?>"><?cs var:Complaint.outlet ?></a>（<?cs var:Complaint.reg_no ?>）· <a href="/staff/complaints?outlet=<?cs var:Complaint.outlet_id ?>">该网点的全部投诉</a><?cs else ?><?cs var:Complaint.outlet ?>（不在指定网点名单）<?cs /if ?></dd>
<dt>商店地址</dt><dd><?cs var:Complaint.outlet_address ?></dd>
<dt>投诉人</dt><dd><?cs var:Complaint.name ?>，<a href="tel:<?cs var:Complaint.phone ?>"><?cs var:Complaint.phone ?></a>（<?cs var:Complaint.township ?>）</dd>
<dt>购买</dt><dd><?cs var:Complaint.purchase_date ?> <?cs var:Complaint.product_category ?> <?cs var:Complaint.product_model ?> 发票 <?cs var:Complaint.invoice_no ?></dd>
<dt>提交时间</dt><dd><?cs var:Complaint.submitted_at ?></dd>
<dt>受理期限</dt><dd><?cs var:Complaint.accept_due ?></dd>
<dt>办结期限</dt><dd><?cs var:Complaint.resolve_due ?></dd>
<?cs if:Complaint.satisfaction ?><dt>投诉人评价</dt><dd><?cs if:Complaint.satisfaction == "satisfied" ?>满意<?cs else ?>不满意<?cs /if ?></dd><?cs /if ?>
</dl>
<h2>投诉内容</h2>
<p class="description"><?cs var:Complaint.description ?></p>
<?cs if:Photos.0.url ?><h2>照片</h2>
<ul class="photos"><?cs each:ph = Photos ?><li><a href="<?cs var:ph.url ?>"><img src="<?cs var:ph.url ?>" width="160" alt="照片 <?cs var:ph.seq ?>" loading="lazy"></a><br><?cs var:ph.width ?>×<?cs var:ph.height ?>，<?cs var:ph.kb ?> KB</li><?cs /each ?></ul>
<?cs /if ?><h2>处理经过</h2>
<ol class="timeline"><?cs each:e = Events ?><li><time><?cs var:e.at ?></time> <strong><?cs var:e.kind_name ?></strong> <?cs var:e.username ?><?cs if:e.public_reply ?><p>公开答复：<?cs var:e.public_reply ?></p><?cs /if ?><?cs if:e.internal_note ?><p class="meta">内部记录：<?cs var:e.internal_note ?></p><?cs /if ?></li><?cs /each ?></ol>
<h2>办理</h2>
<?cs call:error_summary() ?>
<form action="/staff/complaints/<?cs var:Complaint.id ?>" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="action">操作</label><select id="action" name="action"<?cs if:Errors.action ?> aria-invalid="true" aria-describedby="action-error"<?cs /if ?>>
<?cs call:code_options(Actions, "") ?></select><?cs call:field_error("action") ?></div>
<div class="field"><label for="public_reply">公开答复（投诉人查询时可见；不予受理和办结时必填）</label>
<textarea id="public_reply" name="public_reply" rows="4" maxlength="2000"<?cs if:Errors.public_reply ?> aria-invalid="true" aria-describedby="public_reply-error"<?cs /if ?>><?cs var:Form.public_reply ?></textarea><?cs call:field_error("public_reply") ?></div>
<div class="field"><label for="internal_note">内部记录（只有工作人员可见）</label>
<textarea id="internal_note" name="internal_note" rows="3" maxlength="2000"<?cs if:Errors.internal_note ?> aria-invalid="true" aria-describedby="internal_note-error"<?cs /if ?>><?cs var:Form.internal_note ?></textarea><?cs call:field_error("internal_note") ?></div>
<div class="field"><label for="assignee">承办人</label><select id="assignee" name="assignee"><option value="">不变</option><?cs each:h = Handlers ?>
<option value="<?cs var:h.id ?>"<?cs if:Complaint.assignee_id == h.id ?> selected<?cs /if ?>><?cs var:h.username ?> <?cs var:h.display_name ?></option><?cs /each ?></select><?cs call:field_error("assignee") ?></div>
<button type="submit">提交</button>
</form>
<?cs if:Complaint.can_transfer == "1" ?><h2 id="transfer">转办</h2>
<p class="hint">投诉不属本县（区）办理的（例如被投诉网点在别的县区），转给应办理的县（区）。转办后投诉回到“待受理”，由对方重新计算受理期限，本地区不再能查看。投诉人能看到转到了哪里，看不到转办理由。</p>
<form action="/staff/complaints/<?cs var:Complaint.id ?>/transfer" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="to_county">转到县（区）：名称或 6 位代码</label>
<input id="to_county" name="to_county" maxlength="40" list="transfer-counties" value="<?cs var:Form.to_county ?>"<?cs if:Errors.to_county ?> aria-invalid="true" aria-describedby="to_county-error"<?cs /if ?>><datalist id="transfer-counties"><?cs each:t = TransferCounties ?><option value="<?cs var:t ?>"><?cs /each ?></datalist><?cs call:field_error("to_county") ?></div>
<div class="field"><label for="to_township">乡镇（可不填）：名称或 9 位代码</label>
<input id="to_township" name="to_township" maxlength="40" value="<?cs var:Form.to_township ?>"<?cs if:Errors.to_township ?> aria-invalid="true" aria-describedby="to_township-error"<?cs /if ?>><?cs call:field_error("to_township") ?></div>
<div class="field"><label for="transfer_reason">转办理由（只有工作人员可见）</label>
<textarea id="transfer_reason" name="transfer_reason" rows="3" maxlength="1000"<?cs if:Errors.transfer_reason ?> aria-invalid="true" aria-describedby="transfer_reason-error"<?cs /if ?>><?cs var:Form.transfer_reason ?></textarea><?cs call:field_error("transfer_reason") ?></div>
<button type="submit" class="secondary">转办</button>
</form><?cs /if ?>
