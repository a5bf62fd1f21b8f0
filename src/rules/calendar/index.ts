/**
 * The working-day calendar of Vietnam (public API). Pure and browser-safe: the announced holiday
 * files are imported statically, the lunar calendar is computed.
 */
export { addDays, isIsoDate, vietnamDateOf, weekdayOf } from './civilDate.ts';
export { canChiOfYear, leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar, tetDate, type LunarDate } from './lunar.ts';
export type { DayOff, DayOffKind, HolidayYear, MakeUpWorkday, SourceDocument } from './holidaySchema.ts';
export { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR, statutoryHolidays } from './provisionalYear.ts';
export { calendarYear, calendarYearInfo, type CalendarYear, type CalendarYearInfo } from './calendarYear.ts';
export {
  addWorkingDays,
  dayStatus,
  isLate,
  isWorkingDay,
  nextWorkingDay,
  workingDayDeadline,
  workingDaysBetween,
  workingDaysIn,
  type DayStatus,
} from './workingDays.ts';
