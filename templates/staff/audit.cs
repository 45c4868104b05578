<?cs include:"macros.cs" ?>
<h1>操作日志</h1>
<form action="/staff/audit" method="get" class="filters">
<div class="field"><label for="user">用户名</label><input id="user" name="user" maxlength="32" value="<?cs var:Form.user ?>"></div>
<div class="field"><label for="action">操作</label><input id="action" name="action" maxlength="40" value="<?cs var:Form.action ?>"></div>
<button type="submit">筛选</button>
</form><?cs call:error_summary() ?>
<p class="count">共 <?cs var:Paging.total ?> 条。</p>
<table class="audit">
<thead><tr><th scope="col">时间</th><th scope="col">用户</th><th scope="col">地址</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">修改前</th><th scope="col">修改后</th></tr></thead>
<tbody><?cs each:a = Audit ?><tr><td><?cs var:a.at ?></td><td><?cs var:a.username ?></td><td><?cs var:a.address ?></td><td><?cs var:a.action ?></td><td><?cs var:a.object_type ?> <?cs var:a.object_id ?></td><td><code><?cs var:a.before_json ?></code></td><td><code><?cs var:a.after_json ?></code></td></tr>
<?cs /each ?></tbody>
</table>
<?cs call:paging("/staff/audit", Query.all) ?>
