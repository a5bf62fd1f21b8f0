import { afterEach, describe, expect, it } from 'vitest';

import {
  addWorkingDays,
  dayStatus,
  isLate,
  isWorkingDay,
  nextWorkingDay,
  workingDayDeadline,
  workingDaysBetween,
  workingDaysIn,
} from '../../src/rules/calendar/index.ts';

// "Trong 05 ngày làm việc" (001 Điều 4 khoản 3 điểm a, b): the receipt day is not counted.
describe('workingDayDeadline', () => {
  it.each([
    // Across Tết Ất Tỵ 2025 (days off 25/01–02/02).
    ['Friday evening before Tết 2025', '2025-01-24T20:00:00+07:00', 5, '2025-02-07'],
    ['Thursday before Tết 2025', '2025-01-23T10:00:00+07:00', 5, '2025-02-06'],
    ['during Tết 2025', '2025-01-30T09:00:00+07:00', 5, '2025-02-07'],
    // Across Tết Bính Ngọ 2026 (days off 14/02–22/02).
    ['Friday before Tết 2026', '2026-02-13T16:45:00+07:00', 5, '2026-02-27'],
    ['Thursday before Tết 2026', '2026-02-12T08:00:00+07:00', 5, '2026-02-26'],
    // Make-up Saturdays count as working days.
    ['across the make-up Saturday 26/04/2025 and the 30/4–4/5 break', '2025-04-24T09:00:00+07:00', 5, '2025-05-05'],
    ['ending on the make-up Saturday 10/01/2026', '2026-01-08T09:00:00+07:00', 2, '2026-01-10'],
    ['ending on the make-up Saturday 04/05/2024', '2024-04-26T09:00:00+07:00', 3, '2024-05-04'],
    // Received on a weekend or a holiday: counting starts the next working day.
    ['received Saturday', '2025-03-08T10:00:00+07:00', 5, '2025-03-14'],
    ['received Sunday', '2025-03-09T10:00:00+07:00', 5, '2025-03-14'],
    ['received on Quốc khánh', '2025-09-02T10:00:00+07:00', 1, '2025-09-03'],
    ['received on Giỗ Tổ 2025', '2025-04-07T10:00:00+07:00', 5, '2025-04-14'],
    ['received on the swapped Friday 02/01/2026', '2026-01-02T10:00:00+07:00', 1, '2026-01-05'],
    // Late at night: the date is the Vietnamese one, not the UTC one.
    ['23:30 Vietnam on Thursday', '2025-03-13T23:30:00+07:00', 1, '2025-03-14'],
    ['17:30 UTC Thursday = 00:30 Friday in Vietnam', '2025-03-13T17:30:00Z', 1, '2025-03-17'],
    ['16:59 UTC Thursday = 23:59 Thursday in Vietnam', '2025-03-13T16:59:00Z', 1, '2025-03-14'],
    // Leap day 29/02/2024 is an ordinary Thursday.
    ['the day before 29/02/2024', '2024-02-28T09:00:00+07:00', 1, '2024-02-29'],
    ['across 29/02/2024', '2024-02-28T09:00:00+07:00', 2, '2024-03-01'],
    // Across the year end into the 4-day Tết Dương lịch 2026.
    ['31/12/2025', '2025-12-31T15:00:00+07:00', 2, '2026-01-06'],
    // Provisional year 2027 (Tết 06/02/2027, days off 04/02–10/02).
    ['before Tết 2027 (provisional)', '2027-02-03T10:00:00+07:00', 1, '2027-02-11'],
  ])('%s', (_label, receivedAt, n, due) => {
    expect(workingDayDeadline(receivedAt, n)).toBe(due);
  });

  it('rejects a non-positive or fractional number of days and a malformed receipt time', () => {
    expect(() => workingDayDeadline('2025-03-10T08:00:00+07:00', 0)).toThrow(/từ 1 ngày/);
    expect(() => workingDayDeadline('2025-03-10T08:00:00+07:00', 1.5)).toThrow(/số nguyên/);
    expect(() => workingDayDeadline('10/03/2025', 5)).toThrow(/ISO 8601/);
  });
});

describe('isLate', () => {
  const received = '2025-01-24T20:00:00+07:00'; // due 07/02/2025 for 5 working days
  it.each([
    ['completed on the last day, 23:59 in Vietnam', '2025-02-07T16:59:00Z', false],
    ['completed before Tết', '2025-01-24T21:00:00+07:00', false],
    ['completed at 00:00 Vietnam the next day', '2025-02-07T17:00:00Z', true],
    ['completed on the Saturday after a Friday deadline', '2025-02-08T09:00:00+07:00', true],
    ['completed the next Monday', '2025-02-10T08:00:00+07:00', true],
  ])('%s → late=%s', (_label, completedAt, late) => {
    expect(isLate(received, completedAt, 5)).toBe(late);
  });
});

describe('working days', () => {
  it.each([
    ['2025-04-26', true], // make-up Saturday
    ['2025-05-02', false], // swapped Friday
    ['2025-04-27', false],
    ['2026-04-27', false], // nghỉ bù Giỗ Tổ (Sunday 26/04/2026)
    ['2024-02-29', true],
    ['2026-08-22', true],
    ['2026-08-31', false],
  ])('isWorkingDay(%s) = %s', (date, working) => expect(isWorkingDay(date)).toBe(working));

  it('dayStatus names the entry behind the day', () => {
    expect(dayStatus('2025-04-26').makeUp?.name).toMatch(/Làm bù/);
    expect(dayStatus('2025-05-02').dayOff?.kind).toBe('swapped');
    expect(dayStatus('2025-01-29').dayOff?.name).toBe('Tết Âm lịch (mùng 1 tháng Giêng)');
    expect(dayStatus('2025-03-12')).toEqual({ date: '2025-03-12', working: true });
  });

  it('addWorkingDays forwards, backwards and zero', () => {
    expect(addWorkingDays('2025-01-25', 1)).toBe('2025-02-03');
    expect(addWorkingDays('2025-02-03', -1)).toBe('2025-01-24');
    expect(addWorkingDays('2025-04-28', -1)).toBe('2025-04-26');
    expect(addWorkingDays('2025-03-08', 0)).toBe('2025-03-08');
    expect(nextWorkingDay('2025-12-31')).toBe('2026-01-05');
  });

  it('workingDaysBetween counts after the first date up to and including the second', () => {
    expect(workingDaysBetween('2025-01-24', '2025-02-07')).toBe(5);
    expect(workingDaysBetween('2025-02-07', '2025-01-24')).toBe(-5);
    expect(workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(workingDaysBetween('2024-02-27', '2024-03-01')).toBe(3);
  });

  it.each([
    // Weekdays − weekday days off (holidays, nghỉ bù, swaps) + make-up Saturdays.
    [2024, 262 - 12 + 1],
    [2025, 261 - 12 + 1],
    [2026, 261 - 13 + 2],
  ])('%i has %i working days', (year, count) => {
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(count);
    expect(workingDaysIn(`${year}-01-01`, `${year}-12-31`)).toHaveLength(count);
  });
});

describe('independent of the machine time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });
  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])('TZ=%s gives the same answers', (tz) => {
    process.env.TZ = tz;
    expect(workingDayDeadline('2025-03-13T17:30:00Z', 1)).toBe('2025-03-17');
    expect(workingDayDeadline('2025-01-24T20:00:00+07:00', 5)).toBe('2025-02-07');
    expect(isLate('2025-01-24T20:00:00+07:00', '2025-02-07T16:59:00Z', 5)).toBe(false);
  });
});
