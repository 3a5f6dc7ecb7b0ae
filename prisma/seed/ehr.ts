/**
 * Resident electronic health records (居民电子健康档案) kept by primary care:
 * the archive home page for ~72% of residents (more for children and the
 * elderly), hypertension and type 2 diabetes registrations with a year of
 * quarterly follow-ups (most patients "standardised": four a year), the
 * national immunisation schedule for children (birth doses at the county's
 * maternal and child hospital), autumn flu shots, and family-doctor
 * contracts (key populations first).
 */
import { INFLUENZA_VACCINE, NIP_SCHEDULE, type VaccineDose } from './catalogue/vaccines';
import type { SeedInstitution } from './institutions';
import { departmentCode, pickDoctor, type Roster } from './practitioners';
import type { PersonTrail, Recorder } from './recorder';
import type { Resident } from './residents';
import { createRandom, type Random, weighted } from './random';
import { addMonths, compactDay, DAY, dayStart, HOUR, isoDay, localParts, MINUTE, ts } from './time';

export interface EhrContext {
  seed: number | string;
  now: number;
  windowStart: number;
  recorder: Recorder;
  rosters: Map<number, Roster>;
  /** The maternal and child health hospital of each county (birth doses). */
  birthHospitalByCounty: Map<string, SeedInstitution>;
  /** Archive number sequence per village. */
  archiveSeq: Map<string, number>;
}

export interface EhrResult {
  hasRecord: boolean;
  contracted: boolean;
}

const EARLIEST_ARCHIVE = dayStart('2009-07-01');

/** Years the national EHR drive opened archives (most in 2010–2015). */
const ARCHIVE_YEARS = weighted<number>([[2010, 14], [2011, 14], [2012, 12], [2013, 10], [2014, 9], [2015, 8], [2016, 7], [2017, 6], [2018, 6], [2019, 5], [2020, 4], [2021, 4], [2022, 4], [2023, 4], [2024, 4], [2025, 4], [2026, 3]]);

function coverage(age: number): number {
  if (age < 7) return 0.86;
  if (age < 18) return 0.62;
  if (age < 45) return 0.6;
  if (age < 65) return 0.8;
  return 0.93;
}

