// The XSS sweep: script and markup typed into every field the public and
// the staff fill, then every page that shows it loaded in Chromium with the
// Content-Security-Policy switched off, so that escaping alone must hold:
// no dialog, no payload's global set, no element of a payload in the page,
// and the payload's text shown as text.
import { BASE, press, signIn, sql } from './lib.mjs';

// Each payload sets window.__xss or opens a dialog if it ever runs, and
// marks whatever element it would inject with the class "xss".
export const PAYLOADS = [
	'<script>window.__xss="script"</script>',
	'"><img src=x class=xss onerror="window.__xss=\'img\'">',
	"'><svg class=xss onload=window.__xss='svg'>",
	'</textarea><script>window.__xss="textarea"</script><b class=xss>t</b>',
	'</title><b class=xss>title</b>',
	'<iframe class=xss src="javascript:parent.__xss=\'iframe\'"></iframe>',
	'<details class=xss open ontoggle="window.__xss=\'details\'">',
	'<a class=xss href="javascript:window.__xss=\'href\'">点我</a>',
	'[点我](javascript:window.__xss="md") ![x](x" onerror="window.__xss=\'mdimg\')',
	'<style class=xss>body{display:none}</style>',
	'<?cs var:Site.Secret ?>{{7*7}}${7*7}<!--#echo var="DATE_LOCAL"-->',
	// Classic polyglots.
	'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e',
	'\'"--></style></script><script>alert(1)</script><svg class=xss onload=alert(2)>',
	'"onmouseover="alert(3)" autofocus onfocus="alert(4)" x="',
];
// Fields of 20 characters or so take these.
const SHORT = ['<b class=xss>名</b>', '"><i class=xss>', "'onfocus=alert(5) x='"];

// What of a payload ran or became markup, and the page's text.
function findings(page) {
	return page.evaluate(() => ({
		ran: window.__xss || null,
		injected: [...document.querySelectorAll(
		    '.xss, iframe, style, script:not([src]), [onerror], [onload], ' +
		    '[onclick], [ontoggle], [onfocus], [onmouseover], ' +
		    'a[href^="javascript:" i], img[src="x"]')]
		    .map(e => e.outerHTML.slice(0, 60)),
		text: document.body.innerText + ' ' + document.title,
	}));
}

// The page shows no sign of a payload that ran or became markup, and shows
// what was typed (marker) as text.
async function sweep(t, page, where, marker) {
	const found = await findings(page);
	t.check(`xss ${where}: nothing ran`, !found.ran && t.dialogs.length === 0,
	    `ran ${found.ran}; dialogs ${t.dialogs.splice(0).join(', ')}`);
	t.check(`xss ${where}: nothing injected`, found.injected.length === 0,
	    found.injected.join(' | '));
	if (marker)
		t.check(`xss ${where}: shown as text`, found.text.includes(marker), marker);
}

async function context(browser) {
	const ctx = await browser.newContext({ baseURL: BASE, bypassCSP: true,
	    viewport: { width: 1280, height: 800 } });
	ctx.setDefaultTimeout(15000);
	return ctx;
}

