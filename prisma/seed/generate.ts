/**
 * The demo region as a stream of rows: institutions and their staff, monthly
 * resource reports, then residents household by household with their EMR
 * and EHR, links, findings and outcomes, and at the end the ingest batches
 * and each institution's expected data sets. Pure apart from the sink: the
 * same seed, size and `now` give the same rows (ciphertexts aside).
 * `onChunk` is awaited between chunks of households, which is where the COPY
 * writer flushes; memory stays bounded by the chunk size whatever the size.
 */
import { namePinyinKey, NEIJIANG_REGIONS } from '@rhip/domain';
import { maskName } from '@rhip/pii';
import { InstitutionChooser } from './choice';
import { seedTimelinessHours } from './daily-rollups';
import { type BatchAggregate, BatchBook } from './delivery';
import { type EhrContext, generateEhr } from './ehr';
import { type EmrContext, generateEmr } from './emr';
import { INFECTIONS, seasonFactor } from './catalogue/infections';
import { buildGeography, type Geography } from './geography';
import { buildInstitutions, type SeedInstitution } from './institutions';
import { nameVariant } from './names';
import { writeStaff } from './practitioners';
import { createRandom } from './random';
import { Recorder, type RecorderStats, type SeedCipher } from './recorder';
import { generateHousehold, IdSequences, type Resident, type ResidentContext } from './residents';
import { generateResourceReports } from './resources';
import type { Row, RowSink } from './sink';
import { HISTORY_DAYS, type SizeProfile } from './sizes';
import { DAY, HOUR, isoDay, localParts, MINUTE, startOfDay, ts } from './time';

export interface GenerateOptions {
  profile: SizeProfile;
  seed: number | string;
  now: number;
  cipher: SeedCipher;
  /** First id minus one for the tables whose ids the seed assigns. */
  idBase?: Partial<Record<'master_persons' | 'encounters' | 'lab_reports' | 'prescriptions', number>>;
  /** Awaited every `profile.householdsPerChunk` households (the writer flushes here). */
  onChunk?: (progress: { residents: number; households: number }) => Promise<void>;
}

export interface GenerationSummary {
  institutions: number;
  residents: number;
  households: number;
  healthRecords: number;
  contracts: number;
  encounters: number;
  diseaseReports: number;
  deaths: number;
  batches: number;
  records: RecorderStats;
  /** Highest id used per explicit-id table. */
  lastIds: Record<'master_persons' | 'encounters' | 'lab_reports' | 'prescriptions', number>;
  quiet: Array<{ name: string; silence: string }>;
  /** Generated residents by region code (city, county, township): the demo's population denominators. */
  populations: Record<string, number>;
}

/** Stable patient number of a person at an institution (a bijection per institution). */
export function patientNo(inst: SeedInstitution, personId: number): string {
  return String(1_000_000_000 + ((personId * 7919 + inst.index * 104_729) % 900_000_000));
}

function infectionWindow(now: number, windowStart: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const inf of INFECTIONS) {
    let sum = 0;
    let n = 0;
    for (let t = windowStart; t < now; t += DAY) {
      sum += seasonFactor(inf.season, localParts(t).month);
      n++;
    }
    out.set(inf.code, n ? sum / n : 1);
  }
  return out;
}

function centresByTownship(institutions: readonly SeedInstitution[]): Map<string, SeedInstitution[]> {
  const map = new Map<string, SeedInstitution[]>();
  for (const i of institutions) {
    if (!i.primaryCare || !i.township) continue;
    const list = map.get(i.township.node.code) ?? [];
    list.push(i);
    map.set(i.township.node.code, list);
  }
  return map;
}

export function regionRows(): Row[] {
  return NEIJIANG_REGIONS.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode }));
}

