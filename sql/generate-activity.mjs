// Generate complaints and notices for an instance that already holds
// generated outlets, as load files.
//
//   node sql/generate-activity.mjs --outdir DIR --outlets FILE
//       --complaints N --notices N --complaint-base ID --notice-base ID
//       --today YYYY-MM-DD [--seed S]
//
// FILE holds the outlets to complain about, one "id<TAB>region_code" a line.
// Complaints are spread over the two years before --today, more of them in
// the busy months; notices over the same years. Every row is fictional
// example data (is_demo = 1, marked （示例）) and the same arguments always
// give the same files. Column order (tab-separated, \N is NULL):
//   complaint.tsv  id, tracking_no, code_hash, status, category, name, phone,
//                  region_code, outlet_id, outlet_region, purchase_date,
//                  product_category, description, submitted_at, accept_due,
//                  accepted_at, resolve_due, resolved_at, is_demo
//   notice.tsv     id, kind, title, issuer, doc_no, issued_on, body_md,
//                  status, published_at, is_demo
// Generated complaints cannot be tracked: their query codes exist nowhere.

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { helpers, makeRandom } from './random.mjs';

function die(msg) {
  process.stderr.write(`generate-activity: ${msg}\n`);
  process.exit(2);
}

const NUMERIC = ['complaints', 'notices', 'complaint-base', 'notice-base'];
const opt = { seed: '1' };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const m = /^--([a-z-]+)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) die('bad arguments; see the head of this file');
    if (!['outdir', 'outlets', 'today', 'seed', ...NUMERIC].includes(m[1])) die(`unknown option ${argv[i]}`);
    opt[m[1]] = argv[i + 1];
  }
  for (const k of ['outdir', 'outlets', 'today', ...NUMERIC]) {
    if (opt[k] === undefined) die(`--${k} is required`);
  }
  for (const k of NUMERIC) {
    if (!/^[0-9]{1,10}$/.test(opt[k])) die(`--${k} must be a whole number`);
    opt[k] = Number(opt[k]);
  }
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(opt.today)) die('--today must be YYYY-MM-DD');
}

// Its own stream, apart from the directory's of the same seed.
const rnd = makeRandom(`activity:${opt.seed}`);
const { int, pick, weighted, pad } = helpers(rnd);

const DAY = 86400000;
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const stamp = (day, sec) => `${isoOf(day)} ${pad(Math.floor(sec / 3600), 2)}:` +
  `${pad(Math.floor(sec / 60) % 60, 2)}:${pad(sec % 60, 2)}`;
// Working days only roughly: weekends skipped, holidays not.
function addWorkdays(day, n) {
  let d = day;
  while (n > 0) { d++; const w = (d + 4) % 7; if (w !== 0 && w !== 6) n--; }
  return d;
}

function writer(name) {
  const fd = openSync(join(opt.outdir, name), 'w');
  let buf = [];
  const flush = () => { if (buf.length) { writeSync(fd, buf.join('')); buf = []; } };
  return {
    row(values) {
      buf.push(values.map((v) => (v === null ? '\\N' : String(v))).join('\t') + '\n');
      if (buf.length >= 10000) flush();
    },
    close() { flush(); closeSync(fd); },
  };
}

// ---------------------------------------------------------------- complaints

const outlets = readFileSync(opt.outlets, 'utf8').split('\n').filter(Boolean)
  .map((l) => l.split('\t'));
if (opt.complaints > 0 && outlets.length === 0) die('no outlets to complain about; run make data first');

const TODAY = dayOf(opt.today);
const FIRST = TODAY - 730;
// Market seasons: more complaints around the Spring Festival and in autumn.
const MONTH_WEIGHT = [14, 12, 8, 7, 7, 6, 6, 7, 8, 10, 11, 12];
const CATEGORY = [['overcharge', 30], ['no_service', 20], ['subsidy_refusal', 15],
  ['fake_goods', 10], ['false_promotion', 10], ['return_dispute', 8],
  ['impersonation', 4], ['other', 3]];
