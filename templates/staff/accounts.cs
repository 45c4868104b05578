<h1>账号管理</h1>
<p><a href="/staff/accounts/new">新建账号</a></p>
<table>
<thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">角色</th><th scope="col">地区</th><th scope="col">状态</th></tr></thead>
<tbody><?cs each:a = Accounts ?><tr><th scope="row"><a href="/staff/accounts/<?cs var:a.id ?>"><?cs var:a.username ?></a></th><td><?cs var:a.display_name ?></td><td><?cs var:a.role ?></td><td><?cs if:a.region_code ?><?cs var:a.region_code ?><?cs else ?>全部<?cs /if ?></td><td><?cs if:a.disabled == "1" ?>已停用<?cs else ?>正常<?cs /if ?></td></tr>
<?cs /each ?></tbody>
</table>
