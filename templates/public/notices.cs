<?cs include:"macros.cs" ?>
<h1>通知公告</h1>
<?cs if:subcount(Notices) > 0 ?><ul class="notices"><?cs each:n = Notices ?>
<li><a href="/notices/<?cs var:n.id ?>"><?cs var:n.title ?></a><?cs call:demo_badge(n) ?> <span class="meta"><?cs var:n.kind_name ?><?cs if:n.doc_no ?> · <?cs var:n.doc_no ?><?cs /if ?> · <time datetime="<?cs var:n.published_on ?>"><?cs var:n.published_on ?></time></span></li><?cs /each ?>
</ul><?cs elif:Paging.total > 0 ?><p>这一页没有内容了，共 <?cs var:Paging.total ?> 条。<a href="/notices">回到第一页</a></p><?cs else ?><p>暂无通知公告。</p><?cs /if ?>
<?cs if:Paging.pages > 1 ?><nav class="paging" aria-label="分页"><?cs if:Paging.page > 1 ?><a href="/notices?page=<?cs var:Paging.page - 1 ?>" rel="prev">上一页</a> <?cs /if ?>第 <?cs var:Paging.page ?> / <?cs var:Paging.pages ?> 页<?cs if:Paging.page < Paging.pages ?> <a href="/notices?page=<?cs var:Paging.page + 1 ?>" rel="next">下一页</a><?cs /if ?></nav><?cs /if ?>
