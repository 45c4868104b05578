<?cs include:"macros.cs" ?>
<h1>通知公告管理</h1>
<p><a href="/staff/notices/new">新建通知</a></p>
<table>
<thead><tr><th scope="col">标题</th><th scope="col">类别</th><th scope="col">状态</th><th scope="col">版本</th><th scope="col">更新时间</th></tr></thead>
<tbody><?cs each:n = Notices ?><tr><th scope="row"><a href="/staff/notices/<?cs var:n.id ?>"><?cs var:n.title ?></a><?cs call:demo_badge(n) ?></th><td><?cs var:n.kind_name ?></td><td><?cs if:n.status == "published" ?>已发布<?cs elif:n.status == "draft" ?>草稿<?cs else ?>已撤回<?cs /if ?></td><td><?cs var:n.version ?></td><td><?cs var:n.updated ?></td></tr>
<?cs /each ?></tbody>
</table>
