<?cs def:demo_badge(row) ?><?cs if:row.is_demo == "1" ?> <span class="badge demo">示例</span><?cs /if ?><?cs /def ?>
<?cs def:field_error(name) ?><?cs if:Errors[name] ?><p class="field-error" id="<?cs var:name ?>-error"><?cs var:Errors[name] ?></p><?cs /if ?><?cs /def ?>
<?cs def:error_summary() ?><?cs if:ErrorList.0 ?><div class="error-summary" role="alert"><p>请修改以下内容后再提交：</p><ul><?cs each:e = ErrorList ?><li><?cs var:e ?></li><?cs /each ?></ul></div><?cs /if ?><?cs /def ?>
<?cs def:caps_table(caption) ?><table class="caps">
<caption><?cs var:caption ?></caption>
<thead><tr><th scope="col">类别</th><th scope="col">最高限价</th><th scope="col">起始日期</th></tr></thead>
<tbody><?cs each:c = Caps ?>
<tr><th scope="row"><?cs var:c.name ?></th><td><?cs var:c.cap_yuan ?> 元</td><td><?cs var:c.effective_from ?></td></tr><?cs /each ?>
</tbody>
</table><?cs /def ?>
<?cs # A page link is paging_href, set once by paging, then its number. ?>
<?cs def:paging(base, query) ?><?cs if:Paging.past_end ?><p class="empty" role="status">这一页没有内容了：共 <?cs var:Paging.total ?> 条，<?cs var:Paging.pages ?> 页。<a href="<?cs var:base ?><?cs if:query ?>?<?cs var:query ?><?cs /if ?>">回到第一页</a></p><?cs /if ?><?cs if:subcount(Paging.links) > 0 ?><?cs if:query ?><?cs set:paging_href = base + "?" + query + "&" ?><?cs else ?><?cs set:paging_href = base + "?" ?><?cs /if ?><nav class="paging" aria-label="分页"><?cs if:#Paging.page > 1 ?><a href="<?cs var:paging_href ?>page=<?cs var:#Paging.page - 1 ?>" rel="prev">上一页</a> <?cs /if ?><?cs each:l = Paging.links ?><?cs if:l.gap ?><span>…</span> <?cs elif:l.current ?><strong aria-current="page"><?cs var:l.page ?></strong> <?cs else ?><a href="<?cs var:paging_href ?>page=<?cs var:l.page ?>"><?cs var:l.page ?></a> <?cs /if ?><?cs /each ?><?cs if:#Paging.page < #Paging.pages ?><a href="<?cs var:paging_href ?>page=<?cs var:#Paging.page + 1 ?>" rel="next">下一页</a><?cs /if ?></nav><?cs /if ?><?cs /def ?>
<?cs def:category_options(selected) ?><option value="">全部类别</option><?cs each:c = Caps ?>
<option value="<?cs var:c.code ?>"<?cs if:selected == c.code ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?><?cs /def ?><?cs def:code_options(list, selected) ?><?cs each:s = list ?><option value="<?cs var:s.code ?>"<?cs if:selected == s.code ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?><?cs /def ?><?cs def:claim_rules() ?><ul class="rules">
<li><strong>每户每类限一台（件）</strong>：同一户在同一类产品中只能领一次补贴。</li>
<li><strong>到哪里领</strong>：户籍所在地的乡镇财政所。</li>
<li><strong>带什么</strong>：
<ol>
<li>购货发票（原件和复印件），发票上要有购买人姓名和身份证号码；</li>
<li>身份证明（身份证、户口簿或派出所证明，原件和复印件）；</li>
<li>家电下乡产品专用标识卡；</li>
<li>储蓄存折（可以用粮食直补存折）。</li>
</ol></li>
<li><strong>多久到账</strong>：县财政局自申领之日起 30 个工作日内把补贴打到您的存折上。</li>
<li>乡镇财政所会核对：身份证明与发票是否一致、价格是否在限价以内、标识卡与产品是否相符、是否超过每户每类一台。</li>
</ul><?cs /def ?>
