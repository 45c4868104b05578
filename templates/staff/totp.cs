<?cs include:"macros.cs" ?>
<h1>两步验证</h1>
<?cs if:Totp.state == "enabled" ?><div class="ok" role="status"><p>您的账号已于 <?cs var:Totp.enabled_at ?> 开启两步验证。登录时，输入密码后还须输入手机验证器应用显示的 6 位动态验证码。</p></div>
<p>未使用的恢复码：<strong><?cs var:Totp.recovery_left ?></strong> 个（共 10 个，每个只能用一次）。<?cs if:#Totp.recovery_left < 3 ?>恢复码快用完了：请在方便时请管理员重置两步验证后重新设置，届时会得到 10 个新的恢复码。<?cs /if ?></p>
<?cs if:Totp.enrol_stage ?><p class="warn">这次登录还没有输入动态验证码。请退出后重新登录，输入密码后再输入动态验证码。</p>
<?cs /if ?><h2>换手机或验证器</h2>
<p>为安全起见，两步验证开启后不能在本页更换或关闭，以免他人仅凭密码就换成自己的手机。手机丢失、损坏或更换时：</p>
<ul>
<li>登录时可以用一个未使用的恢复码代替动态验证码；</li>
<li>请管理范围比您更大的管理员在“账号管理”中重置您的两步验证（市级账号可重置本市各县的账号，全国账号可重置市、县账号；全国账号由系统管理员在服务器上用 <code>jdxx-staff totp-reset</code> 重置）。重置后您的登录会全部退出，再次登录时重新设置。</li>
</ul>
<?cs else ?><?cs if:Totp.enrol_stage ?><div class="warn" role="status"><p>您的账号须开启两步验证后才能使用工作台。请按下面的步骤设置，只需设置一次。</p></div>
<?cs elif:!Totp.required ?><p>开启后，登录时除了密码还要输入手机上显示的动态验证码，他人即使知道您的密码也无法登录。</p>
<?cs /if ?><?cs call:error_summary() ?>
<ol class="steps">
<li><p>在手机上安装支持“基于时间的动态验证码（TOTP）”的验证器应用，例如 Microsoft Authenticator、Google Authenticator、FreeOTP，或手机自带的同类功能。</p></li>
<li><p>在应用中添加账号，扫描下面的二维码：</p>
<figure class="qr"><?cs # Totp.qr_svg is drawn by src/qr_svg.c from the secret and the account name: no text anyone typed ?><?cs uvar:Totp.qr_svg ?>
<figcaption>账号：<?cs var:Totp.issuer ?>（<?cs var:Totp.account ?>）</figcaption></figure>
<p>无法扫描时，在应用中选择手动输入：账号名称填 <code><?cs var:Totp.account ?></code>，密钥填</p>
<p><code class="secret" id="secret"><?cs var:Totp.secret ?></code></p>
<p class="hint">类型选“基于时间”，6 位数字，每 30 秒更换。密钥中的空格不必输入。</p></li>
<li><form action="/staff/totp" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="code">应用中显示的 6 位动态验证码</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="32" required aria-describedby="code-hint<?cs if:Errors.code ?> code-error<?cs /if ?>"<?cs if:Errors.code ?> aria-invalid="true"<?cs /if ?> value="<?cs var:Form.code ?>">
<p class="hint" id="code-hint">动态验证码每 30 秒更换一次，输入当前显示的即可，中间的空格可有可无。</p><?cs call:field_error("code") ?></div>
<button type="submit">确认并开启两步验证</button>
</form></li>
</ol>
<?cs /if ?>
