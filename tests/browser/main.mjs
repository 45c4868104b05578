// The browser suite: the journeys in every variant, the page weight, then
// the XSS sweep.
// Prints "browser: N passed, N failed" last.
import { JOURNEYS } from './journeys.mjs';
import { Journey, Tally, VARIANTS, launch, newContext, problems } from './lib.mjs';
import { summary } from './a11y.mjs';
import { pageWeight } from './weight.mjs';
import { xssSweep } from './xss.mjs';

const tally = new Tally();
const audits = new Map();
const t0 = Date.now();
const browser = await launch();
try {
	for (const [index, variant] of VARIANTS.entries()) {
		const t = Date.now();
		const actors = {};
		for (const who of ['pub', 'editor', 'handler', 'records'])
			actors[who] = await newContext(browser, variant);
		const state = { index };
		for (const [name, run] of JOURNEYS) {
			const tj = Date.now();
			await run(new Journey(tally, audits, variant, name), actors, state);
			if (process.env.TIMING)
				console.error(`browser: ${variant.name} ${name} ${Date.now() - tj} ms`);
		}
		for (const ctx of Object.values(actors))
			await ctx.close();
		tally.check(`${variant.name}: no script errors or policy refusals`,
		    problems.length === 0, problems.splice(0).join('; '));
		console.error(`browser: ${variant.name} journeys in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	}
	const t = Date.now();
	for (const line of await pageWeight(browser, tally, VARIANTS[0]))
		console.error(line);
	console.error(`browser: page weight in ${((Date.now() - t) / 1000).toFixed(1)} s`);
	const tx = Date.now();
	await xssSweep(browser, tally);
	console.error(`browser: XSS sweep in ${((Date.now() - tx) / 1000).toFixed(1)} s`);
	for (const line of summary(audits))
		console.error(`browser: axe (not failing) ${line}`);
} catch (e) {
	tally.bad('suite', e.stack);
} finally {
	await browser.close();
}
console.error(`browser: ${audits.size} page kinds audited; ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
console.log(`browser: ${tally.pass} passed, ${tally.fail} failed`);
process.exit(tally.fail > 0 ? 1 : 0);
