<?cs include:"macros.cs" ?>
<?cs def:check(name, label) ?><label class="inline"><input type="checkbox" name="<?cs var:name ?>" value="1"<?cs if:Form[name] == "1" ?> checked<?cs /if ?>> <?cs var:label ?></label><?cs /def ?>
<h1><?cs if:Outlet.id ?>编辑网点：<?cs var:Outlet.name ?><?cs else ?>登记网点<?cs /if ?></h1>
<?cs if:Outlet.id ?><p>状态：<strong><?cs var:Outlet.status_name ?></strong>（<?cs var:Outlet.status_since ?> 起<?cs if:Outlet.status_reason ?>，<?cs var:Outlet.status_reason ?><?cs /if ?>） · <a href="/outlets/<?cs var:Outlet.id ?>">公开页面</a><?cs if:Outlet.status == "active" ?> · <a href="/outlets/<?cs var:Outlet.id ?>/notice">打印店内公示</a><?cs /if ?> · <a href="/staff/complaints?outlet=<?cs var:Outlet.id ?>">该网点的投诉</a></p><?cs /if ?>
<?cs if:Held ?><div class="error-summary" role="alert"><p>可能重复登记：同一县（市、区）已有下列相近的网点。同一网点不能重复登记；如确认不是同一家，请勾选“确认不是重复登记”后再保存。</p>
<ul><?cs each:d = Duplicates ?><li><a href="/staff/outlets/<?cs var:d.id ?>"><?cs var:d.reg_no ?> <?cs var:d.name ?></a>（<?cs var:d.address ?>，<?cs var:d.phone ?>）：<?cs var:d.why ?></li><?cs /each ?></ul></div><?cs /if ?>
<?cs call:error_summary() ?>
<form action="/staff/outlets/<?cs if:Outlet.id ?><?cs var:Outlet.id ?><?cs else ?>new<?cs /if ?>" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="reg_no">备案编号</label><input id="reg_no" name="reg_no" maxlength="32" value="<?cs var:Form.reg_no ?>"<?cs if:Errors.reg_no ?> aria-invalid="true" aria-describedby="reg_no-error"<?cs /if ?>><?cs call:field_error("reg_no") ?></div>
<div class="field"><label for="name">店名</label><input id="name" name="name" maxlength="100" value="<?cs var:Form.name ?>"<?cs if:Errors.name ?> aria-invalid="true" aria-describedby="name-error"<?cs /if ?>><?cs call:field_error("name") ?></div>
<div class="field"><label for="enterprise">中标销售企业</label><select id="enterprise" name="enterprise"<?cs if:Errors.enterprise ?> aria-invalid="true" aria-describedby="enterprise-error"<?cs /if ?>><option value="">请选择</option><?cs each:e = Enterprises ?>
<option value="<?cs var:e.id ?>"<?cs if:Form.enterprise == e.id ?> selected<?cs /if ?>><?cs var:e.name ?></option><?cs /each ?></select><?cs call:field_error("enterprise") ?></div>
<div class="field"><label for="mode">经营方式</label><select id="mode" name="mode"><option value="">请选择</option>
<option value="direct"<?cs if:Form.mode == "direct" ?> selected<?cs /if ?>>直营</option>
<option value="franchise"<?cs if:Form.mode == "franchise" ?> selected<?cs /if ?>>加盟</option>
<option value="authorised"<?cs if:Form.mode == "authorised" ?> selected<?cs /if ?>>授权</option></select><?cs call:field_error("mode") ?></div>
<div class="field"><label for="region">所在乡镇（街道）代码（9 位）</label><input id="region" name="region" maxlength="9" inputmode="numeric" value="<?cs var:Form.region ?>"<?cs if:Errors.region ?> aria-invalid="true" aria-describedby="region-error"<?cs /if ?>><?cs call:field_error("region") ?></div>
<div class="field"><label for="address">地址</label><input id="address" name="address" maxlength="200" value="<?cs var:Form.address ?>"<?cs if:Errors.address ?> aria-invalid="true" aria-describedby="address-error"<?cs /if ?>><?cs call:field_error("address") ?></div>
<div class="field"><label for="phone">电话</label><input id="phone" name="phone" maxlength="20" value="<?cs var:Form.phone ?>"<?cs if:Errors.phone ?> aria-invalid="true" aria-describedby="phone-error"<?cs /if ?>><?cs call:field_error("phone") ?></div>
<fieldset><legend>经营类别</legend><?cs call:check("cat_tv", "彩电") ?> <?cs call:check("cat_fridge", "冰箱(含冷柜)") ?> <?cs call:check("cat_phone", "手机") ?> <?cs call:check("cat_washer", "洗衣机") ?><?cs call:field_error("categories") ?></fieldset>
<fieldset><legend>服务</legend><?cs call:check("svc_delivery", "送货上门") ?> <?cs call:check("svc_install", "安装调试") ?> <?cs call:check("svc_teach", "使用辅导") ?> <?cs call:check("svc_repair", "上门维修") ?><?cs call:field_error("services") ?></fieldset>
<div class="field"><label for="registered_on">登记日期</label><input id="registered_on" name="registered_on" type="date" value="<?cs var:Form.registered_on ?>"<?cs if:Errors.registered_on ?> aria-invalid="true" aria-describedby="registered_on-error"<?cs /if ?>><?cs call:field_error("registered_on") ?></div>
<?cs if:Held ?><div class="field"><?cs call:check("confirm", "确认不是重复登记") ?></div><?cs /if ?>
<button type="submit">保存</button>
</form>
<?cs if:Outlet.id ?><h2>状态变更</h2>
<form action="/staff/outlets/<?cs var:Outlet.id ?>/status" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="status">新状态</label><select id="status" name="status"<?cs if:Errors.status ?> aria-invalid="true" aria-describedby="status-error"<?cs /if ?>>
<?cs call:code_options(OutletMoves, "") ?></select><?cs call:field_error("status") ?></div>
<div class="field"><label for="effective_on">生效日期（不填为今天）</label><input id="effective_on" name="effective_on" type="date"></div>
<div class="field"><label for="reason">原因（公开显示）</label><input id="reason" name="reason" maxlength="200"<?cs if:Errors.reason ?> aria-invalid="true" aria-describedby="reason-error"<?cs /if ?>><?cs call:field_error("reason") ?></div>
<button type="submit"<?cs if:Outlet.status == "cancelled" ?> disabled<?cs /if ?>>变更状态</button>
</form>
<h2>状态记录</h2>
<ol class="timeline"><?cs each:h = History ?><li><?cs var:h.effective_on ?> <strong><?cs var:h.status_name ?></strong> <?cs var:h.reason ?></li><?cs /each ?></ol><?cs /if ?>
