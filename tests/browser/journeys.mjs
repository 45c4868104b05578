// The journeys of a farmer, a complainant and the staff, as a person
// does them: reading the page, typing, choosing, pressing Enter.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { press, signIn, sql, text } from './lib.mjs';

// Outlets the records officer suspends, one a variant (all active in the
// demo data and used by no other journey).
const TO_SUSPEND = ['XY-420683-0001', 'XY-420683-0002', 'XY-420683-0003', 'XY-420683-0005'];

// 1. A farmer checks a store by registration number, then by a name
// fragment, and sees a suspended outlet's warning.
async function storeCheck(j, { pub }) {
	const page = await pub.newPage();
	await j.test('registration number answers yes', async () => {
		await page.goto('/');
		await j.step(page, 'home');
		await page.getByRole('searchbox', { name: '备案编号、店名或电话' }).fill('xy-420607-0001');
		await press(page.getByRole('searchbox', { name: '备案编号、店名或电话' }));
		await page.waitForURL(/\/outlets\/check\?q=/);
		const answer = await text(page.locator('.answer h2'));
		j.check('registration number: active outlet named', /^是指定店：张湾街道华润/.test(answer), answer);
		await j.step(page, 'check-number', page.locator('.answer'));
	});
	await j.test('name fragment lists outlets with the suspended warning', async () => {
		const box = page.getByRole('searchbox', { name: '备案编号、店名或电话' });
		await box.fill('华润');
		await press(box);
		await page.waitForURL(/q=%E5%8D%8E%E6%B6%A6/);
		j.check('name fragment: several found', /找到 \d+ 家相关网点/.test(await text(page.locator('.answer h2'))));
		const card = page.locator('article.outlet', { hasText: '吴店镇华润' });
		const warn = await text(card.locator('.warn'));
		j.check('suspended outlet warns', warn.includes('暂停') && warn.includes('不能享受补贴'), warn);
		await j.step(page, 'check-name', card);
	});
	await j.test('the suspended outlet alone answers no', async () => {
		const box = page.getByRole('searchbox', { name: '备案编号、店名或电话' });
		await box.fill('吴店镇华润');
		await press(box);
		await page.waitForURL(/q=%E5%90%B4/);
		const answer = await text(page.locator('.answer h2'));
		j.check('suspended answer', answer.startsWith('已暂停：吴店镇华润'), answer);
		await j.step(page, 'check-suspended');
	});
	await page.close();
}

// 2. A farmer finds outlets in their township level by level, opens one
// and calls it; the shop prints its notice.
async function directory(j, { pub }) {
	const page = await pub.newPage();
	await j.test('province, city, county, township, outlet, tel: link', async () => {
		await page.goto('/');
		await press(page.getByRole('link', { name: '指定网点', exact: true }));
		await page.waitForURL(/\/outlets$/);
		await j.step(page, 'directory');
		for (const [name, code] of [['湖北省', '42'], ['襄阳市', '4206'], ['襄州区', '420607'], ['张湾街道', '420607001']]) {
			await press(page.locator('.region-links').getByRole('link', { name, exact: true }));
			await page.waitForURL(new RegExp(`region=${code}$`));
			await j.step(page, `region-${code}`);
		}
		const crumbs = await text(page.locator('nav.crumbs'));
		j.check('crumbs show the township', crumbs === '全国 › 湖北省 › 襄阳市 › 襄州区 › 张湾街道', crumbs);
		await press(page.getByRole('link', { name: /张湾街道华润家电下乡指定店/ }));
		await page.waitForURL(/\/outlets\/1$/);
		await j.step(page, 'outlet');
		const tel = page.getByRole('link', { name: '0710-2812301' });
		j.check('tel: link', await tel.getAttribute('href') === 'tel:0710-2812301');
		await tel.focus();
		j.check('tel: link takes focus', await tel.evaluate(el => el === document.activeElement));
	});
	await j.test('the store notice prints on one sheet with its QR code', async () => {
		await press(page.getByRole('link', { name: /店内公示/ }));
		await page.waitForURL(/\/outlets\/1\/notice$/);
		await j.step(page, 'store-notice');
		const shop = await text(page.locator('.store-notice .shop'));
		j.check('store notice names the shop', shop.includes('张湾街道华润'), shop);
		j.check('store notice draws its QR code',
		    await page.getByRole('img', { name: /扫描核验本店/ }).isVisible());
		await printCheck(j, page, 'store notice', ['.store-notice', '.qr-check svg']);
	});
	await page.close();
}

