<?cs include:"macros.cs" ?>
<p class="no-print">这是本店的店内公示，请用浏览器的“打印”（电脑上按 Ctrl+P）打印在一张 A4 纸上，张贴在店内显眼处。</p>
<article class="store-notice">
<h1>家电下乡指定店 · 店内公示</h1>
<p class="shop"><strong><?cs var:Outlet.name ?></strong><?cs call:demo_badge(Outlet) ?><br>
备案编号 <strong class="code"><?cs var:Outlet.reg_no ?></strong><?cs if:Outlet.enterprise ?> · 中标销售企业 <?cs var:Outlet.enterprise ?><?cs /if ?><br>
<?cs var:Outlet.address ?><?cs if:Outlet.phone ?> · 电话 <?cs var:Outlet.phone ?><?cs /if ?></p>
<div class="qr-check"><figure class="qr"><?cs # Notice.qr_svg is drawn by src/base/qr_svg.c; the only data in it is the store check link, encoded ?><?cs uvar:Notice.qr_svg ?>
<figcaption>扫一扫，核验本店是不是有效的家电下乡指定店</figcaption></figure>
<p>也可以打开 <span class="code"><?cs var:Notice.check_url ?></span> 核验。</p></div>
<h2>补贴标准</h2>
<p>在本店购买最高限价以内的家电下乡中标产品，按发票上的实际销售价格补贴 <strong><?cs var:Rate.percent ?>%</strong>。超过限价的不补贴。</p>
<?cs call:caps_table("现行最高限价（" + Today + "）") ?>
<h2>怎样领补贴</h2>
<?cs call:claim_rules() ?>
<h2>投诉</h2>
<p>本店有虚假宣传、乱收费、不帮助申领补贴、不送货安装维修、出售假冒伪劣产品等行为的，请打投诉电话 <strong class="code"><?cs var:Notice.phone ?></strong>，或在网上投诉：<span class="code"><?cs var:Notice.site_url ?>/complaints/new?outlet=<?cs var:Outlet.id ?></span>。</p>
</article>
<p class="no-print"><a href="/outlets/<?cs var:Outlet.id ?>">返回网点信息</a></p>
