<?cs include:"macros.cs" ?>
<h1>修改密码</h1>
<?cs call:error_summary() ?>
<form action="/staff/password" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="current">当前密码</label>
<input id="current" name="current" type="password" maxlength="128" autocomplete="current-password" required><?cs call:field_error("current") ?></div>
<div class="field"><label for="new">新密码（至少 10 个字符，不能包含用户名）</label>
<input id="new" name="new" type="password" maxlength="128" autocomplete="new-password" required><?cs call:field_error("new") ?></div>
<div class="field"><label for="confirm">再输一次新密码</label>
<input id="confirm" name="confirm" type="password" maxlength="128" autocomplete="new-password" required><?cs call:field_error("confirm") ?></div>
<button type="submit">修改</button>
</form>
<p class="hint">修改后，您在其他设备上的登录会全部退出。</p>
