/**
 * The institution network of the demo city, modelled on the plan in
 * seeds/001 (22 secondary/tertiary public hospitals, 111 township health
 * centres and community health service centres, 57 private hospitals, plus
 * the CDCs and the blood centre), with the attributes the plan indicators read
 * (EMR level, interoperability rating, internet/smart hospital, private
 * network, remote care, convenience services, digital imaging, 等保), how each
 * institution delivers data (real-time, hourly, nightly), its data-quality
 * profile, and the few that have gone quiet or never connected.
 */
import { generateUscc, organisationCodeCheckChar } from '@rhip/domain';
import { type DepartmentKey, departmentsFor } from './catalogue/departments';
import { type Geography, institutionAddress, type Township } from './geography';
import { createRandom, type Random } from './random';
import { DAY, HOUR } from './time';

export type InstitutionType =
  | 'general_hospital' | 'tcm_hospital' | 'specialized_hospital' | 'maternal_child' | 'cdc' | 'blood_center'
  | 'township_health_center' | 'community_health_center' | 'clinic' | 'other';
export type InstitutionLevel = '3A' | '3B' | '3' | '2A' | '2B' | '2' | '1' | 'unrated';

/** How an institution's interface pushes: batch slot length and typical lag. */
export type DeliveryMode = 'realtime' | 'hourly' | 'nightly';

/** Why an institution's data stops (or never started) before `now`. */
export type Silence =
  | { kind: 'never' }
  /** Nothing received for the last `days` days (interface down, vendor change…). */
  | { kind: 'quiet'; days: number }
  /** The last push is `hours` old: late, not yet silent. */
  | { kind: 'delayed'; hours: number };

export interface SeedInstitution {
  index: number;
  id: string;
  code: string;
  codeType: 'uscc' | 'licence';
  name: string;
  level: InstitutionLevel;
  type: InstitutionType;
  ownership: 'public' | 'private';
  countyCode: string;
  township: Township | null;
  address: string;
  emrLevel: number | null;
  interopLevel: string | null;
  isInternetHospital: boolean;
  isSmartHospital: boolean;
  onHealthPrivateNetwork: boolean;
  hasRemoteCare: boolean;
  hasConvenienceServices: boolean;
  hasDigitalImaging: boolean;
  securityAssessed: boolean;
  beds: number;
  staff: number;
  departments: DepartmentKey[];
  /** Data sets the platform expects from it. */
  datasets: string[];
  delivery: DeliveryMode;
  /** REST or FHIR interface. */
  channel: 'rest' | 'fhir';
  /** Share of records with a data-quality defect. */
  defectRate: number;
  /** Share of records sent more than a day after the event (及时性). */
  lateRate: number;
  silence: Silence | null;
  /** Relative pull on patients choosing among institutions. */
  attraction: number;
  /** Is this a hospital sending EMR (encounters, labs, exams…)? */
  hospital: boolean;
  /** Primary care: township health centre or community health service centre. */
  primaryCare: boolean;
}

interface HospitalDef {
  name: string;
  county: string;
  township?: string;
  level: InstitutionLevel;
  type: InstitutionType;
  beds: number;
}

