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
