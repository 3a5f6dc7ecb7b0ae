/**
 * Residents, generated household by household so that families share an
 * address, a surname line and often a phone (as they do in real records,
 * which is what makes person matching hard): a demographic mix close to the
 * city's 2020 census (0–14 ≈ 16%, 60+ ≈ 25%, sex ratio ≈ 103), 汉族 with a few
 * Sichuan minorities, marital status by age, valid GB 11643 ID numbers
 * (issued where they were born — some elsewhere, 隆昌 births before 2017 under
 * the old county code 511028), health cards, insurance numbers, and the
 * chronic conditions primary care registers.
 */
import { generateResidentId } from '@rhip/domain';
import { type Geography, householdAddress, type Township, type Village } from './geography';
import type { SeedInstitution } from './institutions';
import { landline, mobilePhone, personName, surname } from './names';
import { createRandom, type Random, weighted } from './random';
import { DAY, isoDay } from './time';

export type Sex = '1' | '2';

export interface ChronicCondition {
  /** When it was diagnosed (epoch ms). */
  diagnosedAt: number;
}

export interface Resident {
  /** Master person id. */
  id: number;
  /** 0-based position in the generated population. */
  index: number;
  household: number;
  name: string;
  sex: Sex;
  birthDate: string;
  birthAt: number;
  age: number;
  ethnicity: string;
  maritalStatus: string;
  phone: string | null;
  idNumber: string;
  countyCode: string;
  township: Township;
  village: Village;
  address: string;
  healthCard: string | null;
  insuranceNo: string | null;
  passport: string | null;
  hypertension: ChronicCondition | null;
  diabetes: ChronicCondition | null;
  /** Lab tendencies carried by the person (diabetes, lipid, hbv…). */
  tags: Set<string>;
  /** The township health centre or community centre that keeps their health record. */
  homeCentre: SeedInstitution | null;
  /** Set when the person died during the history window. */
  death: { at: number } | null;
}

/** Share of household heads by age band (5-year bands from 18), tuned to the census pyramid. */
const ANCHOR_AGES = weighted<readonly [number, number]>([
  [[18, 24], 4], [[25, 29], 6], [[30, 34], 8], [[35, 39], 8], [[40, 44], 8], [[45, 49], 10], [[50, 54], 12],
  [[55, 59], 11], [[60, 64], 9], [[65, 69], 9], [[70, 74], 7], [[75, 79], 5], [[80, 84], 3], [[85, 95], 1.6],
]);

const ETHNICITY = weighted<string>([['01', 9950], ['07', 15], ['04', 8], ['03', 8], ['33', 6], ['15', 6], ['06', 4], ['08', 3]]);

/** Where ID numbers were issued: mostly home, some elsewhere in Sichuan or beyond. */
const OTHER_SICHUAN = ['510104', '510107', '510122', '510302', '510304', '511102', '511302', '512002', '510502', '511502'];
const OTHER_PROVINCES = ['500112', '500106', '520102', '530102', '420106', '440305'];
const ID_REGIONS = ['511002', '511011', '511024', '511025', '511083', '511028', ...OTHER_SICHUAN, ...OTHER_PROVINCES];
const ID_REGION_INDEX = new Map(ID_REGIONS.map((c, i) => [c, i]));
const DAYS_SINCE_1900 = 48_000;

type Member = { role: 'head' | 'spouse' | 'child' | 'parent' | 'grandchild'; age: number; sex: Sex };

export interface ResidentContext {
  seed: number | string;
  now: number;
  geo: Geography;
  /** Primary-care institutions per township code. */
  centresByTownship: Map<string, SeedInstitution[]>;
}

/** Keeps ID numbers unique: a counter per (issuing region, birth date, sex). */
export class IdSequences {
  private readonly counts = new Uint16Array(ID_REGIONS.length * DAYS_SINCE_1900 * 2);

  next(regionCode: string, birthAt: number, sex: Sex): number {
    const r = ID_REGION_INDEX.get(regionCode) ?? 0;
    const day = Math.floor((birthAt + 8 * 3_600_000 - Date.UTC(1900, 0, 1)) / DAY);
    const cell = (r * DAYS_SINCE_1900 + Math.max(0, Math.min(DAYS_SINCE_1900 - 1, day))) * 2 + (sex === '1' ? 1 : 0);
    const n = this.counts[cell] ?? 0;
    this.counts[cell] = n + 1;
    // Start each cell at its own offset so sequences look issued, not counted.
    return ((cell * 2654435761) % 500 + n) % 500;
  }
}