/** Public secondary and tertiary hospitals (二级及以上公立医院). */
const PUBLIC_HOSPITALS: readonly HospitalDef[] = [
  { name: '内江市第一人民医院', county: '511002', township: '511002001', level: '3A', type: 'general_hospital', beds: 2200 },
  { name: '内江市中医医院', county: '511002', township: '511002003', level: '3A', type: 'tcm_hospital', beds: 1300 },
  { name: '内江市市中区人民医院', county: '511002', township: '511002002', level: '2A', type: 'general_hospital', beds: 520 },
  { name: '内江市市中区中医医院', county: '511002', township: '511002004', level: '2A', type: 'tcm_hospital', beds: 300 },
  { name: '内江市市中区妇幼保健院', county: '511002', township: '511002005', level: '2', type: 'maternal_child', beds: 90 },
  { name: '内江市第二人民医院', county: '511011', township: '511011001', level: '3A', type: 'general_hospital', beds: 1500 },
  { name: '内江市妇幼保健院', county: '511011', township: '511011002', level: '3B', type: 'maternal_child', beds: 500 },
  { name: '内江市精神卫生中心', county: '511011', township: '511011003', level: '2A', type: 'specialized_hospital', beds: 700 },
  { name: '内江市东兴区人民医院', county: '511011', township: '511011001', level: '2A', type: 'general_hospital', beds: 600 },
  { name: '内江市东兴区中医医院', county: '511011', township: '511011002', level: '2A', type: 'tcm_hospital', beds: 380 },
  { name: '内江市东兴区妇幼保健院', county: '511011', township: '511011003', level: '2', type: 'maternal_child', beds: 100 },
  { name: '威远县人民医院', county: '511024', township: '511024100', level: '3B', type: 'general_hospital', beds: 1000 },
  { name: '威远县中医医院', county: '511024', township: '511024100', level: '2A', type: 'tcm_hospital', beds: 500 },
  { name: '威远县妇幼保健院', county: '511024', township: '511024100', level: '2A', type: 'maternal_child', beds: 150 },
  { name: '威远县第二人民医院', county: '511024', township: '511024115', level: '2', type: 'general_hospital', beds: 220 },
  { name: '资中县人民医院', county: '511025', township: '511025100', level: '3B', type: 'general_hospital', beds: 1200 },
  { name: '资中县中医医院', county: '511025', township: '511025100', level: '3B', type: 'tcm_hospital', beds: 800 },
  { name: '资中县妇幼保健院', county: '511025', township: '511025111', level: '2A', type: 'maternal_child', beds: 200 },
  { name: '资中县第二人民医院', county: '511025', township: '511025104', level: '2B', type: 'general_hospital', beds: 300 },
  { name: '隆昌市人民医院', county: '511083', township: '511083001', level: '3B', type: 'general_hospital', beds: 1000 },
  { name: '隆昌市中医医院', county: '511083', township: '511083002', level: '2A', type: 'tcm_hospital', beds: 500 },
  { name: '隆昌市妇幼保健院', county: '511083', township: '511083001', level: '2A', type: 'maternal_child', beds: 150 },
];

const COUNTY_SHORT: Record<string, string> = { '511002': '内江市市中区', '511011': '内江市东兴区', '511024': '威远县', '511025': '资中县', '511083': '隆昌市' };
const PRIVATE_PREFIX: Record<string, string> = { '511002': '内江', '511011': '内江', '511024': '威远', '511025': '资中', '511083': '隆昌' };
const PRIVATE_PER_COUNTY: Record<string, number> = { '511002': 14, '511011': 13, '511024': 9, '511025': 11, '511083': 10 };

/**
 * Township health centres that outlived their township: the 2019–2020 mergers
 * folded these 乡镇 into neighbours, the centres kept serving as branches.
 * [county, current township code it now belongs to, former name]
 */
const FORMER_TOWNSHIP_CENTRES: ReadonlyArray<readonly [string, string, string]> = [
  ['511002', '511002100', '靖民镇'], ['511002', '511002102', '四合镇'], ['511002', '511002104', '龚家镇'],
  ['511011', '511011100', '平坦镇'], ['511011', '511011102', '苏家乡'], ['511011', '511011104', '小河口镇'],
  ['511011', '511011105', '永兴镇'], ['511011', '511011107', '永福镇'], ['511011', '511011108', '同福镇'],
  ['511024', '511024106', '黄荆沟镇'], ['511024', '511024109', '庆卫镇'], ['511024', '511024111', '两河镇'],
  ['511024', '511024107', '靖和镇'], ['511024', '511024114', '铺子湾镇'], ['511024', '511024103', '碗厂镇'],
  ['511024', '511024105', '石坪镇'],
  ['511025', '511025101', '孟塘镇'], ['511025', '511025102', '陈家镇'], ['511025', '511025103', '走马镇'],
  ['511025', '511025104', '太平镇'], ['511025', '511025105', '高楼镇'], ['511025', '511025106', '兴隆街镇'],
  ['511025', '511025107', '双河镇'], ['511025', '511025108', '公民镇'], ['511025', '511025109', '甘露镇'],
  ['511025', '511025110', '顺河场镇'], ['511025', '511025112', '新桥镇'], ['511025', '511025113', '双龙镇'],
  ['511025', '511025114', '配龙镇'], ['511025', '511025104', '金李井镇'], ['511025', '511025106', '苏家湾镇'],
  ['511025', '511025103', '龙江镇'],
  ['511083', '511083100', '李市镇'], ['511083', '511083103', '渔箭镇'], ['511083', '511083105', '周兴镇'],
  ['511083', '511083107', '迎祥镇'],
];

