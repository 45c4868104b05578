<?cs include:"macros.cs" ?>
<?cs def:text_field(name, label, max, hint) ?><div class="field"><label for="<?cs var:name ?>"><?cs var:label ?></label>
<?cs if:hint ?><p class="hint" id="<?cs var:name ?>-hint"><?cs var:hint ?></p><?cs /if ?><input id="<?cs var:name ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:Form[name] ?>"<?cs if:Errors[name] ?> aria-invalid="true" aria-describedby="<?cs var:name ?>-error"<?cs /if ?>><?cs call:field_error(name) ?></div><?cs /def ?>
<h1>登记电话、来信、来访投诉</h1>
<p>把电话、信件、来访收到的投诉，以及 12345 热线、12315 转来的投诉登记在这里。检查和办理期限与网上投诉相同；登记后把<strong>受理编号</strong>和<strong>查询码</strong>告诉投诉人，投诉人可以在网上“投诉查询”里查看进度。<a href="/staff/complaints">返回投诉处理</a></p>
<?cs if:Notice.outside ?><div class="error-summary" role="alert"><p><?cs var:Notice.outside ?></p><p>您填写的内容都还在下面。</p></div><?cs /if ?>
<?cs call:error_summary() ?>
<form action="/staff/complaints/new" method="post" enctype="multipart/form-data" class="complaint">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<input type="hidden" name="form_token" value="<?cs var:Form.form_token ?>">
<fieldset><legend>来源渠道</legend>
<?cs each:ch = Channels ?><label class="inline"><input type="radio" name="channel" value="<?cs var:ch.code ?>"<?cs if:Form.channel == ch.code ?> checked<?cs /if ?><?cs if:Errors.channel ?> aria-invalid="true" aria-describedby="channel-error"<?cs /if ?>> <?cs var:ch.name ?></label>
<?cs /each ?><?cs call:field_error("channel") ?></fieldset>
<fieldset><legend>投诉人（不会公开）</legend>
<?cs call:text_field("name", "姓名", 20, "") ?>
<?cs call:text_field("phone", "联系电话", 20, "手机 11 位，或固定电话如 0710-3312345") ?>
<?cs include:"complaints/notify_fields.cs" ?>
<div class="field"><label for="region">户籍所在乡镇（街道）代码（9 位）</label>
<p class="hint" id="region-hint">如 420607001<?cs if:subcount(Townships) > 0 ?>；输入时可从本县（市、区）的乡镇中选择<?cs /if ?>。</p>
<input id="region" name="region" maxlength="9" inputmode="numeric" value="<?cs var:Form.region ?>"<?cs if:subcount(Townships) > 0 ?> list="townships"<?cs /if ?><?cs if:Errors.region ?> aria-invalid="true" aria-describedby="region-error"<?cs /if ?>><?cs if:subcount(Townships) > 0 ?><datalist id="townships"><?cs each:t = Townships ?><option value="<?cs var:t.code ?>"><?cs var:t.name ?></option><?cs /each ?></datalist><?cs /if ?><?cs call:field_error("region") ?></div>
</fieldset>
<fieldset><legend>被投诉的商店</legend>
<p class="hint">指定网点填网点编号（网点页面地址 /outlets/编号 中的数字）；不在指定网点名单里的商店填名称和地址。</p>
<div class="field"><label for="outlet">指定网点编号</label><input id="outlet" name="outlet" maxlength="10" inputmode="numeric" value="<?cs var:Form.outlet ?>"<?cs if:Errors.outlet ?> aria-invalid="true" aria-describedby="outlet-error"<?cs /if ?>><?cs call:field_error("outlet") ?>
<?cs if:Outlet.id ?><p class="ok">指定网点：<strong><?cs var:Outlet.name ?></strong>（备案编号 <?cs var:Outlet.reg_no ?>，<?cs var:Outlet.address ?>）</p><?cs /if ?></div>
<?cs call:text_field("outlet_name", "商店名称（不在名单里的商店）", 100, "") ?>
<?cs call:text_field("outlet_address", "商店地址（可不填）", 200, "") ?>
</fieldset>
<fieldset><legend>投诉内容</legend>
<div class="field"><label for="category">投诉类别</label>
<select id="category" name="category"<?cs if:Errors.category ?> aria-invalid="true" aria-describedby="category-error"<?cs /if ?>><option value="">请选择</option><?cs each:k = Categories ?>
<option value="<?cs var:k.code ?>"<?cs if:Form.category == k.code ?> selected<?cs /if ?>><?cs var:k.name ?>（<?cs var:k.description ?>）</option><?cs /each ?></select><?cs call:field_error("category") ?></div>
<div class="field"><label for="description">事情经过（最多 <?cs var:Limits.description ?> 字）</label>
<textarea id="description" name="description" rows="8" maxlength="<?cs var:Limits.description ?>"<?cs if:Errors.description ?> aria-invalid="true" aria-describedby="description-error"<?cs /if ?>><?cs var:Form.description ?></textarea><?cs call:field_error("description") ?></div>
<div class="field"><label for="purchase_date">购买日期（可不填）</label>
<input id="purchase_date" name="purchase_date" type="date" value="<?cs var:Form.purchase_date ?>"<?cs if:Errors.purchase_date ?> aria-invalid="true" aria-describedby="purchase_date-error"<?cs /if ?>><?cs call:field_error("purchase_date") ?></div>
<div class="field"><label for="product_category">商品类别（可不填）</label>
<select id="product_category" name="product_category"<?cs if:Errors.product_category ?> aria-invalid="true" aria-describedby="product_category-error"<?cs /if ?>><option value="">请选择</option><?cs each:k = Caps ?>
<option value="<?cs var:k.code ?>"<?cs if:Form.product_category == k.code ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?></select><?cs call:field_error("product_category") ?></div>
<?cs call:text_field("product_model", "产品型号（可不填）", 64, "") ?>
<?cs call:text_field("invoice_no", "发票号码（可不填）", 40, "") ?>
</fieldset>
<fieldset><legend>照片（可不选）</legend>
<p class="hint" id="photo-hint">来信附的照片或扫描件，最多 <?cs var:Limits.photos ?> 张，每张不超过 <?cs var:Limits.photo_mb ?> MB（JPEG、PNG 或 WebP），去掉拍摄地点等信息后保存。</p>
<?cs if:Photos.sent ?><p class="warn" role="status">照片还没有保存：请重新选择照片，再点“登记投诉”。</p><?cs /if ?>
<?cs loop:i = 1, Limits.photos, 1 ?><div class="field"><label for="photo<?cs var:i ?>">照片 <?cs var:i ?></label><input type="file" id="photo<?cs var:i ?>" name="photo" accept="image/*" aria-describedby="photo-hint<?cs if:Errors.photo ?> photo-error<?cs /if ?>"<?cs if:Errors.photo ?> aria-invalid="true"<?cs /if ?>></div>
<?cs /loop ?><?cs call:field_error("photo") ?>
</fieldset>
<button type="submit">登记投诉</button>
</form>
