import { describe, expect, it } from 'vitest';
import { deriveStatus, statusSince } from './status';

const now = new Date('2026-05-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('interconnection status', () => {
  it('is never connected when nothing has arrived', () => {
    expect(deriveStatus(null, 24, now)).toBe('never');
  });

  it('is online within one cadence, delayed within three, silent beyond', () => {
    expect(deriveStatus(hoursAgo(23), 24, now)).toBe('online');
    expect(deriveStatus(hoursAgo(24), 24, now)).toBe('online');
    expect(deriveStatus(hoursAgo(25), 24, now)).toBe('delayed');
    expect(deriveStatus(hoursAgo(72), 24, now)).toBe('delayed');
    expect(deriveStatus(hoursAgo(73), 24, now)).toBe('silent');
    expect(deriveStatus(hoursAgo(2), 1, now)).toBe('delayed');
    expect(deriveStatus(hoursAgo(5), 1, now)).toBe('silent');
  });

  it('dates each status from the last arrival', () => {
    const last = hoursAgo(100);
    expect(statusSince('online', last, 24, now)).toEqual(last);
    expect(statusSince('delayed', last, 24, now)).toEqual(hoursAgo(76));
    expect(statusSince('silent', last, 24, now)).toEqual(hoursAgo(28));
    expect(statusSince('never', null, 24, now)).toEqual(now);
  });
});