// 3. A farmer checks a model number, reads the caps, works out a subsidy.
async function modelAndSubsidy(j, { pub }) {
	const page = await pub.newPage();
	await j.test('model check, caps, calculator', async () => {
		await page.goto('/products/check');
		const model = page.getByLabel('产品型号（在产品铭牌或包装上）');
		await model.fill('tlm 32-e08');
		await press(model);
		await page.waitForURL(/model=/);
		const answer = await text(page.locator('.answer'));
		j.check('model found with its cap', answer.includes('是中标产品：海信 TLM32E08') &&
		    answer.includes('最高限价 2000 元'), answer.slice(0, 80));
		await j.step(page, 'model');
		await press(page.getByRole('link', { name: '限价与须知' }));
		await page.waitForURL(/\/caps$/);
		const tv = await text(page.locator('tr', { has: page.locator('th', { hasText: /^彩电$/ }) }).first());
		j.check('caps list the TV cap', tv.includes('2000 元'), tv);
		await j.step(page, 'caps');
		await press(page.getByRole('link', { name: '补贴计算' }).first());
		await page.waitForURL(/\/subsidy$/);
		await page.getByLabel('商品类别').selectOption('tv');
		const price = page.getByLabel('发票价格（元）');
		await price.fill('1999');
		await press(page.getByRole('button', { name: '计算' }));
		await page.waitForURL(/price=1999/);
		const result = await text(page.locator('.result'));
		j.check('subsidy worked out', result.includes('259.87 元'), result.slice(0, 80));
		await j.step(page, 'subsidy');
	});
	await page.close();
}

// Chooses a township level by level: without script, choose, then
// "下一步" for the next list; with it, each list appears by itself.
async function chooseTownship(j, page, codes) {
	const labels = ['省', '市', '县（市、区）', '乡镇（街道）'];
	const next = page.getByRole('button', { name: /下一步/ });
	if (j.variant.js)
		j.check('script hides the next-step button', !(await next.isVisible()));
	for (let i = 0; i < codes.length; i++) {
		await page.getByLabel(labels[i], { exact: true }).selectOption(codes[i]);
		if (i + 1 < codes.length && !j.variant.js)
			await press(next);
	}
}

// The outlet picker (script only): a typed name offers designated outlets;
// choosing one files the complaint against it.
async function pickOutlet(j, page) {
	await page.goto('/complaints/new');
	await page.getByLabel('商店名称').pressSequentially('双沟镇', { delay: 30 });
	const offer = page.getByRole('button', { name: /^是这家：双沟镇华润/ });
	await press(offer);
	const chosen = await text(page.locator('p.ok', { hasText: '指定网点' }));
	j.check('picker names the outlet', chosen.includes('XY-420607-0002'), chosen);
	j.check('picker sets the outlet', await page.locator('input[name="outlet"]').inputValue() === '2');
	j.check('picker sets the name field aside', await page.getByLabel('商店名称').isDisabled());
	await j.step(page, 'outlet-picker', page.locator('p.ok'));
	await page.getByRole('button', { name: '不是这家，重新填写' }).click();
	j.check('picker undone', await page.locator('input[name="outlet"]').count() === 0 &&
	    await page.getByLabel('商店名称').isEnabled());
}

