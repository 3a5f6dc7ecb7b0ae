/**
 * Counters of a simulation run and their printed summaries. Pure bookkeeping:
 * the driver feeds it responses, the CLI prints `formatProgress` and
 * `formatFinal`.
 */
import type { BatchStatus, IngestResponse } from '@rhip/contracts';
import { EXPECTED_CODES, type DefectKind } from './defects';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function inc(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : '–');

function top(map: Map<string, number>, n = 8): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${fmtInt(v)}`)
    .join(', ');
}

export interface OutcomeTotals {
  batchesDone: number;
  batchesFailed: number;
  stored: number;
  linked: number;
  rejected: number;
  inReview: number;
  failed: number;
  parked: number;
  noop: number;
}

export class SimulationStats {
  readonly startedAt = performance.now();
  pushes = 0;
  records = 0;
  fhirPushes = 0;
  fhirEntries = 0;
  accepted = 0;
  rejected = 0;
  readonly http = new Map<string, number>();
  readonly shapeCodes = new Map<string, number>();
  readonly outcomeCodes = new Map<string, number>();
  readonly fhirEntryStatus = new Map<string, number>();
  readonly fhirFailures = new Map<string, number>();
  readonly injected = new Map<string, number>();
  readonly sends = new Map<string, number>();
  readonly byDataset = new Map<string, number>();
  /** Injected defects whose expected code was (not) reported, from tracked batches. */
  readonly defectsCaught = new Map<string, number>();
  readonly defectsMissed = new Map<string, number>();
  /** Clean records the platform rejected, by code. */
  readonly unexpectedRejects = new Map<string, number>();
  readonly outcomes: OutcomeTotals = { batchesDone: 0, batchesFailed: 0, stored: 0, linked: 0, rejected: 0, inReview: 0, failed: 0, parked: 0, noop: 0 };
  latencies: number[] = [];
  retries = 0;
  behindSchedule = 0;
  /** Seconds from the first push to the last answer (before waiting for batches). */
  sendSeconds: number | null = null;
  private lastAt = performance.now();
  private lastRecords = 0;

  countPush(dataset: string, size: number, defects: readonly (DefectKind | null)[], sends: readonly string[]): void {
    this.pushes++;
    this.records += size;
    inc(this.byDataset, dataset, size);
    for (const d of defects) if (d) inc(this.injected, d);
    for (const s of sends) inc(this.sends, s);
  }

  countHttp(status: number, ms: number): void {
    inc(this.http, status === 0 ? 'network' : String(status));
    this.latencies.push(ms);
  }

  countIngestAnswer(body: IngestResponse): void {
    this.accepted += body.accepted;
    this.rejected += body.rejected;
    for (const e of body.errors) inc(this.shapeCodes, e.code);
  }

  countFhirAnswer(body: Record<string, unknown> | null): void {
    type Entry = { response?: { status?: string; outcome?: { issue?: { code?: string; diagnostics?: string; details?: { text?: string } }[] } } };
    const entries = Array.isArray(body?.entry) ? (body.entry as Entry[]) : [];
    for (const e of entries) {
      const status = (e.response?.status ?? '?').split(' ')[0] ?? '?';
      inc(this.fhirEntryStatus, status);
      if (!status.startsWith('2')) {
        const issue = e.response?.outcome?.issue?.[0];
        inc(this.fhirFailures, (issue?.diagnostics ?? issue?.details?.text ?? issue?.code ?? 'no outcome').slice(0, 100));
      }
    }
  }

  /**
   * A finished batch: its counts, the rule codes in its outcomes, and for
   * every injected defect whether the expected code came back.
   */
  countBatch(status: BatchStatus, defects: readonly (DefectKind | null)[], shapeErrors: ReadonlyMap<number, string[]>): void {
    const o = this.outcomes;
    if (status.status === 'failed') o.batchesFailed++;
    else o.batchesDone++;
    const c = status.counts;
    o.stored += c.stored;
    o.linked += c.linked;
    o.rejected += c.rejected;
    o.inReview += c.inReview;
    o.failed += c.failed;
    o.parked += c.parked;
    o.noop += c.noop;
    const codesByIndex = new Map<number, string[]>(shapeErrors);
    const rejectedIdx = new Set<number>(shapeErrors.keys());
    for (const out of status.outcomes) {
      const codes = out.errors.map((e) => e.code);
      for (const e of out.errors) inc(this.outcomeCodes, `${e.code}${e.severity === 'warning' ? ' (w)' : ''}`);
      codesByIndex.set(out.index, [...(codesByIndex.get(out.index) ?? []), ...codes]);
      if (out.status === 'rejected') rejectedIdx.add(out.index);
    }
    defects.forEach((kind, index) => {
      const codes = codesByIndex.get(index) ?? [];
      if (kind) {
        const caught = rejectedIdx.has(index) && codes.some((code) => EXPECTED_CODES[kind].includes(code));
        inc(caught ? this.defectsCaught : this.defectsMissed, kind);
      } else if (rejectedIdx.has(index)) {
        inc(this.unexpectedRejects, codes[0] ?? 'unknown');
      }
    });
  }

  elapsedS(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  /** One progress line (and a second with codes), rates over the last interval and overall. */
  formatProgress(inFlight: number, trackedPending: number): string {
    const now = performance.now();
    const dt = (now - this.lastAt) / 1000;
    const recent = dt > 0 ? (this.records - this.lastRecords) / dt : 0;
    this.lastAt = now;
    this.lastRecords = this.records;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const httpErr = [...this.http].filter(([k]) => !k.startsWith('2'));
    const o = this.outcomes;
    const lines = [
      `[${this.elapsedS().toFixed(0).padStart(4)}s] sent ${fmtInt(this.records)} rec in ${fmtInt(this.pushes)} pushes | ${fmtInt(recent)}/s now, ${fmtInt(this.records / this.elapsedS())}/s avg | accepted ${fmtInt(this.accepted)} rejected ${fmtInt(this.rejected)} | HTTP errors ${httpErr.length ? httpErr.map(([k, v]) => `${k}×${v}`).join(' ') : 'none'} | p50 ${fmtMs(percentile(sorted, 50))} ms p99 ${fmtMs(percentile(sorted, 99))} ms | in flight ${inFlight}`,
    ];
    if (this.shapeCodes.size > 0) lines.push(`        202 errors: ${top(this.shapeCodes)}`);
    if (o.batchesDone + o.batchesFailed > 0 || trackedPending > 0) {
      lines.push(
        `        batches done ${fmtInt(o.batchesDone)} failed ${o.batchesFailed} pending ${trackedPending}: stored ${fmtInt(o.stored)} linked ${fmtInt(o.linked)} rejected ${fmtInt(o.rejected)} noop ${fmtInt(o.noop)} parked ${fmtInt(o.parked)} review ${fmtInt(o.inReview)} failed ${fmtInt(o.failed)}`,
      );
      if (this.outcomeCodes.size > 0) lines.push(`        rule codes: ${top(this.outcomeCodes, 10)}`);
    }
    return lines.join('\n');
  }

  formatFinal(targetRate: number): string {
    const elapsed = this.sendSeconds ?? this.elapsedS();
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const o = this.outcomes;
    const row = (k: string, v: string) => `  ${k.padEnd(28)} ${v}`;
    const kinds = [...new Set([...this.injected.keys()])].sort();
    const lines = [
      '',
      '── simulation summary ──────────────────────────────────────────────',
      row('duration', `${elapsed.toFixed(1)} s sending, ${this.elapsedS().toFixed(1)} s in all`),
      row('records sent', `${fmtInt(this.records)} in ${fmtInt(this.pushes)} pushes (${fmtInt(this.fhirPushes)} FHIR bundles, ${fmtInt(this.fhirEntries)} entries)`),
      row('achieved rate', `${fmtInt(this.records / elapsed)} records/s (target ${fmtInt(targetRate)})`),
      row('by data set', top(this.byDataset, 12)),
      row('sends', top(this.sends)),
      row('202 accepted / rejected', `${fmtInt(this.accepted)} / ${fmtInt(this.rejected)}`),
      row('HTTP status', top(this.http) || 'none'),
      row('request latency', `p50 ${fmtMs(percentile(sorted, 50))} ms, p90 ${fmtMs(percentile(sorted, 90))} ms, p99 ${fmtMs(percentile(sorted, 99))} ms, max ${fmtMs(sorted[sorted.length - 1] ?? Number.NaN)} ms`),
      row('retries (429/503/network)', String(this.retries)),
      row('rule codes in 202 answers', top(this.shapeCodes, 12) || 'none'),
      row('defects injected', top(this.injected) || 'none'),
    ];
    if (this.fhirEntryStatus.size > 0) lines.push(row('FHIR entry status', top(this.fhirEntryStatus)));
    if (this.fhirFailures.size > 0) lines.push(row('FHIR entry failures', top(this.fhirFailures, 5)));
    if (o.batchesDone + o.batchesFailed > 0) {
      lines.push(
        row('batches finished', `${fmtInt(o.batchesDone)} done, ${o.batchesFailed} failed`),
        row('record outcomes', `stored ${fmtInt(o.stored)}, linked ${fmtInt(o.linked)}, rejected ${fmtInt(o.rejected)}, noop ${fmtInt(o.noop)}, parked ${fmtInt(o.parked)}, review ${fmtInt(o.inReview)}, failed ${fmtInt(o.failed)}`),
        row('rule codes in outcomes', top(this.outcomeCodes, 14) || 'none'),
        row('defects caught / missed', kinds.map((k) => `${k} ${this.defectsCaught.get(k) ?? 0}/${this.defectsMissed.get(k) ?? 0}`).join(', ') || 'none'),
        row('clean records rejected', top(this.unexpectedRejects) || 'none'),
      );
    }
    if (this.behindSchedule > 0) lines.push(row('fell behind schedule', `${this.behindSchedule} times (server or client saturated)`));
    return lines.join('\n');
  }
}
