import type { BatchStatus } from '@rhip/contracts';
import { describe, expect, it } from 'vitest';
import { isLoopback, parseSimulatorArgs } from './options';
import { SimulationStats, percentile } from './stats';

describe('simulator options', () => {
  it('parses the documented flags', () => {
    const o = parseSimulatorArgs(['--institutions', '50', '--rate', '2000', '--error-rate', '0.05', '--duration', '60', '--fhir-share', '0.1', '--seed', 's1', '--run-tag', 'R1'], {});
    expect(o).toMatchObject({ institutions: 50, rate: 2000, errorRate: 0.05, durationS: 60, fhirShare: 0.1, seed: 's1', runTag: 'R1', url: 'http://localhost:3000', batch: 200 });
  });

  it('rejects values out of range', () => {
    expect(() => parseSimulatorArgs(['--error-rate', '2'], {})).toThrow(/error-rate/);
    expect(() => parseSimulatorArgs(['--batch', '6000'], {})).toThrow(/batch/);
  });

  it('treats only loopback addresses as local', () => {
    expect(isLoopback('http://localhost:3000')).toBe(true);
    expect(isLoopback('http://127.0.0.1:3100')).toBe(true);
    expect(isLoopback('http://[::1]:3000')).toBe(true);
    expect(isLoopback('http://10.0.0.5:3000')).toBe(false);
    expect(isLoopback('https://example.org')).toBe(false);
  });
});

describe('simulation stats', () => {
  it('counts an injected defect as caught only when rejected with an expected code', () => {
    const stats = new SimulationStats();
    const status = {
      batchId: 'b', dataset: 'persons', status: 'done', createdAt: '', startedAt: null, finishedAt: null,
      counts: { received: 4, accepted: 3, stored: 2, linked: 2, rejected: 2, inReview: 0, failed: 0, parked: 0, noop: 0 },
      outcomes: [
        { index: 1, sourceId: 'b', status: 'rejected', errors: [{ path: 'sex', code: 'VS.SEX', message: '' }] },
        { index: 2, sourceId: 'c', status: 'rejected', errors: [{ path: 'x', code: 'TIME.FUTURE', message: '' }] },
      ],
    } as BatchStatus;
    stats.countBatch(status, ['bad_id_checksum', 'sex_mismatch', null, null], new Map([[0, ['ID.CHECKSUM']]]));
    expect(stats.defectsCaught.get('bad_id_checksum')).toBe(1);
    expect(stats.defectsMissed.get('sex_mismatch')).toBe(1);
    expect(stats.unexpectedRejects.get('TIME.FUTURE')).toBe(1);
    expect(stats.outcomes.stored).toBe(2);
  });

  it('takes nearest-rank percentiles', () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(s, 50)).toBe(50);
    expect(percentile(s, 99)).toBe(99);
    expect(percentile([], 50)).toBeNaN();
  });
});
