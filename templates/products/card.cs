<?cs def:product_facts(p) ?><dl class="facts">
<dt>品牌</dt><dd><?cs var:p.brand ?></dd>
<dt>型号</dt><dd><?cs var:p.model ?></dd>
<dt>生产企业</dt><dd><?cs var:p.manufacturer ?></dd>
<dt>类别</dt><dd><?cs var:p.category ?></dd>
<dt>规格</dt><dd><?cs var:p.spec ?></dd>
<dt>中标价</dt><dd><?cs var:p.bid_price_yuan ?> 元</dd>
<dt>本类最高限价</dt><dd><?cs if:p.cap_yuan ?><?cs var:p.cap_yuan ?> 元<?cs else ?>暂无执行中的最高限价<?cs /if ?></dd>
<dt>按中标价可领补贴</dt><dd><?cs if:p.over_cap ?>中标价超过限价，不能补贴<?cs elif:p.subsidy_yuan ?><?cs var:p.subsidy_yuan ?> 元<?cs else ?>本类暂无执行中的限价，暂不能补贴<?cs /if ?></dd>
<dt>中标批次</dt><dd><?cs var:p.bid_batch ?></dd>
<dt>状态</dt><dd><?cs var:p.status_name ?></dd>
</dl><?cs /def ?>
