<?cs include:"macros.cs" ?><?cs include:"outlets/card.cs" ?>
<article class="outlet-detail">
<h1><?cs var:Outlet.name ?><?cs call:demo_badge(Outlet) ?></h1>
<?cs if:Outlet.status == "active" ?><p class="ok" role="note">这是登记备案的家电下乡指定店，状态正常。在这里购买限价以内的中标产品，可以申领补贴。</p><?cs /if ?>
<?cs call:status_warning(Outlet) ?>
<?cs call:outlet_facts(Outlet) ?>
<?cs if:subcount(History) > 0 ?><h2>状态记录</h2>
<ol class="timeline"><?cs each:h = History ?><li><time datetime="<?cs var:h.effective_on ?>"><?cs var:h.effective_on ?></time> <strong><?cs var:h.status_name ?></strong> <?cs var:h.reason ?></li><?cs /each ?></ol><?cs /if ?>
</article>
<?cs if:Outlet.status == "active" ?><p><a href="/outlets/<?cs var:Outlet.id ?>/notice">店内公示（可打印，带核验二维码）</a></p>
<?cs /if ?><p><a href="/complaints/new?outlet=<?cs var:Outlet.id ?>">投诉这家网点</a>（虚假宣传、乱收费、不帮助申领补贴、不送货安装维修、假冒伪劣等）</p>
<p><a href="/outlets?region=<?cs var:Outlet.place.code ?>">同一乡镇的其他指定网点</a> · <a href="/outlets">全部指定网点</a></p>
