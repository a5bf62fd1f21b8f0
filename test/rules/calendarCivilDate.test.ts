import { describe, expect, it } from 'vitest';

import { addDays, fromJdn, isIsoDate, toJdn, vietnamDateOf, weekdayOf } from '../../src/rules/calendar/civilDate.ts';

describe('civil dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2025-13-01', false],
    ['2025-04-31', false],
    ['2025-4-3', false],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  it('weekdays (0 = Chủ nhật)', () => {
    expect(weekdayOf('2000-01-01')).toBe(6);
    expect(weekdayOf('2025-01-24')).toBe(5);
    expect(weekdayOf('2026-02-17')).toBe(2);
    expect(weekdayOf('2024-02-29')).toBe(4);
  });

  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(fromJdn(toJdn('2025-06-15') + 365)).toBe('2026-06-15');
  });

  it('rejects malformed dates with a Vietnamese message', () => {
    expect(() => toJdn('2025-02-30')).toThrow(/không hợp lệ/);
  });
});

describe('vietnamDateOf (Asia/Ho_Chi_Minh, whatever the machine zone)', () => {
  it.each([
    // 17:00 UTC is midnight in Vietnam.
    ['2025-01-24T16:59:59Z', '2025-01-24'],
    ['2025-01-24T17:00:00Z', '2025-01-25'],
    ['2025-01-24T23:30:00+07:00', '2025-01-24'],
    ['2025-01-24T23:30:00', '2025-01-24'],
    ['2025-01-24 08:15', '2025-01-24'],
    ['2025-01-24', '2025-01-24'],
    ['2024-12-31T18:00:00.000Z', '2025-01-01'],
    ['2025-01-01T02:00:00+09:00', '2025-01-01'],
    ['2025-01-01T01:00:00+09:00', '2024-12-31'],
    ['2024-02-28T20:00:00-05:00', '2024-02-29'],
    ['2024-02-29T23:59:00+0700', '2024-02-29'],
  ])('%s → %s', (input, date) => expect(vietnamDateOf(input)).toBe(date));

  it.each(['24/01/2025', '2025-01-24T25:00:00Z', '2025-02-30T10:00:00Z', 'hôm qua'])('rejects %s', (input) => {
    expect(() => vietnamDateOf(input)).toThrow(RangeError);
  });
});
