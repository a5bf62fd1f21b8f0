/**
 * Generated nights (src/generate) → warehouse: the generator's clean output must load with nothing quarantined,
 * row for row, the first night from the Zimbra dump and later ones from mailboxes.csv, and the profile recognised
 * from the mailbox domain.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSink } from '../../src/generate/fileSink.ts';
import { earliestUntil, generateExports, type GenerateSummary } from '../../src/generate/generateExports.ts';
import type { PolicyId } from '../../src/rules/policy/schema.ts';
import { findNights } from '../../src/warehouse/ingest/exportFolder.ts';
import { ingestNight, type NightResult } from '../../src/warehouse/ingest/ingestNight.ts';
import { isWorkday } from '../../src/generate/workdays.ts';
import { dumpWarehouse, query, tempDir } from '../fixtures/warehouseSupport.ts';

function generate(profile: PolicyId, days: number, months = 0): { dir: string; summary: GenerateSummary } {
  const dir = join(tempDir('tcv-generated-'), 'exports');
  const summary = generateExports(
    { profile, outDir: dir, seed: 11, mailboxes: 300, days, months, until: [earliestUntil(profile), '2026-11-20'].sort().at(-1)!, mailVolume: 0.01 },
    { mkdir: (p) => mkdirSync(p, { recursive: true }), open: (p) => new FileSink(p), progress: () => {} },
  );
  return { dir, summary };
}

async function ingestAll(dir: string, db: string): Promise<NightResult[]> {
  const results: NightResult[] = [];
  for (const night of findNights(dir)) results.push(await ingestNight(night, db, { now: () => new Date('2026-11-21T02:00:00+07:00') }));
  return results;
}

describe('generated nights load cleanly', () => {
  it.each([
    ['soctrang-2024', 3],
    ['sonla-2025', 1],
  ] as const)('%s, %d night(s)', async (profile, days) => {
    const { dir, summary } = generate(profile, days);
    const db = join(dir, '..', 'w.duckdb');
    const results = await ingestAll(dir, db);
    expect(await query(db, 'SELECT file, line, column_name, reason FROM quarantine')).toEqual([]);
    results.forEach((r, i) => {
      const written = summary.nights[i]!.rows;
      expect(r.rowsQuarantined).toBe(0);
      expect(r.policy?.id).toBe(profile);
      expect(r.rowsLoaded.agencies).toBe(written['agencies.csv']);
      expect(r.rowsLoaded.mailboxes).toBe(written['mailboxes.csv'] ?? written['zimbra-accounts.txt']);
      expect(r.rowsLoaded.logins).toBe(written['logins.csv']);
      expect(r.rowsLoaded.requests).toBe(written['requests.csv']);
      expect(r.warnings.filter((w) => !w.startsWith('chưa hỗ trợ nạp nhật ký thư'))).toEqual([]);
    });
    const last = summary.nights.at(-1)!;
    const current = await query<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM mailboxes WHERE seen_to IS NULL');
    expect(current[0]!.n).toBe(last.rows['mailboxes.csv'] ?? last.rows['zimbra-accounts.txt']);

    if (days > 1) {
      // Personal data from the request forms is in the generated mailboxes.csv, and nowhere in the warehouse.
      const csv = readFileSync(join(last.dir, 'mailboxes.csv'), 'utf8').trim().split('\n').slice(1);
      const ids = csv.map((line) => line.split(',').at(-2)!).filter((v) => /^\d{12}$/.test(v));
      expect(ids.length).toBeGreaterThan(100);
      const dump = await dumpWarehouse(db);
      for (const id of ids) expect(dump.includes(id), id).toBe(false);
    }
  });
});

describe('generated month folders (back-filled history) load cleanly', () => {
  it('loads every day of each month: its logins, its mail log and the registry at the month end', async () => {
    const { dir, summary } = generate('soctrang-2024', 2, 2);
    expect(summary.nights.map((n) => [n.date, n.days.length, n.nightly])).toEqual([
      ['2026-10-31', 31, false], ['2026-11-18', 18, false], ['2026-11-19', 1, true], ['2026-11-20', 1, true],
    ]);
    const db = join(dir, '..', 'w.duckdb');
    const results = await ingestAll(dir, db);
    expect(await query(db, 'SELECT file, line, column_name, reason FROM quarantine')).toEqual([]);
    results.forEach((r, i) => {
      const written = summary.nights[i]!.rows;
      expect(r.rowsLoaded.logins).toBe(written['logins.csv']);
      expect(r.rowsLoaded.mailboxes).toBe(written['mailboxes.csv'] ?? written['zimbra-accounts.txt']);
      expect(r.warnings).toEqual([]);
    });
    // every day from 1 October has its logins and its mail-log totals, whichever folder it came in
    const days = summary.nights.flatMap((n) => n.days);
    const loginDays = await query<{ d: string }>(db, `SELECT DISTINCT strftime(time AT TIME ZONE 'Asia/Ho_Chi_Minh', '%Y-%m-%d') AS d FROM logins ORDER BY d`);
    const workdays = days.filter((d) => isWorkday(d));
    for (const d of workdays) expect(loginDays.map((r) => r.d), d).toContain(d);
    const mailDays = await query<{ d: string }>(db, `SELECT DISTINCT day::VARCHAR AS d FROM mail_daily_totals WHERE received > 0 ORDER BY d`);
    expect(mailDays.map((r) => r.d)).toEqual(expect.arrayContaining(days));
    // the registry is known from the first folder's date: the month end, as a version seen then
    const first = await query<{ d: string }>(db, 'SELECT min(seen_from)::VARCHAR AS d FROM mailboxes');
    expect(first[0]!.d).toBe('2026-10-31');
  });
});
