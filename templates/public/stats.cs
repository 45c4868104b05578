<?cs include:"macros.cs" ?><?cs def:bar_chart(chart, id, title) ?><?cs if:subcount(chart.rows) > 0 ?><svg role="img" aria-labelledby="<?cs var:id ?>-t" viewBox="0 0 540 <?cs var:chart.height ?>" width="100%" font-size="13"><title id="<?cs var:id ?>-t"><?cs var:title ?>（柱状图，数字见下表）</title>
<?cs each:r = chart.rows ?><text x="155" y="<?cs var:r.ty ?>" text-anchor="end"><?cs var:r.label ?></text><rect x="160" y="<?cs var:r.y ?>" width="<?cs var:r.w ?>" height="16" fill="#b91c1c"/><text x="<?cs var:r.tx ?>" y="<?cs var:r.ty ?>"><?cs var:r.n ?></text>
<?cs /each ?></svg><?cs /if ?><?cs /def ?><?cs def:count_table(chart, caption, head) ?><table class="stats">
<caption><?cs var:caption ?></caption>
<thead><tr><th scope="col"><?cs var:head ?></th><th scope="col">件数</th></tr></thead>
<tbody><?cs each:r = chart.rows ?><tr><th scope="row"><?cs var:r.name ?></th><td><?cs var:r.n ?></td></tr>
<?cs /each ?></tbody>
</table><?cs /def ?><?cs def:stats_href(region) ?>/stats<?cs if:region ?>?region=<?cs var:region ?><?cs if:Filter.year ?>&amp;year=<?cs var:Filter.year ?><?cs /if ?><?cs elif:Filter.year ?>?year=<?cs var:Filter.year ?><?cs /if ?><?cs /def ?>
<h1>投诉统计</h1>
<p>群众通过本站投诉家电下乡指定网点的情况，按被投诉网点所在地区统计<?cs if:Filter.year ?>，只含 <?cs var:Filter.year ?> 年提交的投诉<?cs /if ?>。</p>
<nav class="crumbs" aria-label="统计地区"><a href="<?cs call:stats_href("") ?>">全国</a><?cs each:r = RegionPath ?> › <a href="<?cs call:stats_href(r.code) ?>"<?cs if:r.code == Form.region ?> aria-current="page"<?cs /if ?>><?cs var:r.name ?></a><?cs /each ?></nav>
<?cs if:subcount(RegionChildren) > 0 ?><details class="regions"><summary>选择<?cs if:subcount(RegionPath) == 0 ?>省份<?cs elif:subcount(RegionPath) == 1 ?>城市<?cs else ?>县（市、区）<?cs /if ?></summary>
<ul class="region-links"><?cs each:r = RegionChildren ?><li><a href="<?cs call:stats_href(r.code) ?>"><?cs var:r.name ?></a></li><?cs /each ?></ul>
</details><?cs /if ?>
<?cs call:error_summary() ?>
<form action="/stats" method="get" class="filters">
<?cs if:Form.region && !Errors.region ?><input type="hidden" name="region" value="<?cs var:Form.region ?>"><?cs /if ?>
<div class="field"><label for="year">提交年份</label>
<select id="year" name="year"<?cs if:Errors.year ?> aria-invalid="true" aria-describedby="year-error"<?cs /if ?>><option value="">全部年份</option><?cs each:y = Years ?>
<option value="<?cs var:y ?>"<?cs if:y == Filter.year ?> selected<?cs /if ?>><?cs var:y ?> 年</option><?cs /each ?>
</select><?cs call:field_error("year") ?></div>
<button type="submit">查看</button>
</form>
<?cs if:!ErrorList.0 ?>
<p class="count" role="status">共 <strong><?cs var:Stats.total ?></strong> 件投诉（统计时间 <?cs var:Stats.computed_at ?>；范围大的统计最多 5 分钟更新一次）。</p>
<?cs if:#Stats.demo > 0 ?><p class="warn" role="note">其中 <?cs var:Stats.demo ?> 件是演示用的示例投诉（不是真实投诉），已计入以下各项统计。</p>
<?cs /if ?>
<section aria-labelledby="by-category"><h2 id="by-category">按投诉类别</h2>
<?cs call:bar_chart(Stats.category, "c-category", "各类别投诉件数") ?>
<?cs call:count_table(Stats.category, "各类别投诉件数", "类别") ?>
</section>
<section aria-labelledby="by-status"><h2 id="by-status">按办理状态</h2>
<?cs call:bar_chart(Stats.status, "c-status", "各办理状态的投诉件数") ?>
<?cs call:count_table(Stats.status, "各办理状态的投诉件数（当前状态）", "状态") ?>
</section>
<section aria-labelledby="by-channel"><h2 id="by-channel">按投诉渠道</h2>
<?cs call:bar_chart(Stats.channel, "c-channel", "各渠道收到的投诉件数") ?>
<?cs call:count_table(Stats.channel, "各渠道收到的投诉件数（网上投诉、开放接口，以及工作人员登记的电话、信件、来访和热线转办投诉）", "渠道") ?>
</section>
<section aria-labelledby="by-county"><h2 id="by-county">按县（市、区）</h2>
<?cs if:subcount(Stats.county.rows) > 0 ?><?cs call:bar_chart(Stats.county, "c-county", "投诉最多的县（市、区）") ?>
<table class="stats">
<caption>投诉最多的 <?cs var:subcount(Stats.county.rows) ?> 个县（市、区）</caption>
<thead><tr><th scope="col">县（市、区）</th><th scope="col">所属</th><th scope="col">代码</th><th scope="col">件数</th></tr></thead>
<tbody><?cs each:r = Stats.county.rows ?><tr><th scope="row"><a href="<?cs call:stats_href(r.code) ?>"><?cs var:r.name ?></a></th><td><?cs var:r.area ?></td><td><?cs var:r.code ?></td><td><?cs var:r.n ?></td></tr>
<?cs /each ?></tbody>
</table><?cs else ?><p class="empty">暂无投诉。</p><?cs /if ?>
</section>
<section aria-labelledby="by-month"><h2 id="by-month">月度趋势</h2>
<?cs if:subcount(Stats.month.rows) > 0 ?><?cs call:bar_chart(Stats.month, "c-month", "每月收到的投诉件数") ?>
<?cs call:count_table(Stats.month, "每月收到的投诉件数（截至有投诉的最近一个月，最多 24 个月）", "月份") ?>
<?cs else ?><p class="empty">暂无投诉。</p><?cs /if ?>
</section>
<section aria-labelledby="timeliness"><h2 id="timeliness">办理时效</h2>
<table class="stats">
<caption>受理、办结用时和按期办结比例</caption>
<thead><tr><th scope="col">项目</th><th scope="col">结果</th><th scope="col">依据</th></tr></thead>
<tbody>
<tr><th scope="row">受理用时（中位数）</th><td><?cs if:Stats.accept.median_days ?><?cs var:Stats.accept.median_days ?> 天<?cs else ?>—<?cs /if ?></td><td>已受理的 <?cs var:Stats.accept.count ?> 件，自提交到受理</td></tr>
<tr><th scope="row">办结用时（中位数）</th><td><?cs if:Stats.resolve.median_days ?><?cs var:Stats.resolve.median_days ?> 天<?cs else ?>—<?cs /if ?></td><td>已办结的 <?cs var:Stats.resolve.count ?> 件，自受理到办结</td></tr>
<tr><th scope="row">按期办结比例</th><td><?cs if:#Stats.resolve.count > 0 ?><?cs var:Stats.resolve.share ?>%<?cs else ?>—<?cs /if ?></td><td>已办结的 <?cs var:Stats.resolve.count ?> 件中，<?cs var:Stats.resolve.on_time ?> 件在办结期限当日或之前办结</td></tr>
</tbody>
</table>
<p class="hint">用时按自然日计算，精确到小时；办结期限按工作日计算，由受理时确定。</p>
</section>
<?cs /if ?>
<p class="hint">遇到指定网点违规，请<a href="/complaints/new">投诉</a>。</p>
