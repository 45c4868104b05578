<?cs include:"macros.cs" ?>
<h1>新建账号</h1>
<?cs call:error_summary() ?>
<form action="/staff/accounts/new" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="username">用户名（小写字母、数字、. _ -）</label>
<input id="username" name="username" maxlength="32" autocapitalize="none" required value="<?cs var:Form.username ?>"<?cs if:Errors.username ?> aria-invalid="true" aria-describedby="username-error"<?cs /if ?>><?cs call:field_error("username") ?></div>
<?cs include:"staff/account_fields.cs" ?>
<div class="field"><label for="password">初始密码（至少 10 个字符）</label>
<input id="password" name="password" type="password" maxlength="128" autocomplete="new-password" required><?cs call:field_error("password") ?></div>
<button type="submit">创建</button>
</form>
