<?cs include:"macros.cs" ?>
<h1>中标销售企业</h1>
<?cs if:!Staff.region ?><p><a href="/staff/enterprises/new">新增中标销售企业</a></p><?cs /if ?>
<table>
<thead><tr><th scope="col">企业名称</th><th scope="col">中标批次</th><th scope="col">电话</th><th scope="col">网点数</th></tr></thead>
<tbody><?cs each:e = Enterprises ?><tr><th scope="row"><?cs if:!Staff.region ?><a href="/staff/enterprises/<?cs var:e.id ?>"><?cs var:e.name ?></a><?cs else ?><?cs var:e.name ?><?cs /if ?><?cs call:demo_badge(e) ?></th><td><?cs var:e.bid_batch ?></td><td><?cs var:e.phone ?></td><td><?cs var:e.outlets ?></td></tr>
<?cs /each ?></tbody></table>
