import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyScore } from '../../src/rules/compliance/scoring.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import type { PolicyId } from '../../src/rules/policy/schema.ts';
import { computeScores } from '../../src/warehouse/compliance/scores.ts';
import { Fixture } from './fixture.ts';
import { buildProvince } from './province.ts';

let f: Fixture;
beforeAll(async () => {
  f = await Fixture.create();
  await buildProvince(f);
});
afterAll(() => f.close());

const scores = async (profile: PolicyId, period: string) => (await computeScores(f.conn, loadPolicy(profile), parsePeriod(period))).agencies;
const byCode = (list: AgencyScore[], code: string) => list.find((a) => a.code === code)!;

describe('computeScores over a year', () => {
  it('ties share a rank and the next rank skips (1, 2, 2, 4); the merged agency is ranked in its year, under its name', async () => {
    const list = await scores('soctrang-2024', '2025');
    expect(list.map((a) => [a.code, a.score, a.rank])).toEqual([
      ['STTTT', 44.1, 1],
      ['SKHCN', 34.2, 2],
      ['SNV', 34.2, 2],
      ['SYT', 33.3, 4],
    ]);
    expect(byCode(list, 'SKHCN').score).toBe(byCode(list, 'SNV').score);
    const merged = byCode(list, 'STTTT');
    expect(merged).toMatchObject({ name: 'Sở Thông tin và Truyền thông', evaluatedFrom: '2025-01-01', evaluatedTo: '2025-06-30' });
    expect(merged.sampleDates).toHaveLength(6);
    expect(byCode(list, 'SNV').name).toBe('Sở Nội vụ tỉnh');
    expect((await scores('soctrang-2024', '2025-H1')).find((a) => a.code === 'SNV')!.name).toBe('Sở Nội vụ');
    expect((await scores('soctrang-2024', '2025-H2')).map((a) => a.code)).toEqual(['SKHCN', 'SNV', 'SYT']);
  });

  it('numerators and denominators are counts over the 12 month ends', async () => {
    const k = byCode(await scores('soctrang-2024', '2025'), 'SKHCN');
    const c = Object.fromEntries(k.criteria.map((x) => [x.id, [x.numerator, x.denominator]]));
    expect(c).toStrictEqual({
      coverage: [24, 48], // 2 personal mailboxes of 4 staff, 12 times
      regular_use: [1, 24], // one login on 15/03, inside the 30 days before 31/03 only
      agency_mailbox_read: [0, 12],
      password_hygiene: [18, 36], // changed 01/01/2025: overdue from 01/07 (6 months)
      no_external_forwarding: [36, 36],
      unused_cleanup: [6, 36], // never used since 2024 except k1 (login 15/03: fine until 31/08)
      requests_on_time: [0, 0],
    });
    const y = byCode(await scores('soctrang-2024', '2025'), 'SYT');
    expect(y.criteria.find((x) => x.id === 'no_external_forwarding')).toMatchObject({ numerator: 24, denominator: 36 });
    // y1 logged in on 15/03, y2 sent mail on 20/06 (mail log): used at the 31/03 and 30/06 observations
    expect(y.criteria.find((x) => x.id === 'regular_use')).toMatchObject({ numerator: 2, denominator: 24 });
  });

  it('requests count under the agency that sent them, on the day received (late across Tết)', async () => {
    const t = byCode(await scores('soctrang-2024', '2025'), 'STTTT');
    expect(t.criteria.find((x) => x.id === 'requests_on_time')).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });

  it('the same data under different profiles gives different verdicts where the rules differ', async () => {
    const hygiene = async (p: PolicyId) =>
      byCode(await scores(p, '2025'), 'SKHCN').criteria.find((x) => x.id === 'password_hygiene')!.numerator;
    expect(await hygiene('soctrang-2024')).toBe(18); // six-monthly (002 Điều 8 khoản 2 điểm c)
    expect(await hygiene('sonla-2025')).toBe(9); // three-monthly (004 Điều 6 khoản 1)
    expect(await hygiene('soctrang-2014')).toBe(3); // monthly (003 Điều 13 khoản 2)
    const sonla = byCode(await scores('sonla-2025', '2025'), 'SYT');
    expect(sonla.criteria.map((x) => x.id)).not.toContain('no_external_forwarding');
  });

  it('change against the previous period; nothing before the data starts', async () => {
    const h2 = byCode(await scores('soctrang-2024', '2025-H2'), 'SKHCN');
    const h1 = byCode(await scores('soctrang-2024', '2025-H1'), 'SKHCN');
    expect(h2.previousScore).toBe(h1.score);
    expect(h2.change).toBeCloseTo(h2.score! - h1.score!, 5);
    expect(h1.previousScore).toBeNull();
    expect(await scores('soctrang-2024', '2024')).toEqual([]);
  });

  it('is reproducible: the same warehouse and period give equal results', async () => {
    const a = JSON.stringify(await computeScores(f.conn, loadPolicy('soctrang-2024'), parsePeriod('2025')));
    const b = JSON.stringify(await computeScores(f.conn, loadPolicy('soctrang-2024'), parsePeriod('2025')));
    expect(a).toBe(b);
  });
});