const PRODUCT = ['tv', 'fridge', 'phone', 'washer'];
const SURNAME = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = ['建国', '秀英', '国强', '桂兰', '志明', '玉梅', '德华', '春花', '永福', '金凤'];
const WHAT = {
  overcharge: '售价高出限价，还另收了送货费',
  no_service: '说好送货安装，等了半个月没人来',
  subsidy_refusal: '不给开发票，补贴申报不了',
  fake_goods: '买的型号和中标型号不一样',
  false_promotion: '说补贴比规定的多，实际没有',
  return_dispute: '坏了要求换货，商店推给厂家',
  impersonation: '门口挂着下乡指定店的牌子，查不到这家店',
  other: '咨询补贴领取时间，没人答复',
};
const HEX = '0123456789abcdef';
const ALPHA = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function makeComplaints() {
  const out = writer('complaint.tsv');
  const days = [];
  for (let d = FIRST; d < TODAY; d++) {
    const m = new Date(d * DAY).getUTCMonth();
    days.push([d, MONTH_WEIGHT[m]]);
  }
  const cum = [];
  let sum = 0;
  for (const [, w] of days) cum.push((sum += w));
  for (let i = 1; i <= opt.complaints; i++) {
    const id = opt['complaint-base'] + i;
    let r = rnd() * sum, lo = 0, hi = cum.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] > r) hi = mid; else lo = mid + 1; }
    const day = days[lo][0];
    const [outletId, region] = outlets[int(0, outlets.length - 1)];
    const cat = weighted(CATEGORY);
    // The tracking number spells the id, so generated ones never clash.
    let n = id, no = '';
    for (let k = 0; k < 8; k++) { no = ALPHA[n % 32] + no; n = Math.floor(n / 32); }
    no = `${no.slice(0, 4)}-${no.slice(4)}`;
    let hash = '';
    for (let k = 0; k < 64; k++) hash += HEX[int(0, 15)];
    const acceptDue = addWorkdays(day, 7);
    const age = TODAY - day;
    let status = 'submitted', accepted = null, resolveDue = null, resolved = null;
    if (age > 3 || rnd() < 0.5) {
      const a = Math.min(TODAY, day + int(0, 6));
      if (rnd() < 0.08) { status = 'rejected'; accepted = stamp(a, int(30000, 60000)); }
      else {
        status = 'accepted';
        accepted = stamp(a, int(30000, 60000));
        resolveDue = isoOf(addWorkdays(a, 30));
        if (age > 40 || rnd() < 0.3) {
          status = 'resolved';
          resolved = stamp(Math.min(TODAY, a + int(1, 40)), int(30000, 60000));
        } else if (rnd() < 0.5) status = 'investigating';
      }
    }
    const name = pick(SURNAME) + pick(GIVEN) + '（示例）';
    const phone = pick(['138', '139', '159', '187']) + pad(int(0, 99999999), 8);
    const product = pick(PRODUCT);
    const purchase = isoOf(day - int(1, 60));
    out.row([id, no, hash, status, cat, name, phone, region, outletId, region,
      purchase, product, `${WHAT[cat]}。（示例）`, stamp(day, int(25200, 75600)),
      isoOf(acceptDue), accepted, resolveDue, resolved, 1]);
    if (i % 200000 === 0 || i === opt.complaints) process.stderr.write(`complaints ${i}/${opt.complaints}\n`);
  }
  out.close();
}

// ---------------------------------------------------------------- notices

const ISSUER = ['商务部（示例）', '财政部（示例）', '湖北省商务厅（示例）', '河南省财政厅（示例）',
  '四川省商务厅（示例）', '山东省商务厅（示例）', '襄阳市商务局（示例）'];
const TOPIC = ['补贴资金拨付', '中标产品目录调整', '销售网点年度检查', '最高限价调整',
  '补贴申领流程简化', '投诉处理情况通报', '售后服务网点公布', '以旧换新衔接'];
const KIND = [['notice', 60], ['policy', 25], ['guide', 15]];

function makeNotices() {
  const out = writer('notice.tsv');
  for (let i = 1; i <= opt.notices; i++) {
    const id = opt['notice-base'] + i;
    const day = FIRST + Math.floor((730 * i) / (opt.notices + 1));
    const issuer = pick(ISSUER);
    const topic = pick(TOPIC);
    const year = isoOf(day).slice(0, 4);
    const title = `关于${topic}有关事项的通知（示例第${i}号）`;
    const body = `各有关单位：\\n\\n现就${topic}有关事项通知如下。\\n\\n` +
      `## 一、工作要求\\n\\n请各地按规定办理，及时公布办理结果。\\n\\n` +
      `## 二、联系方式\\n\\n有关问题请向当地商务、财政部门反映。（示例）`;
    out.row([id, weighted(KIND), title, issuer, `示〔${year}〕${i}号`, isoOf(day),
      body, 'published', stamp(day, int(32400, 61200)), 1]);
  }
  out.close();
}

makeComplaints();
makeNotices();
