<div class="field"><label for="display_name">姓名</label>
<input id="display_name" name="display_name" maxlength="50" value="<?cs var:Form.display_name ?>"><?cs call:field_error("display_name") ?></div>
<div class="field"><label for="role">角色</label>
<select id="role" name="role"<?cs if:Errors.role ?> aria-invalid="true" aria-describedby="role-error"<?cs /if ?>><option value="">请选择</option>
<option value="admin"<?cs if:Form.role == "admin" ?> selected<?cs /if ?>>管理员（admin）</option>
<option value="editor"<?cs if:Form.role == "editor" ?> selected<?cs /if ?>>通知编辑（editor）</option>
<option value="handler"<?cs if:Form.role == "handler" ?> selected<?cs /if ?>>投诉处理（handler）</option>
<option value="records"<?cs if:Form.role == "records" ?> selected<?cs /if ?>>网点与产品档案（records）</option>
</select><?cs call:field_error("role") ?></div>
<div class="field"><label for="region">负责地区（市 4 位或县 6 位代码，不填为全部地区）</label>
<input id="region" name="region" maxlength="6" inputmode="numeric" value="<?cs var:Form.region ?>"<?cs if:Errors.region ?> aria-invalid="true" aria-describedby="region-error"<?cs /if ?>><?cs call:field_error("region") ?></div>