function institutionRow(i: SeedInstitution, at: string): Row {
  return {
    id: i.id, code: i.code, code_type: i.codeType, name: i.name, level: i.level, type: i.type, ownership: i.ownership,
    region_code: i.countyCode, township_code: i.township?.node.code ?? null, address: i.address,
    emr_level: i.emrLevel, interop_level: i.interopLevel, is_internet_hospital: i.isInternetHospital, is_smart_hospital: i.isSmartHospital,
    on_health_private_network: i.onHealthPrivateNetwork, has_remote_care: i.hasRemoteCare, has_convenience_services: i.hasConvenienceServices,
    has_digital_imaging: i.hasDigitalImaging, security_assessed: i.securityAssessed, active: true, created_at: at, updated_at: at,
  };
}

/** The institutions, geography and derived facts a seed run starts from (no rows). */
export function buildNetwork(seed: number | string): { geo: Geography; institutions: SeedInstitution[] } {
  const geo = buildGeography(seed);
  return { geo, institutions: buildInstitutions(seed, geo) };
}

const CADENCES = [24, 72, 168, 336, 744];

/**
 * Each institution's expected data sets with an agreed cadence its volume
 * supports (a busy hospital daily, a small centre's immunisations weekly),
 * capped so quiet institutions read as silent and delayed ones as delayed.
 */
function datasetRows(institutions: readonly SeedInstitution[], batches: Iterable<BatchAggregate>, windowDays: number, windowStart: number, seed: number | string): Row[] {
  const received = new Map<string, number>();
  for (const b of batches) {
    const key = `${b.institution.index}|${b.dataset}`;
    received.set(key, (received.get(key) ?? 0) + b.received);
  }
  const rows: Row[] = [];
  for (const inst of institutions) {
    const rng = createRandom(seed, 'datasets', inst.index);
    const since = isoDay(windowStart - rng.int(inst.ownership === 'public' ? 300 : 120, inst.ownership === 'public' ? 1100 : 500) * DAY);
    const at = ts(Date.parse(`${since}T09:00:00+08:00`));
    for (const dataset of inst.datasets) {
      let cadence: number;
      const timeliness = seedTimelinessHours(dataset);
      if (dataset === 'facility-resources') {
        cadence = 744;
      } else {
        const perDay = (received.get(`${inst.index}|${dataset}`) ?? 0) / windowDays;
        cadence = CADENCES.find((h) => (perDay * h) / 24 >= 3) ?? 744;
        const s = inst.silence;
        if (s?.kind === 'quiet') cadence = Math.min(cadence, [...CADENCES].reverse().find((h) => h * 4 <= s.days * 24) ?? 24);
        if (s?.kind === 'delayed') cadence = 24;
        if (s?.kind === 'never') cadence = 24;
      }
      rows.push({ institution_id: inst.id, dataset, cadence_hours: cadence, timeliness_hours: timeliness, active: true, expected_since: since, created_at: at, updated_at: at });
    }
  }
  return rows;
}

function* batchRows(batches: Iterable<BatchAggregate>, seed: number | string): Generator<Row> {
  for (const b of batches) {
    const rng = createRandom(seed, 'batch-run', b.id);
    const started = b.receivedAt + rng.int(50, 3000);
    const finished = started + 200 + b.received * rng.int(2, 6);
    yield {
      id: b.id, institution_id: b.institution.id, dataset: b.dataset, channel: b.institution.channel, status: 'done',
      received: b.received, accepted: b.accepted, rejected: b.rejected, stored: b.accepted, linked: b.linked, in_review: b.inReview, failed: 0,
      request_id: `req-${b.id.slice(-12)}`, attempts: 1, created_at: ts(b.receivedAt), updated_at: ts(finished), started_at: ts(started), finished_at: ts(finished),
    };
  }
}

