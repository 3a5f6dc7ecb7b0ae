/**
 * What one simulated institution sends next: a batch of one data set (or a
 * FHIR bundle), with fresh records, re-sends of earlier ones (same version:
 * a no-op; newer version: an update), child records that sometimes arrive
 * before their encounter, and a controlled share of defective records.
 * Pure and deterministic: the same seed and the same call sequence give the
 * same pushes (timestamps follow the `nowMs` passed in).
 */
import type { Dataset, EncounterRecord } from '@rhip/contracts';
import { applicableDefects, injectDefect, type DefectKind } from './defects';
import { buildFhirBundle, type FhirBundle, type FhirVisit } from './fhir';
import type { Resident } from './people';
import { createRng, weightedTable, type Rng } from './random';
import {
  encounterRefOf, makeContract, makeDiseaseReport, makeEncounter, makeExamReport, makeFacilityResource, makeFollowup, makeHealthRecord,
  makeImmunization, makeLabReport, makePerson, makePrescription, type EncounterRef, type RecordContext, type SourceInstitution,
} from './records';

export interface WorkloadOptions {
  /** Records per REST request (1–5,000). */
  readonly batchSize: number;
  /** Share of records with one injected defect. */
  readonly errorRate: number;
  /** Share of records that are re-sends of an earlier record (half unchanged, half a newer version). */
  readonly resendShare: number;
  /** Share of pushes sent as FHIR bundles to POST /fhir/R4. */
  readonly fhirShare: number;
  /** Share of child records (lab, exam, prescription) sent before their encounter. */
  readonly childFirstShare: number;
  /** Relative weights of the data sets; defaults to a hospital's daily mix. */
  readonly datasetWeights?: Partial<Record<Dataset, number>>;
}

export const DEFAULT_WORKLOAD: WorkloadOptions = {
  batchSize: 200,
  errorRate: 0.05,
  resendShare: 0.05,
  fhirShare: 0,
  childFirstShare: 0.05,
};

/** A day's mix at a hospital: mostly visits and what hangs off them. */
export const DEFAULT_DATASET_WEIGHTS: Readonly<Record<Dataset, number>> = {
  encounters: 28,
  'lab-reports': 20,
  prescriptions: 20,
  'exam-reports': 7,
  persons: 8,
  followups: 5,
  immunizations: 4,
  contracts: 3,
  'health-records': 3,
  'disease-reports': 2,
  'facility-resources': 0,
};

export interface RestPush {
  readonly kind: 'rest';
  readonly dataset: Dataset;
  readonly records: Record<string, unknown>[];
  /** Per record: the defect injected, or null. */
  readonly defects: (DefectKind | null)[];
  /** Per record: fresh, a same-version re-send, or a newer version of an earlier record. */
  readonly sends: ('fresh' | 'resend_same' | 'resend_newer')[];
}

export interface FhirPush {
  readonly kind: 'fhir';
  readonly bundle: FhirBundle;
  /** Visits (encounters) in the bundle. */
  readonly visits: number;
}

export type Push = RestPush | FhirPush;

/** The residents of the region, indexed by county for catchment areas. */
export interface Catchment {
  readonly all: readonly Resident[];
  readonly byCounty: ReadonlyMap<string, readonly Resident[]>;
}

export function createCatchment(population: readonly Resident[]): Catchment {
  const byCounty = new Map<string, Resident[]>();
  for (const r of population) {
    const list = byCounty.get(r.regionCode) ?? [];
    list.push(r);
    byCounty.set(r.regionCode, list);
  }
  return { all: population, byCounty };
}

const SOURCE_PREFIX: Record<Dataset, string> = {
  persons: 'P', 'health-records': 'EHR', followups: 'FU', immunizations: 'IMM', contracts: 'FDC', encounters: 'V',
  'lab-reports': 'LIS', 'exam-reports': 'PACS', prescriptions: 'RX', 'disease-reports': 'CRB', 'facility-resources': 'RES',
};

const RING_SIZE = 400;
/** Encounters whose children went first, waiting to be sent, at most. */
const MAX_PENDING = 100;
const CHILD_DATASETS = new Set<Dataset>(['lab-reports', 'exam-reports', 'prescriptions']);

/**
 * One institution's HIS. `next(nowMs)` returns its next push. Keeps the
 * state a real interface engine has: counters, recent encounters (parents of
 * lab/exam/prescription records), recently sent records (for re-sends).
 */
export class InstitutionWorkload {
  readonly institution: SourceInstitution;
  private readonly rng: Rng;
  private readonly options: WorkloadOptions;
  private readonly catchment: Catchment;
  private readonly runTag: string;
  private readonly pickDataset: (rng: Rng) => Dataset;
  private readonly counters = new Map<Dataset, number>();
  private readonly recentEncounters: EncounterRef[] = [];
  /** Encounters whose children were already sent: the encounter itself comes in a later batch. */
  private readonly pendingEncounters: { record: EncounterRecord; resident: Resident }[] = [];
  private readonly sent = new Map<Dataset, { record: Record<string, unknown>; resident: Resident | null }[]>();
  private facilityReported = false;

