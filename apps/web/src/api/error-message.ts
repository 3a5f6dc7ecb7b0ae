import type { TFunction } from 'i18next';
import { isApiError } from './client';

type KnownErrorCode = 'NETWORK_ERROR' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION_FAILED' | 'RATE_LIMITED' | 'INTERNAL';
const KNOWN: ReadonlySet<string> = new Set<KnownErrorCode>([
  'NETWORK_ERROR', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'RATE_LIMITED', 'INTERNAL',
]);

function knownCode(err: unknown): KnownErrorCode | null {
  if (!isApiError(err)) return null;
  if (KNOWN.has(err.code)) return err.code as KnownErrorCode;
  if (err.status === 401) return 'UNAUTHENTICATED';
  if (err.status === 403) return 'FORBIDDEN';
  if (err.status === 404) return 'NOT_FOUND';
  if (err.status === 429) return 'RATE_LIMITED';
  if (err.status >= 500) return 'INTERNAL';
  return null;
}

/** A sentence for the user, in the current language, for any error a fetch can throw. */
export function describeError(t: TFunction, err: unknown): string {
  const code = knownCode(err);
  if (code) return t(`errors.${code}`);
  return t('errors.generic', { code: isApiError(err) ? err.code : 'UNKNOWN' });
}

/** The request id to quote to support, when the API gave one. */
export function errorRequestId(err: unknown): string | undefined {
  return isApiError(err) ? err.requestId : undefined;
}
