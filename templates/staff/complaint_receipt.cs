<section class="receipt" aria-labelledby="receipt-title">
<h1 id="receipt-title">投诉已登记</h1>
<?cs if:Receipt.existing == "1" ?><p class="ok">这件投诉之前已经登记过，下面是同一张回执（没有重复登记）。</p><?cs /if ?>
<p class="warn" role="note"><strong>请把受理编号和查询码告诉投诉人</strong>：电话、来访的当场读给投诉人听并请其记下，来信或热线转办的写进回复信件或转办回复中。查询码只显示这一次，系统不保存原文，之后无法再查到。</p>
<dl class="facts big">
<dt>受理编号</dt><dd><strong class="code"><?cs var:Receipt.tracking_no ?></strong></dd>
<dt>查询码</dt><dd><strong class="code"><?cs var:Receipt.code ?></strong></dd>
<dt>来源渠道</dt><dd><?cs var:Receipt.channel_name ?></dd>
<dt>受理期限</dt><dd><?cs var:Receipt.accept_due ?> 前（<?cs var:Limits.accept_days ?> 个工作日内）决定是否受理</dd>
</dl>
<p>投诉人凭受理编号和查询码在本网站“投诉查询”（/complaints/track）查看办理进度，与网上投诉相同。</p>
<p class="no-print"><a href="/staff/complaints/<?cs var:Receipt.id ?>">查看这件投诉</a> · <a href="/staff/complaints/new">再登记一件</a> · <a href="/staff/complaints">返回投诉处理</a></p>
</section>
