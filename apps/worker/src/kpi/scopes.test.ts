import { describe, expect, it } from 'vitest';
import { monthOfValue, parseScopeKey, reconcileScopes, scopeKey, scopesForBatch, scopesForPeriod } from './scopes';

const INST = '0b3c8f7e-6a3b-4c1d-9e2f-1a2b3c4d5e6f';
const NOW = new Date('2026-10-15T12:00:00+08:00');
const keys = (s: Parameters<typeof scopeKey>[0][]) => s.map(scopeKey).sort();

describe('KPI rollup scopes', () => {
  it('reads the month of the dates and times institutions send, in China time', () => {
    expect(monthOfValue('2026-09-30T23:30:00+08:00')).toBe('2026-09');
    expect(monthOfValue('2026-09-30T16:30:00Z')).toBe('2026-10');
    expect(monthOfValue('2026-09-30 08:00:00')).toBe('2026-09');
    expect(monthOfValue('20260930')).toBe('2026-09');
    expect(monthOfValue('2026-09')).toBe('2026-09');
    expect(monthOfValue('not a date')).toBeNull();
    expect(monthOfValue(null)).toBeNull();
  });

  it('round-trips scope keys and refuses malformed ones', () => {
    for (const s of [{ kind: 'inst', institutionId: INST, month: '2026-09' }, { kind: 'coverage', year: 2026 }, { kind: 'nid', month: '2026-10' }] as const) {
      expect(parseScopeKey(scopeKey(s))).toEqual(s);
    }
    expect(parseScopeKey('inst|nope|2026-09')).toBeNull();
    expect(parseScopeKey('plan|2026-13')).toBeNull();
  });

  it('marks the institution months of visits and discharges, and the plan of the receipt month', () => {
    const batch = { institutionId: INST, dataset: 'encounters' as const, receivedAt: NOW };
    const scopes = scopesForBatch(batch, [
      { startAt: '2026-08-28T10:00:00+08:00', endAt: '2026-09-02T09:00:00+08:00' },
      { startAt: '2026-10-01T08:00:00+08:00' },
      { startAt: '2099-01-01T00:00:00+08:00' },
    ], NOW);
    expect(keys(scopes)).toEqual([`inst|${INST}|2026-08`, `inst|${INST}|2026-09`, `inst|${INST}|2026-10`, 'plan|2026-10']);
  });

  it('marks disease reports by final-review month only', () => {
    const scopes = scopesForBatch({ institutionId: INST, dataset: 'disease-reports', receivedAt: NOW }, [
      { reportedAt: '2026-09-20T10:00:00+08:00', finalReviewAt: '2026-10-03T09:00:00+08:00' },
      { reportedAt: '2026-09-21T10:00:00+08:00' },
    ], NOW);
    expect(keys(scopes)).toEqual(['nid|2026-10', 'plan|2026-10']);
  });

  it('carries cumulative coverage from an old record up to the current year, at most five years back', () => {
    const scopes = scopesForBatch({ institutionId: INST, dataset: 'health-records', receivedAt: NOW }, [{ establishedAt: '2024-03-22T09:30:00+08:00' }], NOW);
    expect(keys(scopes)).toEqual(['coverage|2024', 'coverage|2025', 'coverage|2026', 'plan|2026-10']);
    const old = scopesForBatch({ institutionId: INST, dataset: 'followups', receivedAt: NOW }, [{ followupAt: '2026-05-01T09:00:00+08:00', registration: { registeredAt: '2010-01-01T00:00:00+08:00' } }], NOW);
    expect(keys(old).filter((k) => k.startsWith('chronic'))).toEqual(['chronic|2022', 'chronic|2023', 'chronic|2024', 'chronic|2025', 'chronic|2026']);
  });

  it('lists every scope of a period, never months still to come', () => {
    const year = scopesForPeriod('2026', [INST], NOW);
    expect(year.filter((s) => s.kind === 'inst')).toHaveLength(10);
    expect(keys(year.filter((s) => s.kind !== 'inst' && s.kind !== 'nid' && s.kind !== 'plan'))).toEqual(['chronic|2026', 'coverage|2026']);
    expect(scopesForPeriod('2026-11', [INST], NOW)).toEqual([]);
    expect(keys(reconcileScopes([INST], NOW)).filter((k) => k.startsWith('inst'))).toEqual([`inst|${INST}|2026-09`, `inst|${INST}|2026-10`]);
  });
});
