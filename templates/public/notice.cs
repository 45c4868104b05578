<?cs include:"macros.cs" ?>
<article class="notice">
<h1><?cs var:Notice.title ?><?cs call:demo_badge(Notice) ?></h1>
<p class="meta"><?cs var:Notice.kind_name ?><?cs if:Notice.issuer ?> · 发文机关：<?cs var:Notice.issuer ?><?cs /if ?><?cs if:Notice.doc_no ?> · 文号：<?cs var:Notice.doc_no ?><?cs /if ?> · 发布日期：<time datetime="<?cs var:Notice.published_on ?>"><?cs var:Notice.published_on ?></time></p>
<div class="body">
<?cs # body_html is cmark output with raw HTML and unsafe links removed (src/notice.c) ?><?cs uvar:Notice.body_html ?>
</div>
</article>
<p><a href="/notices">返回通知公告</a></p>
