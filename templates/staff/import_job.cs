<?cs include:"macros.cs" ?>
<?cs if:Job.kind == "outlets" ?><?cs set:what = "网点" ?><?cs set:unit = "家网点" ?><?cs set:back = "/staff/outlets/import" ?><?cs else ?><?cs set:what = "型号" ?><?cs set:unit = "个型号" ?><?cs set:back = "/staff/products/import" ?><?cs /if ?>
<h1>导入<?cs if:Job.kind == "outlets" ?>网点<?cs else ?>中标产品<?cs /if ?>（第 <?cs var:Job.id ?> 号）</h1>
<p>文件 <?cs var:Job.filename ?><?cs if:Job.encoding ?>（<?cs var:Job.encoding ?>）<?cs /if ?>，共 <?cs var:Job.total_text ?> 行<?cs if:Job.region ?>，地区 <?cs var:Job.region ?><?cs /if ?>；<?cs var:Job.username ?> 于 <?cs var:Job.started ?> 提交。</p>
<?cs if:Job.state == "running" ?><section aria-labelledby="progress-title">
<h2 id="progress-title">正在导入</h2>
<p role="status">已导入 <?cs var:Job.done_text ?> / <?cs var:Job.total_text ?> 行（<?cs var:Job.percent ?>%），已用 <?cs var:Job.seconds ?> 秒。</p>
<progress max="<?cs var:Job.total ?>" value="<?cs var:Job.done ?>" aria-labelledby="progress-title"><?cs var:Job.percent ?>%</progress>
<p class="hint">本页每 <?cs var:Page.Refresh ?> 秒自动刷新（也可以<a href="/staff/imports/<?cs var:Job.id ?>">手动刷新</a>）；离开本页，导入也会继续。全部行写完才一起生效：中途出错，一行也不导入。</p>
</section>
<?cs elif:Job.state == "done" ?><p role="status"><strong>已导入 <?cs var:Job.imported_text ?> <?cs var:unit ?></strong>，用时 <?cs var:Job.seconds ?> 秒。</p>
<?cs else ?><div class="error-summary" role="alert"><p>导入失败，没有导入任何<?cs var:what ?>。</p><p><?cs var:Job.error ?></p></div>
<?cs /if ?>
<p><a href="<?cs var:back ?>">返回批量导入</a><?cs if:Job.kind == "outlets" ?> · <a href="/staff/outlets">网点档案</a><?cs else ?> · <a href="/staff/products">中标产品</a><?cs /if ?></p>
