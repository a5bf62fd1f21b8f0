import { describe, expect, it } from 'vitest';

import { addDays } from '../../src/rules/calendar/civilDate.ts';
import {
  canChiOfYear,
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
  tetDate,
} from '../../src/rules/calendar/lunar.ts';

/**
 * Tết Nguyên đán (lunar 1/1) in Vietnam, 1990–2050. Checked three ways: the hand-known dates below;
 * every new moon recomputed with the full periodic series of Meeus, Astronomical Algorithms ch. 49,
 * falling on this date at UTC+7; and ICU's Chinese calendar (UTC+8), which agrees in every year but
 * 2007 (a real difference: new moon 23:14 in Hà Nội, 00:14 in Beijing) and 2027 (new moon 23:56
 * Beijing time, past ICU's precision). 2030 is 02/02 in Vietnam: the new moon is at 23:07 UTC+7,
 * 00:07 UTC+8 — 03/02/2030 is the Chinese date.
 */
const TET: ReadonlyArray<readonly [number, string]> = [
  [1990, '1990-01-27'], [1991, '1991-02-15'], [1992, '1992-02-04'], [1993, '1993-01-23'], [1994, '1994-02-10'],
  [1995, '1995-01-31'], [1996, '1996-02-19'], [1997, '1997-02-07'], [1998, '1998-01-28'], [1999, '1999-02-16'],
  [2000, '2000-02-05'], [2001, '2001-01-24'], [2002, '2002-02-12'], [2003, '2003-02-01'], [2004, '2004-01-22'],
  [2005, '2005-02-09'], [2006, '2006-01-29'], [2007, '2007-02-17'], [2008, '2008-02-07'], [2009, '2009-01-26'],
  [2010, '2010-02-14'], [2011, '2011-02-03'], [2012, '2012-01-23'], [2013, '2013-02-10'], [2014, '2014-01-31'],
  [2015, '2015-02-19'], [2016, '2016-02-08'], [2017, '2017-01-28'], [2018, '2018-02-16'], [2019, '2019-02-05'],
  [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'], [2024, '2024-02-10'],
  [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'], [2028, '2028-01-26'], [2029, '2029-02-13'],
  [2030, '2030-02-02'], [2031, '2031-01-23'], [2032, '2032-02-11'], [2033, '2033-01-31'], [2034, '2034-02-19'],
  [2035, '2035-02-08'], [2036, '2036-01-28'], [2037, '2037-02-15'], [2038, '2038-02-04'], [2039, '2039-01-24'],
  [2040, '2040-02-12'], [2041, '2041-02-01'], [2042, '2042-01-22'], [2043, '2043-02-10'], [2044, '2044-01-30'],
  [2045, '2045-02-17'], [2046, '2046-02-06'], [2047, '2047-01-26'], [2048, '2048-02-14'], [2049, '2049-02-02'],
  [2050, '2050-01-23'],
];

describe('Tết Nguyên đán 1990–2050', () => {
  it('covers every year', () => expect(TET.map(([y]) => y)).toEqual(Array.from({ length: 61 }, (_, i) => 1990 + i)));
  it.each(TET)('%i → %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
    expect(solarToLunar(addDays(date, -1)).month).toBe(12);
  });
  it.each([
    [2019, '2019-02-05'], [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'],
    [2024, '2024-02-10'], [2025, '2025-01-29'], [2026, '2026-02-17'], [1990, '1990-01-27'], [2050, '2050-01-23'],
  ])('hand-known Tết %i = %s', (year, date) => expect(tetDate(year)).toBe(date));
});

describe('lunar ↔ solar', () => {
  it.each([
    // Giỗ Tổ Hùng Vương, 10/3 âm lịch.
    ['2020-04-02', 2020, 3, 10, false],
    ['2021-04-21', 2021, 3, 10, false],
    ['2022-04-10', 2022, 3, 10, false],
    ['2023-04-29', 2023, 3, 10, false],
    ['2024-04-18', 2024, 3, 10, false],
    ['2025-04-07', 2025, 3, 10, false],
    ['2026-04-26', 2026, 3, 10, false],
    // Tết Trung thu, 15/8 âm lịch.
    ['2024-09-17', 2024, 8, 15, false],
    ['2025-10-06', 2025, 8, 15, false],
    // Last days of the year: Quý Mão had a 30 tháng Chạp, Giáp Thìn did not.
    ['2024-02-09', 2023, 12, 30, false],
    ['2025-01-28', 2024, 12, 29, false],
    ['2026-02-16', 2025, 12, 29, false],
    // First days of leap months.
    ['2020-05-23', 2020, 4, 1, true],
    ['2023-03-22', 2023, 2, 1, true],
    ['2025-07-25', 2025, 6, 1, true],
    ['2025-06-25', 2025, 6, 1, false],
    ['2025-08-23', 2025, 7, 1, false],
  ] as const)('%s = %i/%i/%i leap=%s', (iso, year, month, day, leap) => {
    expect(solarToLunar(iso)).toEqual({ year, month: month, day, leap });
    expect(lunarToSolar({ year, month, day, leap })).toBe(iso);
  });

  it('round-trips every day of 1990–2050 and steps one lunar day at a time', () => {
    let prev = solarToLunar('1989-12-31');
    const failures: string[] = [];
    for (let d = '1990-01-01'; d <= '2050-12-31'; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      if (lunarToSolar(l) !== d) failures.push(`${d} round trip`);
      const continues = l.day === prev.day + 1 && l.month === prev.month && l.leap === prev.leap;
      const newMonth = l.day === 1 && (prev.day === 29 || prev.day === 30);
      if (!continues && !newMonth) failures.push(`${d} after ${JSON.stringify(prev)}`);
      prev = l;
    }
    expect(failures).toEqual([]);
  });

  it('rejects dates that do not exist', () => {
    expect(() => lunarToSolar({ year: 2024, month: 12, day: 30, leap: false })).toThrow(/chỉ có 29 ngày/);
    expect(() => lunarToSolar({ year: 2024, month: 4, day: 1, leap: true })).toThrow(/không có tháng 4 nhuận/);
    expect(() => lunarToSolar({ year: 2025, month: 13, day: 1, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2025, month: 1, day: 0, leap: false })).toThrow(RangeError);
  });

  it('month lengths', () => {
    expect(lunarMonthLength(2023, 12)).toBe(30);
    expect(lunarMonthLength(2024, 12)).toBe(29);
    expect(lunarMonthLength(2025, 6, true)).toBe(29);
    expect(() => lunarMonthLength(2026, 6, true)).toThrow(RangeError);
  });
});

describe('leap months', () => {
  it.each([
    [2012, 4], [2014, 9], [2017, 6], [2020, 4], [2023, 2], [2025, 6], [2028, 5], [2033, 11],
    [2021, null], [2022, null], [2024, null], [2026, null],
  ] as const)('%i → %s', (year, month) => expect(leapMonthOf(year)).toBe(month));

  it('a leap year has 13 months: 383–385 days from Tết to Tết, otherwise 353–355', () => {
    for (let year = 1990; year <= 2050; year += 1) {
      const days = Math.round((Date.parse(tetDate(year + 1)) - Date.parse(tetDate(year))) / 86_400_000);
      const expected = leapMonthOf(year) === null ? [353, 354, 355] : [383, 384, 385];
      expect(expected, `${year}: ${days} ngày`).toContain(days);
    }
  });
});

describe('canChiOfYear', () => {
  it.each([
    [2023, 'Quý Mão'], [2024, 'Giáp Thìn'], [2025, 'Ất Tỵ'], [2026, 'Bính Ngọ'], [1990, 'Canh Ngọ'], [2000, 'Canh Thìn'],
  ] as const)('%i → %s', (year, name) => expect(canChiOfYear(year)).toBe(name));
});
