import { describe, expect, it } from 'vitest';
import type { RecordOutcome } from '@rhip/contracts';
import { countOutcomes, filterOutcomes, outcomeViewFromSearchParams, searchParamsFromOutcomeView } from './outcome-filters';

const o = (index: number, status: RecordOutcome['status'], codes: string[] = []): RecordOutcome => ({
  index, sourceId: `S${index}`, status, errors: codes.map((code) => ({ path: 'x', code, message: 'm' })),
});
const outcomes = [o(0, 'stored'), o(1, 'rejected', ['ID.CHECKSUM']), o(2, 'stored', ['TIME.FUTURE']), o(3, 'accepted', ['REPLAYED'])];

describe('per-record outcomes', () => {
  it('reads the filter and paging from the URL, falling back to all and the default size', () => {
    expect(outcomeViewFromSearchParams(new URLSearchParams('outcome=rejected&page=3&pageSize=200'))).toEqual({ filter: 'rejected', page: 3, pageSize: 200 });
    expect(outcomeViewFromSearchParams(new URLSearchParams('outcome=hasOwnProperty&pageSize=13'))).toEqual({ filter: 'all', page: 1, pageSize: 50 });
    expect(searchParamsFromOutcomeView({ filter: 'all', page: 1, pageSize: 50 }).toString()).toBe('');
    expect(searchParamsFromOutcomeView({ filter: 'issues', page: 2, pageSize: 20 }).toString()).toBe('outcome=issues&page=2&pageSize=20');
  });

  it('filters by status, or by having a real issue (a replay note is not one)', () => {
    expect(filterOutcomes(outcomes, 'stored').map((x) => x.index)).toEqual([0, 2]);
    expect(filterOutcomes(outcomes, 'issues').map((x) => x.index)).toEqual([1, 2]);
    expect(filterOutcomes(outcomes, 'all')).toHaveLength(4);
    expect(countOutcomes(outcomes)).toEqual({ stored: 2, rejected: 1, accepted: 1 });
  });
});