  constructor(args: { seed: string; institution: SourceInstitution; catchment: Catchment; runTag: string; options?: Partial<WorkloadOptions> }) {
    this.institution = args.institution;
    this.rng = createRng(`${args.seed}/institution/${args.institution.index}`);
    this.options = { ...DEFAULT_WORKLOAD, ...args.options };
    this.catchment = args.catchment;
    this.runTag = args.runTag;
    const weights = { ...DEFAULT_DATASET_WEIGHTS, ...this.options.datasetWeights };
    this.pickDataset = weightedTable((Object.entries(weights) as [Dataset, number][]).filter(([, w]) => w > 0));
  }

  private ctx(nowMs: number): RecordContext {
    return { rng: this.rng, nowMs, institution: this.institution };
  }

  private nextSourceId(dataset: Dataset): string {
    const n = (this.counters.get(dataset) ?? 0) + 1;
    this.counters.set(dataset, n);
    return `${SOURCE_PREFIX[dataset]}${this.runTag}${String(n).padStart(7, '0')}`;
  }

  /** A resident of the institution's county most of the time, anyone sometimes. */
  private resident(): Resident {
    const local = this.catchment.byCounty.get(this.institution.regionCode);
    const pool = local && local.length > 0 && this.rng.chance(0.8) ? local : this.catchment.all;
    return this.rng.pick(pool);
  }

  private remember(dataset: Dataset, record: Record<string, unknown>, resident: Resident | null): void {
    let ring = this.sent.get(dataset);
    if (!ring) this.sent.set(dataset, (ring = []));
    if (ring.length >= RING_SIZE) ring[this.rng.int(0, RING_SIZE - 1)] = { record, resident };
    else ring.push({ record, resident });
  }

  private rememberEncounter(ref: EncounterRef): void {
    if (this.recentEncounters.length >= RING_SIZE) this.recentEncounters[this.rng.int(0, RING_SIZE - 1)] = ref;
    else this.recentEncounters.push(ref);
  }

  /** The parent of a child record: a recent encounter, or (sometimes) one that will only be sent later. */
  private parentEncounter(ctx: RecordContext): EncounterRef {
    if (this.pendingEncounters.length >= MAX_PENDING || (this.recentEncounters.length === 0 && this.pendingEncounters.length > 0 && this.rng.chance(0.9))) {
      // Several children of one not-yet-sent visit (a lab panel and a prescription).
      const p = this.rng.pick(this.pendingEncounters);
      return encounterRefOf(p.record, p.resident);
    }
    if (this.recentEncounters.length === 0 || this.rng.chance(this.options.childFirstShare)) {
      const resident = this.resident();
      const record = makeEncounter(ctx, resident, this.nextSourceId('encounters'));
      this.pendingEncounters.push({ record, resident });
      return encounterRefOf(record, resident);
    }
    return this.rng.pick(this.recentEncounters);
  }

  /** A fresh, valid record of the data set. */
  private fresh(dataset: Dataset, ctx: RecordContext): { record: Record<string, unknown>; resident: Resident | null } {
    if (dataset === 'encounters') {
      const pending = this.pendingEncounters.shift();
      const resident = pending?.resident ?? this.resident();
      const record = pending?.record ?? makeEncounter(ctx, resident, this.nextSourceId('encounters'));
      this.rememberEncounter(encounterRefOf(record, resident));
      return { record, resident };
    }
    if (dataset === 'facility-resources') return { record: makeFacilityResource(ctx, this.nextSourceId(dataset)), resident: null };
    if (CHILD_DATASETS.has(dataset)) {
      const enc = this.parentEncounter(ctx);
      const sourceId = this.nextSourceId(dataset);
      const record =
        dataset === 'lab-reports' ? makeLabReport(ctx, enc.resident, sourceId, enc) : dataset === 'exam-reports' ? makeExamReport(ctx, enc.resident, sourceId, enc) : makePrescription(ctx, enc.resident, sourceId, enc);
      return { record, resident: enc.resident };
    }
    const resident = this.resident();
    const sourceId = this.nextSourceId(dataset);
    switch (dataset) {
      case 'persons':
        return { record: makePerson(ctx, resident, sourceId), resident };
      case 'health-records':
        return { record: makeHealthRecord(ctx, resident, sourceId), resident };
      case 'followups':
        return { record: makeFollowup(ctx, resident, sourceId), resident };
      case 'immunizations':
        return { record: makeImmunization(ctx, resident, sourceId), resident };
      case 'contracts':
        return { record: makeContract(ctx, resident, sourceId), resident };
      default:
        return { record: makeDiseaseReport(ctx, resident, sourceId), resident };
    }
  }

