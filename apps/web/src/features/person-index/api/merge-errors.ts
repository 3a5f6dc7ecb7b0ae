import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client';
import { describeError } from '../../../api/error-message';

/**
 * The API answers merge problems with generic codes (404 NOT_FOUND, 409 CONFLICT)
 * and an English message; the known messages get a sentence in the UI language.
 */
const KNOWN: readonly [RegExp, 'personNotFound' | 'mergeNotFound' | 'self' | 'alreadyMerged' | 'differentIds' | 'alreadyUndone' | 'mergedAgain'][] = [
  [/^Master person/i, 'personNotFound'],
  [/^Merge/i, 'mergeNotFound'],
  [/merged into itself/i, 'self'],
  [/already merged/i, 'alreadyMerged'],
  [/different resident ID/i, 'differentIds'],
  [/already undone/i, 'alreadyUndone'],
  [/merged again/i, 'mergedAgain'],
];

export function describeMergeError(t: TFunction, err: unknown): string {
  if (isApiError(err) && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 403) {
    const hit = KNOWN.find(([re]) => re.test(err.message));
    if (hit) return t(`personIndex.merge.errors.${hit[1]}`);
    if (err.status === 409 || err.status === 400) return t('personIndex.merge.errors.other', { message: err.message });
  }
  return describeError(t, err);
}