const PRIVATE_BRANDS = [
  '仁爱', '博爱', '康华', '和美', '安康', '福康', '德康', '永康', '瑞康', '健民', '惠民', '新华', '现代', '东方', '誉美',
  '爱民', '明珠', '协和', '天使', '光明', '圣爱', '瑞兴', '民生', '佳康', '金沙', '泰康', '宏仁', '仁和', '益民', '平安',
  '同仁', '美好', '华康', '康宁', '长青', '正和', '济民', '广济', '康泰', '顺康', '华美', '恒康', '世纪', '阳光', '友好',
  '九州', '华夏', '国龙', '锦华', '新世纪', '百信', '德仁', '忠信', '中和', '杏林', '怡康', '汇康', '民康', '精诚', '万和',
];

const PRIVATE_KINDS: ReadonlyArray<readonly [suffix: string, type: InstitutionType, weight: number]> = [
  ['医院', 'general_hospital', 44], ['骨科医院', 'specialized_hospital', 8], ['眼科医院', 'specialized_hospital', 6],
  ['妇产医院', 'specialized_hospital', 6], ['口腔医院', 'specialized_hospital', 5], ['中医医院', 'tcm_hospital', 10],
  ['中西医结合医院', 'tcm_hospital', 4], ['肛肠医院', 'specialized_hospital', 4], ['康复医院', 'specialized_hospital', 6],
  ['精神病医院', 'specialized_hospital', 4], ['肿瘤医院', 'specialized_hospital', 3],
];

/** Data sets (ingest API names) and who sends them. */
export const HOSPITAL_DATASETS = ['persons', 'encounters', 'lab-reports', 'exam-reports', 'prescriptions', 'disease-reports', 'facility-resources'];
export const SMALL_HOSPITAL_DATASETS = ['persons', 'encounters', 'prescriptions', 'disease-reports', 'facility-resources'];
export const PRIMARY_CARE_DATASETS = ['persons', 'health-records', 'followups', 'immunizations', 'contracts', 'encounters', 'prescriptions', 'facility-resources'];
export const PUBLIC_HEALTH_DATASETS = ['facility-resources'];

function licenceNumber(rng: Random, countyCode: string, ownership: 'public' | 'private', category: string): string {
  const body = `${rng.pick(['4', '5', '6', '7'])}${rng.digits(7)}`;
  return `${body}${organisationCodeCheckChar(body)}${countyCode}${ownership === 'public' ? '11' : '17'}${category}${ownership === 'public' ? '1' : rng.chance(0.6) ? '2' : '1'}`;
}

function categoryCode(type: InstitutionType): string {
  switch (type) {
    case 'general_hospital': return 'A100';
    case 'tcm_hospital': return 'A210';
    case 'specialized_hospital': return 'A500';
    case 'maternal_child': return 'E100';
    case 'community_health_center': return 'B100';
    case 'township_health_center': return 'C200';
    case 'cdc': return 'D100';
    case 'blood_center': return 'H100';
    default: return 'Z900';
  }
}

interface Draft {
  name: string;
  level: InstitutionLevel;
  type: InstitutionType;
  ownership: 'public' | 'private';
  countyCode: string;
  township: Township | null;
  beds: number;
}

