<?cs include:"macros.cs" ?>
<h1>Open311 接口密钥</h1>
<p>外部应用通过 Open311 接口（<code>/open311/v2/</code>）代投诉人提交投诉时须带上密钥（<code>api_key</code>）。不带密钥只能查到服务类别和各投诉的类别、状态、时间及所在县（区）；带密钥可查到密钥所属地区内投诉的完整内容（不含投诉人姓名和电话），也只能为该地区内的网点提交投诉。</p>
<?cs if:NewKey.key ?><div class="ok" role="status">
<p>已为“<?cs var:NewKey.name ?>”生成密钥（地区：<?cs if:NewKey.region ?><?cs var:NewKey.region ?><?cs else ?>全国<?cs /if ?>）。<strong>密钥只显示这一次</strong>，本站只保存它的摘要，离开本页后无法再查看。请立即复制并安全地交给对方：</p>
<p><code id="new-key"><?cs var:NewKey.key ?></code></p>
</div>
<?cs /if ?><?cs call:error_summary() ?>
<h2>新建密钥</h2>
<form action="/staff/apikeys" method="post">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="name">名称（使用密钥的单位或应用）</label>
<input id="name" name="name" maxlength="100" required value="<?cs var:Form.name ?>"<?cs if:Errors.name ?> aria-invalid="true" aria-describedby="name-error"<?cs /if ?>><?cs call:field_error("name") ?></div>
<p>新密钥的地区与您的账号相同：<?cs if:Staff.region ?><?cs var:Staff.region ?> 及其下级<?cs else ?>全国<?cs /if ?>。</p>
<button type="submit">生成密钥</button>
</form>
<h2>已有密钥</h2>
<?cs if:#Paging.total == 0 ?><p class="empty">还没有<?cs if:Staff.region ?>本地区的<?cs /if ?>密钥。</p>
<?cs elif:subcount(Keys) > 0 ?><table>
<thead><tr><th scope="col">名称</th><th scope="col">地区</th><th scope="col">创建</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
<tbody><?cs each:k = Keys ?><tr id="key-<?cs var:k.id ?>"><th scope="row"><?cs var:k.name ?></th><td class="key-region"><?cs if:k.region_code ?><?cs var:k.region_name ?>（<?cs var:k.region_code ?>）<?cs else ?>全国<?cs /if ?></td><td><?cs var:k.created_at ?><?cs if:k.created_by ?>（<?cs var:k.created_by ?>）<?cs /if ?></td><td><?cs if:k.revoked_at ?>已于 <?cs var:k.revoked_at ?> 吊销<?cs else ?>使用中<?cs /if ?></td><td><?cs if:!k.revoked_at ?><form action="/staff/apikeys/<?cs var:k.id ?>/revoke" method="post" class="inline"><input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>"><button type="submit">吊销</button></form><?cs /if ?></td></tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?><?cs call:paging("/staff/apikeys", Query.all) ?>