function masterPersonRow(p: Resident, cipher: SeedCipher, createdAt: number): Row {
  const at = ts(createdAt);
  return {
    id: p.id, name: p.name, name_pinyin: namePinyinKey(p.name), sex: p.sex, birth_date: p.birthDate, ethnicity: p.ethnicity,
    marital_status: p.maritalStatus, phone: p.phone, region_code: p.township.node.code, address: p.address,
    vital_status: p.death ? 'deceased' : 'alive', death_date: p.death ? isoDay(p.death.at) : null,
    id_number_enc: cipher.encrypt(p.idNumber), id_number_bidx: cipher.blindIndex(p.idNumber, 'id'),
    created_at: at, updated_at: at,
  };
}

function identifierRows(sink: RowSink, p: Resident, cipher: SeedCipher, at: string): void {
  const add = (type: string, issuer: string, docType: string | null, value: string, scope: string) =>
    sink.add('person_identifiers', { master_person_id: p.id, type, issuer, doc_type_code: docType, value_enc: cipher.encrypt(value), value_bidx: cipher.blindIndex(value, scope), created_at: at, updated_at: at });
  if (p.healthCard) add('health_card', '', null, p.healthCard, 'health_card');
  if (p.insuranceNo) add('insurance', '', null, p.insuranceNo, 'insurance');
  if (p.passport) add('passport', 'CHN', '03', p.passport, 'doc03');
}

