import { describe, expect, it } from 'vitest';
import { addDays, dayStart, generalizedTime, localDate, localIso } from '../../src/generate/time.ts';

describe('generator time helpers (+07:00 whatever the machine zone)', () => {
  it('formats instants in Asia/Ho_Chi_Minh', () => {
    const t = Date.parse('2026-11-20T17:30:05Z');
    expect(localIso(t)).toBe('2026-11-21T00:30:05+07:00');
    expect(localDate(t)).toBe('2026-11-21');
    expect(localIso(dayStart('2026-11-20'))).toBe('2026-11-20T00:00:00+07:00');
  });

  it('writes Zimbra generalized time in UTC, with or without milliseconds', () => {
    const t = Date.parse('2026-07-28T13:40:34.819+07:00');
    expect(generalizedTime(t, false)).toBe('20260728064034Z');
    expect(generalizedTime(t, true)).toBe('20260728064034.819Z');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-20', -730)).toBe('2024-11-20');
  });
});
