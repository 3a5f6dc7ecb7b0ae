/**
 * Fellegi–Sunter m/u probabilities, as data.
 *   m = P(level | same person), u = P(level | different people)
 *   weight = log2(m / u)    (agreement adds evidence, disagreement subtracts)
 * 'missing' always weighs 0.
 *
 * The values are priors for a city of ~3 million: u for an exact name reflects
 * common Chinese names (王伟, 李娜), and u for phone agreement is inflated
 * because families share a phone (children are registered with a parent's
 * number). They should be re-estimated (EM) on the platform's own review
 * decisions once there are enough of them.
 */
import type { AgreementLevel, BirthDateLevel, NameLevel, RegionAgreement } from './comparators';

export interface LevelProbabilities {
  readonly m: number;
  readonly u: number;
}

type Table<L extends string> = Readonly<Record<Exclude<L, 'missing'>, LevelProbabilities>>;

export interface MatchModel {
  readonly name: Table<NameLevel>;
  readonly birthDate: Table<BirthDateLevel>;
  readonly sex: Table<AgreementLevel>;
  readonly phone: Table<AgreementLevel>;
  readonly region: Table<RegionAgreement>;
  readonly idKey: Table<AgreementLevel>;
}

export const DEFAULT_MATCH_MODEL: MatchModel = {
  name: {
    exact: { m: 0.88, u: 0.001 },
    pinyin_same: { m: 0.06, u: 0.0005 },
    pinyin_similar: { m: 0.03, u: 0.002 },
    one_char_diff: { m: 0.02, u: 0.03 },
    different: { m: 0.01, u: 0.9665 },
  },
  birthDate: {
    exact: { m: 0.95, u: 1 / 29_220 }, // ~80 birth years of days
    near: { m: 0.03, u: 0.0025 },
    year_month: { m: 0.01, u: 0.0028 },
    different: { m: 0.01, u: 0.9946 },
  },
  sex: {
    agree: { m: 0.98, u: 0.5 },
    disagree: { m: 0.02, u: 0.5 },
  },
  phone: {
    agree: { m: 0.6, u: 0.0001 },
    disagree: { m: 0.4, u: 0.9999 },
  },
  region: {
    township: { m: 0.55, u: 0.01 },
    county: { m: 0.3, u: 0.19 },
    city: { m: 0.1, u: 0.6 },
    different: { m: 0.05, u: 0.2 },
  },
  idKey: {
    agree: { m: 0.98, u: 1e-7 },
    disagree: { m: 0.02, u: 0.9999999 },
  },
};

export function levelWeight(p: LevelProbabilities | undefined): number {
  return p ? Math.log2(p.m / p.u) : 0;
}
