<?cs include:"macros.cs" ?>
<h1>网点档案<?cs if:Staff.region ?>（地区 <?cs var:Staff.region ?>）<?cs /if ?></h1>
<p><a href="/staff/outlets/new">登记网点</a> · <a href="/staff/enterprises">中标销售企业</a></p>
<?cs call:error_summary() ?>
<form action="/staff/outlets" method="get" class="filters">
<div class="field"><label for="q">店名、地址、备案编号或电话</label><input id="q" name="q" type="search" maxlength="50" value="<?cs var:Form.q ?>"></div>
<div class="field"><label for="status">状态</label><select id="status" name="status"><option value="all">全部</option>
<?cs call:code_options(OutletStatuses, Form.status) ?></select></div>
<button type="submit">查找</button>
</form>
<?cs if:!ErrorList.0 ?><p class="count">共 <?cs var:Paging.total ?> 家。</p><?cs /if ?>
<table>
<thead><tr><th scope="col">备案编号</th><th scope="col">店名</th><th scope="col">乡镇</th><th scope="col">状态</th></tr></thead>
<tbody><?cs each:o = Outlets ?><tr><td><?cs var:o.reg_no ?></td><th scope="row"><a href="/staff/outlets/<?cs var:o.id ?>"><?cs var:o.name ?></a></th><td><?cs var:o.county ?> <?cs var:o.township ?></td><td><?cs var:o.status_name ?></td></tr>
<?cs /each ?></tbody></table>
<?cs call:paging("/staff/outlets", Query.all) ?>