function membersOf(rng: Random): Member[] {
  const [lo, hi] = rng.weighted(ANCHOR_AGES);
  const age = rng.int(lo, hi);
  // Men head most households; elders living alone are mostly widows.
  const headSex: Sex = rng.chance(age >= 70 ? 0.55 : 0.8) ? '1' : '2';
  const other: Sex = headSex === '1' ? '2' : '1';
  // Legal marriage age: 22 for men, 20 for women.
  const spouseAge = (a: number) => Math.max(other === '2' ? 20 : 22, a + (headSex === '1' ? -rng.int(0, 5) : rng.int(0, 5)));
  const kids = (motherAge: number, n: number, maxAge = 60): Member[] =>
    Array.from({ length: n }, () => ({ role: 'child' as const, age: Math.max(0, Math.min(maxAge, motherAge - rng.int(22, 36))), sex: (rng.chance(0.52) ? '1' : '2') as Sex }));
  const m: Member[] = [{ role: 'head', age, sex: headSex }];
  const r = rng.next();
  if (age < 30) {
    if (r < 0.35 || age < 22) return m;
    m.push({ role: 'spouse', age: spouseAge(age), sex: other });
    if (r > 0.55) m.push(...kids(age, rng.chance(0.8) ? 1 : 2, 10));
  } else if (age < 45) {
    if (r < 0.07) return m;
    m.push({ role: 'spouse', age: spouseAge(age), sex: other });
    if (r > 0.14) m.push(...kids(age, rng.weighted(KIDS_30S), 25));
    if (r > 0.8) m.push({ role: 'parent', age: age + rng.int(24, 32), sex: rng.chance(0.6) ? '2' : '1' });
  } else if (age < 60) {
    if (r < 0.08) return m;
    m.push({ role: 'spouse', age: spouseAge(age), sex: other });
    if (r > 0.4) m.push(...kids(age, rng.chance(0.7) ? 1 : 2, 35));
    if (r > 0.88) m.push({ role: 'parent', age: age + rng.int(24, 30), sex: '2' });
  } else if (age < 75) {
    if (r < 0.2) return m;
    m.push({ role: 'spouse', age: spouseAge(age), sex: other });
    if (r > 0.7) {
      // Three generations: a grown child's family lives with them (or the grandchildren left behind).
      m.push(...kids(age, 1, 50));
      const grand = rng.int(1, 2);
      for (let i = 0; i < grand; i++) m.push({ role: 'grandchild', age: Math.max(0, age - rng.int(48, 62)), sex: rng.chance(0.52) ? '1' : '2' });
    }
  } else {
    if (r < 0.45) return m;
    if (r < 0.8) m.push({ role: 'spouse', age: Math.min(99, spouseAge(age)), sex: other });
    else {
      m.push(...kids(age, 1, 60));
      if (rng.chance(0.5)) m.push({ role: 'grandchild', age: Math.max(0, age - rng.int(50, 60)), sex: rng.chance(0.52) ? '1' : '2' });
    }
  }
  return m;
}

const KIDS_30S = weighted<number>([[1, 5], [2, 4], [3, 0.6]]);

function maritalStatus(rng: Random, age: number, role: Member['role']): string {
  if (age < 20) return '10';
  if (role === 'head' || role === 'spouse') {
    // Heads living alone are single, widowed or divorced; couples are married.
    return '20';
  }
  if (age < 28) return rng.chance(0.7) ? '10' : '20';
  if (age < 60) return rng.chance(0.85) ? '20' : rng.chance(0.5) ? '40' : '10';
  return rng.chance(0.55) ? '30' : '20';
}

function singleStatus(rng: Random, age: number): string {
  if (age < 28) return '10';
  if (age < 60) return rng.weighted(weighted<string>([['10', 3], ['40', 5], ['30', 1]]));
  return rng.chance(0.78) ? '30' : '40';
}

function idRegion(rng: Random, countyCode: string, birthYear: number): string {
  const r = rng.next();
  let region = countyCode;
  if (r < 0.1) region = rng.pick(['511002', '511011', '511024', '511025', '511083']);
  else if (r < 0.17) region = rng.pick(OTHER_SICHUAN);
  else if (r < 0.2) region = rng.pick(OTHER_PROVINCES);
  if (region === '511083' && birthYear < 2017) region = '511028';
  return region;
}

const HTN_PREVALENCE: ReadonlyArray<readonly [number, number]> = [[35, 0.12], [45, 0.25], [55, 0.38], [65, 0.5], [75, 0.58]];
const DM_PREVALENCE: ReadonlyArray<readonly [number, number]> = [[35, 0.05], [45, 0.1], [55, 0.16], [65, 0.2], [75, 0.2]];

function prevalence(table: ReadonlyArray<readonly [number, number]>, age: number): number {
  let p = 0;
  for (const [from, v] of table) if (age >= from) p = v;
  return p;
}

