<?cs include:"macros.cs" ?><?cs include:"products/card.cs" ?>
<h1>型号核验：是不是家电下乡中标产品？</h1>
<?cs call:error_summary() ?>
<form action="/products/check" method="get" role="search">
<label for="model">产品型号（在产品铭牌或包装上）</label>
<input id="model" name="model" maxlength="64" required autocomplete="off" value="<?cs var:Form.model ?>"<?cs if:Errors.model ?> aria-invalid="true" aria-describedby="model-error"<?cs /if ?>>
<?cs call:field_error("model") ?>
<button type="submit">核验</button>
</form>
<?cs if:Check.done ?><?cs if:Check.count == 0 ?><div class="answer no" role="status">
<h2>“<?cs var:Form.model ?>”不是中标产品型号</h2>
<p><strong>购买这个型号不能领补贴。</strong>请核对型号是否输错（大小写、空格和横线不影响查询）。中标产品都贴有“家电下乡产品专用标识卡”。</p>
<p><a href="/products">查看全部中标产品</a></p>
</div><?cs else ?><div class="answer" role="status"><?cs each:p = Found ?><?cs if:p.status == "active" ?>
<h2 class="yes">是中标产品：<?cs var:p.brand ?> <?cs var:p.model ?><?cs call:demo_badge(p) ?></h2>
<?cs if:p.cap_yuan ?><p><strong><?cs var:p.category ?>，本类最高限价 <?cs var:p.cap_yuan ?> 元</strong>。在指定店以限价以内的价格购买，可领发票价格 <?cs var:Rate.percent ?>% 的补贴<?cs if:!p.over_cap ?>，按中标价 <?cs var:p.bid_price_yuan ?> 元计为 <?cs var:p.subsidy_yuan ?> 元<?cs /if ?>。</p><?cs else ?><p><strong><?cs var:p.category ?>今天还没有执行中的最高限价</strong>，暂不能领补贴；请看<a href="/caps">限价与补贴标准</a>。</p><?cs /if ?><?cs else ?>
<h2 class="no">已撤销：<?cs var:p.brand ?> <?cs var:p.model ?><?cs call:demo_badge(p) ?></h2>
<p><strong>该型号已撤销中标资格，购买它不能领补贴。</strong></p><?cs /if ?>
<?cs call:product_facts(p) ?><?cs /each ?></div><?cs /if ?><?cs /if ?>
