<?cs include:"macros.cs" ?>
<nav class="crumbs" aria-label="当前位置"><a href="/enterprises">中标销售企业</a></nav>
<h1><?cs var:Enterprise.name ?><?cs call:demo_badge(Enterprise) ?></h1>
<p class="meta">中标批次 <?cs var:Enterprise.bid_batch ?><?cs if:Enterprise.phone ?> · 电话 <a href="tel:<?cs var:Enterprise.phone ?>"><?cs var:Enterprise.phone ?></a><?cs /if ?> · <a href="/outlets?enterprise=<?cs var:Enterprise.id ?>">网点 <?cs var:Enterprise.outlets ?> 家</a>，分布在 <?cs var:Enterprise.counties ?> 个县（市、区）。数字为状态正常的网点数。</p>
<?cs if:subcount(Counties) > 0 ?><ul class="counties"><?cs each:k = Counties ?><li><a href="/outlets?enterprise=<?cs var:Enterprise.id ?>&amp;region=<?cs var:k.county_code ?>"><?cs var:k.province ?> <?cs var:k.county ?></a> <?cs var:k.outlets ?> 家</li><?cs /each ?></ul><?cs /if ?>
