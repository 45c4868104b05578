<?cs include:"macros.cs" ?>
<h1>编辑账号：<?cs var:Account.username ?></h1>
<?cs call:error_summary() ?>
<form action="/staff/accounts/<?cs var:Account.id ?>" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<?cs include:"staff/account_fields.cs" ?>
<?cs if:Account.wider ?>
<div class="field"><label><input type="checkbox" name="disabled" value="1"<?cs if:Form.disabled == "1" ?> checked<?cs /if ?>> 停用这个账号</label></div>
<div class="field"><label for="password">重置密码（不改请留空）</label>
<input id="password" name="password" type="password" maxlength="128" autocomplete="new-password"><?cs call:field_error("password") ?></div>
<?cs else ?>
<?cs if:Form.disabled == "1" ?><input type="hidden" name="disabled" value="1"><?cs /if ?>
<p class="hint"><?cs if:Account.self ?>自己的密码请在“修改密码”页面修改。<?cs else ?>重设密码、停用或启用这个账号，须由负责范围更大的账号办理。<?cs /if ?></p>
<?cs /if ?>
<button type="submit">保存</button>
</form>
<h2>两步验证（动态验证码）</h2>
<?cs if:Account.totp_enabled == "1" ?><p>已启用。</p>
<?cs if:Account.wider ?><form action="/staff/accounts/<?cs var:Account.id ?>/totp-reset" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<button type="submit">重置动态验证码（对方下次登录时重新设置）</button>
</form><?cs /if ?>
<?cs else ?><p>尚未启用。</p><?cs /if ?>
<p><a href="/staff/audit?user=<?cs var:Account.username ?>">这个账号的操作记录</a></p>
