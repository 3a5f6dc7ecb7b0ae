/**
 * Turns a generated record into what the platform would hold after its
 * ingest pipeline ran: the arrival (batch, received time, index), the quality
 * defects drawn for it (rejected records leave only a finding and an
 * outcome), the stored row stamped with its provenance columns, the person
 * link, findings and per-record outcome. Also remembers, per person, the
 * institutions they met, so that each gets a `persons` registration with
 * the institution's own patient id (a person_identifiers row).
 */
import { finding, type Finding, type RuleCode } from '@rhip/domain';
import type { PiiCipher } from '@rhip/pii';
import { DailyRollups } from './daily-rollups';
import { type Defect, defectTable, isError, type RecordParts } from './defects';
import type { Arrival, BatchBook } from './delivery';
import type { SeedInstitution } from './institutions';
import type { Random } from './random';
import type { Row, RowSink } from './sink';
import { DAY, isoDay, MINUTE, ts } from './time';

export type SeedCipher = Pick<PiiCipher, 'encrypt' | 'blindIndex'>;

/** Per-person state kept while the person's records are generated. */
export interface PersonTrail {
  id: number;
  links: Row[];
  /** institution index → first event time there. */
  contacts: Map<number, { inst: SeedInstitution; first: number }>;
}

export interface SubmitInput {
  inst: SeedInstitution;
  dataset: string;
  /** Table of the stored row; null for records that only update the master person index (persons). */
  table: string | null;
  parts: RecordParts;
  sourceId: string;
  eventAt: number;
  /** null for records about no one (facility resources). */
  person: PersonTrail | null;
  rng: Random;
  /** The record's identity only nearly matched: it waits in the review queue, unlinked. */
  review?: { candidateId: number; score: number; comparisons: object; incoming: object };
  /** false: warnings only (records other records hang off). */
  canReject?: boolean;
  inpatient?: boolean;
  /** Findings that come with the record whatever the draw (a duplicate). */
  forced?: readonly RuleCode[];
  /** Skip the defect draw (migration loads, reference data). */
  clean?: boolean;
  /** Count the person as met at this institution (a `persons` registration follows). */
  contact?: boolean;
  lateRate?: number;
}

export interface Submitted {
  arrival: Arrival;
  stored: boolean;
}

export interface RecorderStats {
  stored: number;
  rejected: number;
  findings: number;
  outcomes: number;
  late: number;
  probabilistic: number;
}

export class Recorder {
  readonly stats: RecorderStats = { stored: 0, rejected: 0, findings: 0, outcomes: 0, late: 0, probabilistic: 0 };
  /** What the pipeline's daily rollups would hold for the records submitted so far. */
  readonly rollups = new DailyRollups();
  private readonly outcomeSince: number;

  constructor(
    private readonly sink: RowSink,
    private readonly book: BatchBook,
    private readonly cipher: SeedCipher,
    outcomeRetentionDays: number,
  ) {
    this.outcomeSince = book.now - outcomeRetentionDays * DAY;
  }

  /** A row the pipeline derives from a stored record (no link, outcome or batch entry of its own). */
  derived(table: string, row: Row): void {
    this.sink.add(table, row);
  }

  newTrail(id: number): PersonTrail {
    return { id, links: [], contacts: new Map() };
  }

  submit(input: SubmitInput): Submitted | null {
    const { inst, dataset, person, rng } = input;
    const arrival = this.book.arrive(inst, dataset, input.eventAt, rng, input.lateRate);
    if (!arrival) return null;
    let defect: Defect | null = null;
    if (!input.clean && !arrival.migration && rng.chance(inst.defectRate)) {
      const table = defectTable(dataset, { canReject: input.canReject ?? true, inpatient: input.inpatient });
      if (table) defect = rng.weighted(table);
    }
    const findings: Finding[] = [];
    for (const rule of input.forced ?? []) findings.push(finding(rule, ''));
    if (defect) findings.push(finding(defect.rule, defect.path));
    if (arrival.late) {
      findings.push(finding('TIMELINESS.LATE', ''));
      this.stats.late++;
    }
    const batchId = arrival.batchId;
    const receivedAt = ts(arrival.receivedAt);
    if (defect && isError(defect)) {
      this.book.bump(arrival.batch, 'rejected');
      this.stats.rejected++;
      this.writeFindings(input, arrival, findings, null);
      this.writeOutcome(arrival, input.sourceId, 'rejected', findings, null);
      this.tally(input, arrival, findings, true, person ? false : null);
      return { arrival, stored: false };
    }
    defect?.mutate?.(input.parts);
    this.book.bump(arrival.batch, 'accepted');
    this.stats.stored++;
    const review = input.review;
    if (review) this.book.bump(arrival.batch, 'inReview');
    else if (person) this.book.bump(arrival.batch, 'linked');
    const mpid = person && !review ? person.id : null;
    const row = input.parts.row;
    if (row && input.table) {
      row.institution_id = inst.id;
      row.source_id = input.sourceId;
      row.batch_id = batchId;
      row.master_person_id = mpid;
      row.received_at = receivedAt;
      if (row.version === undefined) row.version = 1;
      this.sink.add(input.table, row);
      for (const child of input.parts.children) {
        child.row.master_person_id = mpid;
        this.sink.add(child.table, child.row);
      }
    }
    if (!person) {
      this.writeFindings(input, arrival, findings, null);
      this.writeOutcome(arrival, input.sourceId, 'stored', findings, null);
      this.tally(input, arrival, findings, false, null);
      return { arrival, stored: true };
    }
    if (review) {
      findings.push(finding('LINK.REVIEW', ''));
      this.sink.add('person_links', { institution_id: inst.id, dataset, source_id: input.sourceId, master_person_id: null, score: review.score, method: 'probabilistic', status: 'review', version: 1, batch_id: batchId, created_at: receivedAt, updated_at: receivedAt });
      this.sink.add('match_reviews', { institution_id: inst.id, dataset, source_id: input.sourceId, batch_id: batchId, candidate_master_person_id: review.candidateId, score: review.score, comparisons: review.comparisons, incoming: review.incoming, status: 'pending', created_at: receivedAt });
      this.writeFindings(input, arrival, findings, null);
      this.writeOutcome(arrival, input.sourceId, 'review', findings, null);
      this.tally(input, arrival, findings, false, false);
      return { arrival, stored: true };
    }
    const probabilistic = defect?.noIdNumber === true;
    if (probabilistic) this.stats.probabilistic++;
    person.links.push({
      institution_id: inst.id,
      dataset,
      source_id: input.sourceId,
      master_person_id: mpid,
      score: probabilistic ? Math.round(rng.float(9.5, 19) * 100) / 100 : null,
      method: probabilistic ? 'probabilistic' : 'exact_id',
      status: 'linked',
      version: typeof row?.version === 'number' ? row.version : 1,
      batch_id: batchId,
      created_at: receivedAt,
      updated_at: receivedAt,
      _at: arrival.receivedAt,
    });
    if (input.contact !== false && dataset !== 'persons') {
      const c = person.contacts.get(inst.index);
      if (!c || input.eventAt < c.first) person.contacts.set(inst.index, { inst, first: input.eventAt });
    }
    this.writeFindings(input, arrival, findings, mpid);
    this.writeOutcome(arrival, input.sourceId, 'linked', findings, mpid);
    this.tally(input, arrival, findings, false, true);
    return { arrival, stored: true };
  }