function plannedDrafts(rng: Random, geo: Geography): Draft[] {
  const townshipByCode = new Map(geo.townships.map((t) => [t.node.code, t]));
  const drafts: Draft[] = [];
  for (const h of PUBLIC_HOSPITALS) {
    drafts.push({ name: h.name, level: h.level, type: h.type, ownership: 'public', countyCode: h.county, township: (h.township && townshipByCode.get(h.township)) || null, beds: h.beds });
  }
  // Disease control and blood service.
  drafts.push({ name: '内江市疾病预防控制中心', level: 'unrated', type: 'cdc', ownership: 'public', countyCode: '511002', township: townshipByCode.get('511002006') ?? null, beds: 0 });
  for (const county of geo.counties) {
    drafts.push({ name: `${COUNTY_SHORT[county.code] ?? county.name}疾病预防控制中心`, level: 'unrated', type: 'cdc', ownership: 'public', countyCode: county.code, township: geo.townshipsByCounty.get(county.code)?.[0] ?? null, beds: 0 });
  }
  drafts.push({ name: '内江市中心血站', level: 'unrated', type: 'blood_center', ownership: 'public', countyCode: '511002', township: townshipByCode.get('511002007') ?? null, beds: 0 });
  // One centre per current township or 街道, county seats' streets get a second community centre.
  for (const t of geo.townships) {
    const prefix = COUNTY_SHORT[t.countyCode] ?? t.countyName;
    if (t.node.townshipKind === 'subdistrict') {
      drafts.push({ name: `${prefix}${t.node.name}社区卫生服务中心`, level: '1', type: 'community_health_center', ownership: 'public', countyCode: t.countyCode, township: t, beds: rng.int(0, 30) });
    } else {
      const central = t.urban || rng.chance(0.3);
      drafts.push({ name: `${prefix}${t.node.name}${central ? '中心卫生院' : '卫生院'}`, level: central && rng.chance(0.4) ? '2B' : '1', type: 'township_health_center', ownership: 'public', countyCode: t.countyCode, township: t, beds: central ? rng.int(60, 150) : rng.int(20, 70) });
    }
  }
  for (const [county, townshipCode, former] of FORMER_TOWNSHIP_CENTRES) {
    const t = townshipByCode.get(townshipCode);
    if (!t) continue;
    drafts.push({ name: `${COUNTY_SHORT[county] ?? ''}${former}卫生院`, level: '1', type: 'township_health_center', ownership: 'public', countyCode: county, township: t, beds: rng.int(15, 50) });
  }
  for (const code of ['511002003', '511011002']) {
    const t = townshipByCode.get(code);
    if (t) drafts.push({ name: `${COUNTY_SHORT[t.countyCode] ?? ''}${t.node.name}第二社区卫生服务中心`, level: '1', type: 'community_health_center', ownership: 'public', countyCode: t.countyCode, township: t, beds: rng.int(0, 20) });
  }
  // Private hospitals.
  const brands = rng.sample(PRIVATE_BRANDS, PRIVATE_BRANDS.length);
  let b = 0;
  const usedNames = new Set<string>();
  for (const county of geo.counties) {
    const n = PRIVATE_PER_COUNTY[county.code] ?? 10;
    for (let i = 0; i < n; i++) {
      const kind = pickKind(rng);
      let name = `${PRIVATE_PREFIX[county.code] ?? ''}${brands[b++ % brands.length] ?? '康华'}${kind[0]}`;
      while (usedNames.has(name) && b < brands.length * 4) name = `${PRIVATE_PREFIX[county.code] ?? ''}${brands[b++ % brands.length] ?? '康华'}${kind[0]}`;
      usedNames.add(name);
      const townships = geo.townshipsByCounty.get(county.code) ?? [];
      const urbanTownships = townships.filter((t) => t.urban);
      const township = rng.chance(0.75) && urbanTownships.length ? rng.pick(urbanTownships) : rng.pick(townships);
      const r = rng.next();
      const level: InstitutionLevel = r < 0.12 ? '2' : r < 0.2 ? '2B' : r < 0.85 ? '1' : 'unrated';
      const beds = level === '1' || level === 'unrated' ? rng.int(20, 99) : rng.int(100, 320);
      drafts.push({ name, level, type: kind[1], ownership: 'private', countyCode: county.code, township, beds });
    }
  }
  return drafts;
}

function pickKind(rng: Random): readonly [string, InstitutionType, number] {
  const total = PRIVATE_KINDS.reduce((s, k) => s + k[2], 0);
  let x = rng.next() * total;
  for (const k of PRIVATE_KINDS) {
    x -= k[2];
    if (x < 0) return k;
  }
  return PRIVATE_KINDS[0] as (typeof PRIVATE_KINDS)[number];
}

function staffFor(rng: Random, d: Draft): number {
  switch (d.type) {
    case 'cdc': return d.name.startsWith('内江市疾病') ? rng.int(150, 190) : rng.int(45, 90);
    case 'blood_center': return rng.int(55, 75);
    case 'community_health_center': return rng.int(25, 60);
    case 'township_health_center': return Math.round(d.beds * rng.float(0.9, 1.3)) + rng.int(10, 25);
    default: return Math.round(d.beds * (d.ownership === 'public' ? rng.float(1.3, 1.7) : rng.float(0.8, 1.2)));
  }
}