// 4. A member of the public files a complaint with one mistake, corrects
// it without retyping, gets the receipt and tracks it.
async function fileComplaint(j, { pub }, state) {
	const page = await pub.newPage();
	// Earlier variants' complaints count against this address's hourly
	// limit; they are moved back in time, as if an hour had passed.
	sql("UPDATE complaint SET submitted_at = submitted_at - INTERVAL 2 HOUR WHERE submit_address = '127.0.0.1'");
	const story = `${j.variant.name}：店里说电视 2300 元也能领补贴，买了以后乡镇财政所说超过限价不能领。`;
	await j.test('complaint with a wrong phone, corrected, receipt, tracking', async () => {
		await page.goto('/outlets/1');
		await press(page.getByRole('link', { name: '投诉这家网点' }));
		await page.waitForURL(/\/complaints\/new\?outlet=1$/);
		await page.getByLabel('投诉类别').selectOption('overcharge');
		await page.getByLabel('事情经过（最多 4000 字）').fill(story);
		await page.getByLabel('购买日期（可不填）').fill('2009-03-08');
		await page.getByLabel('姓名', { exact: true }).fill('王秀兰');
		await page.getByLabel('联系电话').fill('1387229');
		await chooseTownship(j, page, ['42', '4206', '420607', '420607107']);
		// A photo of the shop (run.sh makes it, with GPS in its EXIF).
		await page.getByLabel('照片 1', { exact: true }).setInputFiles(process.env.PHOTO);
		await j.step(page, 'complaint-form');
		const consent = page.getByRole('checkbox', { name: /我同意/ });
		await consent.focus();
		await consent.press('Space');
		await press(page.getByRole('button', { name: '提交投诉' }));
		await page.locator('.error-summary').waitFor();
		const summary = await text(page.locator('.error-summary'));
		j.check('the mistake is named', summary.includes('手机号码'), summary);
		j.check('the phone is marked', await page.getByLabel('联系电话').getAttribute('aria-invalid') === 'true');
		j.check('the story is kept', await page.getByLabel('事情经过（最多 4000 字）').inputValue() === story);
		j.check('the name is kept', await page.getByLabel('姓名', { exact: true }).inputValue() === '王秀兰');
		j.check('the township is kept', await page.getByLabel('乡镇（街道）').inputValue() === '420607107');
		j.check('the consent is kept', await consent.isChecked());
		j.check('the date is kept', await page.getByLabel('购买日期（可不填）').inputValue() === '2009-03-08');
		j.check('the photo is asked for again',
		    await page.locator('p.warn', { hasText: '请重新选择照片' }).isVisible());
		await j.step(page, 'complaint-error', page.locator('.error-summary'));
		await page.getByLabel('联系电话').fill('13872291056');
		await page.getByLabel('照片 1', { exact: true }).setInputFiles(process.env.PHOTO);
		await press(page.getByRole('button', { name: '提交投诉' }));
		await page.locator('.receipt').waitFor();
		j.check('the photo received', (await text(page.locator('.receipt'))).includes('已收到 1 张'));
		const no = await text(page.locator('.receipt dd .code').nth(0));
		const code = await text(page.locator('.receipt dd .code').nth(1));
		j.check('receipt numbers', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(no) && code.length >= 6, `${no} ${code}`);
		state.complaint = { no, code };
		await j.step(page, 'receipt');
		await printCheck(j, page, 'receipt', ['.receipt .code']);
		await press(page.getByRole('link', { name: '查询处理进度' }));
		await page.waitForURL(/\/complaints\/track\?no=/);
		j.check('the receipt\'s number is filled in',
		    await page.getByLabel('受理编号').inputValue() === no);
		j.check('no miss said before the code is typed',
		    await page.locator('p.warn').count() === 0);
		await page.getByLabel('查询码').fill(code);
		await press(page.getByLabel('查询码'));
		await page.locator('.complaint-status').waitFor();
		const status = await text(page.locator('#status-title'));
		j.check('tracking shows the status', status.includes(no) && status.includes('待受理'), status);
		const photo = page.locator('ul.photos img').first();
		await photo.waitFor();
		await photo.scrollIntoViewIfNeeded();
		const shown = await photo.evaluate(i => new Promise(done => {
			const size = () => done([i.naturalWidth, i.naturalHeight]);
			if (i.complete) size(); else { i.onload = size; i.onerror = size; }
		}));
		j.check('tracking shows the photo, at most 1600 px',
		    shown[0] > 0 && shown[0] <= 1600 && shown[1] <= 1600, shown.join('x'));
		await codeKeptPrivate(j, page, no, code);
		await j.step(page, 'track');
		await press(page.locator('a.brand'));
		await page.waitForURL(/\/$/);
		j.check('the tracking page is named in no Referer',
		    await page.evaluate(() => document.referrer) === '',
		    await page.evaluate(() => document.referrer));
	});
	if (j.variant.js)
		await j.test('outlet picker', () => pickOutlet(j, page));
	await page.close();
}

