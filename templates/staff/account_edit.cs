<?cs include:"macros.cs" ?>
<h1>编辑账号：<?cs var:Account.username ?></h1>
<?cs call:error_summary() ?>
<form action="/staff/accounts/<?cs var:Account.id ?>" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<?cs include:"staff/account_fields.cs" ?>
<div class="field"><label><input type="checkbox" name="disabled" value="1"<?cs if:Form.disabled == "1" ?> checked<?cs /if ?>> 停用这个账号</label></div>
<div class="field"><label for="password">重置密码（不改请留空）</label>
<input id="password" name="password" type="password" maxlength="128" autocomplete="new-password"><?cs call:field_error("password") ?></div>
<button type="submit">保存</button>
</form>
<p><a href="/staff/audit?user=<?cs var:Account.username ?>">这个账号的操作记录</a></p>
