/**
 * Which export folders a generated set has and which days each covers. The last `nights` days are one folder per
 * night, as the nightly job receives them (SPEC §3); before them come `months` folders of back-filled history, one per
 * calendar month, named after the last day they cover: the province loading its archives of the year before the
 * nightly job started. A month folder holds that month's logins, requests, incidents and one mail log per day, and
 * the mailbox registry as it stood on its last day, which is the day scores observe a month (rules/compliance/samples.ts).
 * Pure.
 */
import { addDays } from './time.ts';

export interface ExportFolder {
  /** Folder name: the last day it covers (YYYY-MM-DD). */
  date: string;
  /** Every day it covers, ascending; one for a nightly folder. */
  days: string[];
  nightly: boolean;
}

/** First day of the month of `date`. */
const monthStart = (date: string) => `${date.slice(0, 8)}01`;

/** The folders, oldest first: `months` month folders, then `nights` nightly ones ending on `until`. */
export function exportFolders(until: string, nights: number, months: number): ExportFolder[] {
  const firstNight = addDays(until, 1 - nights);
  const history: ExportFolder[] = [];
  // The month of the first night counts as one of the months when it starts before that night.
  let end = addDays(firstNight, -1);
  for (let i = 0; i < months; i++) {
    const start = monthStart(end);
    const days: string[] = [];
    for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
    history.unshift({ date: end, days, nightly: false });
    end = addDays(start, -1);
  }
  const nightly = Array.from({ length: nights }, (_, i) => addDays(firstNight, i)).map((d) => ({ date: d, days: [d], nightly: true }));
  return [...history, ...nightly];
}
