import { addDays, weekdayOf } from './civilDate.ts';
import type { DayOff, HolidayYear, SourceDocument } from './holidaySchema.ts';
import { lunarToSolar, solarToLunar, tetDate } from './lunar.ts';

/**
 * Public holidays of a year computed from the Labour Code, for years whose announced schedule we do
 * not hold (`data/holidays/YYYY.json` missing). The result is marked provisional.
 *
 * - From 2021, Bộ luật Lao động 2019 (45/2019/QH14) Điều 112 khoản 1: 1/1; Tết Âm lịch 5 ngày;
 *   Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4; 1/5; Quốc khánh 2/9 và 01 ngày liền kề trước hoặc sau.
 *   Before 2021, Bộ luật Lao động 2012 (10/2012/QH13) Điều 115 khoản 1: the same but 2/9 alone.
 * - Nghỉ bù: a holiday on Saturday or Sunday moves to the next working day (BLLĐ 2019 Điều 111 khoản 3;
 *   BLLĐ 2012 Điều 115 khoản 3).
 * - Which 5 days make Tết and which day sits next to 2/9 is decided each year by the Prime Minister
 *   (BLLĐ 2019 Điều 112 khoản 3). Our stand-in reproduces every announced schedule of 2020–2026
 *   except the hoán đổi swaps: Tết = the last two days of the lunar year (28–29 or 29–30 tháng Chạp)
 *   and mùng 1–3, with nghỉ bù for those on a weekend; the day next to 2/9 is the one that joins a
 *   weekend (3/9 when 2/9 is a Sunday, Monday or Thursday, otherwise 1/9). Make-up Saturdays (hoán
 *   đổi) are never guessed.
 */

/** First and last years the calendar covers: BLLĐ 2012 (in force 01/05/2013) to the lunar algorithm's comfort zone. */
export const FIRST_CALENDAR_YEAR = 2014;
export const LAST_CALENDAR_YEAR = 2100;

const LABOUR_CODE_2019: SourceDocument = {
  id: 'BLLD-2019',
  title:
    'Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1 (ngày nghỉ lễ, tết), Điều 111 khoản 3 (nghỉ bù khi trùng ngày nghỉ hằng tuần)',
};
const LABOUR_CODE_2012: SourceDocument = {
  id: 'BLLD-2012',
  title: 'Bộ luật Lao động số 10/2012/QH13, Điều 115 khoản 1 (ngày nghỉ lễ, tết) và khoản 3 (nghỉ bù)',
};
const PROVISIONAL_RULE: SourceDocument = {
  id: 'TAM-TINH',
  title:
    'Quy tắc tạm tính của Thư công vụ: Tết gồm hai ngày cuối năm âm lịch và mùng 1–3 (nghỉ bù nếu trùng thứ Bảy, Chủ nhật); ngày liền kề Quốc khánh là ngày nối với cuối tuần; không có hoán đổi, làm bù',
  caveat: 'Chưa có thông báo lịch nghỉ của Chính phủ cho năm này; lịch thực tế có thể khác.',
};

/** 0 = Sunday … 6 = Saturday → the day next to 2/9 (derived from the 2021–2026 announcements). */
const NATIONAL_DAY_NEIGHBOUR: Record<number, '01' | '03'> = { 0: '03', 1: '03', 2: '01', 3: '01', 4: '03', 5: '01', 6: '01' };

interface Holiday {
  date: string;
  name: string;
}

function lunarNewYearDays(year: number): Holiday[] {
  const tet = tetDate(year);
  const days: Holiday[] = [-2, -1].map((offset) => {
    const date = addDays(tet, offset);
    return { date, name: `Tết Âm lịch (${solarToLunar(date).day} tháng Chạp)` };
  });
  for (let i = 0; i < 3; i += 1) days.push({ date: addDays(tet, i), name: `Tết Âm lịch (mùng ${i + 1} tháng Giêng)` });
  return days;
}

/** The statutory holidays of `year` (before any nghỉ bù), in date order. */
export function statutoryHolidays(year: number): Holiday[] {
  const y = String(year);
  const days: Holiday[] = [
    { date: `${y}-01-01`, name: 'Tết Dương lịch' },
    ...lunarNewYearDays(year),
    // Giỗ Tổ is 10/3 of the ordinary third month, also in years with a leap third month.
    { date: lunarToSolar({ year, month: 3, day: 10, leap: false }), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: `${y}-04-30`, name: 'Ngày Chiến thắng' },
    { date: `${y}-05-01`, name: 'Ngày Quốc tế lao động' },
    { date: `${y}-09-02`, name: 'Quốc khánh' },
  ];
  if (year >= 2021) {
    const neighbour = NATIONAL_DAY_NEIGHBOUR[weekdayOf(`${y}-09-02`)]!;
    days.push({ date: `${y}-09-${neighbour}`, name: 'Quốc khánh (ngày liền kề)' });
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function isWeekend(date: string): boolean {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6;
}

/**
 * The provisional calendar of `year`: statutory holidays plus nghỉ bù, no make-up Saturdays.
 * A holiday that falls on a weekend, or on a day already off for another holiday, earns one
 * compensatory day: the next Monday–Friday that is not already a day off.
 */
export function provisionalYear(year: number): HolidayYear {
  if (!Number.isInteger(year) || year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
    throw new RangeError(`lịch ngày làm việc chỉ tính cho các năm ${FIRST_CALENDAR_YEAR}–${LAST_CALENDAR_YEAR} (nhận ${year})`);
  }
  const code = year >= 2021 ? LABOUR_CODE_2019 : LABOUR_CODE_2012;
  const holidays = statutoryHolidays(year);
  const holidayDates = new Set(holidays.map((h) => h.date));
  const taken = new Set<string>();
  const daysOff: DayOff[] = [];
  for (const h of holidays) {
    const displaced = isWeekend(h.date) || taken.has(h.date);
    if (!taken.has(h.date)) {
      taken.add(h.date);
      daysOff.push({ date: h.date, kind: 'holiday', name: h.name, source: code.id });
    }
    if (!displaced) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || holidayDates.has(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    daysOff.push({ date: d, kind: 'compensatory', name: `Nghỉ bù ${h.name}`, source: code.id });
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, documents: [code, PROVISIONAL_RULE], daysOff, makeUpWorkdays: [], note: PROVISIONAL_RULE.caveat };
}
