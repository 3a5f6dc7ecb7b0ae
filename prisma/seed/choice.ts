/**
 * Where a resident goes for care: the hospitals of their own county first,
 * the city's tertiary hospitals from anywhere, private hospitals for their
 * specialty, and only institutions that run the department the problem needs.
 */
import type { DepartmentKey } from './catalogue/departments';
import type { SeedInstitution } from './institutions';
import { type Random, weighted, type WeightedTable } from './random';

export type CareSetting = 'outpatient' | 'emergency' | 'inpatient';

/** Private specialty hospitals treat their specialty (by name), whatever their department list says. */
const SPECIALTY_BY_SUFFIX: ReadonlyArray<readonly [string, readonly DepartmentKey[]]> = [
  ['骨科医院', ['orthopedics']],
  ['眼科医院', ['ophthalmology']],
  ['妇产医院', ['obstetrics', 'gynecology']],
  ['口腔医院', ['dental']],
  ['肛肠医院', ['surgery', 'gastro']],
  ['康复医院', ['rehabilitation', 'orthopedics', 'neurology']],
  ['精神病医院', ['psychiatry']],
  ['肿瘤医院', ['oncology']],
];

const URBAN_CORE = new Set(['511002', '511011']);

export function treats(inst: SeedInstitution): ReadonlySet<DepartmentKey> {
  if (inst.ownership === 'private') {
    for (const [suffix, depts] of SPECIALTY_BY_SUFFIX) if (inst.name.endsWith(suffix)) return new Set(depts);
  }
  if (inst.type === 'maternal_child') return new Set<DepartmentKey>(['obstetrics', 'gynecology', 'pediatrics', 'womenHealth', 'childHealth']);
  if (inst.type === 'specialized_hospital' && inst.ownership === 'public') return new Set<DepartmentKey>(['psychiatry']);
  return new Set(inst.departments);
}

export class InstitutionChooser {
  private readonly cache = new Map<string, WeightedTable<SeedInstitution> | null>();
  private readonly treated = new Map<number, ReadonlySet<DepartmentKey>>();
  private readonly hospitals: SeedInstitution[];

  constructor(institutions: readonly SeedInstitution[]) {
    this.hospitals = institutions.filter((i) => i.hospital);
    for (const h of this.hospitals) this.treated.set(h.index, treats(h));
  }

  /** A hospital for a problem of this department, for a resident of this county; null if none treats it. */
  hospital(rng: Random, county: string, dept: DepartmentKey, setting: CareSetting): SeedInstitution | null {
    const key = `${county}|${dept}|${setting}`;
    let table = this.cache.get(key);
    if (table === undefined) {
      table = this.build(county, dept, setting);
      this.cache.set(key, table);
    }
    return table ? rng.weighted(table) : null;
  }

  private build(county: string, dept: DepartmentKey, setting: CareSetting): WeightedTable<SeedInstitution> | null {
    const entries: Array<readonly [SeedInstitution, number]> = [];
    for (const h of this.hospitals) {
      const t = this.treated.get(h.index);
      if (!t) continue;
      const needed: DepartmentKey = setting === 'emergency' ? 'emergency' : dept;
      if (!t.has(needed) && !(setting === 'emergency' && t.has(dept) && h.type === 'maternal_child')) continue;
      if (setting === 'inpatient' && h.beds < 20) continue;
      let w = h.attraction;
      if (h.countyCode === county) w *= 6;
      else if (URBAN_CORE.has(h.countyCode) && URBAN_CORE.has(county)) w *= 2.5;
      else w *= 0.25;
      if (h.level === '3A') w *= setting === 'inpatient' ? 2.2 : 1.6;
      entries.push([h, w]);
    }
    return entries.length ? weighted(entries) : null;
  }
}
