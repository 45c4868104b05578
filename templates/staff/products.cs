<?cs include:"macros.cs" ?>
<h1>中标产品档案</h1>
<p><a href="/staff/products/new">登记中标产品</a> · <a href="/staff/products/import">批量导入、导出</a> · <a href="/staff/caps">限价与补贴比例</a></p>
<?cs call:error_summary() ?>
<form action="/staff/products" method="get" class="filters">
<div class="field"><label for="category">类别</label>
<select id="category" name="category"<?cs if:Errors.category ?> aria-invalid="true" aria-describedby="category-error"<?cs /if ?>><option value="">全部类别</option><?cs each:k = Categories ?>
<option value="<?cs var:k.code ?>"<?cs if:Form.category == k.code ?> selected<?cs /if ?>><?cs var:k.name ?></option><?cs /each ?></select><?cs call:field_error("category") ?></div>
<div class="field"><label for="status">状态</label>
<select id="status" name="status"<?cs if:Errors.status ?> aria-invalid="true" aria-describedby="status-error"<?cs /if ?>>
<option value="all"<?cs if:Filter.status == "all" ?> selected<?cs /if ?>>全部</option>
<?cs call:code_options(ProductStatuses, Filter.status) ?>
</select><?cs call:field_error("status") ?></div>
<div class="field"><label for="q">型号、品牌或生产企业</label>
<input id="q" name="q" type="search" maxlength="50" value="<?cs var:Form.q ?>"<?cs if:Errors.q ?> aria-invalid="true" aria-describedby="q-error"<?cs /if ?>><?cs call:field_error("q") ?></div>
<button type="submit">查找</button>
</form>
<?cs if:!ErrorList.0 ?><p class="count" role="status">共 <strong><?cs var:Paging.total ?></strong> 个型号。</p><?cs /if ?>
<?cs if:subcount(Products) > 0 ?><table class="products">
<thead><tr><th scope="col">型号</th><th scope="col">类别</th><th scope="col">中标价</th><th scope="col">批次</th><th scope="col">状态</th></tr></thead>
<tbody><?cs each:p = Products ?>
<tr><th scope="row"><a href="/staff/products/<?cs var:p.id ?>"><?cs var:p.brand ?> <?cs var:p.model ?></a><?cs call:demo_badge(p) ?><br><span class="meta"><?cs var:p.manufacturer ?></span></th><td><?cs var:p.category ?></td><td><?cs var:p.bid_price_yuan ?> 元</td><td><?cs var:p.bid_batch ?></td><td><?cs if:p.status == "active" ?><?cs var:p.status_short ?><?cs else ?><span class="badge cancelled"><?cs var:p.status_short ?></span><?cs /if ?></td></tr><?cs /each ?>
</tbody></table><?cs /if ?>
<?cs call:paging("/staff/products", Query.all) ?>