// The page as printed: no navigation, forms or footer; what matters shown;
// one sheet.
export async function printCheck(j, page, what, keep) {
	await page.emulateMedia({ media: 'print' });
	try {
		for (const sel of ['header.site nav', 'footer.site', 'main form', '.skip', '.no-print'])
			for (const el of await page.locator(sel).all())
				j.check(`print ${what}: ${sel} hidden`, !(await el.isVisible()));
		for (const sel of keep)
			j.check(`print ${what}: ${sel} shown`, await page.locator(sel).first().isVisible());
		const pdf = await page.pdf({ format: 'A4' });
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
		j.check(`print ${what}: one A4 sheet`, pages === 1, `${pages} sheets`);
	} finally {
		await page.emulateMedia({ media: 'screen' });
	}
}

// 5. A staff member signs in, publishes a notice; it appears on the home
// page and in the feed.
async function publishNotice(j, { editor, pub }, state) {
	const page = await editor.newPage();
	const title = `关于${j.variant.name}家电下乡产品下乡宣传周的通知`;
	state.notice = title;
	await j.test('sign in, write, publish', async () => {
		await signIn(page, 'editor');
		await j.step(page, 'staff-home');
		await press(page.getByRole('link', { name: '通知公告管理' }).first());
		await press(page.getByRole('link', { name: '新建通知' }));
		await page.getByLabel('类别', { exact: true }).selectOption('notice');
		await page.getByLabel('标题', { exact: true }).fill(title);
		await page.getByLabel('发文机关').fill('襄阳市商务局');
		await page.getByLabel('发文日期').fill('2009-04-01');
		await page.getByLabel(/^正文/).fill('各县（市、区）商务局：\n\n定于 4 月开展宣传周。\n\n- 张贴购买须知\n- 公布投诉电话');
		await j.step(page, 'notice-form');
		await press(page.getByRole('button', { name: '保存' }));
		await page.waitForURL(/\/staff\/notices\/\d+$/);
		await press(page.getByRole('button', { name: '发布' }));
		await page.getByText('已发布（').waitFor();
		await j.step(page, 'notice-published');
	});
	const home = await pub.newPage();
	await j.test('the notice is on the home page and in the feed', async () => {
		await home.goto('/');
		const link = home.getByRole('link', { name: title });
		j.check('home lists the notice', await link.count() === 1);
		await press(link);
		await home.waitForURL(/\/notices\/\d+$/);
		j.check('notice page', (await text(home.locator('h1'))).includes(title));
		await j.step(home, 'notice');
		await printCheck(j, home, 'notice', ['h1', '.body']);
		const feed = await pub.request.get('/notices.atom');
		const xml = await feed.text();
		j.check('feed has the notice', feed.ok() && xml.includes(`<title>${title}</title>`));
	});
	await home.close();
	await page.close();
}

// The tracking number and query code are posted: the address carries
// neither, nor any query at all.
async function codeKeptPrivate(j, page, no, code) {
	const url = new URL(page.url());
	j.check('tracked at an address without the number or code',
	    url.pathname === '/complaints/track' && url.search === '' &&
	    !page.url().includes(code) && !page.url().includes(no), page.url());
}

// Tracks a complaint as its complainant does: the form, number and code
// typed, Enter pressed; waits for the timeline.
async function trackComplaint(page, no, code) {
	await page.goto('/complaints/track');
	await page.getByLabel('受理编号').fill(no);
	await page.getByLabel('查询码').fill(code);
	await press(page.getByLabel('查询码'));
	await page.locator('.timeline').waitFor();
}

