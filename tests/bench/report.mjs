// Turns the benchmark's results.tsv into report.md and report.json.
//   node tests/bench/report.mjs RESULTS.tsv REPORT.md REPORT.json
import { readFileSync, writeFileSync } from 'node:fs';

const [input, mdOut, jsonOut] = process.argv.slice(2);
if (!jsonOut) {
  process.stderr.write('usage: node tests/bench/report.mjs RESULTS.tsv REPORT.md REPORT.json\n');
  process.exit(2);
}

const meta = {};
const urls = [];
const runs = [];
const memory = [];
let complaints = null;
const render = {};
const sizes = {};
let importSeconds = null;
const weekly = {};
for (const line of readFileSync(input, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f[0] === 'meta') meta[f[1]] = f[2];
  else if (f[0] === 'url') urls.push({ page: f[1], path: f[2], bytes: Number(f[3]) });
  else if (f[0] === 'render') render[f[1]] = Number(f[2]);
  else if (f[0] === 'size') sizes[f[1]] = Number(f[2]);
  else if (f[0] === 'weekly') weekly[f[1]] = Number(f[2]);
  else if (f[0] === 'import') importSeconds = f[2] === 'failed' ? NaN : Number(f[2]);
  else if (f[0] === 'memory') memory.push({ when: f[1], process: f[2], rss_kb: Number(f[3]) });
  else if (f[0] === 'page') {
    const [rps, p50, p90, p99, errors, timeouts, non2xx, requests] = f.slice(4).map(Number);
    runs.push({ page: f[1], target: f[2], connections: Number(f[3]), rps, p50_ms: p50,
      p90_ms: p90, p99_ms: p99, socket_errors: errors, timeouts, non2xx, requests });
  } else if (f[0] === 'complaints') {
    const v = f.slice(1).map(Number);
    complaints = { rps: v[0], p50_ms: v[1], p90_ms: v[2], p99_ms: v[3], socket_errors: v[4],
      timeouts: v[5], non2xx: v[6], requests: v[7], sent: v[8], ok: v[9], refused: v[10],
      other: v[11], stored: v[12], stored_with_event: v[13], new_rows: v[14] };
  }
}

const find = (page, target, c) => runs.find((r) => r.page === page && r.target === target &&
  r.connections === c);
const levels = [...new Set(runs.map((r) => r.connections))].sort((a, b) => a - b);
const fmt = (v, d = 0) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(d));

const lines = [];
lines.push(`# jdxx benchmark ${meta.started}`, '');
lines.push(`Commit ${meta.commit}; ${meta.cpus} CPUs; ${meta.workers} public workers; ` +
  `${meta.duration} s per level; data: ${meta.data}.`);
lines.push(`Load average before ${meta.load_before}, after ${meta.load_after} ` +
  '(wrk, nginx, the workers and MariaDB share the machine).', '');
lines.push('## Pages', '');
lines.push('req/s of the page, of nginx serving the same bytes as a static file, and of a ' +
  'bare FastCGI program answering the same bytes; latency of the page in ms; errors are ' +
  'socket errors (timeouts included) plus non-2xx answers.', '');
