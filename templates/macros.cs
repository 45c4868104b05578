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
<?cs def:page_href(base, query, n) ?><?cs var:base ?>?<?cs if:query ?><?cs var:query ?>&amp;<?cs /if ?>page=<?cs var:n ?><?cs /def ?>
<?cs def:paging(base, query) ?><?cs if:Paging.past_end ?><p class="empty" role="status">这一页没有内容了：共 <?cs var:Paging.total ?> 条，<?cs var:Paging.pages ?> 页。<a href="<?cs var:base ?><?cs if:query ?>?<?cs var:query ?><?cs /if ?>">回到第一页</a></p><?cs /if ?><?cs if:subcount(Paging.links) > 0 ?><nav class="paging" aria-label="分页"><?cs if:#Paging.page > 1 ?><a href="<?cs call:page_href(base, query, #Paging.page - 1) ?>" rel="prev">上一页</a> <?cs /if ?><?cs each:l = Paging.links ?><?cs if:l.gap ?><span>…</span> <?cs elif:l.current ?><strong aria-current="page"><?cs var:l.page ?></strong> <?cs else ?><a href="<?cs call:page_href(base, query, l.page) ?>"><?cs var:l.page ?></a> <?cs /if ?><?cs /each ?><?cs if:#Paging.page < #Paging.pages ?><a href="<?cs call:page_href(base, query, #Paging.page + 1) ?>" rel="next">下一页</a><?cs /if ?></nav><?cs /if ?><?cs /def ?>
<?cs def:category_options(selected) ?><option value="">全部类别</option><?cs each:c = Caps ?>
<option value="<?cs var:c.code ?>"<?cs if:selected == c.code ?> selected<?cs /if ?>><?cs var:c.name ?></option><?cs /each ?><?cs /def ?><?cs def:code_options(list, selected) ?><?cs each:s = list ?><option value="<?cs var:s.code ?>"<?cs if:selected == s.code ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?><?cs /def ?>
