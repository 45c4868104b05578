<?cs def:status_warning(o) ?><?cs if:o.status == "suspended" ?><p class="warn" role="note"><strong>注意：该店指定店资格自 <?cs var:o.status.since ?> 起暂停</strong><?cs if:o.status.reason ?>（原因：<?cs var:o.status.reason ?>）<?cs /if ?>。暂停期间在这里购买不能享受补贴。</p><?cs elif:o.status == "cancelled" ?><p class="warn" role="note"><strong>注意：该店指定店资格已于 <?cs var:o.status.since ?> 取消</strong><?cs if:o.status.reason ?>（原因：<?cs var:o.status.reason ?>）<?cs /if ?>。在这里购买不能享受补贴。</p><?cs /if ?><?cs /def ?>
<?cs def:outlet_facts(o) ?><dl class="facts">
<dt>备案编号</dt><dd><?cs var:o.reg_no ?></dd>
<dt>状态</dt><dd><span class="status <?cs var:o.status ?>"><?cs var:o.status.name ?></span>（<?cs var:o.status.since ?> 起）</dd>
<dt>销售企业</dt><dd><a href="/outlets?enterprise=<?cs var:o.enterprise.id ?>&amp;status=all"><?cs var:o.enterprise ?></a>（<?cs var:o.enterprise.mode ?>）</dd>
<dt>所在乡镇</dt><dd><?cs var:o.place.locality ?></dd>
<dt>地址</dt><dd><?cs var:o.place.address ?></dd>
<dt>电话</dt><dd><?cs if:o.place.phone ?><a href="tel:<?cs var:o.place.phone ?>"><?cs var:o.place.phone ?></a><?cs else ?>未登记<?cs /if ?></dd>
<dt>经营类别</dt><dd><?cs var:o.offers.categories ?></dd>
<dt>服务</dt><dd><?cs if:o.offers.services ?><?cs var:o.offers.services ?><?cs else ?>未登记<?cs /if ?></dd>
<dt>登记日期</dt><dd><?cs var:o.registered_on ?></dd>
</dl><?cs /def ?>
<?cs # demo_badge (macros.cs) is written out in the card: twenty calls a page cost more than its test. ?><?cs def:outlet_card(o) ?><article class="outlet">
<h3><a href="/outlets/<?cs var:o.id ?>"><?cs var:o.name ?></a><?cs if:o.is_demo == "1" ?> <span class="badge demo">示例</span><?cs /if ?><?cs if:o.status == "active" ?></h3>
<?cs else ?> <span class="badge <?cs var:o.status ?>">已<?cs var:o.status.name ?></span></h3>
<?cs call:status_warning(o) ?><?cs /if ?>
<?cs call:outlet_facts(o) ?>
</article><?cs /def ?>
