<?cs include:"macros.cs" ?>
<article class="notice">
<h1><?cs var:Notice.title ?><?cs call:demo_badge(Notice) ?></h1>
<p class="meta"><?cs var:Notice.kind_name ?><?cs if:Notice.issuer ?> · 发文机关：<?cs var:Notice.issuer ?><?cs /if ?><?cs if:Notice.doc_no ?> · 文号：<?cs var:Notice.doc_no ?><?cs /if ?><?cs if:Notice.issued_on ?> · 发文日期：<?cs var:Notice.issued_on ?><?cs /if ?> · 发布日期：<time datetime="<?cs var:Notice.published_on ?>"><?cs var:Notice.published_on ?></time></p>
<div class="body">
<?cs # body_html is cmark output with raw HTML and unsafe links removed (src/notice.c) ?><?cs uvar:Notice.body_html ?>
</div>
<?cs if:subcount(Attachments) > 0 ?><h2>附件</h2>
<ul class="attachments"><?cs each:a = Attachments ?><li><a href="/attachments/<?cs var:a.id ?>"><?cs var:a.filename ?></a> <span class="meta">（<?cs var:a.size_kb ?> KB）</span></li><?cs /each ?></ul><?cs /if ?>
<?cs if:subcount(Notice.versions) > 0 ?><h2>修改记录</h2>
<ul class="history"><?cs each:v = Notice.versions ?><li><?cs var:v.edited_at ?>：<?cs var:v.change_note ?>（第 <?cs var:v.version ?> 版，原标题“<?cs var:v.title ?>”）</li><?cs /each ?></ul><?cs /if ?>
</article>
<p class="no-print"><a href="/notices">返回通知公告</a></p>
