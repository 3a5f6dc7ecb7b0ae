import { chooseCandidate, DEFAULT_THRESHOLDS, namePinyinKey, scorePair, type MatchPerson, type MatchThresholds } from '@rhip/domain';
import type { PatientIdentity } from './identity';
import type { MatchCandidate, Matcher } from './link-patients';

function asMatchPerson(p: { name: string | null; sex: string | null; birthDate: string | null; phone?: string | null; regionCode?: string | null }): MatchPerson {
  return { name: p.name, sex: p.sex, birthDate: p.birthDate, phone: p.phone ?? null, regionCode: p.regionCode ?? null };
}

/**
 * The worker's matcher: Fellegi–Sunter weights and decision rules from
 * packages/domain (matching/), with thresholds that favour precision — a false
 * link joins two residents' medical records.
 */
export function createMatcher(thresholds: MatchThresholds = DEFAULT_THRESHOLDS): Matcher {
  return {
    pinyin: (name) => namePinyinKey(name),
    choose(incoming: PatientIdentity, candidates: MatchCandidate[]) {
      if (candidates.length === 0) return { decision: 'new_person', best: null, score: null, comparisons: null };
      const inc = asMatchPerson(incoming);
      const scores = candidates.map((c) => scorePair(inc, asMatchPerson(c)));
      const choice = chooseCandidate(scores, thresholds);
      const best = choice.index !== undefined ? (candidates[choice.index] ?? null) : null;
      const score = choice.index !== undefined ? (scores[choice.index] ?? null) : null;
      return { decision: choice.decision, best, score: score?.total ?? null, comparisons: score?.comparisons ?? null };
    },
  };
}
