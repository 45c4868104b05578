<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<?cs if:Page.Refresh ?><meta http-equiv="refresh" content="<?cs var:Page.Refresh ?>">
<?cs /if ?><title><?cs if:Page.Title ?><?cs var:Page.Title ?> - <?cs /if ?><?cs var:Site.Name ?></title>
<link rel="stylesheet" href="/static/site.css?v=<?cs var:Site.AssetVersion ?>">
<link rel="icon" href="/static/icon.svg?v=<?cs var:Site.AssetVersion ?>" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
<a class="brand" href="/"><?cs var:Site.Name ?></a>
<?cs if:Page.Staff ?><nav aria-label="工作人员栏目">
<ul>
<?cs if:Staff.username ?><li><a href="/staff/">工作台</a></li>
<?cs if:Staff.can_records ?><li><a href="/staff/outlets">网点档案</a></li>
<?cs /if ?><?cs if:Staff.can_complaints ?><li><a href="/staff/complaints">投诉处理</a></li>
<?cs /if ?><?cs if:Staff.can_notices ?><li><a href="/staff/notices">通知公告管理</a></li>
<?cs /if ?><?cs if:Staff.is_admin ?><li><a href="/staff/accounts">账号管理</a></li>
<li><a href="/staff/audit">操作日志</a></li>
<?cs /if ?><li><a href="/staff/password">修改密码</a></li>
<li><form action="/staff/logout" method="post" class="inline"><input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>"><button type="submit" class="link">退出（<?cs var:Staff.display_name ?>）</button></form></li>
<?cs else ?><li><a href="/staff/login">工作人员登录</a></li>
<?cs /if ?><li><a href="/">公众首页</a></li>
</ul>
</nav><?cs else ?><nav aria-label="主要栏目">
<ul>
<li><a href="/"<?cs if:Request.Path == "/" ?> aria-current="page"<?cs /if ?>>首页</a></li>
<li><a href="/outlets/check"<?cs if:Request.Path == "/outlets/check" ?> aria-current="page"<?cs /if ?>>网点核验</a></li>
<li><a href="/outlets"<?cs if:Request.Path == "/outlets" ?> aria-current="page"<?cs /if ?>>指定网点</a></li>
<li><a href="/products"<?cs if:Request.Path == "/products" ?> aria-current="page"<?cs /if ?>>中标产品</a></li>
<li><a href="/subsidy"<?cs if:Request.Path == "/subsidy" ?> aria-current="page"<?cs /if ?>>补贴计算</a></li>
<li><a href="/caps"<?cs if:Request.Path == "/caps" ?> aria-current="page"<?cs /if ?>>限价与须知</a></li>
<li><a href="/notices"<?cs if:Request.Path == "/notices" ?> aria-current="page"<?cs /if ?>>通知公告</a></li>
<li><a href="/complaints/new"<?cs if:Request.Path == "/complaints/new" ?> aria-current="page"<?cs /if ?>>投诉</a></li>
<li><a href="/stats"<?cs if:Request.Path == "/stats" ?> aria-current="page"<?cs /if ?>>投诉统计</a></li>
</ul>
</nav><?cs /if ?>
</header>
<?cs if:Site.Demo && !Page.Staff ?><aside class="demo-banner" aria-label="演示站点说明"><p>本站是演示站点：标有“示例”的单位、网点、产品和公告均为虚构，不是真实备案信息。</p></aside>
<?cs /if ?><main id="main">
<?cs include:Page.Template ?>
</main>
<footer class="site">
<p>家电下乡：在指定网点购买限价以内的中标产品，凭发票到户籍所在地乡镇财政所申领补贴。<a href="/caps">补贴品种、限价和比例</a></p>
<p><a href="/caps">申领须知</a> · <a href="/notices">通知公告</a></p>
</footer>
</body>
</html>