function chronic(rng: Random, age: number, now: number, prevalenceTable: ReadonlyArray<readonly [number, number]>, managedShare: number): ChronicCondition | null {
  if (age < 30 || !rng.chance(prevalence(prevalenceTable, age) * managedShare)) return null;
  const years = rng.float(0.1, Math.min(18, age - 30));
  return { diagnosedAt: now - Math.round(years * 365.25 * DAY) };
}

function padNumber(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * One household's residents (master person ids are assigned by the caller).
 * Everything depends on the seed and the household number only, apart from
 * ID sequence numbers, which come from `ids` in generation order.
 */
export function generateHousehold(ctx: ResidentContext, household: number, firstIndex: number, ids: IdSequences): Resident[] {
  const rng = createRandom(ctx.seed, 'household', household);
  const countyCode = rng.weighted(ctx.geo.countyTable);
  const townships = ctx.geo.townshipTables.get(countyCode);
  if (!townships) throw new Error(`no townships for county ${countyCode}`);
  const township = rng.weighted(townships);
  const villageIdx = rng.int(0, township.villages.length - 1);
  const village = township.villages[villageIdx] as Village;
  const address = householdAddress(rng, ctx.geo, township, village);
  const centres = ctx.centresByTownship.get(township.node.code) ?? [];
  const homeCentre = centres.length ? (centres[villageIdx % centres.length] ?? null) : null;
  const members = membersOf(rng);
  const fatherLine = surname(rng);
  const spouseLine = surname(rng);
  const ethnicity = rng.weighted(ETHNICITY);
  const householdPhone = rng.chance(0.08) ? landline(rng) : null;
  const single = members.length === 1;
  const residents: Resident[] = [];
  members.forEach((m, k) => {
    const r = createRandom(ctx.seed, 'resident', household, k);
    const age = m.age;
    const birthAt = ctx.now - Math.round((age + r.next()) * 365.2425 * DAY);
    const birthDate = isoDay(birthAt);
    const birthYear = Number(birthDate.slice(0, 4));
    const line = m.role === 'spouse' ? spouseLine : m.role === 'parent' ? (m.sex === '1' ? fatherLine : surname(r)) : m.role === 'head' && m.sex === '2' ? spouseLine : fatherLine;
    const name = personName(r, m.sex, birthYear, (m.role === 'child' || m.role === 'grandchild') && r.chance(0.08) ? spouseLine : line);
    const region = idRegion(r, countyCode, birthYear);
    const idNumber = generateResidentId({ regionCode: region, birthDate, sex: m.sex, sequence: ids.next(region, birthAt, m.sex) });
    const index = firstIndex + k;
    let phone: string | null = null;
    if (age >= 16 && age < 75) phone = r.chance(0.96) ? mobilePhone(r) : householdPhone;
    else if (age >= 75) phone = r.chance(0.55) ? mobilePhone(r) : null;
    const tags = new Set<string>();
    const hypertension = chronic(r, age, ctx.now, HTN_PREVALENCE, 0.55);
    const diabetes = chronic(r, age, ctx.now, DM_PREVALENCE, 0.45);
    if (diabetes) tags.add('diabetes');
    if ((hypertension || diabetes) && r.chance(0.35)) tags.add('lipid');
    if (age >= 15 && r.chance(0.06)) tags.add('hbv');
    residents.push({
      id: 0,
      index,
      household,
      name,
      sex: m.sex,
      birthDate,
      birthAt,
      age,
      ethnicity,
      maritalStatus: single ? singleStatus(r, age) : maritalStatus(r, age, m.role),
      phone,
      idNumber,
      countyCode,
      township,
      village,
      address,
      healthCard: r.chance(0.85) ? `H${countyCode}${padNumber((index * 48271 + 12345) % 1e11, 11)}` : null,
      insuranceNo: r.chance(0.95) ? `${countyCode}${padNumber((index * 69621 + 777) % 1e10, 10)}` : null,
      passport: age >= 18 && age < 65 && r.chance(0.012) ? `E${padNumber((index * 7919 + 13) % 1e8, 8)}` : null,
      hypertension,
      diabetes,
      tags,
      homeCentre,
      death: null,
    });
  });
  // Children and elders without a phone of their own are reached on a parent's or child's.
  const adultPhone = residents.find((p) => p.age >= 18 && p.age < 75 && p.phone)?.phone ?? null;
  for (const p of residents) if (!p.phone && adultPhone && p.age < 16) p.phone = adultPhone;
  for (const p of residents) if (!p.phone && adultPhone && rng.chance(0.7)) p.phone = adultPhone;
  return residents;
}
