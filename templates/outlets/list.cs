<?cs include:"macros.cs" ?><?cs include:"outlets/card.cs" ?>
<h1>家电下乡指定网点</h1>
<nav class="crumbs" aria-label="当前地区"><a href="/outlets<?cs if:Query.no_region ?>?<?cs var:Query.no_region ?><?cs /if ?>">全国</a><?cs each:r = RegionPath ?> › <a href="/outlets?region=<?cs var:r.code ?><?cs if:Query.no_region ?>&amp;<?cs var:Query.no_region ?><?cs /if ?>"><?cs var:r.name ?></a><?cs /each ?></nav>
<?cs if:subcount(RegionChildren) > 0 ?><details class="regions"<?cs if:!Form.q ?> open<?cs /if ?>><summary>选择<?cs if:subcount(RegionPath) == 0 ?>省份<?cs elif:subcount(RegionPath) == 1 ?>城市<?cs elif:subcount(RegionPath) == 2 ?>县（市、区）<?cs else ?>乡镇（街道）<?cs /if ?></summary>
<ul class="region-links"><?cs if:Query.no_region ?><?cs each:r = RegionChildren ?><li><a href="/outlets?region=<?cs var:r.code ?>&amp;<?cs var:Query.no_region ?>"><?cs var:r.name ?></a></li><?cs /each ?><?cs else ?><?cs each:r = RegionChildren ?><li><a href="/outlets?region=<?cs var:r.code ?>"><?cs var:r.name ?></a></li><?cs /each ?><?cs /if ?></ul>
</details><?cs /if ?>
<?cs call:error_summary() ?>
<form action="/outlets" method="get" class="filters">
<?cs if:Form.region && !Errors.region ?><input type="hidden" name="region" value="<?cs var:Form.region ?>"><?cs /if ?>
<?cs if:Form.enterprise && !Errors.enterprise ?><input type="hidden" name="enterprise" value="<?cs var:Form.enterprise ?>"><?cs /if ?>
<div class="field"><label for="q">店名、地址、企业、备案编号或电话</label>
<input id="q" name="q" type="search" maxlength="50" value="<?cs var:Form.q ?>"<?cs if:Errors.q ?> aria-invalid="true" aria-describedby="q-error"<?cs /if ?>><?cs call:field_error("q") ?></div>
<div class="field"><label for="category">经营类别</label>
<select id="category" name="category"><?cs call:category_options(Form.category) ?></select><?cs call:field_error("category") ?></div>
<div class="field"><label for="status">状态</label>
<select id="status" name="status">
<?cs call:code_options(OutletStatuses, Filter.status) ?>
<option value="all"<?cs if:Filter.status == "all" ?> selected<?cs /if ?>>全部</option>
</select><?cs call:field_error("status") ?></div>
<button type="submit">查找</button>
</form>
<?cs if:subcount(Exact) > 0 ?><section class="exact" aria-labelledby="exact-title"><h2 id="exact-title">备案编号或电话完全一致</h2>
<?cs each:o = Exact ?><?cs call:outlet_card(o) ?>
<?cs /each ?></section><?cs /if ?>
<?cs if:Paging.capped ?><p class="warn" role="note">符合的网点超过 <?cs var:Paging.total ?> 家，只列出前 <?cs var:Paging.total ?> 家（按登记先后）。请选择地区或换一个更具体的关键词。</p><?cs /if ?>
<?cs if:!ErrorList.0 ?><p class="count" role="status">共找到 <strong><?cs var:Paging.total ?></strong><?cs if:Paging.capped ?> 多<?cs /if ?> 家<?cs if:Filter.status == "active" ?>状态正常的<?cs /if ?>指定网点<?cs if:Filter.status == "active" ?>（已暂停、已取消的网点请在“状态”中选择）<?cs /if ?>。</p><?cs /if ?>
<?cs if:subcount(Outlets) > 0 ?><h2>网点名单</h2>
<?cs /if ?><?cs each:o = Outlets ?><?cs call:outlet_card(o) ?>
<?cs /each ?>
<?cs call:paging("/outlets", Query.all) ?>
<p class="hint">没找到？可以用<a href="/outlets/check">网点核验</a>查一家店是不是指定店；遇到冒充指定店的商家，请<a href="/complaints/new">投诉</a>。</p>
