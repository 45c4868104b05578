// Page weight: every public page, with what it loads (stylesheet, icon,
// script), as transferred to a browser with an empty cache.
import { newContext } from './lib.mjs';

export const BUDGET = 30 * 1024;

// Every public page, with the answers a page can give.
export const PUBLIC_PAGES = [
	'/', '/caps', '/subsidy', '/subsidy?category=tv&price=1999',
	'/subsidy?category=tv&price=abc', '/outlets', '/outlets?region=42',
	'/outlets?region=420607', '/outlets?region=420607001',
	'/outlets?q=%E5%8D%8E%E6%B6%A6&status=all', '/outlets/1', '/outlets/12',
	'/outlets/check', '/outlets/check?q=XY-420607-0001',
	'/outlets/check?q=%E5%8D%8E%E6%B6%A6', '/outlets/check?q=XX-0000',
	'/products', '/products?category=tv', '/products/1',
	'/products/check', '/products/check?model=TLM32E08',
	'/products/check?model=NOPE', '/enterprises', '/notices', '/notices/1',
	'/complaints/new', '/complaints/new?outlet=1',
	'/complaints/new?province=42&city=4206&county=420607&action=region',
	'/complaints/track', '/stats', '/stats?region=4206', '/no/such/page',
];

// Bytes on the wire for one page: headers and encoded bodies of every
// response it caused, in a fresh context as on a first visit.
async function weigh(browser, variant, path) {
	const ctx = await newContext(browser, variant);
	const page = await ctx.newPage();
	const parts = [];
	let icon = false;
	const collect = req => {
		icon ||= req.url().includes('/static/icon.svg');
		parts.push(req.sizes().then(s => s.responseHeadersSize + s.responseBodySize));
	};
	page.on('requestfinished', collect);
	await page.goto(path, { waitUntil: 'load' });
	// The icon is asked for around "load", sometimes just after.
	for (let i = 0; i < 30 && !icon; i++)
		await page.waitForTimeout(100);
	page.off('requestfinished', collect);
	const sizes = await Promise.all(parts);
	await ctx.close();
	return { total: sizes.reduce((a, b) => a + b, 0), parts: sizes.length };
}

export async function pageWeight(browser, tally, variant) {
	const lines = [];
	for (const path of PUBLIC_PAGES) {
		await tally.test(`weight ${path}`, async () => {
			const w = await weigh(browser, variant, path);
			lines.push(`weight: ${(w.total / 1024).toFixed(1).padStart(5)} KB in ${w.parts} responses  ${path}`);
			if (w.parts < 3)
				throw new Error(`${w.parts} responses: the stylesheet or icon was not counted`);
			if (w.total > BUDGET)
				throw new Error(`${w.total} bytes, over the ${BUDGET}-byte budget`);
		});
	}
	return lines;
}
