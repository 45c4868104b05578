<?cs include:"macros.cs" ?>
<h1>批量导入中标产品</h1>
<p><a href="/staff/products">中标产品档案</a> · <a href="/staff/products/export.csv">导出全部中标产品（CSV）</a></p>
<?cs if:Report.action ?><section aria-labelledby="report-title">
<h2 id="report-title"><?cs if:Report.action == "import" ?>导入结果<?cs else ?>检查结果（未写入任何内容）<?cs /if ?></h2>
<?cs if:#Report.imported > 0 ?><p role="status"><strong>已导入 <?cs var:Report.imported ?> 个型号</strong>，用时 <?cs var:Report.seconds ?> 秒。</p>
<?cs elif:Report.ready && Report.action == "dryrun" ?><p role="status"><strong>检查通过：<?cs var:Report.rows ?> 行都可以导入。</strong>请再选择同一文件，点“导入”。</p>
<?cs else ?><div class="error-summary" role="alert"><p><?cs if:Report.action == "import" ?>没有导入任何型号：<?cs /if ?>文件中有 <?cs var:Report.problems_total ?> 处问题，见下表。一行有问题就整个文件都不导入；请在表格中改正后，重新导入整个文件。</p></div>
<?cs /if ?>
<p>文件 <?cs var:Report.filename ?>（<?cs var:Report.encoding ?>）：共 <?cs var:Report.rows ?> 行，无问题 <?cs var:Report.good ?> 行，有问题 <?cs var:Report.bad ?> 行。用时 <?cs var:Report.seconds ?> 秒。</p>
<?cs if:#Report.problems_total > 0 ?><table>
<caption>问题（<?cs var:Report.problems_total ?> 处<?cs if:#Report.problems_total > #Report.max ?>，只列出前 <?cs var:Report.max ?> 处<?cs /if ?>）</caption>
<thead><tr><th scope="col">行号</th><th scope="col">列</th><th scope="col">内容</th><th scope="col">问题</th></tr></thead>
<tbody><?cs each:p = Report.problems ?><tr><td><?cs if:#p.line > 0 ?><?cs var:p.line ?><?cs else ?>整个文件<?cs /if ?></td><td><?cs var:p.column ?></td><td><?cs var:p.value ?></td><td><?cs var:p.message ?></td></tr>
<?cs /each ?></tbody></table><?cs /if ?>
</section><?cs /if ?>
<?cs call:error_summary() ?>
<h2>选择文件</h2>
<p>文件须为 CSV 格式（Excel 中“另存为”“CSV UTF-8”或“CSV（逗号分隔）”均可），第一行为列名：类别、品牌、生产企业、型号、规格、中标价、中标批次、状态（顺序不限；规格、中标批次、状态可以没有）。</p>
<ul class="hint">
<li>类别填名称（如 彩电）或代码（如 tv）；中标价以元为单位，最多两位小数；状态填 在售 或 已撤销，不填为在售。</li>
<li>同一类别、同一品牌下，型号不能重复，只差大小写、空格、“-”或“/”的也算重复（型号核验无法区分）：已登记的和文件中前面各行都算。</li>
<li>最大 9 MB，最多 30000 行。先点“只检查”看有没有问题，没有问题再点“导入”。全部行一次写入：有一行不对，就一行也不导入。</li>
<li>导出的文件可以直接再导入，但已登记的型号会被拒绝：导入只用于新增型号，修改已有型号请在档案中逐个编辑。</li>
</ul>
<form action="/staff/products/import" method="post" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="<?cs var:Staff.csrf ?>">
<div class="field"><label for="file">CSV 文件<?cs if:Report.action ?>（请重新选择）<?cs /if ?></label>
<input id="file" name="file" type="file" accept=".csv,text/csv" required<?cs if:Errors.file ?> aria-invalid="true" aria-describedby="file-error"<?cs /if ?>><?cs call:field_error("file") ?></div>
<p class="hint" role="note">点“导入”后先检查全部行，没有问题就转到导入进度页面，显示已导入的行数，完成后显示结果和用时。</p>
<button type="submit" name="action" value="dryrun">只检查，不导入</button>
<button type="submit" name="action" value="import">导入</button>
</form>
