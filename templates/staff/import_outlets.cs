<?cs include:"macros.cs" ?>
<h1>批量导入网点<?cs if:Staff.region ?>（地区 <?cs var:Staff.region ?>）<?cs /if ?></h1>
<p><a href="/staff/outlets">网点档案</a> · <a href="/staff/outlets/export.csv">导出本地区全部网点（CSV）</a></p>
<?cs if:Report.action ?><section aria-labelledby="report-title">
<h2 id="report-title"><?cs if:Report.action == "import" ?>导入结果<?cs else ?>检查结果（未写入任何内容）<?cs /if ?></h2>
<?cs if:#Report.imported > 0 ?><p role="status"><strong>已导入 <?cs var:Report.imported ?> 家网点</strong>，用时 <?cs var:Report.seconds ?> 秒。</p>
<?cs elif:Report.ready && Report.action == "dryrun" ?><p role="status"><strong>检查通过：<?cs var:Report.rows ?> 行都可以导入。</strong>请再选择同一文件，点“导入”。</p>
<?cs elif:#Report.problems_total > 0 ?><div class="error-summary" role="alert"><p><?cs if:Report.action == "import" ?>没有导入任何网点：<?cs /if ?>文件中有 <?cs var:Report.problems_total ?> 处问题，见下表。一行有问题就整个文件都不导入；请在表格中改正后，重新导入整个文件。</p></div>
<?cs else ?><div class="error-summary" role="alert"><p><?cs if:Report.action == "import" ?>没有导入任何网点：<?cs /if ?>有 <?cs var:Report.duplicate_rows ?> 行与已登记的网点或文件中的其他行相近，可能是重复登记（同一网点不能登记两次）。请核对下表；如确认不是重复登记，请勾选“确认这些不是重复登记”后再导入。</p></div>
<?cs /if ?>
<p>文件 <?cs var:Report.filename ?>（<?cs var:Report.encoding ?>）：共 <?cs var:Report.rows ?> 行，无问题 <?cs var:Report.good ?> 行，有问题 <?cs var:Report.bad ?> 行，可能重复 <?cs var:Report.duplicate_rows ?> 行。用时 <?cs var:Report.seconds ?> 秒。</p>
<?cs if:#Report.problems_total > 0 ?><table>
<caption>问题（<?cs var:Report.problems_total ?> 处<?cs if:#Report.problems_total > #Report.max ?>，只列出前 <?cs var:Report.max ?> 处<?cs /if ?>）</caption>
<thead><tr><th scope="col">行号</th><th scope="col">列</th><th scope="col">内容</th><th scope="col">问题</th></tr></thead>
<tbody><?cs each:p = Report.problems ?><tr><td><?cs if:#p.line > 0 ?><?cs var:p.line ?><?cs else ?>整个文件<?cs /if ?></td><td><?cs var:p.column ?></td><td><?cs var:p.value ?></td><td><?cs var:p.message ?></td></tr>
<?cs /each ?></tbody></table><?cs /if ?>
<?cs if:#Report.duplicates_total > 0 ?><table>
<caption>可能重复登记（<?cs var:Report.duplicates_total ?> 处<?cs if:#Report.duplicates_total > #Report.max ?>，只列出前 <?cs var:Report.max ?> 处<?cs /if ?>）</caption>
<thead><tr><th scope="col">行号</th><th scope="col">备案编号</th><th scope="col">店名</th><th scope="col">相近的网点</th><th scope="col">原因</th></tr></thead>
<tbody><?cs each:d = Report.duplicates ?><tr><td><?cs var:d.line ?></td><td><?cs var:d.reg_no ?></td><td><?cs var:d.name ?></td><td><?cs if:#d.other_line > 0 ?>文件第 <?cs var:d.other_line ?> 行：<?cs else ?>已登记：<?cs /if ?>备案编号 <?cs var:d.other_reg_no ?> <?cs var:d.other_name ?></td><td><?cs var:d.why ?></td></tr>
<?cs /each ?></tbody></table><?cs /if ?>
</section><?cs /if ?>
<?cs call:error_summary() ?>
<h2>选择文件</h2>
<p>文件须为 CSV 格式（Excel 中“另存为”“CSV UTF-8”或“CSV（逗号分隔）”均可），第一行为列名：备案编号、店名、中标销售企业、经营方式、乡镇代码、地址、电话、经营类别、服务、登记日期（顺序不限）。</p>
<ul class="hint">
<li>中标销售企业须填企业全称，与<a href="/staff/enterprises">企业名录</a>完全一致；经营方式填 直营、加盟 或 授权；乡镇代码为 9 位乡镇（街道）代码<?cs if:Staff.region ?>，只能是您负责地区内的<?cs /if ?>。</li>
<li>经营类别填 彩电、冰箱(含冷柜)、手机、洗衣机，服务填 送货上门、安装调试、使用辅导、上门维修，多项之间用顿号“、”或逗号隔开；登记日期如 2009-03-15 或 2009/3/15。</li>
<li>最大 9 MB，最多 60000 行。先点“只检查”看有没有问题，没有问题再点“导入”。全部行一次写入：有一行不对，就一行也不导入。</li>
<li>导出的文件改好后可以直接导入（已登记的备案编号会被拒绝，导入只用于新增网点）。</li>
</ul>
<form action="/staff/outlets/import" method="post" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="file">CSV 文件<?cs if:Report.action ?>（请重新选择）<?cs /if ?></label>
<input id="file" name="file" type="file" accept=".csv,text/csv" required<?cs if:Errors.file ?> aria-invalid="true" aria-describedby="file-error"<?cs /if ?>><?cs call:field_error("file") ?></div>
<div class="field"><label class="inline"><input type="checkbox" name="confirm_duplicates" value="1"<?cs if:Form.confirm_duplicates == "1" ?> checked<?cs /if ?>> 确认这些不是重复登记（只在检查结果列出“可能重复登记”并已逐一核对后勾选）</label></div>
<p class="hint" role="note">点“导入”后先检查全部行（5 万行约需几秒），没有问题就转到导入进度页面，显示已导入的行数，完成后显示结果和用时。</p>
<button type="submit" name="action" value="dryrun">只检查，不导入</button>
<button type="submit" name="action" value="import">导入</button>
</form>
<h2>导出</h2>
<form action="/staff/outlets/export.csv" method="get" class="filters">
<div class="field"><label for="region">地区代码（不填为<?cs if:Staff.region ?>您负责的地区<?cs else ?>全部<?cs /if ?>）</label><input id="region" name="region" maxlength="12" inputmode="numeric" value="<?cs var:Staff.region ?>"></div>
<div class="field"><label for="status">状态</label><select id="status" name="status"><option value="all">全部</option>
<?cs call:code_options(OutletStatuses, "") ?></select></div>
<button type="submit">导出 CSV</button>
</form>
