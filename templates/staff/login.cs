<?cs include:"macros.cs" ?>
<h1>工作人员登录</h1>
<?cs if:Staff.username ?><p class="ok">您已登录为 <?cs var:Staff.display_name ?>。<a href="/staff/">进入工作台</a></p><?cs /if ?>
<?cs if:Login.message ?><div class="error-summary" role="alert"><p><?cs var:Login.message ?></p></div><?cs /if ?>
<form action="/staff/login" method="post">
<input type="hidden" name="next" value="<?cs var:Form.next ?>">
<input type="hidden" name="login_token" value="<?cs var:Login.csrf ?>">
<div class="field"><label for="username">用户名</label>
<input id="username" name="username" maxlength="32" autocomplete="username" autocapitalize="none" required value="<?cs var:Form.username ?>"></div>
<div class="field"><label for="password">密码</label>
<input id="password" name="password" type="password" maxlength="128" autocomplete="current-password" required></div>
<button type="submit">登录</button>
</form>
<p class="hint">仅供县、市商务局和财政局工作人员使用。连续输错密码后需等待一段时间才能再试。管理员登录后还须输入手机验证器上的动态验证码。</p>
