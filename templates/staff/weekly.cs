<?cs include:"macros.cs" ?>
<?cs def:week_href(week, format) ?>/staff/reports/weekly?<?cs if:Report.region ?>region=<?cs var:Report.region ?>&amp;<?cs /if ?>week=<?cs var:week ?><?cs if:format ?>&amp;format=<?cs var:format ?><?cs /if ?><?cs /def ?>
<h1>周报<?cs if:Report.week ?>：<?cs var:Report.region_name ?> <?cs var:Report.week ?><?cs /if ?></h1>
<?cs call:error_summary() ?>
<form action="/staff/reports/weekly" method="get" class="filters">
<div class="field"><label for="region">地区代码<?cs if:Staff.region ?>（本地区 <?cs var:Staff.region ?> 或其下级）<?cs else ?>（空白为全国）<?cs /if ?></label>
<input id="region" name="region" inputmode="numeric" maxlength="12" value="<?cs if:Report.week ?><?cs var:Report.region ?><?cs else ?><?cs var:Form.region ?><?cs /if ?>"<?cs if:Errors.region ?> aria-invalid="true" aria-describedby="region-error"<?cs /if ?>><?cs call:field_error("region") ?></div>
<div class="field"><label for="week">周次（如 2010-W10）</label>
<input id="week" name="week" type="week" maxlength="8" value="<?cs if:Report.week ?><?cs var:Report.week ?><?cs else ?><?cs var:Form.week ?><?cs /if ?>"<?cs if:Errors.week ?> aria-invalid="true" aria-describedby="week-error"<?cs /if ?>><?cs call:field_error("week") ?></div>
<?cs call:field_error("format") ?>
<button type="submit">查看</button>
</form>
<?cs if:Report.week ?>
<p><?cs var:Report.region_name ?><?cs if:Report.region ?>（<?cs var:Report.region ?>）<?cs /if ?>，<?cs var:Report.start ?>（星期一）至 <?cs var:Report.end ?>（星期日）。
<a href="<?cs call:week_href(Report.prev, "") ?>">上一周</a> · <a href="<?cs call:week_href(Report.next, "") ?>">下一周</a> · <a href="<?cs call:week_href(Report.week, "csv") ?>">下载 CSV</a></p>
<table class="weekly">
<caption>本周投诉办理情况（件）</caption>
<thead><tr><th scope="col">类别</th><th scope="col">收到投诉</th><th scope="col">受理</th><th scope="col">不予受理</th><th scope="col">办结</th><th scope="col">周末超期未办</th><th scope="col">督办</th><th scope="col">转出</th></tr></thead>
<tbody><?cs each:r = Weekly.rows ?><tr><th scope="row"><?cs var:r.name ?></th><td><?cs var:r.received ?></td><td><?cs var:r.accepted ?></td><td><?cs var:r.rejected ?></td><td><?cs var:r.resolved ?></td><td><?cs var:r.overdue ?></td><td><?cs var:r.escalated ?></td><td><?cs var:r.transferred ?></td></tr>
<?cs /each ?></tbody>
<tfoot><tr><th scope="row">合计</th><td><?cs var:Weekly.total.received ?></td><td><?cs var:Weekly.total.accepted ?></td><td><?cs var:Weekly.total.rejected ?></td><td><?cs var:Weekly.total.resolved ?></td><td><?cs var:Weekly.total.overdue ?></td><td><?cs var:Weekly.total.escalated ?></td><td><?cs var:Weekly.total.transferred ?></td></tr></tfoot>
</table>
<table class="weekly">
<caption>按来源渠道（件）</caption>
<thead><tr><th scope="col">渠道</th><th scope="col">收到投诉</th><th scope="col">受理</th><th scope="col">不予受理</th><th scope="col">办结</th><th scope="col">周末超期未办</th><th scope="col">督办</th><th scope="col">转出</th></tr></thead>
<tbody><?cs each:r = Weekly.channels ?><tr><th scope="row"><?cs var:r.name ?></th><td><?cs var:r.received ?></td><td><?cs var:r.accepted ?></td><td><?cs var:r.rejected ?></td><td><?cs var:r.resolved ?></td><td><?cs var:r.overdue ?></td><td><?cs var:r.escalated ?></td><td><?cs var:r.transferred ?></td></tr>
<?cs /each ?></tbody>
</table>
<table class="weekly">
<caption>本周指定网点变动（家）</caption>
<thead><tr><th scope="col">新备案</th><th scope="col">暂停</th><th scope="col">取消</th></tr></thead>
<tbody><tr><td><?cs var:Weekly.outlets.registered ?></td><td><?cs var:Weekly.outlets.suspended ?></td><td><?cs var:Weekly.outlets.cancelled ?></td></tr></tbody>
</table>
<p class="hint">收到：本周提交的投诉；受理、不予受理、办结：本周作出的决定；周末超期未办：到星期日结束时已过受理或办结期限仍未办理的投诉；督办：本周超期报市级督办的次数；转出：本周转给其他县（区）办理的次数（按转出地统计）。按被投诉网点所在地区统计。网点：本周登记备案的，以及状态记录中本周起暂停、取消的（之后又恢复的也计入）。</p>
<?cs /if ?>
