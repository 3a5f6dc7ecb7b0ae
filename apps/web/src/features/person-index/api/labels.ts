import type { TFunction } from 'i18next';

const SEX = { '0': 1, '1': 1, '2': 1, '9': 1 } as const;
const ID_TYPES = { '01': 1, '02': 1, '03': 1, '04': 1, '05': 1, '06': 1, '07': 1, '99': 1 } as const;

/** GB/T 2261.1 sex code as a word; unknown codes as sent. */
export function sexLabel(t: TFunction, code: string | null | undefined): string {
  if (!code) return '—';
  return Object.hasOwn(SEX, code) ? t(`personIndex.sex.${code as keyof typeof SEX}`) : code;
}

/** CV02.01.101 identity document type as a word. */
export function idTypeLabel(t: TFunction, code: string | null | undefined): string {
  if (!code) return '—';
  return Object.hasOwn(ID_TYPES, code) ? t(`personIndex.idType.${code as keyof typeof ID_TYPES}`) : code;
}
