/** OperationOutcome and batch-response building blocks. Pure. */
import { AppError } from '../../lib/errors';
import type { EntryIssue, IssueType, OperationOutcome, OperationOutcomeIssue } from './fhir-types';

/** Code system of the platform's rule codes in OperationOutcome.issue.details. */
export const RULE_CODE_SYSTEM = 'urn:rhip:rule';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** "202 Accepted" (Bundle.entry.response.status is an HTTP status line). */
export function statusLine(status: number): string {
  return `${status} ${STATUS_TEXT[status] ?? ''}`.trim();
}

/** The OperationOutcome issue type for a platform rule code (shape codes, domain rules, FHIR.* mapping rules). */
export function issueTypeOf(rule: string): IssueType {
  if (rule === 'SHAPE_REQUIRED' || rule.startsWith('REQ.')) return 'required';
  if (rule.startsWith('VS.') || rule === 'ICD10.FORMAT' || rule === 'FHIR.CODE_NOT_ICD10') return 'code-invalid';
  if (rule.startsWith('SHAPE_') || rule.startsWith('FMT.') || rule.startsWith('ID.')) return 'value';
  if (rule.startsWith('TIME.') || rule.startsWith('DISEASE.') || rule.startsWith('RANGE.')) return 'business-rule';
  if (rule.startsWith('TIMELINESS.') || rule.startsWith('UNIQ.')) return 'informational';
  if (rule === 'FHIR.UNRESOLVED_REFERENCE') return 'not-found';
  if (rule === 'FHIR.UNSUPPORTED_RESOURCE') return 'not-supported';
  return 'processing';
}

export function outcomeIssue(i: EntryIssue): OperationOutcomeIssue {
  return {
    severity: i.severity,
    code: i.type,
    details: { coding: [{ system: RULE_CODE_SYSTEM, code: i.rule }], ...(i.messageZh ? { text: i.messageZh } : {}) },
    diagnostics: `${i.rule}: ${i.message}`,
    ...(i.expression.length > 0 ? { expression: i.expression } : {}),
  };
}

/** An OperationOutcome; errors first, then warnings, then information. */
export function operationOutcome(issues: EntryIssue[]): OperationOutcome {
  const order = { error: 0, warning: 1, information: 2 } as const;
  const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity]);
  return { resourceType: 'OperationOutcome', issue: sorted.map(outcomeIssue) };
}

/**
 * A whole-request failure of the FHIR endpoint: answered by the FHIR error
 * handler as an OperationOutcome with these issues.
 */
export class FhirRequestError extends AppError {
  constructor(
    statusCode: number,
    code: string,
    message: string,
    readonly issues: EntryIssue[],
  ) {
    super(statusCode, code, message, { issues });
  }
}
