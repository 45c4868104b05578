<section class="error-page">
<h1><?cs var:Error.Title ?></h1>
<?cs if:Error.Reason ?><p><?cs var:Error.Reason ?></p><?cs /if ?>
<?cs if:Error.Status == 404 ?><p>您要找的页面不存在，可能网址输错了，或者内容已经撤下。</p><?cs elif:Error.Status == 503 ?><p>请过几分钟再试。您填写的内容不会因为刷新而丢失，可以按浏览器的“返回”键回到原页面。</p><?cs elif:Error.Status >= 500 ?><p>服务器处理时出了问题，我们会尽快修复。请稍后再试。</p><?cs elif:Error.Status == 400 || Error.Status == 413 || Error.Status == 414 || Error.Status == 415 ?><p>请按浏览器的“返回”键回到上一页，检查填写的内容后再试。</p><?cs /if ?>
<p class="code">错误代码 <?cs var:Error.Status ?></p>
<p><a href="/">回到首页</a></p>
</section>