function isHospital(type: InstitutionType): boolean {
  return type === 'general_hospital' || type === 'tcm_hospital' || type === 'specialized_hospital' || type === 'maternal_child';
}

function isSecondaryPlus(level: InstitutionLevel): boolean {
  return level.startsWith('2') || level.startsWith('3');
}

/** Plan-indicator attributes: a 2023 mix heading towards the 2025 targets. */
function attributes(rng: Random, d: Draft): Pick<SeedInstitution, 'emrLevel' | 'interopLevel' | 'isInternetHospital' | 'isSmartHospital' | 'onHealthPrivateNetwork' | 'hasRemoteCare' | 'hasConvenienceServices' | 'hasDigitalImaging' | 'securityAssessed'> {
  const tertiary = d.level.startsWith('3');
  const secondary = d.level.startsWith('2');
  const pub = d.ownership === 'public';
  const hospital = isHospital(d.type);
  const primary = d.type === 'township_health_center' || d.type === 'community_health_center';
  let emrLevel: number | null = null;
  if (hospital) emrLevel = tertiary ? (d.level === '3A' ? rng.int(4, 5) : rng.chance(0.8) ? 4 : 3) : secondary ? (pub ? (rng.chance(0.85) ? 3 : 2) : rng.int(1, 3)) : rng.chance(0.6) ? rng.int(0, 2) : null;
  else if (primary) emrLevel = rng.chance(0.7) ? rng.int(1, 2) : null;
  let interopLevel: string | null = null;
  if (d.level === '3A') interopLevel = rng.pick(['四级甲等', '四级乙等', '三级']);
  else if (tertiary) interopLevel = rng.chance(0.4) ? '四级乙等' : '三级';
  else if (secondary && pub && hospital) interopLevel = rng.chance(0.5) ? '三级' : null;
  return {
    emrLevel,
    interopLevel,
    isInternetHospital: hospital && (d.level === '3A' || (tertiary && rng.chance(0.5)) || (secondary && pub && rng.chance(0.1)) || (!pub && secondary && rng.chance(0.1))),
    isSmartHospital: hospital && ((d.level === '3A' && rng.chance(0.8)) || (tertiary && rng.chance(0.4)) || (secondary && rng.chance(0.12))),
    onHealthPrivateNetwork: pub ? (hospital || primary ? rng.chance(0.96) : rng.chance(0.8)) : rng.chance(0.35),
    hasRemoteCare: hospital ? (tertiary ? true : secondary ? rng.chance(pub ? 0.55 : 0.2) : rng.chance(0.1)) : primary ? rng.chance(0.85) : false,
    hasConvenienceServices: hospital ? (tertiary ? true : secondary ? rng.chance(pub ? 0.92 : 0.6) : rng.chance(0.4)) : primary,
    hasDigitalImaging: hospital ? (tertiary ? true : secondary ? rng.chance(pub ? 0.85 : 0.45) : rng.chance(0.15)) : primary ? rng.chance(0.3) : false,
    securityAssessed: hospital ? (tertiary ? true : secondary ? rng.chance(pub ? 0.88 : 0.5) : rng.chance(0.1)) : pub ? rng.chance(0.6) : false,
  };
}

function datasetsFor(d: Draft): string[] {
  if (d.type === 'township_health_center' || d.type === 'community_health_center') return PRIMARY_CARE_DATASETS;
  if (d.type === 'cdc' || d.type === 'blood_center') return PUBLIC_HEALTH_DATASETS;
  return d.level === '1' || d.level === 'unrated' ? SMALL_HOSPITAL_DATASETS : HOSPITAL_DATASETS;
}

/**
 * The institutions that are unusual on purpose, picked deterministically:
 * 2 public township centres and 4 private hospitals never connected; 6 quiet
 * for 4–45 days (a county hospital among them); 2 delayed by 30–60 hours.
 */
