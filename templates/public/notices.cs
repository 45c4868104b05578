<?cs include:"macros.cs" ?>
<h1>通知公告</h1>
<?cs if:subcount(Notices) > 0 ?><ul class="notices"><?cs each:n = Notices ?>
<li><a href="/notices/<?cs var:n.id ?>"><?cs var:n.title ?></a><?cs call:demo_badge(n) ?> <span class="meta"><?cs var:n.kind_name ?><?cs if:n.doc_no ?> · <?cs var:n.doc_no ?><?cs /if ?> · <time datetime="<?cs var:n.published_on ?>"><?cs var:n.published_on ?></time></span></li><?cs /each ?>
</ul><?cs elif:Paging.total == 0 ?><p>暂无通知公告。</p><?cs /if ?>
<?cs call:paging("/notices", "") ?>
