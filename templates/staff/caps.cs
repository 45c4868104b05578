<?cs include:"macros.cs" ?>
<?cs def:state(s) ?><?cs if:s == "upcoming" ?><span class="badge demo">尚未执行</span><?cs elif:s == "current" ?><strong>执行中</strong><?cs elif:s == "withdrawn" ?><strong>已撤回</strong><?cs else ?>已被取代<?cs /if ?><?cs /def ?>
<?cs def:withdrawal(kind, row) ?><?cs if:row.state == "withdrawn" ?><p class="hint"><?cs var:row.withdrawn_at ?> 由 <?cs var:row.withdrawn_by ?> 撤回：<?cs var:row.withdrawn_reason ?></p><?cs elif:CanChange && row.state == "upcoming" ?><?cs set:mine = WithdrawFor == kind + "-" + row.id ?>
<form action="/staff/<?cs var:kind ?>s/<?cs var:row.id ?>/withdraw" method="post" class="withdraw">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<label for="withdraw-<?cs var:kind ?>-<?cs var:row.id ?>">撤回原因（录入有误时，执行前可以撤回）</label>
<input id="withdraw-<?cs var:kind ?>-<?cs var:row.id ?>" name="reason" maxlength="200" required value="<?cs if:mine ?><?cs var:Form.reason ?><?cs /if ?>"<?cs if:mine && Errors.reason ?> aria-invalid="true" aria-describedby="reason-error"<?cs /if ?>><?cs if:mine ?><?cs call:field_error("reason") ?><?cs /if ?>
<button type="submit">撤回这条</button>
</form><?cs /if ?><?cs /def ?>
<?cs def:kept(kind, name) ?><?cs if:Form.kind == kind ?><?cs var:Form[name] ?><?cs /if ?><?cs /def ?>
<?cs def:invalid(kind, name) ?><?cs if:Form.kind == kind && Errors[name] ?> aria-invalid="true" aria-describedby="<?cs var:name ?>-error"<?cs /if ?><?cs /def ?>
<?cs def:kept_error(kind, name) ?><?cs if:Form.kind == kind ?><?cs call:field_error(name) ?><?cs /if ?><?cs /def ?>
<h1>限价与补贴比例</h1>
<p>限价、补贴比例和类别都只能新增一条带起始日期的记录，不能修改已有记录；补贴计算、产品目录和公开的<a href="/caps">限价与补贴标准</a>都按购买当天执行的标准。尚未执行的记录如录入有误，管理员可以写明原因撤回：撤回的记录留在调整记录里，不再使用；已经执行的记录不能撤回，只能新增一条起始日期在今后的记录来更正。</p>
<?cs call:error_summary() ?>
<h2>现行补贴比例</h2>
<?cs if:Rate.percent ?><p>按发票价格的 <strong><?cs var:Rate.percent ?>%</strong> 补贴，中央财政负担 <?cs var:Rate.central_percent ?>%，省级财政负担 <?cs var:Rate.provincial_percent ?>%（自 <?cs var:Rate.effective_from ?> 起执行）。</p><?cs else ?><p class="warn">今天没有执行中的补贴比例。</p><?cs /if ?>
<h2 id="categories">类别与现行最高限价（<?cs var:Today ?>）</h2>
<table class="caps">
<thead><tr><th scope="col">类别</th><th scope="col">代码</th><th scope="col">排列顺序</th><th scope="col">现行最高限价</th><th scope="col">起始日期</th><th scope="col">待执行</th></tr></thead>
<tbody><?cs each:k = Categories ?>
<tr><th scope="row"><?cs var:k.name ?></th><td><?cs var:k.code ?></td><td><?cs var:k.sort_order ?></td><td><?cs if:k.cap_yuan ?><?cs var:k.cap_yuan ?> 元<?cs else ?>尚无执行中的限价，公开页面不显示这个类别<?cs /if ?></td><td><?cs var:k.since ?></td><td><?cs if:k.next_from ?>自 <?cs var:k.next_from ?> 起有新限价<?cs /if ?></td></tr><?cs /each ?>
</tbody></table>
<h2 id="cap-history">限价调整记录</h2>
<table class="caps">
<thead><tr><th scope="col">类别</th><th scope="col">最高限价</th><th scope="col">起始日期</th><th scope="col">状态</th><th scope="col">调整依据</th><th scope="col">录入时间</th></tr></thead>
<tbody><?cs each:h = History ?>
<tr id="cap-<?cs var:h.id ?>"><th scope="row"><?cs var:h.name ?></th><td><?cs var:h.cap_yuan ?> 元</td><td><?cs var:h.effective_from ?></td><td><?cs call:state(h.state) ?><?cs call:withdrawal("cap", h) ?></td><td><?cs var:h.note ?></td><td><?cs if:h.created_at ?><?cs var:h.created_at ?><?cs else ?>初始数据<?cs /if ?></td></tr><?cs /each ?>
</tbody></table>
<h2 id="rate-history">补贴比例调整记录</h2>
<table class="caps">
<thead><tr><th scope="col">补贴比例</th><th scope="col">中央／省级</th><th scope="col">起始日期</th><th scope="col">状态</th><th scope="col">调整依据</th><th scope="col">录入时间</th></tr></thead>
<tbody><?cs each:r = Rates ?>
<tr id="rate-<?cs var:r.id ?>"><th scope="row"><?cs var:r.percent ?>%</th><td><?cs var:r.central_percent ?>% ／ <?cs var:r.provincial_percent ?>%</td><td><?cs var:r.effective_from ?></td><td><?cs call:state(r.state) ?><?cs call:withdrawal("rate", r) ?></td><td><?cs var:r.note ?></td><td><?cs if:r.created_at ?><?cs var:r.created_at ?><?cs else ?>初始数据<?cs /if ?></td></tr><?cs /each ?>
</tbody></table>
<?cs if:CanChange ?>
<h2 id="new-cap">新增一条最高限价</h2>
<form action="/staff/caps" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<input type="hidden" name="kind" value="cap">
<div class="field"><label for="cap-category">商品类别</label>
<select id="cap-category" name="category" required<?cs call:invalid("cap", "category") ?>><option value="">请选择</option><?cs each:k = Categories ?>
<option value="<?cs var:k.code ?>"<?cs if:Form.kind == "cap" && Form.category == k.code ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?></select><?cs call:kept_error("cap", "category") ?></div>
<div class="field"><label for="cap">最高限价（元）</label>
<input id="cap" name="cap" inputmode="decimal" maxlength="16" required value="<?cs var:Form.cap ?>"<?cs call:invalid("cap", "cap") ?>><?cs call:kept_error("cap", "cap") ?></div>
<div class="field"><label for="cap-from">起始日期（可以是过去或将来的日期）</label>
<input id="cap-from" name="effective_from" type="date" maxlength="10" required value="<?cs call:kept("cap", "effective_from") ?>"<?cs call:invalid("cap", "effective_from") ?>><?cs call:kept_error("cap", "effective_from") ?></div>
<div class="field"><label for="cap-note">调整依据（如文件名称和文号，公开显示）</label>
<input id="cap-note" name="note" maxlength="200" required value="<?cs call:kept("cap", "note") ?>"<?cs call:invalid("cap", "note") ?>><?cs call:kept_error("cap", "note") ?></div>
<button type="submit">添加限价</button>
</form>
<h2 id="new-rate">新增一条补贴比例</h2>
<form action="/staff/caps" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<input type="hidden" name="kind" value="rate">
<div class="field"><label for="rate">补贴比例（发票价格的百分之几，最多两位小数）</label>
<input id="rate" name="rate" inputmode="decimal" maxlength="8" required value="<?cs var:Form.rate ?>"<?cs call:invalid("rate", "rate") ?>><?cs call:kept_error("rate", "rate") ?></div>
<div class="field"><label for="central_share">其中中央财政负担（百分之几，其余由省级财政负担）</label>
<input id="central_share" name="central_share" inputmode="decimal" maxlength="8" required value="<?cs var:Form.central_share ?>"<?cs call:invalid("rate", "central_share") ?>><?cs call:kept_error("rate", "central_share") ?></div>
<div class="field"><label for="rate-from">起始日期（可以是过去或将来的日期）</label>
<input id="rate-from" name="effective_from" type="date" maxlength="10" required value="<?cs call:kept("rate", "effective_from") ?>"<?cs call:invalid("rate", "effective_from") ?>><?cs call:kept_error("rate", "effective_from") ?></div>
<div class="field"><label for="rate-note">调整依据（如文件名称和文号，公开显示）</label>
<input id="rate-note" name="note" maxlength="200" required value="<?cs call:kept("rate", "note") ?>"<?cs call:invalid("rate", "note") ?>><?cs call:kept_error("rate", "note") ?></div>
<button type="submit">添加补贴比例</button>
</form>
<h2 id="new-category">新增类别</h2>
<p class="hint">新类别要再添加一条最高限价，才会出现在公开页面、补贴计算和产品目录里。</p>
<form action="/staff/categories" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="code">类别代码（小写英文字母开头，只含小写字母、数字和下划线，最多 16 个字符，例如 aircon）</label>
<input id="code" name="code" maxlength="16" autocapitalize="none" required value="<?cs var:Form.code ?>"<?cs if:Errors.code ?> aria-invalid="true" aria-describedby="code-error"<?cs /if ?>><?cs call:field_error("code") ?></div>
<div class="field"><label for="name">类别名称</label>
<input id="name" name="name" maxlength="32" required value="<?cs var:Form.name ?>"<?cs if:Errors.name ?> aria-invalid="true" aria-describedby="name-error"<?cs /if ?>><?cs call:field_error("name") ?></div>
<div class="field"><label for="sort_order">排列顺序（0 到 9999，小的在前）</label>
<input id="sort_order" name="sort_order" inputmode="numeric" maxlength="4" value="<?cs if:Form.sort_order ?><?cs var:Form.sort_order ?><?cs else ?><?cs var:NextSort ?><?cs /if ?>"<?cs if:Errors.sort_order ?> aria-invalid="true" aria-describedby="sort_order-error"<?cs /if ?>><?cs call:field_error("sort_order") ?></div>
<button type="submit">添加类别</button>
</form>
<?cs else ?><p class="hint">只有不限地区的管理员可以调整限价、补贴比例和类别。</p><?cs /if ?>
