/**
 * Dates and times to ISO 8601. Institutions send 'YYYY-MM-DD HH:mm:ss',
 * 'YYYYMMDDHHmmss', ISO with or without an offset, or bare dates; everything
 * becomes 'YYYY-MM-DDTHH:mm:ss[.sss]+08:00' (Beijing time, the platform's
 * reference) or 'YYYY-MM-DD'. Values that are not real dates are left unchanged
 * for FMT.DATE to report.
 */
import { chinaDateOf, isRealDate } from '../common/dates';
import { pipe, type Cleansed } from './change';
import { halfWidth } from './text';

const CHINA_OFFSET_MS = 8 * 3_600_000;

interface Parts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
  ms?: string;
  offset?: string;
}

function valid(p: Parts): boolean {
  return isRealDate(Number(p.y), Number(p.mo), Number(p.d)) && Number(p.h) < 24 && Number(p.mi) < 60 && Number(p.s) < 60;
}

function parse(v: string): Parts | null {
  let m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(v);
  if (m) return { y: m[1] ?? '', mo: m[2] ?? '', d: m[3] ?? '', h: m[4] ?? '00', mi: m[5] ?? '00', s: m[6] ?? '00' };
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (!m) return null;
  const p: Parts = {
    y: m[1] ?? '',
    mo: (m[2] ?? '').padStart(2, '0'),
    d: (m[3] ?? '').padStart(2, '0'),
    h: (m[4] ?? '00').padStart(2, '0'),
    mi: m[5] ?? '00',
    s: m[6] ?? '00',
  };
  if (m[7]) p.ms = m[7].slice(0, 3).padEnd(3, '0');
  if (m[8]) p.offset = m[8].toUpperCase();
  return p;
}

function toChinaIso(v: string): string {
  const p = parse(v.trim());
  if (!p || !valid(p)) return v;
  const frac = p.ms && p.ms !== '000' ? `.${p.ms}` : '';
  if (!p.offset) return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}${frac}+08:00`;
  const offset = p.offset === 'Z' ? 'Z' : p.offset.includes(':') ? p.offset : `${p.offset.slice(0, 3)}:${p.offset.slice(3)}`;
  const t = Date.parse(`${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}.${p.ms ?? '000'}${offset}`);
  if (Number.isNaN(t)) return v;
  const local = new Date(t + CHINA_OFFSET_MS).toISOString(); // wall time in UTC+8, marked Z
  const ms = local.slice(19, 23);
  return `${local.slice(0, 19)}${ms === '.000' ? '' : ms}+08:00`;
}

export function normalizeDateTime(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [['half_width', halfWidth], ['datetime_iso', toChinaIso]]);
}

function toIsoDate(v: string): string {
  const t = v.trim();
  const cn = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(t);
  const candidate = cn ? `${cn[1]}-${(cn[2] ?? '').padStart(2, '0')}-${(cn[3] ?? '').padStart(2, '0')}` : t;
  const p = parse(candidate);
  if (!p || !valid(p)) return v;
  // A date-time given for a date element: its calendar date in China.
  if (p.offset) return chinaDateOf(toChinaIso(candidate)) ?? v;
  return `${p.y}-${p.mo}-${p.d}`;
}

export function normalizeDate(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [['half_width', halfWidth], ['date_iso', toIsoDate]]);
}

function toIsoMonth(v: string): string {
  const m = /^(\d{4})[-/.年]?(\d{1,2})月?$/.exec(v.trim());
  if (!m) return v;
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12 ? `${m[1]}-${String(mo).padStart(2, '0')}` : v;
}

export function normalizeMonth(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [['half_width', halfWidth], ['month_iso', toIsoMonth]]);
}

/** True for 'YYYY-MM-DDTHH:mm:ss[.sss](Z|±HH:MM)' naming a real instant. */
export function isIsoDateTime(value: string): boolean {
  const p = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/.test(value) ? parse(value) : null;
  return p !== null && valid(p);
}