/** A working-hours instant on the day of `ms` (08:30–17:00). */
function workingTime(rng: Random, ms: number): number {
  const day = Math.floor((ms + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  return day + 8.5 * HOUR + rng.int(0, 8.5 * 60) * MINUTE;
}

function archiveNo(ctx: EhrContext, p: Resident): string {
  const v = p.village.code;
  const n = (ctx.archiveSeq.get(v) ?? 0) + 1;
  ctx.archiveSeq.set(v, n);
  return `${v}${String(n).padStart(5, '0')}`;
}

export function generateEhr(ctx: EhrContext, p: Resident, trail: PersonTrail): EhrResult {
  const centre = p.homeCentre;
  const rng = createRandom(ctx.seed, 'ehr', p.index);
  const result: EhrResult = { hasRecord: false, contracted: false };
  immunizations(ctx, p, trail, rng);
  if (!centre || !rng.chance(coverage(p.age))) return result;
  const roster = ctx.rosters.get(centre.index);
  const doctor = pickDoctor(rng, roster, 'general') ?? pickDoctor(rng, roster);
  // Archive home page.
  let established: number;
  if (p.age < 9) established = p.birthAt + rng.int(3, 90) * DAY;
  else {
    const year = Math.max(rng.weighted(ARCHIVE_YEARS), Number(p.birthDate.slice(0, 4)) + 1);
    established = Math.max(EARLIEST_ARCHIVE, dayStart(`${Math.min(year, localParts(ctx.now).year)}-01-01`) + rng.int(0, 364) * DAY);
  }
  established = workingTime(rng, Math.min(established, ctx.now - DAY));
  const archive = archiveNo(ctx, p);
  const updatedRecently = rng.chance(p.age >= 65 ? 0.7 : p.hypertension || p.diabetes ? 0.6 : 0.3);
  const updatedAt = updatedRecently ? workingTime(rng, Math.max(established, ctx.windowStart + rng.int(0, Math.floor((ctx.now - ctx.windowStart) / DAY) - 1) * DAY)) : established;
  const deceased = p.death !== null;
  const versions = 1 + Math.floor((updatedAt - established) / (365 * DAY));
  const hr = ctx.recorder.submit({
    inst: centre, dataset: 'health-records', table: 'health_records', sourceId: archive, eventAt: Math.min(updatedAt, ctx.now - HOUR), person: trail, rng,
    parts: { row: {
      version: versions,
      source_updated_at: ts(updatedAt),
      established_at: ts(established),
      archive_no: archive,
      responsible_doctor: doctor,
      region_code: p.township.node.code,
      status: deceased ? 'deceased' : 'active',
      extra: rng.chance(0.6) ? { abo: rng.pick(['1', '2', '3', '3', '4']), rh: rng.chance(0.996) ? '2' : '1' } : null,
    }, children: [] },
  });
  if (!hr?.stored) return result;
  result.hasRecord = true;
  for (const [disease, cond, icd] of [['hypertension', p.hypertension, 'I10.x00'], ['t2dm', p.diabetes, 'E11.900']] as const) {
    if (!cond) continue;
    chronicCare(ctx, p, trail, centre, roster, rng, disease, cond.diagnosedAt, icd, archive);
  }
  result.contracted = contract(ctx, p, trail, centre, roster, rng);
  return result;
}

function chronicCare(ctx: EhrContext, p: Resident, trail: PersonTrail, centre: SeedInstitution, roster: Roster | undefined, rng: Random, disease: 'hypertension' | 't2dm', diagnosedAt: number, icd: string, archive: string): void {
  const registeredAt = workingTime(rng, Math.min(ctx.now - DAY, diagnosedAt + rng.int(0, 180) * DAY));
  // The registering visit, then a year of follow-ups: standardised patients are seen every quarter.
  const r = rng.next();
  const planned = r < 0.68 ? 4 : r < 0.86 ? rng.int(2, 3) : rng.int(0, 1);
  const controlled = rng.chance(disease === 'hypertension' ? 0.68 : 0.55);
  const yearAgo = ctx.now - 365 * DAY;
  const start = yearAgo + rng.int(0, 80) * DAY;
  const visits = [registeredAt];
  for (let k = 0; k < planned; k++) visits.push(workingTime(rng, start + k * 91 * DAY + rng.int(-12, 12) * DAY));
  let registered = false;
  visits.forEach((at, k) => {
    if (at < registeredAt || at > ctx.now - HOUR || (p.death && at > p.death.at) || (k > 0 && at - registeredAt < 14 * DAY)) return;
    const ok = controlled ? rng.chance(0.9) : rng.chance(0.3);
    const sbp = disease === 'hypertension' || rng.chance(0.6) ? Math.round(ok ? rng.normal(128, 8) : rng.normal(152, 10)) : null;
    const dbp = sbp ? Math.round(sbp * rng.float(0.58, 0.66)) : null;
    const glucose = disease === 't2dm' ? Math.round((ok ? rng.normal(6.3, 0.5) : rng.normal(8.6, 1.5)) * 100) / 100 : null;
    const classification = rng.chance(0.02) ? 'adverse_reaction' : rng.chance(0.03) ? 'complication' : ok ? 'controlled' : 'uncontrolled';
    const res = ctx.recorder.submit({
      inst: centre, dataset: 'followups', table: 'chronic_followups', sourceId: `SF${compactDay(at)}${p.id}${disease === 'hypertension' ? 'H' : 'D'}${k}`, eventAt: at, person: trail, rng,
      parts: { row: {
        source_updated_at: ts(at),
        disease,
        followup_at: ts(at),
        way: k === 0 ? 'clinic' : rng.weighted(FOLLOWUP_WAYS),
        sbp,
        dbp,
        fasting_glucose: glucose,
        classification,
        doctor_name: pickDoctor(rng, roster, 'general') ?? pickDoctor(rng, roster),
        next_followup_at: isoDay(at + 90 * DAY),
      }, children: [] },
    });
    // The first stored follow-up brings the registration along (its `registration` element).
    if (res?.stored && !registered) {
      registered = true;
      ctx.recorder.derived('chronic_registrations', {
        institution_id: centre.id,
        source_id: `${disease === 'hypertension' ? 'GXY' : 'TNB'}${archive}`,
        version: 1,
        batch_id: res.arrival.batchId,
        master_person_id: p.id,
        received_at: ts(res.arrival.receivedAt),
        source_updated_at: ts(registeredAt),
        disease,
        registered_at: ts(registeredAt),
        icd10: icd,
        diagnosis_date: isoDay(diagnosedAt),
        status: p.death ? 'closed' : 'active',
        closed_at: p.death ? ts(p.death.at) : null,
      });
    }
  });
}

const FOLLOWUP_WAYS = weighted<string>([['clinic', 55], ['home', 20], ['phone', 20], ['online', 5]]);

function immunizations(ctx: EhrContext, p: Resident, trail: PersonTrail, rng: Random): void {
  const centre = p.homeCentre;
  const ageMonths = (ctx.now - p.birthAt) / (30.44 * DAY);
  if (ageMonths < 84) {
    for (const dose of NIP_SCHEDULE) {
      if (dose.month > ageMonths - 0.5) continue;
      if (rng.chance(dose.month === 0 ? 0.005 : 0.025)) continue; // missed dose
      const delayDays = rng.chance(0.7) ? rng.int(0, 7) : rng.chance(0.83) ? rng.int(8, 30) : rng.int(31, 90);
      const at = workingTime(rng, addMonths(p.birthAt, dose.month) + (dose.month === 0 ? rng.int(0, 1) * DAY : delayDays * DAY));
      if (at > ctx.now - HOUR) continue;
      const inst = dose.month === 0 ? (ctx.birthHospitalByCounty.get(p.countyCode) ?? centre) : centre;
      if (!inst) continue;
      vaccinate(ctx, p, trail, rng, inst, dose, at);
    }
  }
  // Seasonal flu vaccine in the autumn campaign for the elderly and young children.
  const campaign = localParts(ctx.now).month >= 10 || localParts(ctx.now).month <= 1;
  if (centre && campaign && ((p.age >= 60 && rng.chance(0.09)) || (ageMonths >= 6 && p.age < 9 && rng.chance(0.12)))) {
    const at = workingTime(rng, ctx.now - rng.int(1, 45) * DAY);
    vaccinate(ctx, p, trail, rng, centre, INFLUENZA_VACCINE, at);
  }
}

function vaccinate(ctx: EhrContext, p: Resident, trail: PersonTrail, rng: Random, inst: SeedInstitution, dose: VaccineDose, at: number): void {
  const lotMonth = isoDay(at - rng.int(90, 400) * DAY).slice(0, 7).replace('-', '');
  ctx.recorder.submit({
    inst, dataset: 'immunizations', table: 'immunizations', sourceId: `YM${p.id}${dose.code}${dose.dose}`, eventAt: at, person: trail, rng,
    parts: { row: {
      source_updated_at: ts(at),
      vaccine_code: dose.code,
      vaccine_name: dose.name,
      dose_number: dose.dose,
      administered_at: ts(at),
      lot_number: `${lotMonth}${rng.digits(3)}`,
      manufacturer: dose.manufacturer,
      site: dose.site,
      route: dose.route,
    }, children: [] },
  });
}

const PACKAGES = { basic: '基础服务包', htn: '高血压个性化服务包', dm: '糖尿病个性化服务包', elderly: '老年人健康管理服务包', child: '0-6岁儿童服务包' };

function contract(ctx: EhrContext, p: Resident, trail: PersonTrail, centre: SeedInstitution, roster: Roster | undefined, rng: Random): boolean {
  const keyPopulation = p.age >= 65 || p.age < 7 || p.hypertension !== null || p.diabetes !== null;
  const signs = rng.chance(keyPopulation ? 0.76 : 0.24);
  const lapsed = !signs && rng.chance(0.12);
  if (!signs && !lapsed) return false;
  // The signing season is the first quarter; renewals spread over the year.
  const yearAgo = ctx.now - 365 * DAY;
  const offset = rng.chance(0.55) ? rng.int(0, 89) : rng.int(0, 364);
  const base = signs ? yearAgo + offset * DAY : yearAgo - rng.int(30, 400) * DAY;
  const year = localParts(ctx.now).year;
  const q1 = dayStart(`${year}-01-02`);
  const signedAt = workingTime(rng, signs && offset < 90 && q1 < ctx.now ? q1 + rng.int(0, 85) * DAY : base);
  if (signedAt > ctx.now - HOUR) return false;
  const validFrom = isoDay(signedAt);
  const validTo = isoDay(addMonths(signedAt, 12) - DAY);
  const doctor = pickDoctor(rng, roster, 'general') ?? pickDoctor(rng, roster);
  const team = rng.int(1, Math.max(2, Math.round(centre.staff / 12)));
  const pkg = p.hypertension ? PACKAGES.htn : p.diabetes ? PACKAGES.dm : p.age >= 65 ? PACKAGES.elderly : p.age < 7 ? PACKAGES.child : PACKAGES.basic;
  const expired = addMonths(signedAt, 12) < ctx.now;
  const res = ctx.recorder.submit({
    inst: centre, dataset: 'contracts', table: 'family_doctor_contracts', sourceId: `QY${validFrom.slice(0, 4)}${p.id}`, eventAt: signedAt, person: trail, rng,
    parts: { row: {
      source_updated_at: ts(signedAt),
      signed_at: ts(signedAt),
      team_code: `${departmentCode('general')}-T${String(team).padStart(2, '0')}`,
      team_name: `${centre.name.replace(/^(内江市|威远县|资中县|隆昌市)/, '')}家庭医生团队${team}`,
      doctor_name: doctor,
      valid_from: validFrom,
      valid_to: validTo,
      service_package: pkg,
      status: p.death ? 'terminated' : expired ? 'expired' : rng.chance(0.01) ? 'terminated' : 'active',
    }, children: [] },
  });
  return Boolean(res?.stored) && signs && !expired;
}
