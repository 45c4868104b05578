<?cs include:"macros.cs" ?>
<h1>家电下乡中标产品</h1>
<form action="/products/check" method="get" role="search" class="check">
<label for="model">型号核验：输入产品型号</label>
<input id="model" name="model" maxlength="64" autocomplete="off" placeholder="例如 TLM32E08">
<button type="submit">核验</button>
</form>
<?cs call:error_summary() ?>
<form action="/products" method="get" class="filters">
<div class="field"><label for="category">类别</label>
<select id="category" name="category"><?cs call:category_options(Form.category) ?></select><?cs call:field_error("category") ?></div>
<div class="field"><label for="brand">品牌</label>
<select id="brand" name="brand"><option value="">全部品牌</option><?cs each:b = Brands ?>
<option<?cs if:Form.brand == b.brand ?> selected<?cs /if ?>><?cs var:b.brand ?></option><?cs /each ?></select></div>
<div class="field"><label for="q">型号或品牌关键词</label>
<input id="q" name="q" type="search" maxlength="50" value="<?cs var:Form.q ?>"<?cs if:Errors.q ?> aria-invalid="true" aria-describedby="q-error"<?cs /if ?>><?cs call:field_error("q") ?></div>
<div class="field"><label for="status">状态</label>
<select id="status" name="status">
<?cs call:code_options(ProductStatuses, Filter.status) ?>
<option value="all"<?cs if:Filter.status == "all" ?> selected<?cs /if ?>>全部</option>
</select><?cs call:field_error("status") ?></div>
<button type="submit">查找</button>
</form>
<?cs if:!ErrorList.0 ?><p class="count" role="status">共 <strong><?cs var:Paging.total ?></strong> 个型号。补贴按中标价计算，实际以发票价格为准。</p><?cs /if ?>
<?cs if:subcount(Products) > 0 ?><table class="products">
<thead><tr><th scope="col">型号</th><th scope="col">类别</th><th scope="col">中标价</th><th scope="col">可领补贴</th></tr></thead>
<tbody><?cs each:p = Products ?>
<tr><th scope="row"><a href="/products/<?cs var:p.id ?>"><?cs var:p.brand ?> <?cs var:p.model ?></a><?cs call:demo_badge(p) ?><?cs if:p.status != "active" ?> <span class="badge cancelled"><?cs var:p.status_short ?></span><?cs /if ?><br><span class="meta"><?cs var:p.manufacturer ?></span></th><td><?cs var:p.category ?></td><td><?cs var:p.bid_price_yuan ?> 元</td><td><?cs if:p.over_cap ?>超过限价 <?cs var:p.cap_yuan ?> 元，不能补贴<?cs elif:p.subsidy_yuan ?><?cs var:p.subsidy_yuan ?> 元<?cs else ?>暂无执行中的限价<?cs /if ?></td></tr><?cs /each ?>
</tbody></table><?cs /if ?>
<?cs call:paging("/products", Query.all) ?>
