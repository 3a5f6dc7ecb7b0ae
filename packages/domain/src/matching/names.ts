/**
 * Names for matching: normalised text, per-character pinyin readings and keys.
 *
 * 多音字 (characters with several readings) are handled two ways: the full-name
 * key uses pinyin-pro's contextual reading with surname rules (曾 → zeng, 单 →
 * shan as surnames), and the "same pinyin" comparison accepts any reading of
 * each character, so 曾/增 or 单/善 typed by an input method still agree.
 * Tones are ignored: input-method typos keep the syllable, not the tone.
 */
import { pinyin } from 'pinyin-pro';
import { cleanPersonName } from '../cleansing/text';

export interface NameInfo {
  /** Cleaned name without separators (spaces, middle dots), Latin upper-cased. */
  readonly normalized: string;
  /** True when every character is a Han character. */
  readonly han: boolean;
  /** Characters (code points) of `normalized`. */
  readonly chars: readonly string[];
  /** Contextual reading of each character (surname rules applied to the first). */
  readonly syllables: readonly string[];
  /** Every reading of each character, contextual one included. */
  readonly readings: readonly ReadonlySet<string>[];
  /** Full pinyin, lower case, no spaces ('zhangwei'); for Latin names, the letters. */
  readonly pinyinKey: string;
  /** First letter of each syllable ('zw'); for Latin names, of each word. */
  readonly initials: string;
}

const HAN = /^[\u3400-\u9FFF\uF900-\uFAFF]$/u;
const OPTIONS = { toneType: 'none', type: 'array', v: true } as const;

const cache = new Map<string, NameInfo>();
const CACHE_LIMIT = 50_000;

function readingsOf(char: string): string[] {
  if (!HAN.test(char)) return [char.toLowerCase()];
  return pinyin(char, { ...OPTIONS, multiple: true });
}

function build(raw: string): NameInfo {
  const cleaned = cleanPersonName(raw).value;
  const words = cleaned.toUpperCase().split(/[\s·]+/).filter((w) => w !== '');
  const normalized = words.join('');
  const chars = [...normalized];
  const han = chars.length > 0 && chars.every((c) => HAN.test(c));
  if (!han) {
    const letters = normalized.toLowerCase().replace(/[^a-z]/g, '');
    return {
      normalized,
      han,
      chars,
      syllables: words.map((w) => w.toLowerCase()),
      readings: chars.map((c) => new Set([c.toLowerCase()])),
      pinyinKey: letters,
      initials: words.map((w) => w[0]?.toLowerCase() ?? '').join(''),
    };
  }
  const syllables = pinyin(normalized, { ...OPTIONS, surname: 'head' });
  const readings = chars.map((c, i) => new Set([...(syllables[i] ? [syllables[i]] : []), ...readingsOf(c)]));
  return {
    normalized,
    han,
    chars,
    syllables,
    readings,
    pinyinKey: syllables.join(''),
    initials: syllables.map((s) => s[0] ?? '').join(''),
  };
}

/** Name analysis, memoised (names repeat a lot: 王伟, 李娜…). */
export function nameInfo(name: string): NameInfo {
  let info = cache.get(name);
  if (!info) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    info = build(name);
    cache.set(name, info);
  }
  return info;
}

/** The value to store in master_persons.name_pinyin: full pinyin, lower case, no spaces. */
export function namePinyinKey(name: string): string {
  return nameInfo(name).pinyinKey;
}