// Complaints: every field of the form, the error page that gives them
// back, the receipt, the tracking page, the queue and the handling page.
async function complaints(t, pub, handler) {
	const page = await pub.newPage();
	const tracked = [];
	// The form as the server sends it: the script would hide "下一步".
	await page.route('**/static/enhance.js*', r => r.abort());
	for (let k = 0; k < 3; k++) {
		sql("UPDATE complaint SET submitted_at = submitted_at - INTERVAL 2 HOUR WHERE submit_address = '127.0.0.1'");
		await page.goto('/complaints/new');
		await page.getByLabel('商店名称').fill(PAYLOADS[k]);
		await page.getByLabel('商店地址（可不填）').fill(PAYLOADS[k + 3]);
		await page.getByLabel('投诉类别').selectOption('other');
		await page.getByLabel('事情经过（最多 4000 字）').fill(PAYLOADS.join('\n'));
		await page.getByLabel('产品型号（可不填）').fill(PAYLOADS[k + 6].slice(0, 64));
		await page.getByLabel('发票号码（可不填）').fill(SHORT[k]);
		await page.getByLabel('姓名', { exact: true }).fill(SHORT[k]);
		await page.getByLabel('联系电话').fill(SHORT[(k + 1) % 3]);
		await page.getByLabel('省', { exact: true }).selectOption('42');
		await press(page.getByRole('button', { name: /下一步/ }));
		await sweep(t, page, `complaint form given back ${k}`);
		await page.getByRole('checkbox', { name: /我同意/ }).check();
		await press(page.getByRole('button', { name: '提交投诉' }));
		await page.locator('.error-summary').waitFor();
		await sweep(t, page, `complaint form with errors ${k}`);
		t.check(`xss complaint ${k}: typed text kept`,
		    await page.getByLabel('商店名称').inputValue() === PAYLOADS[k]);
		await page.getByLabel('联系电话').fill('13872291056');
		await page.getByLabel('市', { exact: true }).selectOption('4206');
		await press(page.getByRole('button', { name: /下一步/ }));
		await page.getByLabel('县（市、区）').selectOption('420607');
		await press(page.getByRole('button', { name: /下一步/ }));
		await page.getByLabel('乡镇（街道）').selectOption('420607001');
		await press(page.getByRole('button', { name: '提交投诉' }));
		await page.locator('.receipt').waitFor();
		await sweep(t, page, `receipt ${k}`);
		const codes = await page.locator('.receipt dd .code').allInnerTexts();
		tracked.push({ no: codes[0], code: codes[1] });
		await page.goto(`/complaints/track?no=${codes[0]}&code=${encodeURIComponent(codes[1])}`);
		await sweep(t, page, `tracking ${k}`, 'window.__xss');
	}
	const staff = await handler.newPage();
	await signIn(staff, 'handler');
	await staff.goto('/staff/complaints');
	await sweep(t, staff, 'complaint queue', 'window.__xss');
	for (const [k, c] of tracked.entries()) {
		await staff.goto('/staff/complaints');
		await press(staff.getByRole('link', { name: c.no }));
		await sweep(t, staff, `complaint for staff ${k}`, PAYLOADS[k]);
		await staff.getByLabel('操作').selectOption('reject');
		await staff.getByLabel(/^公开答复/).fill(PAYLOADS.join('\n'));
		await staff.getByLabel(/^内部记录/).fill(PAYLOADS.join('\n'));
		await press(staff.getByRole('button', { name: '提交', exact: true }));
		await staff.locator('h1', { hasText: '不予受理' }).waitFor();
		await sweep(t, staff, `complaint replied ${k}`, 'window.__xss');
		await page.goto(`/complaints/track?no=${c.no}&code=${encodeURIComponent(c.code)}`);
		await sweep(t, page, `tracking with a reply ${k}`, 'window.__xss');
	}
	await page.close();
	await staff.close();
}

// Notices: title and body in the preview, the staff list, the public list,
// the notice, the home page.
async function notices(t, pub, editor) {
	const page = await editor.newPage();
	await signIn(page, 'editor');
	const title = PAYLOADS[1] + PAYLOADS[4];
	await page.goto('/staff/notices/new');
	await page.getByLabel('类别', { exact: true }).selectOption('notice');
	await page.getByLabel('标题', { exact: true }).fill(title);
	await page.getByLabel('发文机关').fill(SHORT[0]);
	await page.getByLabel('文号（可不填）').fill(PAYLOADS[2]);
	await page.getByLabel('发文日期').fill('2009-04-01');
	await page.getByLabel(/^正文/).fill(PAYLOADS.join('\n\n'));
	await press(page.getByRole('button', { name: '预览' }));
	await page.locator('.preview').waitFor();
	await sweep(t, page, 'notice preview', 'window.__xss');
	await press(page.getByRole('button', { name: '保存' }));
	await page.waitForURL(/\/staff\/notices\/\d+$/);
	await press(page.getByRole('button', { name: '发布' }));
	await page.getByText('已发布（').waitFor();
	await sweep(t, page, 'notice for staff', null);
	const id = page.url().match(/(\d+)$/)[1];
	await page.goto('/staff/notices');
	await sweep(t, page, 'notice list for staff', 'class=xss');
	const p = await pub.newPage();
	for (const path of ['/', '/notices', `/notices/${id}`, `/notices?q=${encodeURIComponent('class=xss')}`]) {
		await p.goto(path);
		await sweep(t, p, `notice on ${path}`, 'class=xss');
	}
	await p.close();
	await page.close();
}