function assignSilences(rng: Random, list: SeedInstitution[]): void {
  const townships = list.filter((i) => i.type === 'township_health_center' && !i.township?.urban);
  const urbanPrimary = list.filter((i) => i.primaryCare && i.township?.urban);
  const privates = list.filter((i) => i.ownership === 'private');
  const secondary = list.filter((i) => i.hospital && i.ownership === 'public' && (i.level === '2' || i.level === '2B'));
  const taken = new Set<number>();
  const take = (pool: SeedInstitution[], n: number): SeedInstitution[] => {
    const free = pool.filter((i) => !taken.has(i.index));
    const picked = rng.sample(free, n);
    for (const p of picked) taken.add(p.index);
    return picked;
  };
  for (const i of take(townships, 2)) i.silence = { kind: 'never' };
  for (const i of take(privates.filter((p) => p.level === '1' || p.level === 'unrated'), 4)) i.silence = { kind: 'never' };
  const quietDays = [6, 11, 23];
  take(urbanPrimary, 1).concat(take(townships, 2)).forEach((i, k) => (i.silence = { kind: 'quiet', days: quietDays[k] ?? 10 }));
  take(privates, 2).forEach((i, k) => (i.silence = { kind: 'quiet', days: k === 0 ? 9 : 35 }));
  for (const i of take(secondary, 1)) i.silence = { kind: 'quiet', days: 4 };
  take(privates, 1).concat(take(urbanPrimary, 1)).forEach((i, k) => (i.silence = { kind: 'delayed', hours: k === 0 ? 36 : 56 }));
}

/** The whole network. Depends only on the seed and the geography. */
export function buildInstitutions(seed: number | string, geo: Geography): SeedInstitution[] {
  const rng = createRandom(seed, 'institutions');
  const drafts = plannedDrafts(rng, geo);
  const list = drafts.map((d, index): SeedInstitution => {
    const r = createRandom(seed, 'institution', index);
    const licence = (d.type === 'township_health_center' && r.chance(0.2)) || (d.ownership === 'private' && r.chance(0.15));
    const code = licence
      ? licenceNumber(r, d.countyCode, d.ownership, categoryCode(d.type))
      : generateUscc({ regionCode: d.countyCode, sequence: r.int(10_000_000, 99_999_999), prefix: d.ownership === 'public' ? '12' : r.chance(0.6) ? '91' : '52' });
    const hospital = isHospital(d.type);
    const primaryCare = d.type === 'township_health_center' || d.type === 'community_health_center';
    const large = d.beds >= 400;
    const tertiary = d.level.startsWith('3');
    const poorQuality = r.chance(0.1);
    const delivery: DeliveryMode = tertiary ? 'realtime' : (hospital && isSecondaryPlus(d.level)) || (primaryCare && d.township?.urban) ? 'hourly' : 'nightly';
    return {
      index,
      id: r.uuid(),
      code,
      codeType: licence ? 'licence' : 'uscc',
      name: d.name,
      level: d.level,
      type: d.type,
      ownership: d.ownership,
      countyCode: d.countyCode,
      township: d.township,
      address: institutionAddress(r, geo, d.countyCode, d.township ?? undefined),
      ...attributes(r, d),
      beds: d.beds,
      staff: staffFor(r, d),
      departments: departmentsFor(d.type, large),
      datasets: datasetsFor(d),
      delivery,
      channel: tertiary && r.chance(0.5) ? 'fhir' : 'rest',
      defectRate: poorQuality ? r.float(0.09, 0.15) : r.float(0.015, 0.05),
      lateRate: poorQuality ? r.float(0.05, 0.1) : delivery === 'nightly' ? r.float(0.01, 0.04) : r.float(0.002, 0.015),
      silence: null,
      attraction: hospital ? Math.pow(Math.max(d.beds, 20), 0.9) * (d.ownership === 'private' ? 0.7 : 1) : primaryCare ? 1 : 0,
      hospital,
      primaryCare,
    };
  });
  assignSilences(createRandom(seed, 'silences'), list);
  return list;
}

/** Epoch ms after which nothing from this institution reaches the platform (null: no cut-off). */
export function receiveCutoff(inst: SeedInstitution, now: number): number | null {
  const s = inst.silence;
  if (!s) return null;
  if (s.kind === 'never') return Number.NEGATIVE_INFINITY;
  if (s.kind === 'quiet') return now - s.days * DAY;
  return now - s.hours * HOUR;
}