// 6. A handler accepts and resolves the complaint with a public reply; the
// tracking page shows the timeline; the complainant is satisfied.
async function handleComplaint(j, { handler, pub }, state) {
	const page = await handler.newPage();
	const reply = `经查，该店以超限价销售彩电属实，已责令退还差价（${j.variant.name}）。`;
	await j.test('accept and resolve with a public reply', async () => {
		if (!state.complaint)
			throw new Error('no complaint from journey 4');
		await signIn(page, 'handler');
		await press(page.getByRole('link', { name: '投诉处理' }).first());
		await page.waitForURL(/\/staff\/complaints$/);
		await j.step(page, 'queue');
		await press(page.getByRole('link', { name: state.complaint.no }));
		await page.waitForURL(/\/staff\/complaints\/\d+$/);
		await page.getByLabel('操作').selectOption('accept');
		await press(page.getByRole('button', { name: '提交', exact: true }));
		await page.locator('h1', { hasText: '已受理' }).waitFor();
		await page.getByLabel('操作').selectOption('resolve');
		await page.getByLabel(/^公开答复/).fill(reply);
		await press(page.getByRole('button', { name: '提交', exact: true }));
		await page.locator('h1', { hasText: '已办结' }).waitFor();
		await j.step(page, 'complaint-resolved');
	});
	const track = await pub.newPage();
	await j.test('the timeline is public; the complainant is satisfied', async () => {
		const { no, code } = state.complaint;
		await trackComplaint(track, no, code);
		await codeKeptPrivate(j, track, no, code);
		const steps = await track.locator('.timeline li').allInnerTexts();
		j.check('timeline: submitted, accepted, resolved',
		    /提交投诉/.test(steps[0]) && steps.some(s => /受理/.test(s)) &&
		    steps.some(s => s.includes('办结') && s.includes(reply)), steps.join(' / '));
		await j.step(track, 'track-resolved');
		await press(track.getByRole('button', { name: '满意', exact: true }));
		await track.locator('dt', { hasText: '您的评价' }).waitFor();
		const facts = await text(track.locator('.complaint-status .facts'));
		j.check('satisfied recorded', facts.includes('您的评价 满意'), facts);
		j.check('rated at an address without the code',
		    new URL(track.url()).search === '' && !track.url().includes(code), track.url());
		await j.step(track, 'track-satisfied');
	});
	await track.close();
	await page.close();
}

// 6a. The complaint belongs to another county: a handler transfers it
// there with a reason, typed without any script; the complainant reads
// where it went, and not why.
async function transferComplaint(j, { handler, pub }, state) {
	const page = await handler.newPage();
	const reason = `网点实际在枣阳市（${j.variant.name}），由枣阳市办理`;
	await j.test('transfer to another county', async () => {
		if (!state.complaint)
			throw new Error('no complaint from journey 4');
		await signIn(page, 'handler');
		await page.goto('/staff/complaints');
		await press(page.getByRole('link', { name: state.complaint.no }));
		await page.waitForURL(/\/staff\/complaints\/\d+$/);
		await page.getByLabel(/^转到县（区）/).fill('没有这个县');
		await page.getByLabel(/^转办理由/).fill(reason);
		await press(page.getByRole('button', { name: '转办', exact: true }));
		await page.locator('.error-summary').waitFor();
		j.check('a county that is not is refused, the reason kept',
		    await page.getByLabel(/^转办理由/).inputValue() === reason,
		    await text(page.locator('.error-summary')));
		await page.getByLabel(/^转到县（区）/).fill('枣阳市');
		await j.step(page, 'transfer-form');
		await press(page.getByRole('button', { name: '转办', exact: true }));
		await page.waitForURL(/\/staff\/complaints\/\d+$/);
		await page.locator('h1', { hasText: '待受理' }).waitFor();
		const steps = await page.locator('.timeline li').allInnerTexts();
		j.check('the transfer is on the timeline with its reason',
		    steps.some(s => s.includes('转办') && s.includes(reason)), steps.join(' / '));
	});
	const track = await pub.newPage();
	await j.test('the complainant reads where it went', async () => {
		const { no, code } = state.complaint;
		await trackComplaint(track, no, code);
		const steps = await track.locator('.timeline li').allInnerTexts();
		j.check('已转办 to 枣阳市, without the reason',
		    steps.some(s => s.includes('已转办至襄阳市枣阳市')) &&
		    !steps.some(s => s.includes(reason)), steps.join(' / '));
		await j.step(track, 'track-transferred');
	});
	await track.close();
	await page.close();
}

