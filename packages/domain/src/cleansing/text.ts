/** Width and whitespace normalisation for free text and names. */
import { pipe, type Cleansed } from './change';

/** Full-width ASCII forms (U+FF01–FF5E) and the ideographic space → half-width. */
export function halfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Trim, collapse whitespace runs (incl. NBSP) to one space, drop zero-width characters. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/[\s\u00A0\u3000]+/g, ' ').trim();
}

export function toHalfWidth(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [['half_width', halfWidth]]);
}

export function normalizeWhitespace(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [['whitespace', collapseWhitespace]]);
}

/** Half-width then whitespace: the default for any free-text element. */
export function cleanText(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [['half_width', halfWidth], ['whitespace', collapseWhitespace]]);
}

const CJK = '\\u3400-\\u9FFF\\uF900-\\uFAFF';
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'g');
/** Dots people type between the parts of minority and foreign names (阿依古丽·买买提). */
const NAME_DOTS = /[•・‧∙⋅．.]/g;

function formatName(value: string): string {
  return value.replace(SPACE_NEXT_TO_CJK, '').replace(NAME_DOTS, '·').replace(/ ?· ?/g, '·');
}

/**
 * A person's name: half-width, whitespace collapsed, no spaces between Chinese
 * characters ("张 三" → "张三"), one kind of middle dot (U+00B7). Latin names
 * keep single spaces between words.
 */
export function cleanPersonName(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [['half_width', halfWidth], ['whitespace', collapseWhitespace], ['name_format', formatName]]);
}
