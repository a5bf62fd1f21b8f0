import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy } from '../../src/rules/policy/load.ts';
import type { Policy } from '../../src/rules/policy/schema.ts';
import { collectDirectory } from '../../src/site/build/collect/directory.ts';
import { collectAgencies } from '../../src/site/build/collect/agencies.ts';
import { collectDataStatus } from '../../src/site/build/collect/dataStatus.ts';
import { collectFindings } from '../../src/site/build/collect/findings.ts';
import { collectOverview } from '../../src/site/build/collect/overview.ts';
import { collectRanking, rankedPeriods } from '../../src/site/build/collect/ranking.ts';
import { policyParameters } from '../../src/site/build/policyParameters.ts';
import type { Audience, CollectContext } from '../../src/site/build/types.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';
import { withReadOnlyWarehouse } from '../../src/warehouse/open.ts';
import { createFixtureWarehouse, FIXTURE_NIGHT } from './fixture.ts';

let work: string;
let db: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-collect-'));
  db = join(work, 'w.duckdb');
  await createFixtureWarehouse(db);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const policy = loadPolicy('soctrang-2024');

function collect<T>(audience: Audience, fn: (ctx: CollectContext) => Promise<T>, profile: Policy = policy) {
  const downloads: string[] = [];
  return withReadOnlyWarehouse(db, async (conn) => {
    await conn.run(`SET TimeZone = 'Asia/Ho_Chi_Minh'`);
    const result = await fn({
      conn, audience, policy: profile, base: '/', asOf: FIXTURE_NIGHT, today: FIXTURE_NIGHT,
      compliance: new ComplianceSession().on(conn, profile),
      addDownload: (path, title, table) => (downloads.push(path), { csv: `${path}.csv`, xlsx: `${path}.xlsx`, title, rows: table.rows.length }),
      emitFile: (path) => path,
    });
    return { result, downloads };
  });
}

