/** Guards and readers for FHIR JSON elements (datatypes, codings, references). Pure. */
import type { FhirJson } from './fhir-types';

export function asObject(v: unknown): FhirJson | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as FhirJson) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function objects(v: unknown): FhirJson[] {
  return asArray(v).flatMap((x) => {
    const o = asObject(x);
    return o ? [o] : [];
  });
}

/** A non-blank string, trimmed; anything else is undefined. */
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function asNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export function codings(concept: unknown): Coding[] {
  return objects(asObject(concept)?.coding).map((c) => ({ system: asString(c.system), code: asString(c.code), display: asString(c.display) }));
}

/** The first coding whose system matches one of `systems` (in that order of preference), else the first coding with a code. */
export function preferredCoding(concept: unknown, systems: readonly string[] = []): Coding | undefined {
  const all = codings(concept).filter((c) => c.code);
  for (const s of systems) {
    const hit = all.find((c) => c.system === s);
    if (hit) return hit;
  }
  return all[0];
}

/** Human text of a CodeableConcept: its text, else the first display. */
export function conceptText(concept: unknown): string | undefined {
  return asString(asObject(concept)?.text) ?? codings(concept).find((c) => c.display)?.display;
}

/** The first code of a CodeableConcept or Coding whose system is `system` (or any system when omitted). */
export function codeOf(conceptOrCoding: unknown, system?: string): string | undefined {
  const o = asObject(conceptOrCoding);
  if (!o) return undefined;
  if ('coding' in o) return codings(o).find((c) => c.code && (!system || c.system === system))?.code;
  return !system || asString(o.system) === system ? asString(o.code) : undefined;
}

/** Codings in a list of CodeableConcepts (e.g. Identifier.type, category). */
export function codesIn(concepts: unknown): string[] {
  const list = Array.isArray(concepts) ? concepts : [concepts];
  return list.flatMap((c) => codings(c).flatMap((x) => (x.code ? [x.code] : [])));
}

export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** `meta.versionId` when it is a non-negative integer that fits the version column. */
export function integerVersion(resource: FhirJson): number | undefined {
  const v = asString(asObject(resource.meta)?.versionId);
  if (!v || !/^\d{1,10}$/.test(v)) return undefined;
  const n = Number(v);
  return n <= 2_147_483_647 ? n : undefined;
}

export function lastUpdated(resource: FhirJson): string | undefined {
  return asString(asObject(resource.meta)?.lastUpdated);
}

/** YYYY-MM-DD of a FHIR date or dateTime (the calendar day as written, offset ignored). */
export function datePart(v: unknown): string | undefined {
  const s = asString(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : s;
}

/** Quantity as "value unit" ("0.5 g"), or undefined. */
export function quantityText(q: unknown): string | undefined {
  const o = asObject(q);
  const value = asNumber(o?.value);
  if (value === undefined) return undefined;
  const unit = asString(o?.unit) ?? asString(o?.code);
  return unit ? `${value} ${unit}` : String(value);
}

/** Sets `key` only when `value` is defined, so mapped records carry no undefined members. */
export function put(target: FhirJson, key: string, value: unknown): void {
  if (value !== undefined && value !== null) target[key] = value;
}
