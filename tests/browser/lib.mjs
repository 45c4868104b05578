// Shared by the browser suites: the tally, the browser, the variants and
// the step that screenshots and audits every page a journey reaches.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { audit } from './a11y.mjs';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const BASE = process.env.BASE || 'http://127.0.0.1:18089';
export const SHOTS = process.env.SHOTS || join(HERE, 'screenshots');
export const STAFF_PASSWORD = process.env.STAFF_PASSWORD || 'Browser-2009-ok';

// Each journey runs on a phone and a desktop, and once without script.
export const VARIANTS = [
	{ name: 'phone', viewport: { width: 360, height: 640 }, js: true },
	{ name: 'desktop', viewport: { width: 1280, height: 800 }, js: true },
	{ name: 'phone-nojs', viewport: { width: 360, height: 640 }, js: false },
].filter(v => !process.env.ONLY || process.env.ONLY.split(',').includes(v.name));

export class Tally {
	constructor() { this.pass = 0; this.fail = 0; }
	ok() { this.pass++; }
	bad(name, why) {
		this.fail++;
		console.error(`FAIL browser: ${name}${why ? ': ' + why : ''}`);
	}
	check(name, cond, why) { if (cond) this.ok(); else this.bad(name, why); }
	// Runs fn as one test: a thrown error (a missing element, a timeout)
	// fails it with the message.
	async test(name, fn) {
		try {
			await fn();
			this.ok();
		} catch (e) {
			this.bad(name, String(e.message).split('\n')[0]);
		}
	}
}

export async function launch() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		// Tests run as root, where the sandbox cannot start.
		args: ['--no-sandbox', '--font-render-hinting=none'],
	});
}

export const problems = [];

export async function newContext(browser, variant) {
	const ctx = await browser.newContext({
		baseURL: BASE,
		viewport: variant.viewport,
		javaScriptEnabled: variant.js,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
	});
	ctx.setDefaultTimeout(15000);
	// Script errors and refusals by the Content-Security-Policy (a page
	// answered with a 4xx, as a form with a mistake is, is no error).
	ctx.on('console', m => {
		if (m.type() === 'error' && !/status of 4\d\d/.test(m.text()))
			problems.push(`${variant.name} ${m.location().url}: ${m.text()}`);
	});
	ctx.on('weberror', e => problems.push(`${variant.name}: ${e.error().message}`));
	return ctx;
}

// The instance's database, as the HTTP suites reach it.
export function sql(query) {
	return execFileSync('mariadb', [`--defaults-file=${process.env.VAR}/my.cnf`,
	    '-N', 'jdxx', '-e', query], { encoding: 'utf8' }).trim();
}

// One journey in one variant: names its screenshots and audits each page.
export class Journey {
	constructor(tally, audits, variant, name) {
		this.tally = tally;
		this.audits = audits;
		this.variant = variant;
		this.name = name;
		this.n = 0;
	}
	// A step reached: screenshot what a person sees (scrolled to show,
	// when given), then audit the page once per kind.
	async step(page, label, show) {
		this.n++;
		const dir = join(SHOTS, this.variant.name);
		mkdirSync(dir, { recursive: true });
		const file = `${this.name}-${String(this.n).padStart(2, '0')}-${label}.png`;
		if (show)
			await show.scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(dir, file) });
		await audit(page, this, label);
	}
	// A test named after the journey, the variant and what it checks.
	async test(what, fn) {
		await this.tally.test(`${this.variant.name} ${this.name}: ${what}`, fn);
	}
	check(what, cond, why) {
		this.tally.check(`${this.variant.name} ${this.name}: ${what}`, cond, why);
	}
}

// Submits a form from the keyboard: focus the control, press Enter.
export async function press(locator) {
	await locator.focus();
	await locator.press('Enter');
}

// Signs a staff member in on a page of their own context.
export async function signIn(page, username) {
	await page.goto('/staff/login');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(STAFF_PASSWORD);
	await press(page.getByLabel('密码'));
	await page.waitForURL(/\/staff\/$/);
}

export async function text(locator) {
	return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}
