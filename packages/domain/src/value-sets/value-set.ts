/**
 * Versioned code tables (值域代码表). Each value set names its source standard and
 * version so that a revision (e.g. WS 364-2011 → WS/T 364-2023) becomes a new
 * value set object, not an in-place edit that silently changes old findings.
 */
import type { LocalizedText } from '../common/text';

export interface ValueSetEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Broader code this one refines (e.g. 21 初婚 under 20 已婚). */
  readonly parent?: string;
}

export interface ValueSet {
  /** Stable id used by data-set field specs and rule findings, e.g. 'GB/T 2261.1'. */
  readonly id: string;
  readonly name: LocalizedText;
  /** Version of this table, usually the standard's year. */
  readonly version: string;
  /** The standard (and clause) the table is copied from. */
  readonly source: string;
  /** WS 363 data element that uses the table, when there is one. */
  readonly dataElement?: string;
  readonly entries: readonly ValueSetEntry[];
}

export type DisplayLanguage = 'zh' | 'en';

export function findEntry(valueSet: ValueSet, code: string): ValueSetEntry | undefined {
  return valueSet.entries.find((e) => e.code === code);
}

export function isInValueSet(valueSet: ValueSet, code: string): boolean {
  return findEntry(valueSet, code) !== undefined;
}

/** Display text for a code, or undefined when the code is not in the table. */
export function displayOf(valueSet: ValueSet, code: string, language: DisplayLanguage = 'zh'): string | undefined {
  return findEntry(valueSet, code)?.[language];
}

/** Reverse lookup by exact Chinese or English display (case-insensitive for English). */
export function codeForDisplay(valueSet: ValueSet, display: string): string | undefined {
  const d = display.trim();
  const lower = d.toLowerCase();
  return valueSet.entries.find((e) => e.zh === d || e.en.toLowerCase() === lower)?.code;
}

export function codesOf(valueSet: ValueSet): readonly string[] {
  return valueSet.entries.map((e) => e.code);
}
