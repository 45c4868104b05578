<?cs include:"macros.cs" ?><?cs include:"outlets/card.cs" ?>
<h1>网点核验：这家店是不是家电下乡指定店？</h1>
<?cs call:error_summary() ?>
<form action="/outlets/check" method="get" role="search">
<label for="check-q">备案编号、店名或电话</label>
<input id="check-q" name="q" type="search" maxlength="50" required value="<?cs var:Form.q ?>"<?cs if:Errors.q ?> aria-invalid="true" aria-describedby="q-error"<?cs /if ?>>
<?cs call:field_error("q") ?>
<button type="submit">查询</button>
</form>
<?cs if:Check.kind == "none" ?><div class="answer no" role="status">
<h2>没有找到“<?cs var:Form.q ?>”</h2>
<p><strong>它不是登记备案的家电下乡指定店，在这里购买不能领补贴。</strong>请核对备案编号（贴在店内“家电下乡指定店”牌匾旁）或电话是否输错。</p>
<p>请到指定店购买：<a href="/outlets">按地区查找指定网点</a>。如果这家店自称指定店，可以<a href="/complaints/new">投诉</a>（冒用指定店名义）。</p>
</div><?cs elif:Check.kind ?><div class="answer<?cs if:Check.count == 1 && Found.0.status != "active" ?> no<?cs /if ?>" role="status">
<?cs if:Check.count == 1 ?><?cs each:o = Found ?><?cs if:o.status == "active" ?><h2 class="yes">是指定店：<?cs var:o.name ?></h2>
<p><strong>登记备案，状态正常（<?cs var:o.status.since ?> 起）。</strong>在这里购买限价以内的中标产品，可以申领补贴。</p><?cs elif:o.status == "suspended" ?><h2 class="no">已暂停：<?cs var:o.name ?></h2>
<p><strong>该店的指定店资格自 <?cs var:o.status.since ?> 起暂停<?cs if:o.status.reason ?>，原因：<?cs var:o.status.reason ?><?cs /if ?>。</strong>暂停期间在这里购买不能享受补贴。</p><?cs else ?><h2 class="no">已取消：<?cs var:o.name ?></h2>
<p><strong>该店的指定店资格已于 <?cs var:o.status.since ?> 取消<?cs if:o.status.reason ?>，原因：<?cs var:o.status.reason ?><?cs /if ?>。</strong>在这里购买不能享受补贴。</p><?cs /if ?><?cs /each ?><?cs else ?><h2>找到 <?cs if:Check.more ?>10 家以上<?cs else ?><?cs var:Check.count ?> 家<?cs /if ?>相关网点</h2>
<p>请核对店名、地址和备案编号，确认是哪一家<?cs if:Check.more ?>；结果较多，请输入更完整的店名或备案编号<?cs /if ?>：</p><?cs /if ?>
</div>
<?cs each:o = Found ?><?cs call:outlet_card(o) ?>
<?cs /each ?><?cs /if ?>
<p class="hint">备案编号、店名和电话都可以查。指定店应当悬挂“家电下乡指定店”牌匾，张贴购买须知。</p>
