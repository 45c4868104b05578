<?cs include:"macros.cs" ?>
<h1>投诉处理<?cs if:Filter.region ?>（地区 <?cs var:Filter.region ?>）<?cs /if ?></h1>
<p><a href="/staff/complaints/new">登记电话/来信/来访投诉</a>（含 12345、12315 热线转办）</p>
<ul class="counts"><?cs each:k = Counts ?><li><a href="/staff/complaints?status=<?cs var:k.status ?>"><?cs var:k.status_name ?> <?cs var:k.n ?></a><?cs if:k.overdue > 0 ?> <a class="overdue" href="/staff/complaints?status=<?cs var:k.status ?>&amp;overdue=1">超期 <?cs var:k.overdue ?></a><?cs /if ?></li><?cs /each ?><?cs if:Escalated.n ?><li><a class="overdue" href="/staff/complaints?escalated=1">督办 <?cs var:Escalated.n ?></a></li><?cs /if ?></ul>
<form action="/staff/complaints" method="get" class="filters">
<div class="field"><label for="status">状态</label><select id="status" name="status"><option value="">全部</option>
<?cs each:s = Statuses ?>
<option value="<?cs var:s.code ?>"<?cs if:Form.status == s.code ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?></select></div>
<div class="field"><label for="category">类别</label><select id="category" name="category"><option value="">全部</option><?cs each:k = Categories ?>
<option value="<?cs var:k.code ?>"<?cs if:Form.category == k.code ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?></select></div>
<div class="field"><label for="region">地区代码</label><input id="region" name="region" maxlength="9" inputmode="numeric" value="<?cs var:Form.region ?>"></div>
<div class="field"><label><input type="checkbox" name="overdue" value="1"<?cs if:Form.overdue == "1" ?> checked<?cs /if ?>> 只看超期</label></div>
<div class="field"><label><input type="checkbox" name="escalated" value="1"<?cs if:Form.escalated == "1" ?> checked<?cs /if ?>> 只看督办</label></div>
<?cs if:Form.outlet ?><input type="hidden" name="outlet" value="<?cs var:Form.outlet ?>"><?cs /if ?>
<button type="submit">筛选</button>
</form><?cs call:error_summary() ?>
<p class="count">共 <?cs var:Paging.total ?> 件。</p>
<table class="queue">
<thead><tr><th scope="col">受理编号</th><th scope="col">状态</th><th scope="col">类别</th><th scope="col">渠道</th><th scope="col">被投诉商店</th><th scope="col">提交</th><th scope="col">期限</th><th scope="col">承办</th></tr></thead>
<tbody><?cs each:q = Queue ?><tr<?cs if:q.overdue == "1" ?> class="overdue-row"<?cs /if ?>><th scope="row"><a href="/staff/complaints/<?cs var:q.id ?>"><?cs var:q.tracking_no ?></a><?cs call:demo_badge(q) ?></th><td><?cs var:q.status_name ?></td><td><?cs var:q.category_name ?></td><td><?cs var:q.channel_label ?></td><td><?cs var:q.outlet ?>（<?cs var:q.county ?>）</td><td><?cs var:q.submitted ?></td><td><?cs var:q.due ?><?cs if:q.overdue == "1" ?> <strong class="overdue">已超期</strong><?cs /if ?><?cs if:q.escalated == "1" ?> <strong class="overdue">督办</strong><?cs /if ?></td><td><?cs var:q.assignee ?></td></tr>
<?cs /each ?></tbody></table>
<?cs call:paging("/staff/complaints", Query.all) ?>
