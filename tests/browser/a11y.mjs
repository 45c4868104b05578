// Accessibility of one page: axe-core (no serious or critical violation),
// a label for every form field, every control reached by Tab in order
// and a visible focus ring on each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const replays = new Map();	// viewport width -> a page that runs axe
const tabbed = new Set();	// page kinds whose keyboard use was checked

// Pages of the same kind are audited once: the path with numbers as {n},
// the title and whether the form shows errors.
async function kindOf(page) {
	const url = new URL(page.url());
	const path = url.pathname.replace(/\/\d+/g, '/{n}');
	const invalid = await page.locator('[aria-invalid="true"]').count();
	return `${path} ${await page.title()}${invalid ? ' (errors)' : ''}`;
}

async function runAxe(page) {
	return page.locator('html').evaluate(async (html, src) => {
		if (!globalThis.axe)
			(0, eval)(src);
		const r = await globalThis.axe.run(document,
		    { resultTypes: ['violations'] });
		return r.violations.map(v => ({ id: v.id, impact: v.impact,
		    help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
	}, AXE);
}

// A page without script cannot host axe: its HTML is served again, at the
// same address and viewport, to a page that can.
async function axeWithoutScript(page) {
	const html = await page.content();
	const url = page.url();
	const width = page.viewportSize().width;
	let replay = replays.get(width);
	if (!replay) {
		const ctx = await page.context().browser().newContext({
		    viewport: page.viewportSize(), locale: 'zh-CN' });
		replay = await ctx.newPage();
		replays.set(width, replay);
	}
	await replay.route(url, route => route.fulfill({ status: 200,
	    contentType: 'text/html; charset=utf-8', body: html }));
	await replay.goto(url);
	await replay.unroute(url);
	return runAxe(replay);
}

// Form fields without a label, by id or name.
function unlabelled(page) {
	return page.locator('body').evaluate(body => {
		const fields = body.querySelectorAll('input:not([type=hidden]), select, textarea');
		const out = [];
		for (const f of fields) {
			if (f.closest('[aria-hidden="true"]'))
				continue;
			const named = f.labels?.length > 0 || f.getAttribute('aria-label') ||
			    f.getAttribute('aria-labelledby');
			if (!named)
				out.push(f.id || f.name);
		}
		return out;
	});
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), ' +
    'select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

// Tabs through the page: which controls were never reached, and which
// were reached without a visible focus ring.
async function keyboard(page) {
	const total = await page.locator('body').evaluate((body, sel) => {
		let i = 0;
		// A group of radio buttons is one Tab stop (arrows move within).
		const groups = new Map();
		for (const el of body.querySelectorAll(sel)) {
			el.removeAttribute('data-kb');
			if (el.tabIndex < 0 || el.closest('[aria-hidden="true"]') ||
			    !el.checkVisibility({ visibilityProperty: true }))
				continue;
			const group = el.type === 'radio' && el.name ?
			    `${el.form ? [...document.forms].indexOf(el.form) : -1}:${el.name}` : null;
			if (group !== null && groups.has(group)) {
				el.setAttribute('data-kb', groups.get(group));
				continue;
			}
			if (group !== null)
				groups.set(group, String(i));
			el.setAttribute('data-kb', String(i++));
		}
		return i;
	}, FOCUSABLE);
	// Start before the first control, as a person arriving on the page.
	await page.locator('body').evaluate(body => {
		document.activeElement?.blur();
		body.setAttribute('tabindex', '-1');
		body.focus();
		body.removeAttribute('tabindex');
	});
	const seen = new Set(), unringed = [];
	// Date fields take a Tab for each part, so allow a few per control.
	for (let n = 0; n < total * 3 + 5 && seen.size < total; n++) {
		await page.keyboard.press('Tab');
		const f = await page.locator(':focus').evaluateAll(els => els.map(el => {
			const s = getComputedStyle(el);
			const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) ||
			    s.boxShadow !== 'none';
			return { kb: el.getAttribute('data-kb'), ring,
			    what: `${el.tagName.toLowerCase()} ${el.id || el.getAttribute('href') || el.textContent.trim().slice(0, 20)}` };
		}));
		if (f.length === 0)
			continue;
		if (f[0].kb !== null)
			seen.add(f[0].kb);
		if (!f[0].ring)
			unringed.push(f[0].what);
	}
	const missed = await page.locator('[data-kb]').evaluateAll((els, seenKb) =>
	    els.filter(el => !seenKb.includes(el.getAttribute('data-kb')))
		.map(el => `${el.tagName.toLowerCase()} ${el.id || el.getAttribute('href') || el.textContent.trim().slice(0, 20)}`),
	    [...seen]);
	await page.locator('body').evaluate(body => {
		for (const el of body.querySelectorAll('[data-kb]'))
			el.removeAttribute('data-kb');
		document.activeElement?.blur();
	});
	return { total, missed, unringed };
}

// Audits the page once per kind (see kindOf), with axe once per kind and
// viewport; each check is one test.
export async function audit(page, journey, label) {
	const kind = await kindOf(page);
	const sized = `${page.viewportSize().width} ${kind}`;
	if (journey.audits.has(sized))
		return;
	journey.audits.set(sized, []);
	const where = `${label} (${sized})`;
	const t0 = Date.now();
	await journey.test(`axe on ${where}`, async () => {
		const v = journey.variant.js ? await runAxe(page) : await axeWithoutScript(page);
		const grave = v.filter(x => x.impact === 'serious' || x.impact === 'critical');
		journey.audits.set(sized, v.filter(x => !grave.includes(x)));
		if (grave.length)
			throw new Error(grave.map(x => `${x.impact} ${x.id} (${x.help}) at ${x.targets.join(', ')}`).join('; '));
	});
	await journey.test(`labels on ${where}`, async () => {
		const missing = await unlabelled(page);
		if (missing.length)
			throw new Error(`fields without a label: ${missing.join(', ')}`);
	});
	const t1 = Date.now();
	if (!tabbed.has(kind)) {
		tabbed.add(kind);
		await journey.test(`keyboard on ${where}`, async () => {
			const k = await keyboard(page);
			if (k.missed.length)
				throw new Error(`not reached by Tab: ${k.missed.join(', ')}`);
			if (k.unringed.length)
				throw new Error(`no visible focus: ${k.unringed.join(', ')}`);
		});
	}
	if (process.env.TIMING)
		console.error(`browser: audit ${where}: axe ${t1 - t0} ms, keyboard ${Date.now() - t1} ms`);
}

// The lesser (minor, moderate) findings, one line per rule, for the log.
export function summary(audits) {
	const rules = new Map();
	for (const [kind, list] of audits)
		for (const v of list)
			rules.set(`${v.impact} ${v.id}`, (rules.get(`${v.impact} ${v.id}`) || 0) + 1);
	return [...rules].map(([rule, n]) => `${rule}: ${n} page kinds`);
}
