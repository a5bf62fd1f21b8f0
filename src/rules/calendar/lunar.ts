/**
 * The Vietnamese lunisolar calendar (âm lịch), computed with Hồ Ngọc Đức's published algorithm
 * ("Âm lịch Việt Nam", astronomical new moons and solar terms after Jean Meeus) at time zone UTC+7.
 * UTC+7 is what makes Vietnamese dates differ from the Chinese calendar (UTC+8) in some years,
 * e.g. Tết 2007 fell on 17/02 in Vietnam and 18/02 in China.
 *
 * Rules: a lunar month starts on the local day of a new moon; month 11 contains the winter solstice;
 * in a year with 13 months, the first month after month 11 that contains no major solar term
 * (trung khí) is the leap month and repeats the number of the month before it.
 * Accurate for 1800–2199; the product only asks for 2014–2100.
 */
import { fromJdn, toJdn } from './civilDate.ts';
import { UTC_OFFSET_MINUTES } from '../../text/time.ts';

/** A date of the lunar calendar. `year` is the lunar year that starts at Tết (month 1, day 1). */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** True for the repeated (nhuận) month. */
  leap: boolean;
}

/** Hồ Ngọc Đức's algorithm takes the zone in hours: Vietnam's lunar calendar is reckoned at UTC+7. */
const TIME_ZONE = UTC_OFFSET_MINUTES / 60;
const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian date (fractional) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** Apparent solar longitude in radians, normalised to [0, 2π). */
function sunLongitude(jdn: number): number {
  const t = (jdn - 2451545.0) / 36525;
  const t2 = t * t;
  const dr = Math.PI / 180;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
  dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.00029 * Math.sin(dr * 3 * m);
  const l = (l0 + dl) * dr;
  return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
}

/** Which of the 12 major solar terms (0–11, by 30° sectors) is in force at local midnight of `dayNumber`. */
function solarSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** JDN of the local day on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** JDN of the first day of lunar month 11 (the month of the winter solstice) of Gregorian year `year`. */
function lunarMonth11(year: number): number {
  const off = toJdn(`${String(year).padStart(4, '0')}-12-31`) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return solarSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Offset (in months after month 11 starting at `a11`) of the leap month of a 13-month lunar year. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = solarSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = solarSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** Converts a Gregorian date (`YYYY-MM-DD`, a Vietnamese calendar day) to its lunar date. */
export function solarToLunar(iso: string): LunarDate {
  const dayNumber = toJdn(iso);
  const yy = Number(iso.slice(0, 4));
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { year, month, day, leap };
}

/** JDN of day 1 of a lunar month, or null when that (leap) month does not exist in that year. */
function lunarMonthStart(year: number, month: number, leap: boolean): number | null {
  const [a11, b11] = month < 11 ? [lunarMonth11(year - 1), lunarMonth11(year)] : [lunarMonth11(year), lunarMonth11(year + 1)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return newMoonDay(k + off);
}

/** Number of days (29 or 30) in a lunar month; throws when the month does not exist. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const start = lunarMonthStart(year, month, leap);
  if (start === null) throw new RangeError(`năm âm lịch ${year} không có tháng ${month} nhuận`);
  const next = solarToLunar(fromJdn(start + 29));
  return next.day === 1 ? 29 : 30;
}

/**
 * Converts a lunar date to its Gregorian date (`YYYY-MM-DD`). Throws a RangeError (Vietnamese message)
 * for a date that does not exist: a leap month the year does not have, or day 30 of a 29-day month.
 */
export function lunarToSolar(date: LunarDate): string {
  const { year, month, day, leap } = date;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`ngày âm lịch ${day}/${month}/${year} không hợp lệ`);
  }
  const start = lunarMonthStart(year, month, leap);
  if (start === null) throw new RangeError(`năm âm lịch ${year} không có tháng ${month} nhuận`);
  if (day === 30 && lunarMonthLength(year, month, leap) === 29) {
    throw new RangeError(`tháng ${month}${leap ? ' nhuận' : ''} năm âm lịch ${year} chỉ có 29 ngày`);
  }
  return fromJdn(start + day - 1);
}

/** The leap month (1–12) of lunar year `year`, or null in a 12-month year. */
export function leapMonthOf(year: number): number | null {
  // The leap month always lies between month 1 and month 11 of the lunar year, i.e. after Tết.
  const start = toJdn(tetDate(year));
  const end = toJdn(tetDate(year + 1));
  for (let jdn = start; jdn < end; jdn += 29) {
    const d = solarToLunar(fromJdn(jdn));
    if (d.leap) return d.month;
  }
  return null;
}

/** Gregorian date of Tết Nguyên đán (lunar 1/1) of lunar year `year`. */
export function tetDate(year: number): string {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}

const CAN = ['Canh', 'Tân', 'Nhâm', 'Quý', 'Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ'] as const;
const CHI = ['Thân', 'Dậu', 'Tuất', 'Hợi', 'Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi'] as const;

/** Vietnamese sexagenary name of a lunar year: 2025 → "Ất Tỵ", 2026 → "Bính Ngọ". */
export function canChiOfYear(year: number): string {
  return `${CAN[((year % 10) + 10) % 10]} ${CHI[((year % 12) + 12) % 12]}`;
}