// 7. A records officer suspends an outlet; the store check shows it at once.
async function suspendOutlet(j, { records, pub }, state) {
	const reg = TO_SUSPEND[state.index];
	const reason = '虚假宣传“买一送一”，责令整改';
	const page = await records.newPage();
	await j.test('suspend an outlet', async () => {
		await signIn(page, 'records');
		await press(page.getByRole('link', { name: '网点档案' }).first());
		const q = page.getByLabel('店名、地址、备案编号或电话');
		await q.fill(reg);
		await press(q);
		await page.waitForURL(/q=/);
		await press(page.locator('tbody a').first());
		await page.waitForURL(/\/staff\/outlets\/\d+$/);
		await page.getByLabel('新状态').selectOption('suspended');
		await page.getByLabel('原因（公开显示）').fill(reason);
		await j.step(page, 'outlet-status');
		await press(page.getByRole('button', { name: '变更状态' }));
		await page.getByText(/状态：暂停/).waitFor();
	});
	const check = await pub.newPage();
	await j.test('the store check shows the suspension', async () => {
		await check.goto('/outlets/check');
		const box = check.getByRole('searchbox', { name: '备案编号、店名或电话' });
		await box.fill(reg);
		await press(box);
		await check.waitForURL(/q=/);
		const answer = await text(check.locator('.answer'));
		j.check('suspended at once', answer.includes('已暂停') && answer.includes(reason), answer.slice(0, 100));
		await j.step(check, 'check-after-suspension');
	});
	await check.close();
	await page.close();
}

// 8. A complainant chooses to hear by SMS; the receipt's message reaches
// the SMS gateway (tests/browser/run.sh runs one, SMS_GATEWAY_DIR), with
// the tracking number and never the query code.
async function noticeBySms(j, { pub }) {
	const dir = process.env.SMS_GATEWAY_DIR;
	if (!dir)
		return;
	const page = await pub.newPage();
	sql("UPDATE complaint SET submitted_at = submitted_at - INTERVAL 2 HOUR WHERE submit_address = '127.0.0.1'");
	await j.test('complaint with SMS chosen, message at the gateway', async () => {
		await page.goto('/complaints/new?outlet=1');
		await page.getByLabel('投诉类别').selectOption('overcharge');
		await page.getByLabel('事情经过（最多 4000 字）').fill(`${j.variant.name}：买冰箱时说送货上门，结果要另收 50 元运费。`);
		await page.getByLabel('姓名', { exact: true }).fill('李桂英');
		await page.getByLabel('联系电话').fill('13872291057');
		await chooseTownship(j, page, ['42', '4206', '420607', '420607107']);
		j.check('no notices unless chosen', await page.getByRole('radio', { name: '不通知' }).isChecked());
		const sms = page.getByRole('radio', { name: '短信' });
		await sms.focus();
		await sms.press('Space');
		j.check('SMS chosen', await sms.isChecked());
		const consent = page.getByRole('checkbox', { name: /我同意/ });
		await consent.focus();
		await consent.press('Space');
		await j.step(page, 'complaint-form-sms');
		await press(page.getByRole('button', { name: '提交投诉' }));
		await page.locator('.receipt').waitFor();
		const no = await text(page.locator('.receipt dd .code').nth(0));
		const code = await text(page.locator('.receipt dd .code').nth(1));
		const found = await receivedWith(page, dir, '.json', [no]);
		j.check('the SMS reached the gateway', found !== '', no);
		j.check('to the phone typed', found.includes('13872291057'));
		j.check('with the tracking page', found.includes(`/complaints/track?no=${no}`));
		j.check('without the query code', !found.includes(code), code);
	});
	await page.close();
}

// The first file in dir holding every one of texts, within 10 s; or ''.
// Dot-files are skipped: the receivers write under a dot-name, then rename.
async function receivedWith(page, dir, ext, texts) {
	for (let i = 0; i < 100; i++) {
		for (const f of readdirSync(dir).filter(f => !f.startsWith('.') && f.endsWith(ext))) {
			const body = readFileSync(`${dir}/${f}`, 'utf8');
			if (texts.every(t => body.includes(t)))
				return body;
		}
		await page.waitForTimeout(100);
	}
	return '';
}