  /** A re-send of an earlier record: unchanged (a no-op) or a newer version with a changed element. */
  private resend(dataset: Dataset, exclude: ReadonlySet<string>): { record: Record<string, unknown>; newer: boolean } | null {
    const ring = this.sent.get(dataset);
    if (!ring || ring.length === 0) return null;
    const slot = this.rng.pick(ring);
    if (exclude.has(String(slot.record.sourceId))) return null;
    if (this.rng.chance(0.5)) return { record: slot.record, newer: false };
    const version = (typeof slot.record.version === 'number' ? slot.record.version : 1) + 1;
    const record: Record<string, unknown> = { ...slot.record, version };
    // A typical correction: a phone number, a department, a conclusion.
    if (dataset === 'persons') record.phone = `139${String(this.rng.int(0, 99_999_999)).padStart(8, '0')}`;
    else if (dataset === 'encounters') record.department = this.rng.pick(['全科医学科', '内科', '外科', '急诊科']);
    else if (dataset === 'exam-reports') record.conclusion = `${String(record.conclusion ?? '')}（已修订）`;
    slot.record = record;
    return { record, newer: true };
  }

  /** A REST batch of `size` records of one data set (default: options.batchSize and a random data set). */
  nextRest(nowMs: number, dataset: Dataset = this.pickDatasetForPush(), size = this.options.batchSize): RestPush {
    const ctx = this.ctx(nowMs);
    const records: Record<string, unknown>[] = [];
    const defects: (DefectKind | null)[] = [];
    const sends: RestPush['sends'] = [];
    // Re-sends come from earlier batches only, and a sourceId appears once per batch.
    const made: { record: Record<string, unknown>; resident: Resident | null }[] = [];
    const used = new Set<string>();
    for (let i = 0; i < size; i++) {
      const again = this.rng.chance(this.options.resendShare) ? this.resend(dataset, used) : null;
      let record: Record<string, unknown>;
      if (again) {
        record = again.record;
        sends.push(again.newer ? 'resend_newer' : 'resend_same');
      } else {
        const fresh = this.fresh(dataset, ctx);
        record = fresh.record;
        made.push(fresh);
        sends.push('fresh');
      }
      used.add(String(record.sourceId));
      if (this.rng.chance(this.options.errorRate)) {
        const kind = this.rng.pick(applicableDefects(dataset, record));
        records.push(injectDefect(this.rng, dataset, record, kind, nowMs));
        defects.push(kind);
      } else {
        records.push(record);
        defects.push(null);
      }
    }
    for (const m of made) this.remember(dataset, m.record, m.resident);
    return { kind: 'rest', dataset, records, defects, sends };
  }

  private pickDatasetForPush(): Dataset {
    if (!this.facilityReported) {
      this.facilityReported = true;
      // The monthly resources report goes first (one record).
      return 'facility-resources';
    }
    const dataset = this.pickDataset(this.rng);
    // Visits come before their lab, exam and prescription records (childFirstShare aside).
    return CHILD_DATASETS.has(dataset) && this.recentEncounters.length === 0 ? 'encounters' : dataset;
  }

  /** The encounters whose children were sent first and that are still unsent, as one push (end of a run), or null. */
  flushPending(nowMs: number): RestPush | null {
    if (this.pendingEncounters.length === 0) return null;
    const ctx = this.ctx(nowMs);
    const records: Record<string, unknown>[] = [];
    while (this.pendingEncounters.length > 0) {
      const made = this.fresh('encounters', ctx);
      this.remember('encounters', made.record, made.resident);
      records.push(made.record);
    }
    return { kind: 'rest', dataset: 'encounters', records, defects: records.map(() => null), sends: records.map(() => 'fresh' as const) };
  }

  /** A FHIR bundle of visits with about `resources` entries. */
  nextFhir(nowMs: number, resources = this.options.batchSize): FhirPush {
    const ctx = this.ctx(nowMs);
    const visits: FhirVisit[] = [];
    let count = 0;
    while (count < resources) {
      const resident = this.resident();
      const encounter = makeEncounter(ctx, resident, this.nextSourceId('encounters'));
      const ref = encounterRefOf(encounter, resident);
      const labs = this.rng.chance(0.5) ? [makeLabReport(ctx, resident, this.nextSourceId('lab-reports'), ref)] : [];
      const prescriptions = this.rng.chance(0.6) ? [makePrescription(ctx, resident, this.nextSourceId('prescriptions'), ref)] : [];
      const immunizations = this.rng.chance(0.05) ? [makeImmunization(ctx, resident, this.nextSourceId('immunizations'))] : [];
      visits.push({ encounter, labs, prescriptions, immunizations });
      count += 2 + (encounter.diagnoses?.length ?? 0) + labs.reduce((n, l) => n + 1 + l.results.length, 0) + prescriptions.reduce((n, p) => n + p.items.length, 0) + immunizations.length;
    }
    return { kind: 'fhir', bundle: buildFhirBundle(this.rng, this.institution.code, visits), visits: visits.length };
  }

  /** The next push: a FHIR bundle with probability fhirShare, else a REST batch. */
  next(nowMs: number): Push {
    if (this.facilityReported && this.rng.chance(this.options.fhirShare)) return this.nextFhir(nowMs);
    const dataset = this.pickDatasetForPush();
    return this.nextRest(nowMs, dataset, dataset === 'facility-resources' ? 1 : this.options.batchSize);
  }
}

/** Records a push counts for the rate: REST records, or FHIR resources. */
export function pushSize(push: Push): number {
  return push.kind === 'rest' ? push.records.length : push.bundle.entry.length;
}
