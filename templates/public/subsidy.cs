<?cs include:"macros.cs" ?>
<h1>补贴计算</h1>
<?cs if:Result.subsidy_yuan ?><div class="result ok" role="status">
<p>在限价以内，可以领取补贴 <strong class="amount"><?cs var:Result.subsidy_yuan ?> 元</strong>。</p>
<p>发票价格 <?cs var:Result.price_yuan ?> 元 × <?cs var:Rate.percent ?>% = <?cs var:Result.subsidy_yuan ?> 元（其中中央财政 <?cs var:Result.central_yuan ?> 元，省级财政 <?cs var:Result.provincial_yuan ?> 元）。领到补贴后，实际花费 <?cs var:Result.net_yuan ?> 元。</p>
<p>按 <?cs var:Result.date ?> 执行的标准计算：<?cs var:Cap.name ?>最高限价 <?cs var:Cap.cap_yuan ?> 元。<a href="/caps">领补贴要带什么</a></p>
</div><?cs elif:Result.over_cap ?><div class="result over" role="status">
<p><strong>不能领补贴</strong>：<?cs var:Cap.name ?>的最高限价是 <?cs var:Cap.cap_yuan ?> 元，发票价格 <?cs var:Result.price_yuan ?> 元，超出 <?cs var:Result.over_by_yuan ?> 元。</p>
<p>超过限价的产品，即使是中标型号、在指定店购买，也不能享受补贴。请选购限价以内的型号。</p>
</div><?cs /if ?>
<?cs call:error_summary() ?>
<form action="/subsidy" method="get" class="calc" novalidate>
<div class="field">
<label for="category">商品类别</label>
<select id="category" name="category"<?cs if:Errors.category ?> aria-invalid="true" aria-describedby="category-error"<?cs /if ?>>
<option value="">请选择</option><?cs each:c = Caps ?>
<option value="<?cs var:c.code ?>"<?cs if:Form.category == c.code ?> selected<?cs /if ?>><?cs var:c.name ?>（限价 <?cs var:c.cap_yuan ?> 元）</option><?cs /each ?>
</select>
<?cs call:field_error("category") ?>
</div>
<div class="field">
<label for="price">发票价格（元）</label>
<input id="price" name="price" inputmode="decimal" maxlength="16" value="<?cs var:Form.price ?>"<?cs if:Errors.price ?> aria-invalid="true" aria-describedby="price-error"<?cs /if ?>>
<?cs call:field_error("price") ?>
</div>
<div class="field">
<label for="date">购买日期（可不填，默认今天）</label>
<input id="date" name="date" type="date" maxlength="10" value="<?cs var:Form.date ?>"<?cs if:Errors.date ?> aria-invalid="true" aria-describedby="date-error"<?cs /if ?>>
<?cs call:field_error("date") ?>
</div>
<button type="submit">计算</button>
</form>
<p class="hint">补贴 = 发票价格 × <?cs var:Rate.percent ?>%，价格须在该类产品的最高限价以内。</p>
