import { describe, expect, it } from 'vitest';

import { announcedYears } from '../../src/rules/calendar/announcedYears.ts';
import { calendarYear, calendarYearInfo } from '../../src/rules/calendar/calendarYear.ts';
import { weekdayOf } from '../../src/rules/calendar/civilDate.ts';
import { parseHolidayYear } from '../../src/rules/calendar/holidaySchema.ts';
import { provisionalYear, statutoryHolidays } from '../../src/rules/calendar/provisionalYear.ts';

const weekdaysOff = (days: Iterable<{ date: string; kind: string }>, withSwaps: boolean) =>
  [...days]
    .filter((d) => weekdayOf(d.date) !== 0 && weekdayOf(d.date) !== 6 && (withSwaps || d.kind !== 'swapped'))
    .map((d) => d.date)
    .sort();

describe('announced years (data/holidays)', () => {
  it('ships 2024, 2025 and 2026 and each parses', () => {
    expect([...announcedYears().keys()]).toEqual([2024, 2025, 2026]);
  });

  it.each([2024, 2025, 2026])('%i contains every statutory holiday of BLLĐ 2019 Điều 112 khoản 1', (year) => {
    const file = announcedYears().get(year)!;
    const holidays = new Set(file.daysOff.filter((d) => d.kind === 'holiday').map((d) => d.date));
    const fixed = [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`];
    const lunar = statutoryHolidays(year).filter((h) => /Giỗ Tổ|mùng/.test(h.name)).map((h) => h.date);
    for (const date of [...fixed, ...lunar]) expect(holidays, date).toContain(date);
    // Tết Âm lịch 5 ngày, Quốc khánh 2 ngày: 11 statutory days in all.
    expect(holidays.size).toBe(11);
  });

  it.each([2024, 2025, 2026])('%i swaps balance: one make-up Saturday per swapped weekday', (year) => {
    const file = announcedYears().get(year)!;
    expect(file.daysOff.filter((d) => d.kind === 'swapped').length).toBe(file.makeUpWorkdays.length);
  });

  it('matches the announced breaks (Tết 2025: 25/1–2/2; Tết 2026: 14/2–22/2; 2/9/2025 with 1/9)', () => {
    const off = (y: number) => weekdaysOff(calendarYear(y).daysOff.values(), true);
    expect(off(2024)).toEqual([
      '2024-01-01', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14',
      '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03',
    ]);
    expect(off(2025)).toEqual([
      '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02',
    ]);
    expect(off(2026)).toEqual([
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02',
    ]);
    expect([...calendarYear(2024).makeUpWorkdays.keys()]).toEqual(['2024-05-04']);
    expect([...calendarYear(2025).makeUpWorkdays.keys()]).toEqual(['2025-04-26']);
    expect([...calendarYear(2026).makeUpWorkdays.keys()]).toEqual(['2026-01-10', '2026-08-22']);
  });

  it('names the announcing documents and says the year is not provisional', () => {
    const info = calendarYearInfo(2026);
    expect(info.provisional).toBe(false);
    expect(info.sources.join('\n')).toMatch(/9441\/TB-BNV ngày 16\/10\/2025/);
    expect(calendarYearInfo(2024).sources.join('\n')).toMatch(/5015\/TB-LĐTBXH/);
    expect(calendarYearInfo(2025).sources.join('\n')).toMatch(/8726\/VPCP-KGVX/);
  });
});

describe('schema', () => {
  const base = {
    year: 2030,
    documents: [{ id: 'X', title: 'Văn bản X' }],
    daysOff: [{ date: '2030-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: 'X' }],
    makeUpWorkdays: [],
  };
  it('accepts a well-formed year', () => expect(parseHolidayYear(base, 't.json').year).toBe(2030));
  it.each([
    ['a date of another year', { daysOff: [{ ...base.daysOff[0], date: '2031-01-01' }] }, /không thuộc năm 2030/],
    ['an unknown document', { daysOff: [{ ...base.daysOff[0], source: 'Y' }] }, /không có trong documents/],
    ['a make-up day that is not a Saturday', { makeUpWorkdays: [{ date: '2030-01-07', name: 'x', source: 'X' }] }, /thứ Bảy/],
    ['a swapped Sunday', { daysOff: [{ date: '2030-01-06', kind: 'swapped', name: 'x', source: 'X' }] }, /thứ Hai–thứ Sáu/],
    ['a duplicated date', { daysOff: [base.daysOff[0], base.daysOff[0]] }, /hai lần/],
    ['an impossible date', { daysOff: [{ ...base.daysOff[0], date: '2030-02-29' }] }, /có thật/],
  ])('rejects %s', (_label, patch, message) => {
    expect(() => parseHolidayYear({ ...base, ...patch }, 't.json')).toThrow(message);
  });
});

describe('provisional years (no announced file)', () => {
  it.each([
    // The announced schedules of 2020–2023 (weekdays off), reproduced by the stand-in rule.
    [2020, ['2020-01-01', '2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29', '2020-04-02', '2020-04-30', '2020-05-01', '2020-09-02']],
    [2021, ['2021-01-01', '2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16', '2021-04-21', '2021-04-30', '2021-05-03', '2021-09-02', '2021-09-03']],
    [2022, ['2022-01-03', '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-04-11', '2022-05-02', '2022-05-03', '2022-09-01', '2022-09-02']],
    [2023, ['2023-01-02', '2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-05-01', '2023-05-02', '2023-05-03', '2023-09-01', '2023-09-04']],
  ] as const)('%i reproduces the announced days off', (year, expected) => {
    expect(calendarYear(year).provisional).toBe(true);
    expect(weekdaysOff(calendarYear(year).daysOff.values(), false)).toEqual(expected);
  });

  it.each([2024, 2025, 2026])('%i computed equals the announced file once swaps are set aside', (year) => {
    const announced = weekdaysOff(announcedYears().get(year)!.daysOff, false);
    expect(weekdaysOff(provisionalYear(year).daysOff, false)).toEqual(announced);
  });

  it('2027: Tết 06/02 with nghỉ bù; 2/9 Thursday joined by 3/9; no make-up Saturdays', () => {
    const y = calendarYear(2027);
    expect(weekdaysOff(y.daysOff.values(), false)).toEqual([
      '2027-01-01', '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10',
      '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-02', '2027-09-03',
    ]);
    expect(y.makeUpWorkdays.size).toBe(0);
    const info = calendarYearInfo(2027);
    expect(info.provisional).toBe(true);
    expect(info.sources.join('\n')).toMatch(/45\/2019\/QH14, Điều 112 khoản 1/);
    expect(info.note).toMatch(/Chưa có thông báo/);
  });

  it('before 2021 Quốc khánh is one day (BLLĐ 2012 Điều 115)', () => {
    expect(statutoryHolidays(2019).filter((h) => h.name.startsWith('Quốc khánh'))).toHaveLength(1);
    expect(calendarYearInfo(2019).sources[0]).toMatch(/10\/2012\/QH13/);
  });

  it('every year 2014–2100 has 10 (before 2021) or 11 statutory holidays, each with its nghỉ bù on a weekday', () => {
    for (let year = 2014; year <= 2100; year += 1) {
      const y = provisionalYear(year);
      const holidays = y.daysOff.filter((d) => d.kind === 'holiday');
      expect(holidays.length, String(year)).toBe(year >= 2021 ? 11 : 10);
      const weekend = holidays.filter((d) => weekdayOf(d.date) === 0 || weekdayOf(d.date) === 6).length;
      expect(y.daysOff.filter((d) => d.kind === 'compensatory').length, String(year)).toBe(weekend);
    }
  });

  it('refuses years outside 2014–2100', () => {
    expect(() => calendarYear(2013)).toThrow(/2014–2100/);
    expect(() => calendarYear(2101)).toThrow(/2014–2100/);
  });
});
