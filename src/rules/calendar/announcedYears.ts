/**
 * The announced holiday schedules shipped in `data/holidays/`, imported statically so this module
 * needs no file system and works in the browser bundle too. To add a year: write
 * `data/holidays/YYYY.json` (see holidaySchema.ts) and add one import and one array entry below.
 */
import y2024 from '../../../data/holidays/2024.json' with { type: 'json' };
import y2025 from '../../../data/holidays/2025.json' with { type: 'json' };
import y2026 from '../../../data/holidays/2026.json' with { type: 'json' };

import { parseHolidayYear, type HolidayYear } from './holidaySchema.ts';

const FILES: ReadonlyArray<readonly [string, unknown]> = [
  ['data/holidays/2024.json', y2024],
  ['data/holidays/2025.json', y2025],
  ['data/holidays/2026.json', y2026],
];

let parsed: ReadonlyMap<number, HolidayYear> | undefined;

/** Every announced year, validated on first use (throws a Vietnamese error naming the bad file). */
export function announcedYears(): ReadonlyMap<number, HolidayYear> {
  if (parsed) return parsed;
  const map = new Map<number, HolidayYear>();
  for (const [file, json] of FILES) {
    const year = parseHolidayYear(json, file);
    if (!file.endsWith(`/${year.year}.json`)) throw new Error(`Tệp ${file} khai báo năm ${year.year}, khác tên tệp.`);
    map.set(year.year, year);
  }
  parsed = map;
  return map;
}