lines.push('| page | bytes | c | req/s | static | ratio | bare FastCGI | p50 | p90 | p99 | errors |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const pageSummary = [];
for (const u of urls) {
  for (const c of levels) {
    const a = find(u.page, 'app', c);
    if (!a) continue;
    const s = find(u.page, 'static', c);
    const b = find(u.page, 'fcgi', c);
    const ratio = s ? a.rps / s.rps : undefined;
    pageSummary.push({ page: u.page, path: u.path, bytes: u.bytes, connections: c, app: a,
      static: s ?? null, bare_fastcgi: b ?? null, ratio_to_static: ratio ?? null });
    lines.push(`| ${u.page} | ${u.bytes} | ${c} | ${fmt(a.rps)} | ${s ? fmt(s.rps) : '–'} | ` +
      `${ratio === undefined ? '–' : fmt(ratio * 100) + '%'} | ${b ? fmt(b.rps) : '–'} | ` +
      `${fmt(a.p50_ms, 2)} | ${fmt(a.p90_ms, 2)} | ${fmt(a.p99_ms, 2)} | ` +
      `${a.socket_errors + a.non2xx} |`);
  }
}
lines.push('');
const nocache = levels.map((c) => find('county', 'nocache', c)).filter(Boolean);
const php = levels.map((c) => find('county', 'php', c)).filter(Boolean);
const phpRatio = (c) => {
  const a = find('county', 'nocache', c);
  const p = find('county', 'php', c);
  return a && p && p.rps > 0 ? a.rps / p.rps : undefined;
};
if (nocache.length) {
  lines.push('## County page with the page cache off, beside the PHP-FPM peer', '');
  lines.push('The peer (tests/bench/php/county.php: PHP-FPM, opcache, PDO with server-side ' +
    'prepares, 4 children) runs the page\'s statement (its 20 rows with their count) and ' +
    'answers the same bytes, checked before the run. The portal\'s workers keep the ' +
    'categories in force and the region path and children between requests (read again ' +
    'on the change signal, a new day or after a second); plain Debian PHP has no shared ' +
    'memory for that (no APCu), so the peer still runs those two statements on every ' +
    'request: three statements to the portal\'s one.', '');
  lines.push('| c | req/s | p50 | p90 | p99 | errors | PHP req/s | PHP p99 | × PHP |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of nocache) {
    const p = find('county', 'php', r.connections);
    lines.push(`| ${r.connections} | ${fmt(r.rps)} | ${fmt(r.p50_ms, 2)} | ${fmt(r.p90_ms, 2)} | ` +
      `${fmt(r.p99_ms, 2)} | ${r.socket_errors + r.non2xx} | ${p ? fmt(p.rps) : '–'} | ` +
      `${p ? fmt(p.p99_ms, 2) : '–'} | ${fmt(phpRatio(r.connections), 2)} |`);
  }
  lines.push('');
}
if (complaints) {
  const c = complaints;
  lines.push('## Complaint submission (POST, c = 64, durable commits)', '');
  lines.push(`${fmt(c.rps)} req/s; ${c.ok} answered 200 of ${c.sent} sent, ${c.refused} refused, ` +
    `${c.other} other; ${c.stored} stored with this run's tokens (${c.stored_with_event} with ` +
    `their first event); p50 ${fmt(c.p50_ms, 2)} ms, p99 ${fmt(c.p99_ms, 2)} ms; ` +
    `socket errors ${c.socket_errors}. ` +
    (c.stored >= c.ok && c.stored === c.stored_with_event ? 'None lost.' : '**Some lost.**'), '');
}
lines.push('## Memory (RSS)', '');
lines.push('| process | start kB | end kB |', '|---|---:|---:|');
const procs = [...new Set(memory.map((m) => m.process))];
for (const p of procs) {
  const s = memory.find((m) => m.process === p && m.when === 'start');
  const e = memory.find((m) => m.process === p && m.when === 'end');
  lines.push(`| ${p} | ${s ? s.rss_kb : '–'} | ${e ? e.rss_kb : '–'} |`);
}
lines.push('');

// The targets, as far as this run measures them.
const at64 = pageSummary.filter((p) => p.connections === 64);
const at256 = pageSummary.filter((p) => p.connections === 256);
const workers = memory.filter((m) => m.process.startsWith('worker-'));
const targets = [
  ['every GET page at c=64 ≥ 50% of its static copy', at64.length > 0 &&
    at64.every((p) => p.ratio_to_static !== null && p.ratio_to_static >= 0.5),
    at64.map((p) => `${p.page} ${p.ratio_to_static === null ? '–' : fmt(p.ratio_to_static * 100) + '%'}`).join(', ')],
  ['county page, cache off, c=64 ≥ 5,000 req/s', (find('county', 'nocache', 64)?.rps ?? 0) >= 5000,
    fmt(find('county', 'nocache', 64)?.rps)],
  ['county page, cache off, c=64 ≥ 2,000 req/s', (find('county', 'nocache', 64)?.rps ?? 0) >= 2000,
    fmt(find('county', 'nocache', 64)?.rps)],
  ['county page, cache off, c=64 ≥ 3× the PHP-FPM peer', (phpRatio(64) ?? 0) >= 3,
    `${fmt(phpRatio(64), 2)}× (PHP ${fmt(find('county', 'php', 64)?.rps)} req/s)`],
  ['p99 ≤ 20 ms at c=64 on every GET page', at64.length > 0 && at64.every((p) => p.app.p99_ms <= 20),
    at64.map((p) => `${p.page} ${fmt(p.app.p99_ms, 1)}`).join(', ')],
  ['no errors or timeouts at c=256', at256.length > 0 &&
    at256.every((p) => p.app.socket_errors + p.app.non2xx === 0),
    at256.map((p) => `${p.page} ${p.app.socket_errors + p.app.non2xx}`).join(', ')],
  ['≥ 1,000 committed complaints/s at c=64, none lost', complaints !== null &&
    complaints.stored / Number(meta.duration) >= 1000 && complaints.stored >= complaints.ok,
    complaints ? `${fmt(complaints.stored / Number(meta.duration))}/s stored` : '–'],
  ['workers ≤ 10 MB RSS, not growing', workers.length > 0 &&
    workers.every((m) => m.rss_kb <= 10240) && procs.filter((p) => p.startsWith('worker-')).every((p) => {
      const s = workers.find((m) => m.process === p && m.when === 'start');
      const e = workers.find((m) => m.process === p && m.when === 'end');
      return !s || !e || e.rss_kb <= s.rss_kb + 4096;
    }), `${Math.max(0, ...workers.map((m) => m.rss_kb))} kB at most`],
  ['county page rendered (kept parse and filling the outlets) ≤ 200 µs',
    render.render_total_us !== undefined && render.render_total_us <= 200,
    render.render_total_us === undefined ? '–' : `${fmt(render.render_total_us, 1)} µs ` +
      `(render ${fmt(render.render_kept_us, 1)}, fill ${fmt(render.fill_us, 1)}; parsing each ` +
      `time ${fmt(render.render_parse_each_us, 1)}; ${render.page_bytes} bytes)`],
  ['/enterprises ≤ 30 KB', sizes.enterprises !== undefined && sizes.enterprises <= 30 * 1024,
    sizes.enterprises === undefined ? '–' : `${fmt(sizes.enterprises / 1024, 1)} KB`],
  ['50,000 outlets checked and imported ≤ 30 s', importSeconds !== null &&
    importSeconds <= 30, importSeconds === null ? '–' : Number.isNaN(importSeconds) ?
      'failed' : `${fmt(importSeconds, 1)} s`],
  ['weekly report: the whole country ≤ 200 ms, a county ≤ 20 ms',
    weekly.national <= 200 && weekly.county <= 20,
    weekly.national === undefined ? '–' :
      `national ${fmt(weekly.national, 1)} ms, county ${fmt(weekly.county, 1)} ms`],
];
lines.push('## Targets', '');
lines.push('| target | met | measured |', '|---|---|---|');
for (const [what, met, measured] of targets) lines.push(`| ${what} | ${met ? 'yes' : '**no**'} | ${measured} |`);
lines.push('');

writeFileSync(mdOut, lines.join('\n'));
writeFileSync(jsonOut, JSON.stringify({ meta, pages: pageSummary, nocache, php, complaints, memory,
  render, sizes, import_seconds: importSeconds, weekly_ms: weekly,
  targets: targets.map(([what, met, measured]) => ({ what, met, measured })) }, null, 2) + '\n');
