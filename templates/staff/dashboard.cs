<h1>工作台</h1>
<p>您好，<?cs var:Staff.display_name ?>（角色：<?cs var:Staff.role ?><?cs if:Staff.region ?>，负责地区 <?cs var:Staff.region ?><?cs /if ?>）。</p>
<ul class="links">
<?cs if:Staff.can_records ?><li><a href="/staff/outlets">网点档案</a>：登记、编辑、暂停、取消、恢复网点</li>
<li><a href="/staff/outlets/import">批量导入、导出网点</a>：从 Excel（CSV）文件一次登记多家网点，下载网点名录</li>
<?cs /if ?><?cs if:Staff.can_complaints ?><li><a href="/staff/complaints">投诉处理</a>：受理、调查、办结、答复<?cs if:Overdue > 0 ?>，<a class="overdue" href="/staff/complaints?overdue=1"><strong>超期 <?cs var:Overdue ?> 件</strong></a><?cs /if ?><?cs if:Escalated > 0 ?>，<a class="overdue" href="/staff/complaints?escalated=1"><strong>督办 <?cs var:Escalated ?> 件</strong></a><?cs /if ?></li>
<?cs /if ?><?cs if:Staff.can_notices ?><li><a href="/staff/notices">通知公告管理</a>：起草、预览、发布、撤回，上传附件</li>
<?cs /if ?><?cs if:Staff.is_admin ?><li><a href="/staff/accounts">账号管理</a>：新建账号、设置角色和地区、停用、重置密码</li>
<li><a href="/staff/audit">操作日志</a>：所有工作人员的操作记录</li>
<li><a href="/staff/apikeys">Open311 接口密钥</a>：生成、吊销外部应用提交投诉用的密钥</li>
<?cs /if ?><?cs if:Staff.role != "editor" ?><li><a href="/staff/reports/weekly">周报</a>：本地区每周的投诉办理和网点变动，可下载 CSV</li>
<?cs /if ?><li><a href="/staff/password">修改密码</a></li>
<?cs if:Staff.role == "records" || Staff.role == "admin" ?><li><a href="/staff/products">中标产品档案</a>：登记、修改、撤销中标产品型号</li>
<li><a href="/staff/caps">限价与补贴比例</a>：查看<?cs if:Staff.role == "admin" ?>、按起始日期调整<?cs /if ?>各类别最高限价、补贴比例和类别</li>
<?cs /if ?></ul>
