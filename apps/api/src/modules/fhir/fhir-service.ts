/**
 * POST /fhir/R4: map a Bundle, push the records through the ingest service
 * (one batch per data set: persons first, then encounters, then the rest, so
 * parents tend to land first) and answer one response entry per request
 * entry, in order.
 *
 * batch:       every entry stands alone; accepted records are in their batch
 *              even when other entries fail.
 * transaction: all or nothing at acceptance: if any entry cannot be mapped or
 *              any record would be rejected, nothing is submitted and the
 *              answer is one OperationOutcome. (Linking and storage still run
 *              later in the worker, per record.)
 */
import type { Dataset, IngestResponse } from '@rhip/contracts';
import { checkIngestRecord, type IngestIssue } from '@rhip/domain';
import type { IngestService } from '../ingest/ingest-service';
import { checkBundle, mapBundle, type EntryMapping } from './fhir-mapper';
import { FhirRequestError, issueTypeOf, operationOutcome, statusLine } from './fhir-outcome';
import type { BundleResponseEntry, EntryIssue, FhirJson, OperationOutcome, ResponseBundle } from './fhir-types';
import { entryExpression, issue, locate, type MappedRecord } from './mapped-record';

/** Submission order: parents before the records that refer to them. */
const DATASET_ORDER: readonly Dataset[] = ['persons', 'encounters', 'lab-reports', 'exam-reports', 'prescriptions', 'immunizations'];

export const batchLocation = (batchId: string) => `/api/v1/ingest/batches/${batchId}`;

interface RecordVerdict {
  batchId?: string;
  rejected: boolean;
  issues: EntryIssue[];
}

function recordIssue(rec: MappedRecord, i: { path: string; code: string; message: string; messageZh?: string; severity?: string }): EntryIssue {
  const severity = i.severity === 'warning' ? 'warning' : i.severity === 'info' || i.severity === 'information' ? 'information' : 'error';
  return issue(severity, issueTypeOf(i.code), i.code, i.path ? `${i.path}: ${i.message}` : i.message, i.messageZh, [locate(rec, i.path)]);
}

function checkIssues(rec: MappedRecord, issues: readonly IngestIssue[]): EntryIssue[] {
  return issues.map((i) => recordIssue(rec, i));
}

export function createFhirService(deps: { ingest: Pick<IngestService, 'submit'> }) {
  const { ingest } = deps;

  async function submitBundle(input: { institutionId: string; body: unknown; requestId: string; receivedAt?: Date }): Promise<ResponseBundle> {
    const check = checkBundle(input.body);
    if (!check.ok) {
      throw new FhirRequestError(400, check.rule, check.message, [issue('error', check.rule === 'FHIR.TOO_MANY_ENTRIES' ? 'too-costly' : 'invalid', check.rule, check.message, check.messageZh, [check.expression])]);
    }
    const mapping = mapBundle(input.body as FhirJson, check.type);
    const receivedAt = input.receivedAt ?? new Date();
    // The same check the ingest service runs, with the same arrival time: its warnings go into the answer now.
    const checked = mapping.records.map((r) => checkIngestRecord(r.dataset, r.record, { receivedAt }));

    if (check.type === 'transaction') {
      const failedEntries = mapping.entries.filter((e): e is Extract<EntryMapping, { kind: 'failed' }> => e.kind === 'failed');
      const rejected = checked.flatMap((c, k) => (c.rejected ? checkIssues(mapping.records[k]!, c.issues).filter((i) => i.severity === 'error') : []));
      if (failedEntries.length > 0 || rejected.length > 0) {
        const status = failedEntries.some((e) => e.status === 400) ? 400 : 422;
        const issues = [...failedEntries.flatMap((e) => e.issues), ...rejected];
        throw new FhirRequestError(status, 'FHIR.TRANSACTION_REJECTED', `The transaction was not applied: ${issues.length} problem(s)`, issues);
      }
    }

    const verdicts: RecordVerdict[] = mapping.records.map(() => ({ rejected: false, issues: [] }));
    const datasets = [...new Set(mapping.records.map((r) => r.dataset))].sort((a, b) => rank(a) - rank(b));
    for (const dataset of datasets) {
      const members = mapping.records.flatMap((r, k) => (r.dataset === dataset ? [k] : []));
      const answer: IngestResponse = await ingest.submit({
        institutionId: input.institutionId,
        dataset,
        records: members.map((k) => mapping.records[k]!.record),
        channel: 'fhir',
        requestId: input.requestId,
        receivedAt,
      });
      members.forEach((k, i) => {
        const rec = mapping.records[k]!;
        const own = answer.errors.filter((e) => e.index === i);
        const pre = checked[k]!;
        const errors = own.length > 0 ? own.map((e) => recordIssue(rec, e)) : checkIssues(rec, pre.issues).filter((x) => x.severity === 'error');
        const warnings = checkIssues(rec, pre.issues).filter((x) => x.severity !== 'error');
        verdicts[k] = { batchId: answer.batchId, rejected: own.length > 0 || pre.rejected, issues: [...errors, ...warnings] };
      });
    }

    return {
      resourceType: 'Bundle',
      id: input.requestId,
      type: check.type === 'batch' ? 'batch-response' : 'transaction-response',
      timestamp: receivedAt.toISOString(),
      entry: mapping.entries.map((e, i) => responseEntry(i, e, mapping.records, verdicts)),
    };
  }

  return { submitBundle };
}

