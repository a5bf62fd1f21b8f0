import { announcedYears } from './announcedYears.ts';
import type { DayOff, HolidayYear, MakeUpWorkday, SourceDocument } from './holidaySchema.ts';
import { provisionalYear } from './provisionalYear.ts';

/** One year of the working-day calendar, indexed for lookups. */
export interface CalendarYear {
  year: number;
  /** True when no announced schedule is held and the days off were computed (provisionalYear.ts). */
  provisional: boolean;
  documents: SourceDocument[];
  daysOff: ReadonlyMap<string, DayOff>;
  makeUpWorkdays: ReadonlyMap<string, MakeUpWorkday>;
  note?: string;
}

const cache = new Map<number, CalendarYear>();

function index(source: HolidayYear, provisional: boolean): CalendarYear {
  return {
    year: source.year,
    provisional,
    documents: source.documents,
    daysOff: new Map(source.daysOff.map((d) => [d.date, d])),
    makeUpWorkdays: new Map(source.makeUpWorkdays.map((d) => [d.date, d])),
    ...(source.note === undefined ? {} : { note: source.note }),
  };
}

/**
 * The calendar of `year`: the announced schedule from `data/holidays/YYYY.json` when we hold one
 * (complete for that year: holidays, nghỉ bù, hoán đổi and make-up Saturdays), otherwise the
 * provisional one computed from the Labour Code. Throws a RangeError outside 2014–2100.
 */
export function calendarYear(year: number): CalendarYear {
  const hit = cache.get(year);
  if (hit) return hit;
  const announced = announcedYears().get(year);
  const built = announced ? index(announced, false) : index(provisionalYear(year), true);
  cache.set(year, built);
  return built;
}

/** What a report says about a year's calendar: whether it is provisional and which documents it rests on. */
export interface CalendarYearInfo {
  year: number;
  provisional: boolean;
  /** Full Vietnamese titles of the documents (with their caveats, if any). */
  sources: string[];
  note?: string;
}

/** Provenance of `year`'s calendar, for the footnotes of reports that count working days. */
export function calendarYearInfo(year: number): CalendarYearInfo {
  const y = calendarYear(year);
  return {
    year,
    provisional: y.provisional,
    sources: y.documents.map((d) => (d.caveat ? `${d.title} (lưu ý: ${d.caveat})` : d.title)),
    ...(y.note === undefined ? {} : { note: y.note }),
  };
}
