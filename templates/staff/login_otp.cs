<?cs include:"macros.cs" ?>
<h1>输入动态验证码</h1>
<?cs if:Login.message ?><div class="error-summary" role="alert"><p><?cs var:Login.message ?></p></div><?cs /if ?>
<p>密码正确。请打开手机上的验证器应用，输入“家电下乡公共服务网”这一项当前显示的 6 位数字。</p>
<form action="/staff/login/otp" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<input type="hidden" name="next" value="<?cs var:Form.next ?>">
<div class="field"><label for="code">动态验证码</label>
<input id="code" name="code" maxlength="32" inputmode="numeric" autocomplete="one-time-code" autocapitalize="none" required aria-describedby="code-hint" value=""></div>
<p class="hint" id="code-hint">手机不在身边时，可以输入一个恢复码（形如 abcde-fghjk），每个恢复码只能用一次。</p>
<button type="submit">验证并登录</button>
</form>
<form action="/staff/logout" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<button type="submit" class="link">退出，换个账号登录</button>
</form>
