<?cs include:"macros.cs" ?>
<h1>通知公告</h1>
<p><a href="/notices.atom">订阅（Atom）</a></p>
<?cs call:error_summary() ?>
<form action="/notices" method="get" class="filters">
<div class="field"><label for="kind">类别</label>
<select id="kind" name="kind"><option value="">全部</option>
<option value="policy"<?cs if:Form.kind == "policy" ?> selected<?cs /if ?>>政策文件</option>
<option value="notice"<?cs if:Form.kind == "notice" ?> selected<?cs /if ?>>通知公告</option>
<option value="guide"<?cs if:Form.kind == "guide" ?> selected<?cs /if ?>>办事指南</option>
<option value="exposure"<?cs if:Form.kind == "exposure" ?> selected<?cs /if ?>>曝光通报</option>
</select><?cs call:field_error("kind") ?></div>
<div class="field"><label for="q">关键词</label>
<input id="q" name="q" type="search" maxlength="50" value="<?cs var:Form.q ?>"<?cs if:Errors.q ?> aria-invalid="true" aria-describedby="q-error"<?cs /if ?>><?cs call:field_error("q") ?></div>
<button type="submit">查找</button>
</form>
<?cs if:subcount(Notices) > 0 ?><ul class="notices"><?cs each:n = Notices ?>
<li><a href="/notices/<?cs var:n.id ?>"><?cs var:n.title ?></a><?cs call:demo_badge(n) ?> <span class="meta"><?cs var:n.kind_name ?><?cs if:n.doc_no ?> · <?cs var:n.doc_no ?><?cs /if ?> · <time datetime="<?cs var:n.published_on ?>"><?cs var:n.published_on ?></time></span></li><?cs /each ?>
</ul><?cs elif:!ErrorList.0 && !Paging.past_end ?><p>没有找到通知公告。</p><?cs /if ?>
<?cs call:paging("/notices", Query.all) ?>