// Outlets: the record form, its answer with errors, the status reason, a
// CSV import and its report; then the public pages that show outlets.
async function outlets(t, pub, records) {
	const page = await records.newPage();
	await signIn(page, 'records');
	await page.goto('/staff/outlets/new');
	await page.getByLabel('备案编号').fill('XSS-420607-0001');
	await page.getByLabel('店名').fill(PAYLOADS[0] + PAYLOADS[5]);
	await page.getByLabel('中标销售企业').selectOption({ index: 1 });
	await page.getByLabel('经营方式').selectOption('direct');
	await page.getByLabel('所在乡镇（街道）代码（9 位）').fill('420607001');
	await page.getByLabel('地址').fill(PAYLOADS[3]);
	await page.getByLabel('电话').fill(SHORT[1]);
	await page.getByLabel('彩电').check();
	await page.getByLabel('登记日期').fill('2009-03-15');
	await press(page.getByRole('button', { name: '保存' }));
	await page.locator('.error-summary').waitFor();
	await sweep(t, page, 'outlet form with errors', null);
	await page.getByLabel('电话').fill('0710-2812399');
	await press(page.getByRole('button', { name: '保存' }));
	await page.waitForLoadState();
	if (!/\/staff\/outlets\/\d+$/.test(page.url()))
		throw new Error(`outlet not saved: ${await page.locator('.error-summary').innerText()}`);
	const id = page.url().match(/(\d+)$/)[1];
	await page.getByLabel('新状态').selectOption('suspended');
	await page.getByLabel('原因（公开显示）').fill(PAYLOADS[1]);
	await press(page.getByRole('button', { name: '变更状态' }));
	await page.getByText(/状态：暂停/).waitFor();
	await sweep(t, page, 'outlet for staff', 'window.__xss');
	await page.goto('/staff/outlets?q=XSS&status=all');
	await sweep(t, page, 'outlet list for staff', 'window.__xss');

	// A file with one good row of payloads and one bad row that the report
	// quotes back cell by cell.
	const header = '备案编号,店名,中标销售企业,经营方式,乡镇代码,地址,电话,经营类别,服务,登记日期'.split(',');
	const enterprise = sql('SELECT name FROM enterprise ORDER BY id LIMIT 1');
	const q = v => `"${v.replace(/"/g, '""')}"`;
	const good = ['XSS-420607-0002', q(PAYLOADS[12]), enterprise, '直营',
	    '420607002', q(PAYLOADS[13]), '0710-2812398', '彩电', '送货上门', '2009-03-15'];
	const bad = ['XSS-420607-0003', q(PAYLOADS[6]), q(PAYLOADS[7]), q(PAYLOADS[8]),
	    q(PAYLOADS[9]), q(PAYLOADS[10]), q(SHORT[0]), q(PAYLOADS[11]), q(SHORT[2]), q(SHORT[1])];
	const file = lines => ({ name: '<b class=xss>网点</b>.csv', mimeType: 'text/csv',
	    buffer: Buffer.from('\ufeff' + [header, ...lines].map(l => l.join(',')).join('\r\n') + '\r\n') });
	await page.goto('/staff/outlets/import');
	await page.locator('#file').setInputFiles(file([good, bad]));
	await press(page.getByRole('button', { name: '只检查，不导入' }));
	await page.locator('#report-title').waitFor();
	await sweep(t, page, 'import report', 'window.__xss');
	await page.locator('#file').setInputFiles(file([good]));
	await press(page.getByRole('button', { name: '导入', exact: true }));
	// The import runs as a job; its page refreshes itself until it is done.
	await page.getByText('用时').waitFor({ timeout: 30000 });
	await sweep(t, page, 'import done', null);
	const p = await pub.newPage();
	const imported = sql("SELECT id FROM outlet WHERE reg_no = 'XSS-420607-0002'");
	if (!/^\d+$/.test(imported))
		throw new Error(`not imported: ${(await page.locator('main').innerText()).replace(/\s+/g, ' ').slice(0, 600)}`);
	for (const path of [`/outlets/${id}`, `/outlets/${imported}`,
	    '/outlets/check?q=XSS-420607-0001', '/outlets?region=420607001&status=all',
	    `/outlets?q=${encodeURIComponent('script')}&status=all`,
	    `/complaints/new?outlet=${id}`]) {
		await p.goto(path);
		await sweep(t, p, `outlet on ${path}`, 'class=xss');
	}
	// The complaint form's script builds the outlet picker from the API.
	await p.goto('/complaints/new');
	await p.getByLabel('商店名称').pressSequentially('XSS-420607-0001', { delay: 20 });
	const offer = p.locator('.picker button').first();
	await offer.waitFor();
	await sweep(t, p, 'outlet picker offer', 'class=xss');
	await offer.click();
	await p.locator('p.ok', { hasText: '指定网点' }).waitFor();
	await sweep(t, p, 'outlet picker choice', 'class=xss');
	await p.close();
	await page.close();
}

export async function xssSweep(browser, tally) {
	const t = { dialogs: [], check: (n, c, w) => tally.check(n, c, w) };
	const actors = {};
	for (const who of ['pub', 'editor', 'handler', 'records']) {
		actors[who] = await context(browser);
		actors[who].on('page', p => p.on('dialog', d => {
			t.dialogs.push(`${d.type()} ${d.message()}`);
			d.dismiss().catch(() => {});
		}));
	}
	// The sweep itself can fail: a page that does not escape is caught.
	await tally.test('xss: an unescaped page is caught', async () => {
		const page = await actors.pub.newPage();
		await page.route('**/xss-unescaped', r => r.fulfill({
		    contentType: 'text/html; charset=utf-8',
		    body: `<!DOCTYPE html><title>x</title><p>${PAYLOADS[1]}</p>` }));
		await page.goto('/xss-unescaped');
		await page.waitForFunction(() => window.__xss);
		const found = await findings(page);
		await page.close();
		if (!found.ran || found.injected.length === 0)
			throw new Error(`missed: ${JSON.stringify(found).slice(0, 200)}`);
	});
	await tally.test('xss: complaints', () => complaints(t, actors.pub, actors.handler));
	await tally.test('xss: notices', () => notices(t, actors.pub, actors.editor));
	await tally.test('xss: outlets and import', () => outlets(t, actors.pub, actors.records));
	for (const ctx of Object.values(actors))
		await ctx.close();
}
