<?cs include:"macros.cs" ?>
<h1>限价与补贴标准</h1>
<p>在家电下乡指定店购买中标产品，按发票上的实际销售价格补贴 <strong><?cs var:Rate.percent ?>%</strong>（自 <?cs var:Rate.effective_from ?> 起执行），其中中央财政负担 <?cs var:Rate.central_percent ?>%，省级财政负担 <?cs var:Rate.provincial_percent ?>%。销售价格超过最高限价的，不予补贴。</p>
<?cs call:caps_table("现行最高限价（" + Today + "）") ?>

<h2>申领须知</h2>
<?cs call:claim_rules() ?>

<h2>历次限价</h2>
<table class="caps">
<caption>各类产品最高限价的调整记录</caption>
<thead><tr><th scope="col">类别</th><th scope="col">最高限价</th><th scope="col">起始日期</th><th scope="col">说明</th></tr></thead>
<tbody><?cs each:h = History ?>
<tr><th scope="row"><?cs var:h.name ?></th><td><?cs var:h.cap_yuan ?> 元</td><td><?cs var:h.effective_from ?><?cs if:h.state == "upcoming" ?>（尚未执行）<?cs elif:h.state == "withdrawn" ?>（已撤回，不执行）<?cs /if ?></td><td><?cs var:h.note ?><?cs if:h.state == "withdrawn" ?>。撤回原因：<?cs var:h.withdrawn_reason ?><?cs /if ?></td></tr><?cs /each ?>
</tbody>
</table>

<h2>历次补贴比例</h2>
<table class="caps">
<caption>补贴比例及中央、省级财政分担比例的调整记录</caption>
<thead><tr><th scope="col">补贴比例</th><th scope="col">中央／省级财政</th><th scope="col">起始日期</th><th scope="col">说明</th></tr></thead>
<tbody><?cs each:r = Rates ?>
<tr><th scope="row"><?cs var:r.percent ?>%</th><td><?cs var:r.central_percent ?>% ／ <?cs var:r.provincial_percent ?>%</td><td><?cs var:r.effective_from ?><?cs if:r.state == "upcoming" ?>（尚未执行）<?cs elif:r.state == "withdrawn" ?>（已撤回，不执行）<?cs /if ?></td><td><?cs var:r.note ?><?cs if:r.state == "withdrawn" ?>。撤回原因：<?cs var:r.withdrawn_reason ?><?cs /if ?></td></tr><?cs /each ?>
</tbody>
</table>