/** Streams the whole region into `sink`. */
export async function generateRegion(opts: GenerateOptions, sink: RowSink): Promise<GenerationSummary> {
  const { profile, seed, now, cipher } = opts;
  const windowStart = startOfDay(now) - (HISTORY_DAYS - 1) * DAY;
  const { geo, institutions } = buildNetwork(seed);
  const setupAt = ts(windowStart - 400 * DAY);
  for (const i of institutions) sink.add('institutions', institutionRow(i, setupAt));
  const rosters = writeStaff(sink, seed, institutions, profile.practitionersPerInstitution, setupAt);

  const book = new BatchBook(seed, now, windowStart, institutions);
  const recorder = new Recorder(sink, book, cipher, profile.outcomeRetentionDays);
  generateResourceReports(recorder, seed, institutions, now);

  const base = opts.idBase ?? {};
  const counters = { master_persons: base.master_persons ?? 0, encounters: base.encounters ?? 0, lab_reports: base.lab_reports ?? 0, prescriptions: base.prescriptions ?? 0 };
  const birthHospitalByCounty = new Map<string, SeedInstitution>();
  for (const i of institutions) if (i.type === 'maternal_child' && !birthHospitalByCounty.has(i.countyCode)) birthHospitalByCounty.set(i.countyCode, i);
  for (const i of institutions) if (i.type === 'maternal_child' && !i.datasets.includes('immunizations')) i.datasets = [...i.datasets, 'immunizations'];
  const residentCtx: ResidentContext = { seed, now, geo, centresByTownship: centresByTownship(institutions) };
  const ehrCtx: EhrContext = { seed, now, windowStart, recorder, rosters, birthHospitalByCounty, archiveSeq: new Map() };
  const emrCtx: EmrContext = {
    seed, now, windowStart, recorder, rosters, chooser: new InstitutionChooser(institutions),
    ids: { encounter: () => ++counters.encounters, labReport: () => ++counters.lab_reports, prescription: () => ++counters.prescriptions },
    visitIntensity: profile.visitIntensity, infectionIntensity: profile.infectionIntensity, patientNo,
    infectionWindow: infectionWindow(now, windowStart), infectionTables: new Map(),
  };
  const ids = new IdSequences();
  const summary: GenerationSummary = {
    institutions: institutions.length, residents: 0, households: 0, healthRecords: 0, contracts: 0, encounters: 0, diseaseReports: 0, deaths: 0, batches: 0,
    records: recorder.stats, lastIds: counters, quiet: institutions.filter((i) => i.silence).map((i) => ({ name: i.name, silence: JSON.stringify(i.silence) })),
    populations: {},
  };
  const population = (code: string) => (summary.populations[code] = (summary.populations[code] ?? 0) + 1);
  const cityCode = NEIJIANG_REGIONS.find((r) => r.level === 'city')?.code ?? '511000';
  const reviewRng = createRandom(seed, 'reviews');
  let household = 0;
  while (summary.residents < profile.residents) {
    const members = generateHousehold(residentCtx, household, summary.residents, ids).slice(0, profile.residents - summary.residents);
    for (const p of members) {
      p.id = ++counters.master_persons;
      const trail = recorder.newTrail(p.id);
      const emr = generateEmr(emrCtx, p, trail);
      const ehr = generateEhr(ehrCtx, p, trail);
      const rng = createRandom(seed, 'finish', p.index);
      const firstSeen = recorder.finishPerson(trail, rng, (inst) => patientNo(inst, p.id));
      // A few registrations only nearly match (a homophone typed for the name, no ID number): review queue.
      const centre = p.homeCentre;
      if (centre && reviewRng.chance(0.0015)) {
        const variant = nameVariant(reviewRng, p.name);
        const at = now - reviewRng.int(1, 20) * DAY - reviewRng.int(0, 600) * MINUTE;
        recorder.submit({
          inst: centre, dataset: 'persons', table: null, parts: { row: null, children: [] }, sourceId: `R${patientNo(centre, p.id)}`, eventAt: at, person: trail, rng: reviewRng, clean: true,
          review: {
            candidateId: p.id,
            score: Math.round(reviewRng.float(4, 9) * 100) / 100,
            comparisons: [
              { field: 'name', incoming: maskName(variant), candidate: maskName(p.name), agreement: variant === p.name ? 'exact' : 'pinyin', weight: 4.1 },
              { field: 'birthDate', incoming: p.birthDate.slice(0, 4) + '-**-**', candidate: p.birthDate.slice(0, 4) + '-**-**', agreement: 'exact', weight: 6.2 },
              { field: 'sex', incoming: p.sex, candidate: p.sex, agreement: 'exact', weight: 0.9 },
              { field: 'phone', incoming: null, candidate: p.phone ? `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}` : null, agreement: 'missing', weight: 0 },
            ],
            incoming: { name: variant, sex: p.sex, birthDate: p.birthDate, idType: '01', idNumber: null },
          },
        });
      }
      // Loaded from the population register at go-live; newborns when first registered.
      const goLive = book.migrationTime(institutions[0] as SeedInstitution) - DAY;
      const createdAt = Math.min(Math.max(goLive, p.birthAt + DAY), firstSeen ?? now);
      sink.add('master_persons', masterPersonRow(p, cipher, createdAt - 2 * HOUR));
      identifierRows(sink, p, cipher, ts(createdAt - 2 * HOUR));
      summary.encounters += emr.encounters;
      summary.diseaseReports += emr.cards;
      if (ehr.hasRecord) summary.healthRecords++;
      if (ehr.contracted) summary.contracts++;
      if (p.death) summary.deaths++;
      else {
        population(cityCode);
        population(p.countyCode);
        population(p.township.node.code);
      }
      summary.residents++;
    }
    household++;
    summary.households = household;
    // Let the event loop run now and then: the previous chunk's COPY streams while this one is built.
    if (household % 2 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    if (opts.onChunk && household % profile.householdsPerChunk === 0) await opts.onChunk({ residents: summary.residents, households: household });
  }
  const windowDays = (now - windowStart) / DAY;
  for (const r of datasetRows(institutions, book.entries(), windowDays, windowStart, seed)) sink.add('institution_datasets', r);
  let written = 0;
  for (const r of batchRows(book.entries(), seed)) {
    sink.add('ingest_batches', r);
    if (++written % 100_000 === 0 && opts.onChunk) await opts.onChunk({ residents: summary.residents, households: household });
  }
  summary.batches = book.count;
  for (const r of recorder.rollups.ingestRows()) sink.add('ingest_daily_rollups', r);
  for (const r of recorder.rollups.qualityRows()) sink.add('quality_daily_rollups', r);
  for (const r of recorder.rollups.ruleRows()) sink.add('quality_rule_daily_rollups', r);
  return summary;
}
