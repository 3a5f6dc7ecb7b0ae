/**
 * Blocking keys: the cheap, indexed look-ups that fetch candidates before any
 * pair is scored. Each key survives a different error, so the union of their
 * candidates survives any single error:
 *   bd: birth date              (name typos, missing phone)
 *   pi: name initials + year     (day/month typos; homophone typos keep initials)
 *   pm: full pinyin + month-day  (birth-year typos)
 *   ph: phone                    (name and birth-date typos together)
 *   id: resident ID key
 */
import { normalizePhone } from '../cleansing/phone';
import { nameInfo } from './names';
import type { MatchPerson } from './score';

export type BlockingKeyKind = 'bd' | 'pi' | 'pm' | 'ph' | 'id';

export interface BlockingKey {
  readonly kind: BlockingKeyKind;
  /** 'bd:1985-03-12', 'pi:zw:1985', 'pm:zhangwei:0312', 'ph:13812345678', 'id:<key>'. */
  readonly key: string;
}

export function blockingKeys(person: MatchPerson): BlockingKey[] {
  const out: BlockingKey[] = [];
  const birth = person.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(person.birthDate) ? person.birthDate : null;
  const name = person.name ? nameInfo(person.name) : null;
  if (birth) out.push({ kind: 'bd', key: `bd:${birth}` });
  if (name && name.initials !== '' && person.birthDate && /^\d{4}/.test(person.birthDate)) {
    out.push({ kind: 'pi', key: `pi:${name.initials}:${person.birthDate.slice(0, 4)}` });
  }
  if (name && name.pinyinKey !== '' && birth) out.push({ kind: 'pm', key: `pm:${name.pinyinKey}:${birth.slice(5, 7)}${birth.slice(8, 10)}` });
  if (person.phone) {
    const digits = normalizePhone(person.phone).value.replace(/\D/g, '');
    if (digits.length >= 7) out.push({ kind: 'ph', key: `ph:${digits}` });
  }
  if (person.idKey) out.push({ kind: 'id', key: `id:${person.idKey}` });
  return out;
}
