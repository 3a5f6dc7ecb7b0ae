import { describe, expect, it } from 'vitest';
import { FINGERPRINTS, fingerprintKey } from './duplicate-keys';

describe('duplicate fingerprints', () => {
  it('keys the same person and encounter type the same, whatever the institution', () => {
    const spec = FINGERPRINTS.encounters!;
    const a = spec.keys({ source_id: 'A', mp: '42', type: 'outpatient', start_at: new Date('2026-05-01T08:00:00Z') }, 'inst-1');
    const b = spec.keys({ source_id: 'B', mp: '42', type: 'outpatient', start_at: new Date('2026-05-01T08:03:00Z') }, 'inst-2');
    expect(fingerprintKey('encounters', a[0]!)).toBe(fingerprintKey('encounters', b[0]!));
    const c = spec.keys({ source_id: 'C', mp: '42', type: 'inpatient', start_at: new Date('2026-05-01T08:00:00Z') }, 'inst-1');
    expect(fingerprintKey('encounters', c[0]!)).not.toBe(fingerprintKey('encounters', a[0]!));
  });

  it('scopes report numbers to the institution that issued them', () => {
    const spec = FINGERPRINTS['lab-reports']!;
    const row = { source_id: 'L1', mp: '7', report_no: 'R-001', items: 'GLU', reported_at: new Date() };
    const here = fingerprintKey('lab-reports', spec.keys(row, 'inst-1')[0]!);
    const there = fingerprintKey('lab-reports', spec.keys(row, 'inst-2')[0]!);
    expect(here).not.toBe(there);
  });

  it('skips a rule when a part is missing (no master person, no report number)', () => {
    const spec = FINGERPRINTS['lab-reports']!;
    const keys = spec.keys({ source_id: 'L1', mp: null, report_no: null, items: 'GLU', reported_at: new Date() }, 'inst-1');
    expect(keys.map((k) => fingerprintKey('lab-reports', k))).toEqual([null, null]);
  });
});
