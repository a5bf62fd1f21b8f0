/**
 * The dashboard's coverage and regular use are the ranking's (issue 16), on the cases where a query of the dashboard's
 * own gave other figures: a mailbox still registered under a merged agency's code counts for its successor, an agency
 * without a headcount is left out of coverage, and a mailbox that only sent mail, or whose Zimbra stamp is a few days
 * older than the window, was used. The agency page shows the same coverage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { collectAgencies } from '../../src/site/build/collect/agencies.ts';
import { collectOverview } from '../../src/site/build/collect/overview.ts';
import type { CollectContext } from '../../src/site/build/types.ts';
import { computeScores } from '../../src/warehouse/compliance/scores.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';
import { Fixture } from '../compliance/fixture.ts';

const NIGHT = '2025-07-31';
const policy = loadPolicy('soctrang-2024');
let f: Fixture;

beforeAll(async () => {
  f = await Fixture.create();
  await f.agency({ code: 'CU', name: 'Sở cũ', headcount: 10, validFrom: '2024-01-01', validTo: '2025-06-01', successor: 'MOI' });
  await f.agency({ code: 'MOI', name: 'Sở mới', headcount: 20, validFrom: '2025-06-01' });
  await f.agency({ code: 'KHONG', name: 'Ban chưa có biên chế', headcount: null, validFrom: '2024-01-01' });
  const personal = [
    ['a@soctrang.gov.vn', 'MOI'], ['b@soctrang.gov.vn', 'MOI'], ['c@soctrang.gov.vn', 'CU'], // c: the merged code
    ['d@soctrang.gov.vn', 'KHONG'], ['e@soctrang.gov.vn', 'KHONG'],
  ] as const;
  for (const [address, agency] of personal) await f.mailbox({ address, agency, seenFrom: '2025-05-01', createdAt: '2025-01-01 08:00:00+07' });
  await f.ingestRun('2025-05-01');
  await f.ingestRun(NIGHT);
  for (const [address] of personal.slice(2)) await f.activity(NIGHT, address, null);
  await f.activity(NIGHT, 'a@soctrang.gov.vn', '2025-07-20 08:00:00+07'); // Zimbra stamp inside the 30 days
  await f.activity(NIGHT, 'b@soctrang.gov.vn', '2025-06-27 08:00:00+07'); // stamp 34 days back: + 7 days is inside
  await f.sentMail('2025-07-10', 'c@soctrang.gov.vn'); // never logged in as far as the registry knows, but sent mail
});
afterAll(() => f.close());

function context(): CollectContext {
  return {
    conn: f.conn, audience: 'public', policy, base: '/', asOf: NIGHT, today: NIGHT,
    compliance: new ComplianceSession().on(f.conn, policy),
    addDownload: (path, title, table) => ({ csv: `${path}.csv`, xlsx: `${path}.xlsx`, title, rows: table.rows.length }),
    emitFile: (path) => path,
  };
}

describe('the dashboard reads the ranking’s coverage and regular use', () => {
  it('counts them as the ranking of the one day does', async () => {
    await f.conn.run(`SET TimeZone = 'Asia/Ho_Chi_Minh'`);
    const overview = await collectOverview(context());
    const ranked = (await computeScores(f.conn, policy, parsePeriod(`${NIGHT}..${NIGHT}`))).agencies;
    const moi = ranked.find((a) => a.code === 'MOI')!.criteria;
    expect(moi.find((c) => c.id === 'coverage')).toMatchObject({ numerator: 3, denominator: 20 });
    expect(moi.find((c) => c.id === 'regular_use')).toMatchObject({ numerator: 3, denominator: 3 });
    // Before issue 16 the dashboard said 4/20 (d and e of an agency without a headcount counted, c under the merged code not) and
    // 1/5 (a's stamp only: no margin, no mail sent).
    expect(overview.now).toMatchObject({ personalActive: 5, headcount: 20, coverage: 3 / 20, regularUse: 3 / 5 });
    const agencies = await collectAgencies(context());
    expect(agencies.list.find((a) => a.code === 'MOI')!.coverage).toBe(3 / 20);
    expect(agencies.list.find((a) => a.code === 'KHONG')!.coverage).toBeNull();
  });
});
