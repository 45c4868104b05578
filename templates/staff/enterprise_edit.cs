<?cs include:"macros.cs" ?>
<h1><?cs if:Enterprise.id ?>编辑中标销售企业<?cs else ?>新增中标销售企业<?cs /if ?></h1>
<?cs call:error_summary() ?>
<form action="/staff/enterprises/<?cs if:Enterprise.id ?><?cs var:Enterprise.id ?><?cs else ?>new<?cs /if ?>" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="name">企业名称</label><input id="name" name="name" maxlength="100" value="<?cs var:Form.name ?>"<?cs if:Errors.name ?> aria-invalid="true" aria-describedby="name-error"<?cs /if ?>><?cs call:field_error("name") ?></div>
<div class="field"><label for="bid_batch">中标批次</label><input id="bid_batch" name="bid_batch" maxlength="32" value="<?cs var:Form.bid_batch ?>"><?cs call:field_error("bid_batch") ?></div>
<div class="field"><label for="phone">电话</label><input id="phone" name="phone" maxlength="20" value="<?cs var:Form.phone ?>"<?cs if:Errors.phone ?> aria-invalid="true" aria-describedby="phone-error"<?cs /if ?>><?cs call:field_error("phone") ?></div>
<button type="submit">保存</button>
</form>
