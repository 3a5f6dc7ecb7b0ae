/**
 * The few FHIR R4 structures the ingest mapping reads and writes. Input is
 * untrusted JSON, so every element is optional and read through the guards in
 * fhir-elements.ts; these types document intent, they do not prove shape.
 */

export type FhirJson = Record<string, unknown>;

/** A resource as it arrives in `Bundle.entry[].resource`. */
export interface FhirResource extends FhirJson {
  resourceType: string;
  id?: string;
}

export interface BundleEntryIn {
  fullUrl?: string;
  resource?: unknown;
  request?: { method?: string; url?: string };
}

/** OperationOutcome.issue.severity (R4 value set issue-severity, without "fatal"). */
export type IssueSeverity = 'error' | 'warning' | 'information';

/** The OperationOutcome.issue.code values (R4 value set issue-type) this module uses. */
export type IssueType =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'code-invalid'
  | 'not-found'
  | 'not-supported'
  | 'business-rule'
  | 'processing'
  | 'security'
  | 'login'
  | 'forbidden'
  | 'too-costly'
  | 'throttled'
  | 'exception'
  | 'informational';

// Type aliases rather than interfaces: answers are checked against zod schemas with index signatures.

/** One finding about one bundle entry, before it becomes an OperationOutcome issue. */
export interface EntryIssue {
  severity: IssueSeverity;
  type: IssueType;
  /** Stable rule code: a FHIR.* mapping rule, a SHAPE_* code or a domain rule (ID.CHECKSUM…). */
  rule: string;
  message: string;
  messageZh?: string;
  /** FHIRPath locations, rooted at the bundle: `Bundle.entry[2].resource.identifier[1]`. */
  expression: string[];
}

export type OperationOutcomeIssue = {
  severity: IssueSeverity;
  code: IssueType;
  details?: { coding: { system: string; code: string }[]; text?: string };
  diagnostics: string;
  expression?: string[];
};

export type OperationOutcome = {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
};

export type BundleResponseEntry = {
  response: {
    status: string;
    location?: string;
    outcome: OperationOutcome;
  };
};

export type ResponseBundle = {
  resourceType: 'Bundle';
  id: string;
  type: 'batch-response' | 'transaction-response';
  timestamp: string;
  entry: BundleResponseEntry[];
};
