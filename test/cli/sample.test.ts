/**
 * What a fresh `npm start` shows (issue 18): the sample it generates (src/cli/sample.ts, with fewer mailboxes to stay
 * fast) goes through the real `generate` and `ingest` commands, then the home page's and the ranking's collectors
 * read it: twelve monthly points of mail traffic and mailboxes on the trends, a comparison 30 days back, and a
 * previous period with scores on the ranking.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { sampleGenerateArgs } from '../../src/cli/sample.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { collectOverview, type Overview } from '../../src/site/build/collect/overview.ts';
import { collectRanking, type RankingSlice } from '../../src/site/build/collect/ranking.ts';
import type { CollectContext } from '../../src/site/build/types.ts';
import { queryRows, withReadOnlyWarehouse } from '../../src/warehouse/open.ts';

let work: string;
let overview: Overview;
let ranking: RankingSlice;
let folders: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-sample-'));
  const exports = join(work, 'exports');
  const db = join(work, 'warehouse.duckdb');
  const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
  expect(await runCli(sampleGenerateArgs(exports, ['--mailboxes', '300']), io)).toBe(0);
  folders = readdirSync(exports).sort();
  expect(await runCli(['ingest', '--exports', exports, '--db', db], io)).toBe(0);
  const memo = new Map<string, Promise<unknown>>();
  ({ overview, ranking } = await withReadOnlyWarehouse(db, async (conn) => {
    await conn.run(`SET TimeZone = 'Asia/Ho_Chi_Minh'`);
    const [row] = await queryRows<{ d: string }>(conn, 'SELECT max(export_date)::VARCHAR AS d FROM ingest_runs');
    const ctx: CollectContext = {
      conn, audience: 'public', policy: loadPolicy('soctrang-2024'), base: '/', asOf: row!.d,
      addDownload: (path, title, table) => ({ csv: `${path}.csv`, xlsx: `${path}.xlsx`, title, rows: table.rows.length }),
      emitFile: (path) => path,
      memo: <T,>(key: string, compute: () => Promise<T>) => {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as Promise<T>;
      },
    };
    return { overview: await collectOverview(ctx), ranking: await collectRanking(ctx) };
  }));
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the sample a fresh npm start loads', () => {
  it('is a year of month folders, then a month of nights, all through the real ingest', () => {
    expect(folders).toHaveLength(43);
    expect(folders[0]).toBe('2025-11-30');
    expect(folders.at(-1)).toBe('2026-11-20');
  });

  it('shows twelve monthly points on the trends, each with mail traffic, mailboxes and requests', () => {
    expect(overview.months.map((m) => m.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    expect(overview.mailLog).toBe(true);
    for (const m of overview.months) {
      expect(m.sent, m.month).toBeGreaterThan(0);
      expect(m.received, m.month).toBeGreaterThan(0);
      expect(m.cumulative, m.month).toBeGreaterThan(0);
      expect(m.requests, m.month).toBeGreaterThan(0);
    }
    // the same share of traffic every day: no month is a multiple of another (a full-volume month among light ones
    // would be 50–100×)
    const perDay = overview.months.slice(0, -1).map((m) => m.sent / new Date(Number(m.month.slice(0, 4)), Number(m.month.slice(5)), 0).getDate());
    expect(Math.max(...perDay) / Math.min(...perDay)).toBeLessThan(2);
  });

  it('compares every headline figure with 30 days earlier', () => {
    expect(overview.before).not.toBeNull();
    for (const key of ['personalActive', 'agencyActive', 'coverage', 'regularUse', 'messagesSent'] as const) {
      expect(overview.before![key], key).not.toBeNull();
      expect(overview.now![key], key).not.toBeNull();
    }
    expect(overview.before!.messagesSent).toBeGreaterThan(0);
  });

  it('has a previous period with scores on the ranking, and the home page lists the biggest falls from it', () => {
    const main = ranking.periods[0]!;
    expect(main.period.id).toBe('2026');
    expect(main.previousPeriod.id).toBe('2025');
    const agencies = main.groups.flatMap((g) => g.agencies);
    const compared = agencies.filter((a) => a.previousScore !== null && a.score !== null);
    expect(compared.length).toBeGreaterThan(agencies.length / 2);
    // the half-years are covered in full: 2026-H2 against 2026-H1
    const half = ranking.periods[1]!;
    expect(half.groups.flatMap((g) => g.agencies).filter((a) => a.previousScore !== null).length).toBeGreaterThan(agencies.length / 2);
    expect(overview.falls!.compared).toBe(compared.length);
    expect(overview.falls!.agencies.length).toBeGreaterThan(0);
    expect(overview.mostFindings.length).toBe(10);
  });
});
