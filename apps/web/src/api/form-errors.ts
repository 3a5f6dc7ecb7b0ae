import { isApiError } from './client';

/** One problem the API reported in a request (`details` of a 400), as the error handler writes it. */
export interface FieldIssue {
  /** `body.code`, `body.expectedDatasets.0.cadenceHours`, `querystring.page`… */
  path: string;
  code: string;
  message: string;
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}

/** The field issues of a 400 answer; [] for any other error. */
export function fieldIssues(err: unknown): FieldIssue[] {
  if (!isApiError(err) || err.status !== 400 || !Array.isArray(err.details)) return [];
  return err.details.filter(isFieldIssue);
}

/**
 * A request-body path as an antd form name path: `body.expectedDatasets.0.cadenceHours`
 * → ['expectedDatasets', 0, 'cadenceHours']. Null for paths outside the body.
 */
export function formNamePath(path: string): (string | number)[] | null {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] !== 'body' || parts.length < 2) return null;
  return parts.slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * Field errors for `form.setFields()` from a 400 answer. `describe` turns an issue
 * into a sentence for the user (a translated rule code, or the API's message).
 * Issues whose path is not one of `knownFields` (top-level names) are returned in `other`.
 */
export function formFieldErrors(
  err: unknown,
  knownFields: readonly string[],
  describe: (issue: FieldIssue) => string,
): { fields: FormFieldError[]; other: FieldIssue[] } {
  const byName = new Map<string, FormFieldError>();
  const other: FieldIssue[] = [];
  for (const issue of fieldIssues(err)) {
    const name = formNamePath(issue.path);
    if (!name || typeof name[0] !== 'string' || !knownFields.includes(name[0])) {
      other.push(issue);
      continue;
    }
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(describe(issue));
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], other };
}
