/**
 * Phone numbers: strip +86 / 0086, spaces, dashes, dots and brackets. A mobile
 * becomes its 11 digits; a landline with area code becomes "0832-2345678"
 * (area codes are 3 digits for 010 and 02x, 4 otherwise). Anything else is left
 * for FMT.PHONE to report.
 */
import { pipe, type Cleansed } from './change';
import { halfWidth } from './text';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0(?:10|2\d|[3-9]\d{2})-[1-9]\d{6,7}$/;

function format(raw: string): string {
  let d = raw.replace(/[\s\-().\u00A0（）]/g, '');
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  else if (/^861[3-9]\d{9}$/.test(d)) d = d.slice(2);
  if (!/^\d+$/.test(d)) return raw.trim();
  if (MOBILE.test(d)) return d;
  if (/^0(?:10|2\d)[1-9]\d{6,7}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3)}`;
  if (/^0[3-9]\d{2}[1-9]\d{6,7}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4)}`;
  return d;
}

export function normalizePhone(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [['half_width', halfWidth], ['phone', format]]);
}

export function isMobilePhone(value: string): boolean {
  return MOBILE.test(value);
}

/** After normalisation: an 11-digit mobile or a landline with area code. */
export function isValidPhone(value: string): boolean {
  return MOBILE.test(value) || LANDLINE.test(value);
}
