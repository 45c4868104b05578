<?cs include:"macros.cs" ?>
<?cs def:text_field(name, label, max, hint) ?><div class="field"><label for="<?cs var:name ?>"><?cs var:label ?></label>
<?cs if:hint ?><p class="hint" id="<?cs var:name ?>-hint"><?cs var:hint ?></p><?cs /if ?><input id="<?cs var:name ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:Form[name] ?>"<?cs if:Errors[name] ?> aria-invalid="true" aria-describedby="<?cs var:name ?>-error"<?cs /if ?>><?cs call:field_error(name) ?></div><?cs /def ?>
<?cs def:region_select(name, label, options, chosen) ?><div class="field"><label for="<?cs var:name ?>"><?cs var:label ?></label>
<select id="<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:Errors[name] ?> aria-invalid="true" aria-describedby="<?cs var:name ?>-error"<?cs /if ?>><option value="">请选择</option><?cs each:r = options ?>
<option value="<?cs var:r.code ?>"<?cs if:chosen == r.code ?> selected<?cs /if ?>><?cs var:r.name ?></option><?cs /each ?></select><?cs call:field_error(name) ?></div><?cs /def ?>
<h1>投诉家电下乡网点</h1>
<?cs if:Notice.down ?><div class="error-summary" role="alert"><p>系统暂时无法保存，您的投诉<strong>没有</strong>提交成功。</p><p>您填写的内容都还在下面，请稍等一两分钟后再点“提交投诉”。</p></div><?cs /if ?>
<?cs if:Notice.throttled ?><div class="error-summary" role="alert"><p>同一网络一小时内提交的投诉太多，请一小时后再试，或拨打当地商务局投诉电话。您填写的内容都还在下面。</p></div><?cs /if ?>
<p>可以投诉：虚假宣传、超过限价或乱收费、拒绝或刁难补贴申报、不送货不安装不维修、假冒伪劣、冒用指定店名义、退换货纠纷等。商务部门会逐件调查，并在规定期限内答复。</p>
<?cs call:error_summary() ?>
<form action="/complaints" method="post" enctype="multipart/form-data" class="complaint" novalidate>
<input type="hidden" name="form_token" value="<?cs var:Form.form_token ?>">
<div class="hp" aria-hidden="true"><label for="website">网站（请不要填写）</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<fieldset><legend>被投诉的商店</legend>
<?cs if:Outlet.id ?><input type="hidden" name="outlet" value="<?cs var:Outlet.id ?>">
<p class="ok">指定网点：<strong><?cs var:Outlet.name ?></strong>（备案编号 <?cs var:Outlet.reg_no ?>，<?cs var:Outlet.address ?>）</p><?cs else ?>
<p class="hint">从<a href="/outlets">指定网点名单</a>里打开网点，再点“投诉这家网点”，可以自动带出网点信息；不在名单里的商店请直接填写。</p>
<?cs call:text_field("outlet_name", "商店名称", 100, "") ?>
<?cs call:text_field("outlet_address", "商店地址（可不填）", 200, "") ?><?cs /if ?>
<?cs call:field_error("outlet") ?>
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
<select id="product_category" name="product_category"><option value="">请选择</option><?cs each:k = Caps ?>
<option value="<?cs var:k.code ?>"<?cs if:Form.product_category == k.code ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?></select><?cs call:field_error("product_category") ?></div>
<?cs call:text_field("product_model", "产品型号（可不填）", 64, "") ?>
<?cs call:text_field("invoice_no", "发票号码（可不填）", 40, "") ?>
</fieldset>
<fieldset><legend>您的联系方式（不会公开）</legend>
<?cs call:text_field("name", "姓名", 20, "") ?>
<?cs call:text_field("phone", "联系电话", 20, "手机 11 位，或固定电话如 0710-3312345") ?>
<?cs include:"complaints/notify_fields.cs" ?>
<p id="region-hint">户籍所在地（逐级选择，选好一级后点“下一步”）</p>
<?cs call:region_select("province", "省", Provinces, Form.province) ?>
<?cs if:Form.province ?><?cs call:region_select("city", "市", Cities, Form.city) ?><?cs /if ?>
<?cs if:Form.city ?><?cs call:region_select("county", "县（市、区）", Counties, Form.county) ?><?cs /if ?>
<?cs if:Form.county ?><?cs call:region_select("region", "乡镇（街道）", Townships, Form.region) ?><?cs else ?><?cs call:field_error("region") ?><?cs /if ?>
<button type="submit" name="action" value="region" class="secondary">下一步（更新地区选项）</button>
</fieldset>
<fieldset><legend>照片（可不选）</legend>
<p class="hint" id="photo-hint">可以附上发票、商品、标识卡或店面的照片，最多 <?cs var:Limits.photos ?> 张，每张不超过 <?cs var:Limits.photo_mb ?> MB（JPEG、PNG 或 WebP）。保存前会去掉拍摄地点、手机型号等信息；只有处理人员和凭查询码查询的您能看到。</p>
<?cs if:Photos.sent ?><p class="warn" role="status">照片还没有保存：请重新选择照片，再点“提交投诉”。</p><?cs /if ?>
<?cs loop:i = 1, Limits.photos, 1 ?><div class="field"><label for="photo<?cs var:i ?>">照片 <?cs var:i ?></label><input type="file" id="photo<?cs var:i ?>" name="photo" accept="image/*" aria-describedby="photo-hint<?cs if:Errors.photo ?> photo-error<?cs /if ?>"<?cs if:Errors.photo ?> aria-invalid="true"<?cs /if ?>></div>
<?cs /loop ?><?cs call:field_error("photo") ?>
</fieldset>
<div class="field"><label><input type="checkbox" name="consent" value="1"<?cs if:Form.consent == "1" ?> checked<?cs /if ?><?cs if:Errors.consent ?> aria-invalid="true" aria-describedby="consent-error"<?cs /if ?>> 我同意：姓名和电话只用于处理这件投诉，只有处理人员能看到，不会公开。</label><?cs call:field_error("consent") ?></div>
<button type="submit" name="action" value="submit">提交投诉</button>
</form>
<p class="hint">也可以拨打当地商务局的投诉电话。已经投诉过？<a href="/complaints/track">查询处理进度</a>。</p>
<script src="/static/enhance.js?v=<?cs var:Site.AssetVersion ?>" defer></script>