function rank(dataset: Dataset): number {
  const i = DATASET_ORDER.indexOf(dataset);
  return i < 0 ? DATASET_ORDER.length : i;
}

function answered(status: number, issues: EntryIssue[], location?: string): BundleResponseEntry {
  const outcome: OperationOutcome = operationOutcome(issues);
  return { response: { status: statusLine(status), ...(location ? { location } : {}), outcome } };
}

function responseEntry(index: number, e: EntryMapping, records: MappedRecord[], verdicts: RecordVerdict[]): BundleResponseEntry {
  if (e.kind === 'failed') return answered(e.status, e.issues);
  const here = [entryExpression(index)];
  if (e.kind === 'record') {
    const rec = records[e.record]!;
    const v = verdicts[e.record]!;
    const sourceId = String(rec.record.sourceId ?? '');
    if (v.rejected) return answered(422, [...v.issues, ...e.notes]);
    const accepted = issue(
      'information',
      'informational',
      'FHIR.ACCEPTED',
      `Accepted as ${rec.dataset} record "${sourceId}" in batch ${v.batchId}; linking and storage continue in the background (see the location)`,
      `已作为${rec.dataset}数据集记录“${sourceId}”接收（批次 ${v.batchId}），关联与入库在后台进行（见location）`,
      here,
    );
    return answered(202, [...v.issues, ...e.notes, accepted], batchLocation(v.batchId!));
  }
  // A part: answered with the record(s) it was folded into, and the problems found in its own elements.
  const issues: EntryIssue[] = [...e.notes];
  let rejected = false;
  for (const k of e.records) {
    const rec = records[k]!;
    const v = verdicts[k]!;
    const mine = v.issues.filter((i) => i.expression.some((x) => x.startsWith(`Bundle.entry[${index}]`)));
    issues.push(...mine);
    if (v.rejected) {
      rejected = true;
      if (!mine.some((i) => i.severity === 'error')) {
        issues.push(
          issue('error', 'processing', 'FHIR.PARENT_REJECTED', `The record it belongs to (entry ${rec.entry}) was rejected; see that entry`, `所属记录（第${rec.entry}项）被拒收，详见该条目`, [
            entryExpression(rec.entry),
          ]),
        );
      }
    }
  }
  const first = verdicts[e.records[0]!]!;
  return rejected ? answered(422, issues) : answered(202, issues, batchLocation(first.batchId!));
}

export type FhirService = ReturnType<typeof createFhirService>;
