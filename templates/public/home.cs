<?cs include:"macros.cs" ?>
<section class="check" aria-labelledby="check-title">
<h1 id="check-title">买家电前，先查一查这家店</h1>
<p>只有在“家电下乡指定店”购买，才能领补贴。输入店铺的备案编号、店名或电话：</p>
<form action="/outlets/check" method="get" role="search">
<label for="check-q">备案编号、店名或电话</label>
<input id="check-q" name="q" type="search" maxlength="50" required autocomplete="off" placeholder="例如 XY-420607-0001">
<button type="submit">查询</button>
</form>
</section>

<section aria-labelledby="caps-title">
<h2 id="caps-title">补贴标准</h2>
<p>按发票价格的 <strong><?cs var:Rate.percent ?>%</strong> 补贴，每户每类限购一台（件）。价格超过最高限价的不能享受补贴。</p>
<?cs call:caps_table("各类产品最高限价（" + Today + " 执行）") ?>
<p><a href="/subsidy">算一算能领多少补贴</a> · <a href="/caps">领补贴要带什么</a></p>
</section>

<section aria-labelledby="notices-title">
<h2 id="notices-title">通知公告</h2>
<?cs if:subcount(Notices) > 0 ?><ul class="notices"><?cs each:n = Notices ?>
<li><a href="/notices/<?cs var:n.id ?>"><?cs var:n.title ?></a><?cs call:demo_badge(n) ?> <span class="meta"><?cs var:n.kind_name ?> · <time datetime="<?cs var:n.published_on ?>"><?cs var:n.published_on ?></time></span></li><?cs /each ?>
</ul>
<p><a href="/notices">全部通知公告</a></p><?cs else ?><p>暂无通知公告。</p><?cs /if ?>
</section>

<section aria-labelledby="links-title">
<h2 id="links-title">办事</h2>
<ul class="links">
<li><a href="/outlets">按地区查找指定网点</a></li>
<li><a href="/products/check">核验产品型号</a> · <a href="/products">中标产品目录</a></li>
<li><a href="/caps">限价、补贴标准和申领须知</a></li>
<li><a href="/subsidy">补贴计算</a></li>
<li><a href="/enterprises">中标销售企业</a></li>
<li><a href="/notices">政策文件与通知公告</a></li>
</ul>
</section>
