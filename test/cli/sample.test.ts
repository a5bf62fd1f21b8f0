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
import { collectAgencies, type AgenciesSlice } from '../../src/site/build/collect/agencies.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import type { CriterionId } from '../../src/rules/policy/schema.ts';
import { prepareState } from '../../src/warehouse/compliance/prepare.ts';
import { computeScores, type ScoreResult } from '../../src/warehouse/compliance/scores.ts';
import type { CollectContext } from '../../src/site/build/types.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';
import { queryRows, withReadOnlyWarehouse } from '../../src/warehouse/open.ts';

let work: string;
let overview: Overview;
let ranking: RankingSlice;
let agencies: AgenciesSlice;
/** The ranking of one-day periods (d..d) on the dashboard's two days. */
const dayRanking = new Map<string, ScoreResult>();
/** Mailboxes whose last use differs between the compliance state and the single-date macro, per date. */
const useMismatches = new Map<string, number>();
let folders: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-sample-'));
  const exports = join(work, 'exports');
  const db = join(work, 'warehouse.duckdb');
  const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
  expect(await runCli(sampleGenerateArgs(exports, ['--mailboxes', '300']), io)).toBe(0);
  folders = readdirSync(exports).sort();
  expect(await runCli(['ingest', '--exports', exports, '--db', db], io)).toBe(0);
  ({ overview, ranking, agencies } = await withReadOnlyWarehouse(db, async (conn) => {
    await conn.run(`SET TimeZone = 'Asia/Ho_Chi_Minh'`);
    const [row] = await queryRows<{ d: string }>(conn, 'SELECT max(export_date)::VARCHAR AS d FROM ingest_runs');
    const policy = loadPolicy('soctrang-2024');
    const ctx: CollectContext = {
      conn, audience: 'public', policy, base: '/', asOf: row!.d, today: row!.d,
      compliance: new ComplianceSession().on(conn, policy),
      addDownload: (path, title, table) => ({ csv: `${path}.csv`, xlsx: `${path}.xlsx`, title, rows: table.rows.length }),
      emitFile: (path) => path,
    };
    const result = { overview: await collectOverview(ctx), ranking: await collectRanking(ctx), agencies: await collectAgencies(ctx) };
    // the same days ranked on their own, by the compliance engine directly (no session, no dashboard code)
    for (const d of [result.overview.now!.date, result.overview.before!.date]) {
      dayRanking.set(d, await computeScores(conn, policy, parsePeriod(`${d}..${d}`)));
    }
    // last use: the compliance state (many dates at once) against mailbox_use_on (one date), on a few dates
    const dates = [result.overview.now!.date, result.overview.before!.date, '2026-03-31', '2025-12-15'];
    await prepareState(conn, policy, dates);
    for (const d of dates) {
      const [row] = await queryRows<{ n: number; total: number }>(
        conn,
        `SELECT count(*) FILTER (WHERE s.use_day IS DISTINCT FROM u.use_day)::INTEGER AS n, count(*)::INTEGER AS total
           FROM cmp_state s LEFT JOIN mailbox_use_on($d::DATE, 420) u USING (address) WHERE s.d = $d::DATE`,
        { d },
      );
      expect(row!.total, d).toBeGreaterThan(0);
      useMismatches.set(d, row!.n);
    }
    return result;
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

  it("shows on the dashboard the ranking's coverage and regular use of the same day, province-wide", () => {
    for (const headline of [overview.now!, overview.before!]) {
      const ranked = dayRanking.get(headline.date)!.agencies;
      expect(ranked.length, headline.date).toBeGreaterThan(10);
      const share = (id: CriterionId) => {
        const counts = ranked.map((a) => a.criteria.find((c) => c.id === id)!);
        const num = counts.reduce((s, c) => s + c.numerator, 0);
        const den = counts.reduce((s, c) => s + c.denominator, 0);
        return Math.min(1, num / den);
      };
      expect(headline.coverage, `${headline.date} coverage`).toBe(share('coverage'));
      expect(headline.regularUse, `${headline.date} regular use`).toBe(share('regular_use'));
    }
  });

  it("shows on each agency page the ranking's coverage of the agency on the night", () => {
    const ranked = new Map(dayRanking.get(overview.now!.date)!.agencies.map((a) => [a.code, a]));
    const shown = agencies.list.filter((a) => a.active);
    expect(shown.length).toBeGreaterThan(10);
    for (const a of shown) {
      const c = ranked.get(a.code)?.criteria.find((x) => x.id === 'coverage');
      const expected = c && c.denominator > 0 ? Math.min(1, c.numerator / c.denominator) : null;
      expect(a.coverage, a.code).toBe(expected);
    }
  });

  it('gives every mailbox the same last use in the compliance state and in the single-date macro (mailbox_use_on)', () => {
    expect(Object.fromEntries(useMismatches)).toEqual(Object.fromEntries([...useMismatches.keys()].map((d) => [d, 0])));
  });
});
