import { maskIdNumber, maskName, maskPhone } from '@rhip/pii';

/** The value at a finding path ('patient.idNumber', 'diagnoses[1].code') of a record as sent. */
export function valueAtPath(record: unknown, path: string | null): unknown {
  if (!path) return undefined;
  let cur: unknown = record;
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    if (m[1]) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[m[1]] : undefined;
    for (const idx of m[2]?.match(/\d+/g) ?? []) cur = Array.isArray(cur) ? cur[Number(idx)] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function maskAddress(v: string): string {
  const chars = [...v];
  return chars.slice(0, Math.min(6, chars.length)).join('') + (chars.length > 6 ? '****' : '');
}

/** Birth dates and other dates of a person keep their year only. */
function maskDate(v: string): string {
  return /^\d{4}/.test(v) ? `${v.slice(0, 4)}-**-**` : '****';
}

const MASKERS: Record<string, (v: string) => string | null> = {
  name: maskName,
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
  birthDate: maskDate,
  patientId: (v) => maskIdNumber(v),
  archiveNo: (v) => maskIdNumber(v),
  insuranceNo: (v) => maskIdNumber(v),
  healthCardNo: (v) => maskIdNumber(v),
};

/**
 * A value for display in the quality drill-down: personal elements (name, ID
 * number, phone, address, birth date, patient and card numbers) masked,
 * objects summarised, long text cut.
 */
export function displayValue(path: string | null, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  // A value still sealed (its key is gone) is never shown, not even masked.
  if (typeof value === 'string' && value.startsWith('$pii:')) return '******';
  const key = (path ?? '').split('.').pop()?.replace(/\[\d+\]$/, '') ?? '';
  if (typeof value === 'object') return Array.isArray(value) ? `[${value.length} items]` : '{…}';
  const text = String(value);
  const mask = MASKERS[key];
  if (mask) return mask(text);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The patient of a record as sent, masked. */
export function maskedPatient(record: unknown, personPath: 'patient' | '' | null) {
  if (personPath === null || !record || typeof record !== 'object') return null;
  const p = (personPath === '' ? record : (record as Record<string, unknown>)[personPath]) as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') return null;
  const s = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v).startsWith('$pii:') ? '******' : String(v));
  return {
    name: maskName(s(p.name)),
    idNumber: maskIdNumber(s(p.idNumber)),
    phone: maskPhone(s(p.phone)),
    sex: s(p.sex),
    birthDate: s(p.birthDate) ? maskDate(String(p.birthDate)) : null,
  };
}
