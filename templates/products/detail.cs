<?cs include:"macros.cs" ?><?cs include:"products/card.cs" ?>
<h1><?cs var:Product.brand ?> <?cs var:Product.model ?><?cs call:demo_badge(Product) ?></h1>
<?cs if:Product.status != "active" ?><p class="warn" role="note"><strong>该型号已撤销中标资格</strong>，购买它不能享受补贴。</p><?cs /if ?>
<?cs call:product_facts(Product) ?>
<p><a href="/subsidy?category=<?cs var:Product.category_code ?>">按发票价格计算补贴</a> · <a href="/products?category=<?cs var:Product.category_code ?>">同类中标产品</a></p>