// 9. A complainant chooses email; a handler replies in public; the reply
// reaches the complainant's mailbox (tests/browser/run.sh runs an SMTP
// server, MAIL_DIR), with the tracking page and never the query code.
async function replyByEmail(j, { pub, handler }) {
	const dir = process.env.MAIL_DIR;
	if (!dir)
		return;
	const page = await pub.newPage();
	const staff = await handler.newPage();
	const mailbox = `wang.${j.variant.name.replace(/[^a-z0-9]/gi, '')}@example.com`;
	const reply = `已联系商家，三日内上门安装（${j.variant.name}）。`;
	let no = '', code = '';
	sql("UPDATE complaint SET submitted_at = submitted_at - INTERVAL 2 HOUR WHERE submit_address = '127.0.0.1'");
	await j.test('complaint with email chosen', async () => {
		await page.goto('/complaints/new?outlet=1');
		await page.getByLabel('投诉类别').selectOption('no_service');
		await page.getByLabel('事情经过（最多 4000 字）').fill(`${j.variant.name}：洗衣机买了十天还没有上门安装。`);
		await page.getByLabel('姓名', { exact: true }).fill('王秀兰');
		await page.getByLabel('联系电话').fill('13872291058');
		await chooseTownship(j, page, ['42', '4206', '420607', '420607107']);
		const email = page.getByRole('radio', { name: '电子邮件' });
		await email.focus();
		await email.press('Space');
		await page.getByLabel(/^电子邮箱/).fill(mailbox);
		const consent = page.getByRole('checkbox', { name: /我同意/ });
		await consent.focus();
		await consent.press('Space');
		await press(page.getByRole('button', { name: '提交投诉' }));
		await page.locator('.receipt').waitFor();
		no = await text(page.locator('.receipt dd .code').nth(0));
		code = await text(page.locator('.receipt dd .code').nth(1));
		j.check('the receipt emailed', (await receivedWith(page, dir, '.txt', [no, mailbox])) !== '', no);
	});
	await j.test('a public reply reaches the mailbox', async () => {
		await signIn(staff, 'handler');
		await staff.goto('/staff/complaints');
		await press(staff.getByRole('link', { name: no }));
		await staff.waitForURL(/\/staff\/complaints\/\d+$/);
		await staff.getByLabel('操作').selectOption('note');
		await staff.getByLabel(/^公开答复/).fill(reply);
		await press(staff.getByRole('button', { name: '提交', exact: true }));
		await staff.locator('.timeline li', { hasText: reply }).waitFor();
		const mail = await receivedWith(staff, dir, '.txt', [no, reply]);
		j.check('the reply emailed to the complainant', mail.includes(mailbox), no);
		j.check('with the tracking page', mail.includes(`/complaints/track?no=${no}`));
		j.check('without the query code', mail !== '' && !mail.includes(code), code);
	});
	await staff.close();
	await page.close();
}

// 10. A complaint nobody accepted runs past its deadline: the sweep flags
// it (督办) and it shows in the supervising account's 督办 list and on
// the complainant's timeline.
async function escalation(j, { handler, pub }) {
	const page = await handler.newPage();
	const [no, id] = sql("SELECT tracking_no, id FROM complaint WHERE status = 'submitted' AND is_demo = 0 AND escalated = 0 ORDER BY id DESC LIMIT 1").split('\t');
	await j.test('past its deadline, flagged to the city', async () => {
		if (!id)
			throw new Error('no complaint waiting');
		sql(`UPDATE complaint SET accept_due = CURDATE() - INTERVAL 2 DAY WHERE id = ${id}`);
		execFileSync(`${process.env.BUILD}/jdxx-staff`, ['--config', `${process.env.VAR}/jdxx.hdf`, 'escalate']);
		await signIn(page, 'handler');
		await page.goto('/staff/complaints');
		await press(page.getByRole('link', { name: /^督办/ }).first());
		await page.waitForURL(/escalated=1/);
		j.check('in the 督办 list', await page.getByRole('link', { name: no }).isVisible(), no);
		await j.step(page, 'queue-escalated');
		await press(page.getByRole('link', { name: no }));
		await page.waitForURL(/\/staff\/complaints\/\d+$/);
		const steps = await page.locator('.timeline li').allInnerTexts();
		j.check('the 督办 step on the timeline', steps.some(s => s.includes('超期督办')), steps.join(' / '));
	});
	await page.close();
}

export const JOURNEYS = [
	['1-store-check', storeCheck],
	['2-directory', directory],
	['3-model-subsidy', modelAndSubsidy],
	['4-complaint', fileComplaint],
	['5-notice', publishNotice],
	['6a-transfer', transferComplaint],
	['6-handling', handleComplaint],
	['7-suspension', suspendOutlet],
	['8-notice-by-sms', noticeBySms],
	['9-reply-by-email', replyByEmail],
	['10-escalation', escalation],
];
