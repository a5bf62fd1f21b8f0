import { describe, expect, it } from 'vitest';
import { exportFolders } from '../../src/generate/exportFolders.ts';

const summary = (until: string, nights: number, months: number) =>
  exportFolders(until, nights, months).map((f) => `${f.nightly ? 'N' : 'M'} ${f.date} ${f.days[0]}..${f.days.at(-1)} (${f.days.length})`);

describe('exportFolders', () => {
  it.each([
    // nights only: one folder a night, ending on `until`
    ['2026-11-20', 3, 0, ['N 2026-11-18 2026-11-18..2026-11-18 (1)', 'N 2026-11-19 2026-11-19..2026-11-19 (1)', 'N 2026-11-20 2026-11-20..2026-11-20 (1)']],
    // the month of the first night (1–20 October) is the last month folder; then whole calendar months before it
    ['2026-11-20', 31, 2, ['M 2026-09-30 2026-09-01..2026-09-30 (30)', 'M 2026-10-20 2026-10-01..2026-10-20 (20)']],
    // a first night on the 1st: the months before it are all whole
    ['2026-03-02', 2, 2, ['M 2026-01-31 2026-01-01..2026-01-31 (31)', 'M 2026-02-28 2026-02-01..2026-02-28 (28)']],
    // across the new year, leap February
    ['2024-03-01', 1, 3, ['M 2023-12-31 2023-12-01..2023-12-31 (31)', 'M 2024-01-31 2024-01-01..2024-01-31 (31)', 'M 2024-02-29 2024-02-01..2024-02-29 (29)']],
  ] as const)('until %s, %d nights, %d months', (until, nights, months, expected) => {
    expect(summary(until, nights, months).slice(0, months || undefined)).toEqual(expected);
  });

  it('covers every day once, in order, for the default demo set (12 months and 31 nights)', () => {
    const folders = exportFolders('2026-11-20', 31, 12);
    expect(folders).toHaveLength(43);
    const days = folders.flatMap((f) => f.days);
    expect(days[0]).toBe('2025-11-01');
    expect(days.at(-1)).toBe('2026-11-20');
    for (let i = 1; i < days.length; i++) expect(Date.parse(days[i]!) - Date.parse(days[i - 1]!), days[i]).toBe(86_400_000);
    // every folder is named after its last day, and folder names ascend (the order ingest loads them in)
    for (const f of folders) expect(f.date).toBe(f.days.at(-1));
    expect(folders.map((f) => f.date)).toEqual(folders.map((f) => f.date).sort());
    expect(folders.filter((f) => f.nightly)).toHaveLength(31);
  });
});