describe('collectOverview', () => {
  it('computes the headline figures on the night and one window earlier', async () => {
    const { result } = await collect('public', collectOverview);
    expect(result.windowDays).toBe(policy.ranking.regularUseDays.value);
    expect(result.now).toEqual({
      date: FIXTURE_NIGHT, agencies: 2, personalActive: 4, agencyActive: 1, headcount: 145,
      coverage: 4 / 145,
      // dcnguyen (registry, 18/11) and hacker2 (audit log, 19/11) logged in within 30 days; ntbinh and hacker1 did not.
      regularUse: 0.5,
      requests: 1,
      messagesSent: 5,
    });
    expect(result.mailLog).toBe(true);
    expect(result.before).toMatchObject({ date: '2026-10-21', personalActive: 4, regularUse: 0, requests: 0, messagesSent: 3 });
  });

  it('counts mailboxes issued by month of creation, cumulatively, over the last 12 months', async () => {
    const { result } = await collect('public', collectOverview);
    expect(result.months.map((m) => m.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    expect(result.months.find((m) => m.month === '2026-03')).toEqual({ month: '2026-03', cumulative: 6, created: 4, requests: 0, sent: 0, received: 0 });
    expect(result.months.at(-1)).toEqual({ month: '2026-11', cumulative: 7, created: 0, requests: 1, sent: 5, received: 7 });
  });
});

describe('collectOverview: first questions', () => {
  it('lists the agencies with most open findings with the counts of their agency pages', async () => {
    const { result } = await collect('public', collectOverview);
    const findings = (await collect('public', collectFindings)).result;
    const pages = Object.entries(findings.byAgency).map(([code, f]) => ({ code, total: f.total }));
    expect(pages.length).toBeGreaterThan(0);
    expect(result.mostFindings.map((a) => a.total)).toEqual(pages.map((p) => p.total).sort((a, b) => b - a).slice(0, 10));
    for (const a of result.mostFindings) {
      expect(a.total).toBe(findings.byAgency[a.code]!.total);
      expect(a.topRule.count).toBe(Math.max(...findings.byAgency[a.code]!.byRule.map((r) => r.count)));
    }
  });

  it('compares the ranking’s main period with its previous one, and says when the data starts inside it', async () => {
    const { result } = await collect('public', collectOverview);
    const ranking = (await collect('public', collectRanking)).result.periods[0]!;
    const scored = ranking.groups.flatMap((g) => g.agencies);
    expect(result.falls).toMatchObject({
      period: ranking.period.label,
      previousPeriod: ranking.previousPeriod.label,
      // the fixture's registry starts on 01/09/2026: nothing of 2025 to compare with
      previousDataFrom: '2026-09-01',
      compared: scored.filter((a) => a.change !== null).length,
      agencies: [],
    });
    expect(result.falls!.compared).toBe(0);
  });

  it('cites the profile for the coverage and regular-use definitions, naming the document', async () => {
    const { result } = await collect('public', collectOverview);
    const qc = 'Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND';
    expect(result.citations).toEqual({
      coverage: { label: 'Tỷ lệ CBCCVC có hộp thư đang hoạt động', citation: `khoản 2 Điều 1 ${qc} (phương pháp suy ra)` },
      regularUse: `khoản 3 Điều 12 ${qc} (phương pháp suy ra)`,
    });
  });
});

describe('collectAgencies', () => {
  it('keeps a merged agency with its successor and sorts by Vietnamese name', async () => {
    const { result } = await collect('public', collectAgencies);
    expect(result.list.map((a) => a.code)).toEqual(['SKHCN', 'STTTT', 'MYXUYEN']);
    const merged = result.list.find((a) => a.code === 'STTTT')!;
    expect(merged).toMatchObject({ active: false, validTo: '2025-03-01', successorCode: 'SKHCN' });
  });

  it('gives coverage and no mailbox list in the public build', async () => {
    const { result, downloads } = await collect('public', collectAgencies);
    const skhcn = result.list.find((a) => a.code === 'SKHCN')!;
    expect(skhcn.personalActive).toBe(3);
    expect(skhcn.coverage).toBeCloseTo(3 / 120);
    expect(skhcn.mailboxList).toBeUndefined();
    expect(skhcn.trend).toHaveLength(12);
    expect(skhcn.trend.find((m) => m.month === '2026-10')).toEqual({ month: '2026-10', cumulative: 4, created: 0, sent: 3, received: 2 });
    expect(skhcn.trend.at(-1)).toEqual({ month: '2026-11', cumulative: 4, created: 0, sent: 5, received: 7 });
    expect(downloads).toEqual([]);
  });

  it('adds the per-mailbox list, without any phone field, in the internal build', async () => {
    const { result, downloads } = await collect('internal', collectAgencies);
    const list = result.list.find((a) => a.code === 'SKHCN')!.mailboxList!;
    expect(list.map((m) => m.address)).toEqual(['dcnguyen@soctrang.gov.vn', 'hacker1@soctrang.gov.vn', 'ntbinh@soctrang.gov.vn', 'sokhcn@soctrang.gov.vn']);
    for (const m of list) expect(Object.keys(m)).not.toContain('phone');
    expect(list[0]).toMatchObject({ lastLoginMs: Date.parse('2026-11-18T08:00:00+07:00'), usedMb: 512.5 });
    expect(downloads).toEqual(['co-quan/SKHCN/hop-thu', 'co-quan/MYXUYEN/hop-thu']);
  });
});

describe('collectDataStatus', () => {
  it('lists runs by folder name only, table counts, quarantine by reason; raw text only for internal', async () => {
    const pub = (await collect('public', collectDataStatus)).result;
    expect(pub.runs).toHaveLength(1);
    expect(pub.runs[0]).toMatchObject({ folder: FIXTURE_NIGHT, rowsLoaded: { agencies: 3, mailboxes: 8 }, rowsQuarantined: 2 });
    expect(pub.tables.find((t) => t.table === 'mailboxes')?.rows).toBe(8);
    expect(pub.quarantine.total).toBe(2);
    expect(pub.gaps).toEqual([{ exportDate: FIXTURE_NIGHT, file: 'maillog.gz', reason: expect.stringMatching(/^tệp nén bị cắt cụt hoặc hỏng sau 120 dòng/) }]);
    expect(pub.runs[0]!.gaps).toEqual([{ file: 'maillog.gz', reason: expect.any(String) }]);
    expect(pub.quarantine.recent.every((r) => r.raw === undefined)).toBe(true);
    const internal = (await collect('internal', collectDataStatus)).result;
    expect(internal.quarantine.recent.some((r) => r.raw?.includes('KHONGCO'))).toBe(true);
  });
});

describe('the data page lists every duty of the text in force (issue 17)', () => {
  it('with its status in words and, for a checked one, the rules with their citations', async () => {
    const { duties } = (await collect('public', collectDataStatus)).result;
    expect(duties).toHaveLength(policy.duties.length);
    expect(duties.find((d) => d.label === 'Độ dài tối thiểu và độ phức tạp của mật khẩu')).toMatchObject({
      citation: '002 Điều 8 khoản 1 điểm b', statusLabel: 'Không kiểm tra được từ dữ liệu xuất', rules: [],
    });
    expect(duties.find((d) => d.label === 'Đổi mật khẩu định kỳ')).toMatchObject({
      statusLabel: 'Đã kiểm tra', rules: ['Không đổi mật khẩu theo định kỳ — 002 Điều 8 khoản 2 điểm c'],
    });
  });
});

describe('the public directory follows the profile’s directoryPublished (issue 17, item 1)', () => {
  it('published when the profile says so; a profile that does not publish it leaves the public build empty', async () => {
    expect((await collect('public', collectDirectory)).result.total).toBeGreaterThan(0);
    const closed = structuredClone(policy) as unknown as { directoryPublished: { value: boolean | null } };
    closed.directoryPublished.value = null;
    const silent = parsePolicy(closed, 'x.json');
    expect((await collect('public', collectDirectory, silent)).result).toMatchObject({ total: 0, index: null, files: null, agencies: [] });
    expect((await collect('internal', collectDirectory, silent)).result.total).toBeGreaterThan(0);
  });
});

describe('policyParameters', () => {
  it('shows the profile’s own values with their citations', () => {
    const rows = policyParameters(policy);
    expect(rows.find((r) => r.label === 'Dung lượng hộp thư')).toMatchObject({ value: '2.048 MB', citation: '002 Điều 7' });
    expect(rows.find((r) => r.label === 'Tạm khóa hộp thư không đăng nhập')?.value).toBe('Không quy định');
    const weights = rows.filter((r) => r.label.startsWith('Tiêu chí xếp hạng'));
    expect(weights).toHaveLength(policy.ranking.criteria.length);
  });
});

describe.each([
  ['2026-11-20', ['2026', '2026-H2', '2026-H1']],
  ['2026-03-05', ['2026', '2026-H1', '2025-H2']],
])('rankedPeriods(%s)', (asOf, ids) => {
  it(`ranks ${ids.join(', ')}`, () => expect(rankedPeriods(asOf).map((p) => p.id)).toEqual(ids));
});
