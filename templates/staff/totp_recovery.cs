<h1>两步验证已开启</h1>
<div class="ok" role="status"><p>两步验证已开启。以后登录时，输入密码后还要输入验证器应用显示的 6 位动态验证码。</p></div>
<h2>恢复码</h2>
<p><strong>下面 10 个恢复码只显示这一次</strong>：本站只保存它们的摘要，离开本页后无法再查看。手机丢失或无法使用验证器时，可以用其中任意一个代替动态验证码登录，每个只能用一次，输入时不分大小写，短横线可有可无。请抄写或打印下来妥善保管，不要和密码放在一起。</p>
<ol class="recovery-codes"><?cs each:r = Recovery.codes ?>
<li><code><?cs var:r ?></code></li><?cs /each ?>
</ol>
<?cs if:Recovery.relogin ?><p class="warn">数据库暂时无法完成登录，请<a href="/staff/login">重新登录</a>：输入密码后再输入验证器应用显示的动态验证码。</p>
<?cs else ?><p><a href="/staff/">我已保存恢复码，进入工作台</a></p>
<?cs /if ?>
