/**
 * The daily rollups the ingest pipeline keeps as batches are processed
 * (apps/worker/src/pipeline/rollups.ts and quality-rollups.ts), built here
 * from the seeded records as they are generated: seeded history never passes
 * through the worker, and without these rows the interconnection and quality
 * dashboards of a seeded region would be empty. Counted per institution ×
 * data set × receipt day (China time), exactly as the pipeline counts them:
 *
 * - ingest_daily_rollups: received, accepted, rejected, records within the
 *   agreed delay, the delay histogram with p50/p90, last receipt;
 * - quality_daily_rollups: numerator/denominator per dimension (STANDARDS.md)
 *   plus records and passed;
 * - quality_rule_daily_rollups: findings and records per rule.
 *
 * Two simplifications: the pipeline counts consistency over the elements a
 * record actually carries, seeded records count every checked element of
 * their data set's specification; and a seeded record is on time unless the
 * seed drew a lateness finding for it (its delay still goes into the
 * histogram as it is).
 */
import {
  addDelay, datasetSpec, emptyHistogram, histogramQuantile, isCheckedKind, type DatasetName, type DelayHistogram, type Finding,
} from '@rhip/domain';
import type { Row } from './sink';
import { isoDay, ts } from './time';

/** The agreed delay (hours) the seed configures per data set (institution_datasets.timeliness_hours). */
export function seedTimelinessHours(dataset: string): number {
  return dataset === 'facility-resources' ? 1080 : 24;
}

export interface TalliedRecord {
  institutionId: string;
  dataset: string;
  receivedAt: number;
  eventAt: number;
  rejected: boolean;
  findings: readonly Finding[];
  /** null for data sets about no one (integration does not apply). */
  integrated: boolean | null;
}

interface DayTally {
  institutionId: string;
  dataset: string;
  day: string;
  received: number;
  rejected: number;
  within: number;
  histogram: DelayHistogram;
  lastReceivedAt: number;
  complete: number;
  elementsChecked: number;
  elementsFailed: number;
  onTime: number;
  duplicates: number;
  integrated: number;
  personLinked: boolean;
  rules: Map<string, { dimension: string; severity: string; findings: number; records: number }>;
}

const checkedElements = new Map<string, number>();
function checkedElementCount(dataset: string): number {
  let n = checkedElements.get(dataset);
  if (n === undefined) {
    n = datasetSpec(dataset as DatasetName).fields.filter(isCheckedKind).length;
    checkedElements.set(dataset, n);
  }
  return n;
}

export class DailyRollups {
  private readonly days = new Map<string, DayTally>();

  add(r: TalliedRecord): void {
    const day = isoDay(r.receivedAt);
    const key = `${r.institutionId}|${r.dataset}|${day}`;
    let t = this.days.get(key);
    if (!t) {
      t = {
        institutionId: r.institutionId, dataset: r.dataset, day, received: 0, rejected: 0, within: 0, histogram: emptyHistogram(), lastReceivedAt: 0,
        complete: 0, elementsChecked: 0, elementsFailed: 0, onTime: 0, duplicates: 0, integrated: 0, personLinked: r.integrated !== null, rules: new Map(),
      };
      this.days.set(key, t);
    }
    t.received += 1;
    if (r.rejected) t.rejected += 1;
    const delaySeconds = Math.max(0, Math.round((r.receivedAt - r.eventAt) / 1000));
    addDelay(t.histogram, delaySeconds);
    // On time unless the record carries the lateness finding the seed drew for it, so scores and findings agree.
    const onTime = !r.findings.some((f) => f.rule === 'TIMELINESS.LATE');
    if (onTime) {
      t.within += 1;
      t.onTime += 1;
    }
    t.lastReceivedAt = Math.max(t.lastReceivedAt, r.receivedAt);
    if (!r.findings.some((f) => f.dimension === 'completeness' && f.severity === 'error')) t.complete += 1;
    const checked = checkedElementCount(r.dataset);
    const failedPaths = new Set(r.findings.filter((f) => f.dimension === 'consistency').map((f) => f.path));
    t.elementsChecked += checked;
    t.elementsFailed += Math.min(failedPaths.size, checked);
    if (r.findings.some((f) => f.rule === 'UNIQ.DUPLICATE')) t.duplicates += 1;
    if (r.integrated) t.integrated += 1;
    const seen = new Set<string>();
    for (const f of r.findings) {
      let rule = t.rules.get(f.rule);
      if (!rule) {
        rule = { dimension: f.dimension, severity: f.severity, findings: 0, records: 0 };
        t.rules.set(f.rule, rule);
      }
      rule.findings += 1;
      if (!seen.has(f.rule)) {
        seen.add(f.rule);
        rule.records += 1;
      }
    }
  }

  *ingestRows(): Generator<Row> {
    for (const t of this.days.values()) {
      yield {
        institution_id: t.institutionId, dataset: t.dataset, day: t.day, received: t.received, accepted: t.received - t.rejected, rejected: t.rejected,
        delay_p50_seconds: histogramQuantile(t.histogram, 0.5), delay_p90_seconds: histogramQuantile(t.histogram, 0.9), delay_histogram: t.histogram,
        within_timeliness: t.within, last_received_at: ts(t.lastReceivedAt), updated_at: ts(t.lastReceivedAt),
      };
    }
  }

  *qualityRows(): Generator<Row> {
    for (const t of this.days.values()) {
      const base = { institution_id: t.institutionId, dataset: t.dataset, day: t.day, records: t.received, passed: t.received - t.rejected, updated_at: ts(t.lastReceivedAt) };
      yield { ...base, dimension: 'completeness', numerator: t.complete, denominator: t.received };
      yield { ...base, dimension: 'consistency', numerator: t.elementsChecked - t.elementsFailed, denominator: t.elementsChecked };
      yield { ...base, dimension: 'timeliness', numerator: t.onTime, denominator: t.received };
      yield { ...base, dimension: 'uniqueness', numerator: t.received - t.duplicates, denominator: t.received };
      if (t.personLinked) yield { ...base, dimension: 'integration', numerator: t.integrated, denominator: t.received };
    }
  }

  *ruleRows(): Generator<Row> {
    for (const t of this.days.values()) {
      for (const [rule, r] of t.rules) {
        yield {
          institution_id: t.institutionId, dataset: t.dataset, day: t.day, rule_code: rule, dimension: r.dimension, severity: r.severity,
          findings: r.findings, records: r.records, updated_at: ts(t.lastReceivedAt),
        };
      }
    }
  }
}
