<?cs include:"macros.cs" ?>
<h1>中标销售企业</h1>
<p>下列企业经招标确定为家电下乡中标销售企业，它们的直营、加盟或授权门店登记备案后成为指定网点。数字为状态正常的网点数。</p>
<?cs each:e = Enterprises ?><section class="enterprise">
<h2><a href="/outlets?enterprise=<?cs var:e.id ?>"><?cs var:e.name ?></a><?cs call:demo_badge(e) ?></h2>
<p class="meta">中标批次 <?cs var:e.bid_batch ?><?cs if:e.phone ?> · 电话 <a href="tel:<?cs var:e.phone ?>"><?cs var:e.phone ?></a><?cs /if ?> · 网点 <?cs var:e.outlets ?> 家<?cs if:e.counties > 0 ?>，分布在 <a href="/enterprises/<?cs var:e.id ?>"><?cs var:e.counties ?> 个县（市、区）</a><?cs /if ?></p>
</section>
<?cs /each ?>
<?cs call:paging("/enterprises", "") ?>
