<section class="receipt" aria-labelledby="receipt-title">
<h1 id="receipt-title">投诉已提交</h1>
<?cs if:Receipt.existing == "1" ?><p class="ok">这份投诉之前已经提交成功，下面是同一张回执（没有重复提交）。</p><?cs /if ?>
<p>请记下或打印本页。凭<strong>受理编号</strong>和<strong>查询码</strong>可以随时查询处理进度。查询码只显示这一次。</p>
<dl class="facts big">
<dt>受理编号</dt><dd><strong class="code"><?cs var:Receipt.tracking_no ?></strong></dd>
<dt>查询码</dt><dd><strong class="code"><?cs var:Receipt.code ?></strong></dd>
<?cs if:Receipt.photos > 0 ?><dt>照片</dt><dd>已收到 <?cs var:Receipt.photos ?> 张</dd>
<?cs /if ?><dt>受理期限</dt><dd><?cs var:Receipt.accept_due ?> 前（7 个工作日内）决定是否受理</dd>
</dl>
<p>受理后，商务部门在 30 个工作日内调查处理并答复。</p>
<p class="no-print"><a href="/complaints/track?no=<?cs var:Receipt.tracking_no ?>">查询处理进度</a> · <a href="/">返回首页</a></p>
</section>
