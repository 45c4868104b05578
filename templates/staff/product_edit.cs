<?cs include:"macros.cs" ?>
<?cs def:text_field(name, label, max, required) ?><div class="field"><label for="<?cs var:name ?>"><?cs var:label ?></label>
<input id="<?cs var:name ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>"<?cs if:required ?> required<?cs /if ?> value="<?cs var:Form[name] ?>"<?cs if:Errors[name] ?> aria-invalid="true" aria-describedby="<?cs var:name ?>-error"<?cs /if ?>><?cs call:field_error(name) ?></div><?cs /def ?>
<h1><?cs if:Product.id ?>编辑中标产品<?cs else ?>登记中标产品<?cs /if ?></h1>
<p><a href="/staff/products">返回产品档案</a><?cs if:Product.id ?> · 产品编号 <?cs var:Product.id ?><?cs call:demo_badge(Product) ?> · 现在<?cs if:Product.status == "active" ?>在售<?cs else ?>已撤销<?cs /if ?> · <a href="/products/<?cs var:Product.id ?>">查看公开页面</a><?cs /if ?></p>
<?cs call:error_summary() ?>
<?cs if:Duplicate.id ?><p class="warn" role="note">已有的记录：<a href="/staff/products/<?cs var:Duplicate.id ?>">产品编号 <?cs var:Duplicate.id ?>（<?cs var:Duplicate.model ?>）</a></p><?cs /if ?>
<form action="/staff/products/<?cs if:Product.id ?><?cs var:Product.id ?><?cs else ?>new<?cs /if ?>" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="category">商品类别</label>
<select id="category" name="category" required<?cs if:Errors.category ?> aria-invalid="true" aria-describedby="category-error"<?cs /if ?>><option value="">请选择</option><?cs each:k = Categories ?>
<option value="<?cs var:k.code ?>"<?cs if:Form.category == k.code ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?></select><?cs call:field_error("category") ?></div>
<?cs call:text_field("brand", "品牌", 50, 1) ?>
<?cs call:text_field("manufacturer", "生产企业", 100, 1) ?>
<?cs call:text_field("model", "产品型号（大小写、空格、“-”和“/”在型号核验中不计）", 64, 1) ?>
<?cs call:text_field("spec", "规格（可不填）", 200, 0) ?>
<?cs call:text_field("bid_price", "中标价（元，最多两位小数）", 16, 1) ?>
<?cs call:text_field("bid_batch", "中标批次（可不填），例如 2009-第二批", 32, 0) ?>
<fieldset><legend>状态</legend>
<label class="inline"><input type="radio" name="status" value="active"<?cs if:Form.status == "active" ?> checked<?cs /if ?><?cs if:Errors.status ?> aria-invalid="true" aria-describedby="status-error"<?cs /if ?>> 在售中标产品</label>
<label class="inline"><input type="radio" name="status" value="withdrawn"<?cs if:Form.status == "withdrawn" ?> checked<?cs /if ?><?cs if:Errors.status ?> aria-invalid="true" aria-describedby="status-error"<?cs /if ?>> 已撤销（购买不能领补贴）</label>
<?cs call:field_error("status") ?></fieldset>
<button type="submit">保存</button>
</form>
<p class="hint">保存后，公开的产品目录、型号核验和数据接口立即按新内容显示。</p>
