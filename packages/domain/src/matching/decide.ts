/**
 * Linking decisions. A false merge joins two residents' medical records, so the
 * defaults favour precision: automatic links need strong evidence beyond
 * name + birth date + sex (a phone, a township, or an ID), and a few
 * disagreements always go to a person, whatever the score:
 *   - names that differ in a character not explained by pinyin (twins 刘佳怡 /
 *     刘佳欣 share birth date, surname, phone and address),
 *   - a sex or birth-date disagreement,
 *   - different resident ID keys,
 *   - no name or no birth date to compare.
 */
import { levelOf, type PairScore } from './score';

export type LinkDecision = 'auto_link' | 'review' | 'new_person';

export interface MatchThresholds {
  /** At or above: link automatically (unless a guard applies). */
  readonly upper: number;
  /** Below: a new master person. Between: review. */
  readonly lower: number;
}

/**
 * Chosen against the default model: all fields agreeing scores ~38.7 bits;
 * one keying error with a phone still scores ≥ 27.5; name + birth date + sex +
 * county without a phone scores ~26.2 and goes to review, as does a same-name,
 * same-birthday stranger with another phone (~24.9).
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = { upper: 27, lower: 12 };

/** Why a pair that scored high enough is still sent to review, or null. */
export function autoLinkBlocker(score: PairScore): string | null {
  const name = levelOf(score, 'name');
  if (name === 'one_char_diff' || name === 'different') return 'name_differs';
  if (name === 'missing') return 'name_missing';
  const birth = levelOf(score, 'birthDate');
  if (birth === 'different') return 'birth_date_differs';
  if (birth === 'missing') return 'birth_date_missing';
  if (levelOf(score, 'sex') === 'disagree') return 'sex_differs';
  if (levelOf(score, 'idKey') === 'disagree') return 'id_differs';
  return null;
}

export function decide(score: PairScore | number, thresholds: MatchThresholds = DEFAULT_THRESHOLDS): LinkDecision {
  const total = typeof score === 'number' ? score : score.total;
  if (total < thresholds.lower) return 'new_person';
  if (total < thresholds.upper) return 'review';
  return typeof score !== 'number' && autoLinkBlocker(score) !== null ? 'review' : 'auto_link';
}

export interface CandidateChoice {
  readonly decision: LinkDecision;
  /** Index of the best candidate (for auto_link and review). */
  readonly index?: number;
  readonly reason?: 'ambiguous' | string;
}

/**
 * Picks among all scored candidates for one incoming record. An automatic link
 * also needs the best candidate to stand clear of the next one by `margin` bits;
 * two close candidates (e.g. a twin and the person) go to review.
 */
export function chooseCandidate(
  scores: readonly PairScore[],
  thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
  margin = 5,
): CandidateChoice {
  if (scores.length === 0) return { decision: 'new_person' };
  const order = scores.map((s, i) => i).sort((a, b) => (scores[b]?.total ?? 0) - (scores[a]?.total ?? 0));
  const best = order[0] ?? 0;
  const bestScore = scores[best];
  if (!bestScore) return { decision: 'new_person' };
  const decision = decide(bestScore, thresholds);
  if (decision === 'new_person') return { decision };
  if (decision === 'review') return { decision, index: best, reason: autoLinkBlocker(bestScore) ?? 'score' };
  const second = order[1] !== undefined ? scores[order[1]] : undefined;
  if (second && second.total >= Math.max(thresholds.lower, bestScore.total - margin)) return { decision: 'review', index: best, reason: 'ambiguous' };
  return { decision: 'auto_link', index: best };
}