  private tally(input: SubmitInput, arrival: Arrival, findings: readonly Finding[], rejected: boolean, integrated: boolean | null): void {
    this.rollups.add({ institutionId: input.inst.id, dataset: input.dataset, receivedAt: arrival.receivedAt, eventAt: input.eventAt, rejected, findings, integrated });
  }

  /**
   * Emits a person's `persons` registrations (one per institution met, with
   * that institution's patient id) and their links; the earliest link is the
   * one that created the master person.
   */
  finishPerson(person: PersonTrail, rng: Random, patientNo: (inst: SeedInstitution) => string): number | null {
    for (const { inst, first } of [...person.contacts.values()].sort((a, b) => a.inst.index - b.inst.index)) {
      const value = patientNo(inst);
      const res = this.submit({ inst, dataset: 'persons', table: null, parts: { row: null, children: [] }, sourceId: value, eventAt: first - rng.int(2, 30) * MINUTE, person, rng, contact: false });
      if (!res?.stored) continue;
      const at = ts(res.arrival.receivedAt);
      this.sink.add('person_identifiers', {
        master_person_id: person.id,
        type: 'patient_id',
        issuer: inst.id,
        doc_type_code: null,
        value_enc: this.cipher.encrypt(value),
        value_bidx: this.cipher.blindIndex(value, `pid:${inst.id}`),
        created_at: at,
        updated_at: at,
      });
    }
    let earliest: Row | null = null;
    for (const l of person.links) if (!earliest || (l._at as number) < (earliest._at as number)) earliest = l;
    if (earliest && earliest.method === 'exact_id') earliest.method = 'new_person';
    for (const l of person.links) {
      delete l._at;
      this.sink.add('person_links', l);
    }
    const first = earliest ? (earliest.created_at as string) : null;
    person.links = [];
    person.contacts.clear();
    return first ? Date.parse(first) : null;
  }

  private writeFindings(input: SubmitInput, arrival: Arrival, findings: readonly Finding[], mpid: number | null): void {
    if (findings.length === 0) return;
    const day = isoDay(arrival.receivedAt);
    const at = ts(arrival.receivedAt + 1000);
    for (const f of findings) {
      this.stats.findings++;
      this.sink.add('quality_findings', {
        institution_id: input.inst.id,
        dataset: input.dataset,
        source_id: input.sourceId,
        batch_id: arrival.batchId,
        record_index: arrival.index,
        rule_code: f.rule,
        dimension: f.dimension,
        severity: f.severity,
        path: f.path || null,
        day,
        master_person_id: mpid,
        created_at: at,
      });
    }
  }

  private writeOutcome(arrival: Arrival, sourceId: string, status: 'linked' | 'rejected' | 'stored' | 'review', findings: readonly Finding[], mpid: number | null): void {
    if (arrival.receivedAt < this.outcomeSince) return;
    this.stats.outcomes++;
    this.sink.add('record_outcomes', {
      batch_id: arrival.batchId,
      index: arrival.index,
      source_id: sourceId,
      status,
      errors: findings.length ? findings.map((f) => ({ path: f.path, code: f.rule, message: f.message.en, messageZh: f.message.zh, severity: f.severity })) : null,
      master_person_id: mpid,
      updated_at: ts(arrival.receivedAt + 2000),
    });
  }
}
