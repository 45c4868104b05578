<?php
// The county page (/outlets?region=CODE&page=N) as a plain PHP-FPM page:
// the statements the portal runs, prepared on the server through
// PDO, and the same HTML. The benchmark's peer, not part of the portal.
declare(strict_types=1);

const PAGE_SIZE = 20;
const MODES = ['direct' => '直营', 'franchise' => '加盟', 'authorised' => '授权'];
const SERVICES = ['delivery' => '送货上门', 'install' => '安装调试',
    'teach' => '使用辅导', 'repair' => '上门维修'];
const STATUSES = ['active' => '正常', 'suspended' => '暂停', 'cancelled' => '取消'];

function h(?string $s): string
{
	return htmlspecialchars($s ?? '', ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

function db(): PDO
{
	static $pdo = null;
	if ($pdo === null) {
		$pdo = new PDO('mysql:unix_socket=' . getenv('JDXX_DB_SOCKET') .
		    ';dbname=jdxx;charset=utf8mb4', getenv('JDXX_DB_USER'),
		    getenv('JDXX_DB_PASSWORD'), [
			PDO::ATTR_PERSISTENT => true,
			PDO::ATTR_EMULATE_PREPARES => false,
			PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
			PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
		]);
		$pdo->exec("SET time_zone = '+08:00'");
	}
	return $pdo;
}

function rows(string $sql, array $args): array
{
	$st = db()->prepare($sql);
	$st->execute($args);
	return $st->fetchAll();
}

$region = $_GET['region'] ?? '';
$page = (int)($_GET['page'] ?? '1');
if (!preg_match('/^[0-9]{2,12}$/', $region) || $page < 1 || $page > 1000000) {
	http_response_code(400);
	exit;
}
$today = (new DateTime('now', new DateTimeZone('Asia/Shanghai')))->format('Y-m-d');

$caps = rows('SELECT c.code, c.name FROM category c WHERE EXISTS (SELECT 1 ' .
    'FROM category_cap x WHERE x.category_code = c.code AND x.withdrawn_at ' .
    'IS NULL AND x.effective_from <= ?) ORDER BY c.sort_order, c.code', [$today]);
$regions = rows('SELECT 0 AS part, code, name, level FROM region WHERE code ' .
    'IN (LEFT(?, 2), LEFT(?, 4), LEFT(?, 6), LEFT(?, 9), ?) UNION ALL SELECT 1, ' .
    'code, name, level FROM region WHERE parent_code = ? ORDER BY part, level, code',
    array_fill(0, 6, $region));
// The first pages read the cards (sql/035) and carry their count in each
// row, as the portal's do; a page past the last (or deeper than 200 rows)
// counts apart.
$offset = ($page - 1) * PAGE_SIZE;
$columns = fn(string $dates, string $places, string $kept =
    'e.name AS enterprise, ocs.names AS categories, ' .
    'ocs.codes AS category_codes') =>
    'SELECT o.id, o.reg_no, o.name, o.mode, o.address, o.phone, ' .
    'o.services, o.status, o.status_reason, ' . $dates . ', o.is_demo, ' .
    'o.region_code, ' . $places . ', o.enterprise_id, ' . $kept . ' ';
// An outlet's dates are DATEs; a card keeps them as it shows them.
$formatted = 'DATE_FORMAT(o.status_since, \'%Y-%m-%d\') AS status_since, ' .
    'DATE_FORMAT(o.registered_on, \'%Y-%m-%d\') AS registered_on';
$on_card = 'o.status_since, o.registered_on';
$region_joins = 'LEFT JOIN region t ON t.code = o.region_code ' .
    'LEFT JOIN region c ON c.code = t.parent_code ';
$joins = 'JOIN enterprise e ON e.id = o.enterprise_id ' .
    'LEFT JOIN outlet_category_summary ocs ON ocs.outlet_id = o.id ' .
    $region_joins;
$named = 't.name AS township, c.code AS county_code, c.name AS county';
// A county's or a township's first pages leave the places to the region
// statement's rows, as the portal leaves them to its region cache.
$local = strlen($region) === 6 || strlen($region) === 9;
// Their count is one tally row, a county's or a township's, joined as a
// constant, as the portal's; a wider region's sums its townships' rows.
$cards = 'FROM outlet_card o FORCE INDEX (PRIMARY) ';
$count = match (strlen($region)) {
	6 => ', k.n AS total ' . $cards . 'JOIN ' .
	    'outlet_county_tally k FORCE INDEX (PRIMARY) ' .
	    'ON k.county_code = ? AND k.status = ? ',
	9 => ', k.n AS total ' . $cards . 'JOIN ' .
	    'outlet_tally k FORCE INDEX (PRIMARY) ' .
	    'ON k.region_code = ? AND k.status = ? ',
	default => ', (SELECT CAST(COALESCE(SUM(k.n), 0) AS SIGNED) FROM ' .
	    'outlet_tally k WHERE k.region_code LIKE CONCAT(?, \'%\') AND ' .
	    'k.status = ?) AS total ' . $cards,
};
$outlets = [];
if ($offset < 200)
	$outlets = rows($columns($on_card, $local ? 'NULL AS township, ' .
	    'NULL AS county_code, NULL AS county' : $named, 'o.enterprise, ' .
	    'o.categories, o.category_codes') . $count .
	    ($local ? '' : $region_joins) .
	    'WHERE 1 = 1 AND o.region_code LIKE CONCAT(?, \'%\') AND ' .
	    'o.status = ? ORDER BY o.region_code, o.reg_no LIMIT ? OFFSET ?',
	    [$region, 'active', $region, 'active', PAGE_SIZE, $offset]);
else
	$local = false;
if ($outlets) {
	$total = (int)$outlets[0]['total'];
} else {
	$total = (int)rows('SELECT CAST(COALESCE(SUM(o.n), 0) AS SIGNED) AS n FROM ' .
	    'outlet_tally o WHERE 1 = 1 AND o.region_code LIKE CONCAT(?, \'%\') AND ' .
	    'o.status = ?', [$region, 'active'])[0]['n'];
	if ($total > 0 && $offset >= 200)
		$outlets = rows($columns($formatted, $named) .
		    'FROM (SELECT o.id FROM outlet o FORCE INDEX ' .
		    '(outlet_status_region) WHERE 1 = 1 AND o.region_code LIKE ' .
		    'CONCAT(?, \'%\') AND o.status = ? ORDER BY o.region_code, o.reg_no ' .
		    'LIMIT ? OFFSET ?) pg JOIN outlet o ON o.id = pg.id ' . $joins .
		    'ORDER BY o.region_code, o.reg_no',
		    [$region, 'active', PAGE_SIZE, $offset]);
}

$path = $below = [];
foreach ($regions as $r)
	if ($r['part'] == 0) $path[] = $r; else $below[] = $r;
$levels = ['省份', '城市', '县（市、区）', '乡镇（街道）'];
if ($local && $outlets && $path) {
	$county = $path[count($path) - (strlen($region) === 6 ? 1 : 2)] ?? null;
	$townships = strlen($region) === 6 ? $below : [end($path)];
	foreach ($outlets as &$o) {
		$o['county'] = $county['name'] ?? null;
		foreach ($townships as $t)
			if ($t['code'] === $o['region_code'])
				$o['township'] = $t['name'];
	}
	unset($o);
}

$version = getenv('JDXX_ASSET_VERSION');
echo "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    "<title>家电下乡指定网点 - 家电下乡公共服务网</title>\n",
    "<link rel=\"stylesheet\" href=\"/static/site.css?v=", h($version), "\">\n",
    "<link rel=\"icon\" href=\"/static/icon.svg?v=", h($version),
    "\" type=\"image/svg+xml\">\n</head>\n<body>\n",
    "<a class=\"skip\" href=\"#main\">跳到正文</a>\n<header class=\"site\">\n",
    "<a class=\"brand\" href=\"/\">家电下乡公共服务网</a>\n",
    "<nav aria-label=\"主要栏目\">\n<ul>\n<li><a href=\"/\">首页</a></li>\n",
    "<li><a href=\"/outlets/check\">网点核验</a></li>\n",
    "<li><a href=\"/outlets\" aria-current=\"page\">指定网点</a></li>\n",
    "<li><a href=\"/products\">中标产品</a></li>\n",
    "<li><a href=\"/subsidy\">补贴计算</a></li>\n",
    "<li><a href=\"/caps\">限价与须知</a></li>\n",
    "<li><a href=\"/notices\">通知公告</a></li>\n",
    "<li><a href=\"/complaints/new\">投诉</a></li>\n",
    "<li><a href=\"/stats\">投诉统计</a></li>\n</ul>\n</nav>\n</header>\n";
if (getenv('JDXX_DEMO') === '1')
	echo "<aside class=\"demo-banner\" aria-label=\"演示站点说明\"><p>本站是演示站点：",
	    "标有“示例”的单位、网点、产品和公告均为虚构，不是真实备案信息。</p></aside>\n";
echo "<main id=\"main\">\n", str_repeat("\n", 11), "<h1>家电下乡指定网点</h1>\n",
    "<nav class=\"crumbs\" aria-label=\"当前地区\"><a href=\"/outlets\">全国</a>";
foreach ($path as $r)
	echo " › <a href=\"/outlets?region=", h($r['code']), "\">", h($r['name']), "</a>";
echo "</nav>\n";
if ($below) {
	echo "<details class=\"regions\" open><summary>选择",
	    $levels[min(count($path), 3)], "</summary>\n<ul class=\"region-links\">";
	foreach ($below as $r)
		echo "<li><a href=\"/outlets?region=", h($r['code']), "\">", h($r['name']),
		    "</a></li>";
	echo "</ul>\n</details>";
}
echo "\n\n<form action=\"/outlets\" method=\"get\" class=\"filters\">\n",
    "<input type=\"hidden\" name=\"region\" value=\"", h($region), "\">\n\n",
    "<div class=\"field\"><label for=\"q\">店名、地址、企业、备案编号或电话</label>\n",
    "<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"50\" value=\"\"></div>\n",
    "<div class=\"field\"><label for=\"category\">经营类别</label>\n",
    "<select id=\"category\" name=\"category\"><option value=\"\">全部类别</option>";
foreach ($caps as $c)
	echo "\n<option value=\"", h($c['code']), "\">", h($c['name']), "</option>";
echo "</select></div>\n<div class=\"field\"><label for=\"status\">状态</label>\n",
    "<select id=\"status\" name=\"status\">\n";
foreach (STATUSES as $code => $name)
	echo "<option value=\"", $code, "\"", $code === 'active' ? ' selected' : '', ">",
	    $name, "</option>";
echo "\n<option value=\"all\">全部</option>\n</select></div>\n",
    "<button type=\"submit\">查找</button>\n</form>\n\n\n",
    "<p class=\"count\" role=\"status\">共找到 <strong>", $total, "</strong> ",
    "家状态正常的指定网点（已暂停、已取消的网点请在“状态”中选择）。</p>\n";
if ($outlets)
	echo "<h2>网点名单</h2>\n";
foreach ($outlets as $o) {
	$services = [];
	foreach (explode(',', $o['services'] ?? '') as $s)
		if (isset(SERVICES[$s])) $services[] = SERVICES[$s];
	$status = STATUSES[$o['status']] ?? '';
	echo "<article class=\"outlet\">\n<h3><a href=\"/outlets/", (int)$o['id'], "\">",
	    h($o['name']), "</a>",
	    $o['is_demo'] == 1 ? ' <span class="badge demo">示例</span>' : '',
	    $o['status'] !== 'active' ? ' <span class="badge ' . h($o['status']) .
	    '">已' . $status . '</span>' : '', "</h3>\n\n",
	    "<dl class=\"facts\">\n<dt>备案编号</dt><dd>", h($o['reg_no']), "</dd>\n",
	    "<dt>状态</dt><dd><span class=\"status ", h($o['status']), "\">", $status,
	    "</span>（", h($o['status_since']), " 起）</dd>\n",
	    "<dt>销售企业</dt><dd><a href=\"/outlets?enterprise=", (int)$o['enterprise_id'],
	    "&amp;status=all\">", h($o['enterprise']), "</a>（",
	    MODES[$o['mode']] ?? '', "）</dd>\n",
	    "<dt>所在乡镇</dt><dd>", h($o['county']), " ", h($o['township']), "</dd>\n",
	    "<dt>地址</dt><dd>", h($o['address']), "</dd>\n",
	    "<dt>电话</dt><dd>", $o['phone'] !== '' && $o['phone'] !== null ?
	    '<a href="tel:' . h($o['phone']) . '">' . h($o['phone']) . '</a>' : '未登记',
	    "</dd>\n<dt>经营类别</dt><dd>", h($o['categories']), "</dd>\n",
	    "<dt>服务</dt><dd>", $services ? implode('、', $services) : '未登记', "</dd>\n",
	    "<dt>登记日期</dt><dd>", h($o['registered_on']), "</dd>\n</dl>\n</article>\n";
}
echo "\n";
$pages = intdiv($total + PAGE_SIZE - 1, PAGE_SIZE);
$href = fn(int $n) => '/outlets?region=' . h($region) . '&amp;page=' . $n;
if ($page > $pages && $total > 0)
	echo "<p class=\"empty\" role=\"status\">这一页没有内容了：共 ", $total, " 条，",
	    $pages, " 页。<a href=\"/outlets?region=", h($region), "\">回到第一页</a></p>";
if ($pages >= 2 && $page <= $pages) {
	echo "<nav class=\"paging\" aria-label=\"分页\">";
	if ($page > 1)
		echo "<a href=\"", $href($page - 1), "\" rel=\"prev\">上一页</a> ";
	$last = 0;
	for ($p = 1; $p <= $pages; $p++) {
		if ($p != 1 && $p != $pages && ($p < $page - 2 || $p > $page + 2))
			continue;
		if ($p > $last + 1)
			echo "<span>…</span> ";
		echo $p == $page ? "<strong aria-current=\"page\">$p</strong> " :
		    "<a href=\"" . $href($p) . "\">$p</a> ";
		$last = $p;
		if ($p == 1 && $page - 2 > 2)
			$p = $page - 3;
		elseif ($p == $page + 2 && $pages - 1 > $p)
			$p = $pages - 1;
	}
	if ($page < $pages)
		echo "<a href=\"", $href($page + 1), "\" rel=\"next\">下一页</a>";
	echo "</nav>";
}
echo "\n<p class=\"hint\">没找到？可以用<a href=\"/outlets/check\">网点核验</a>",
    "查一家店是不是指定店；遇到冒充指定店的商家，请<a href=\"/complaints/new\">投诉",
    "</a>。</p>\n\n</main>\n<footer class=\"site\">\n",
    "<p>家电下乡：在指定网点购买限价以内的中标产品，凭发票到户籍所在地乡镇财政所申领补贴。",
    "<a href=\"/caps\">补贴品种、限价和比例</a></p>\n",
    "<p><a href=\"/caps\">申领须知</a> · <a href=\"/notices\">通知公告</a></p>\n",
    "</footer>\n</body>\n</html>\n";
