/** scorePair: compare an incoming person with a candidate master person, field by field. */
import {
  compareBirthDates, compareKeys, compareNames, comparePhones, compareRegions, compareSex,
  type AgreementLevel, type BirthDateLevel, type NameLevel, type RegionAgreement,
} from './comparators';
import { DEFAULT_MATCH_MODEL, levelWeight, type MatchModel } from './model';

/** Demographics as cleansed (sex GB/T 2261.1, birth date 'YYYY-MM-DD' or 'YYYY-MM'). */
export interface MatchPerson {
  readonly name?: string | null;
  readonly sex?: string | null;
  readonly birthDate?: string | null;
  readonly phone?: string | null;
  /** GB/T 2260 code, 6–12 digits. */
  readonly regionCode?: string | null;
  /** Opaque equality key for the resident ID number, e.g. its blind index. Never the number itself. */
  readonly idKey?: string | null;
}

export type MatchField = 'name' | 'birthDate' | 'sex' | 'phone' | 'region' | 'idKey';

export type FieldComparison =
  | { readonly field: 'name'; readonly level: NameLevel; readonly weight: number }
  | { readonly field: 'birthDate'; readonly level: BirthDateLevel; readonly weight: number }
  | { readonly field: 'sex' | 'phone' | 'idKey'; readonly level: AgreementLevel; readonly weight: number }
  | { readonly field: 'region'; readonly level: RegionAgreement; readonly weight: number };

export interface PairScore {
  /** Sum of field weights, in bits (log2 likelihood ratio). */
  readonly total: number;
  readonly comparisons: readonly FieldComparison[];
}

function w<L extends string>(table: Readonly<Partial<Record<L, { m: number; u: number }>>>, level: L): number {
  return level === 'missing' ? 0 : levelWeight(table[level]);
}

export function scorePair(incoming: MatchPerson, candidate: MatchPerson, model: MatchModel = DEFAULT_MATCH_MODEL): PairScore {
  const name = compareNames(incoming.name, candidate.name);
  const birthDate = compareBirthDates(incoming.birthDate, candidate.birthDate);
  const sex = compareSex(incoming.sex, candidate.sex);
  const phone = comparePhones(incoming.phone, candidate.phone);
  const region = compareRegions(incoming.regionCode, candidate.regionCode);
  const idKey = compareKeys(incoming.idKey, candidate.idKey);
  const comparisons: FieldComparison[] = [
    { field: 'name', level: name, weight: w(model.name, name) },
    { field: 'birthDate', level: birthDate, weight: w(model.birthDate, birthDate) },
    { field: 'sex', level: sex, weight: w(model.sex, sex) },
    { field: 'phone', level: phone, weight: w(model.phone, phone) },
    { field: 'region', level: region, weight: w(model.region, region) },
    { field: 'idKey', level: idKey, weight: w(model.idKey, idKey) },
  ];
  return { total: comparisons.reduce((s, c) => s + c.weight, 0), comparisons };
}

export function levelOf(score: PairScore, field: MatchField): string {
  return score.comparisons.find((c) => c.field === field)?.level ?? 'missing';
}
