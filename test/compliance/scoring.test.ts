import { describe, expect, it } from 'vitest';
import { competitionRanks, methodVersion, scoreAgencies, type AgencyCounts } from '../../src/rules/compliance/scoring.ts';
import { sampleDates } from '../../src/rules/compliance/samples.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';

const st24 = loadPolicy('soctrang-2024');

function agency(code: string, group: string, counts: AgencyCounts['counts']): AgencyCounts {
  return { code, name: `Cơ quan ${code}`, group, kind: group, evaluatedFrom: '2025-01-01', evaluatedTo: '2025-12-31', sampleDates: ['2025-12-31'], counts };
}

const full = (n: number, d: number) => ({ numerator: n, denominator: d });

describe('competition ranking within a group (1, 1, 3)', () => {
  it.each([
    [[90, 90, 80], [1, 1, 3]],
    [[70, 90, 90, 90], [4, 1, 1, 1]],
    [[50], [1]],
  ])('scores %j → ranks %j', (scores, ranks) => {
    const out = competitionRanks(scores.map((score, i) => ({ key: `A${i}`, group: 'g', score })));
    expect(scores.map((_, i) => out.get(`A${i}`))).toEqual(ranks);
  });

  it('groups rank separately and an agency without a score gets no rank', () => {
    const out = competitionRanks([
      { key: 'a', group: 'so-nganh', score: 50 },
      { key: 'b', group: 'ubnd-xa', score: 60 },
      { key: 'c', group: 'so-nganh', score: null },
      { key: 'd', group: 'so-nganh', score: 70 },
    ]);
    expect([out.get('a'), out.get('b'), out.get('c'), out.get('d')]).toEqual([2, 1, undefined, 1]);
  });
});

describe('scores from counts (soctrang-2024 weights 25/20/15/15/10/10/5)', () => {
  const perfect: AgencyCounts['counts'] = {
    coverage: full(10, 10),
    regular_use: full(10, 10),
    agency_mailbox_read: full(1, 1),
    password_hygiene: full(11, 11),
    no_external_forwarding: full(11, 11),
    unused_cleanup: full(11, 11),
    requests_on_time: full(2, 2),
  };

  it('all criteria met → 100; each criterion explains numerator, denominator, weight and citation', () => {
    const [a] = scoreAgencies(st24, [agency('A', 'g', perfect)]);
    expect(a!.score).toBe(100);
    expect(a!.rank).toBe(1);
    expect(a!.methodVersion).toBe('tcv-2024.1+pp1');
    const forward = a!.criteria.find((c) => c.id === 'no_external_forwarding')!;
    expect(forward).toMatchObject({ numerator: 11, denominator: 11, value: 1, weight: 10, effectiveWeight: 10, citation: '002 Điều 9 khoản 3' });
  });

  it('coverage above the headcount counts as 100%', () => {
    const [a] = scoreAgencies(st24, [agency('A', 'g', { ...perfect, coverage: full(14, 10) })]);
    expect(a!.criteria[0]!.value).toBe(1);
    expect(a!.score).toBe(100);
  });

  it('a criterion without data gives its weight to the others in proportion (no requests in the period)', () => {
    const counts = { ...perfect, regular_use: full(5, 10), requests_on_time: full(0, 0) };
    const [a] = scoreAgencies(st24, [agency('A', 'g', counts)]);
    const req = a!.criteria.find((c) => c.id === 'requests_on_time')!;
    expect(req).toMatchObject({ applicable: false, value: null, effectiveWeight: 0, points: 0 });
    expect(req.note).toContain('mẫu số bằng 0');
    // 95 applicable weight; regular use (20) at 50% loses 10/95 of 100.
    expect(a!.score).toBe(89.5);
    expect(a!.criteria.find((c) => c.id === 'coverage')!.effectiveWeight).toBe(26.32);
  });

  it('no data at all → no score, no rank', () => {
    const [a] = scoreAgencies(st24, [agency('A', 'g', {})]);
    expect(a).toMatchObject({ score: null, rank: null });
  });

  it('ties share the rank; order inside a rank is by code; change against the previous period', () => {
    const half = { ...perfect, coverage: full(5, 10) };
    const out = scoreAgencies(
      st24,
      [agency('C', 'g', half), agency('B', 'g', perfect), agency('A', 'g', half), agency('D', 'h', perfect)],
      new Map([['A', 80], ['B', null]]),
    );
    expect(out.map((a) => [a.code, a.score, a.rank, a.groupSize, a.change])).toEqual([
      ['B', 100, 1, 3, null],
      ['A', 87.5, 2, 3, 7.5],
      ['C', 87.5, 2, 3, null],
      ['D', 100, 1, 1, null],
    ]);
  });

  it('sonla-2025 has no forwarding criterion and its own weights', () => {
    const sonla = loadPolicy('sonla-2025');
    const [a] = scoreAgencies(sonla, [agency('A', 'g', perfect)]);
    expect(a!.criteria.map((c) => c.id)).not.toContain('no_external_forwarding');
    expect(methodVersion(sonla)).toBe('tcv-sonla-2025.1+pp1');
    expect(a!.score).toBe(100);
  });

  it('rounds half up at one decimal without binary noise', () => {
    // coverage 1/3 of 25 + 75 = 83.333… → 83.3
    const [a] = scoreAgencies(st24, [agency('A', 'g', { ...perfect, coverage: full(1, 3) })]);
    expect(a!.score).toBe(83.3);
  });
});

describe('observation days', () => {
  it.each([
    ['2024-01-01', '2024-12-31', 12, '2024-02-29'],
    ['2025-01-01', '2025-06-30', 6, '2025-02-28'],
    ['2025-01-15', '2025-03-10', 3, '2025-02-28'],
  ])('%s..%s: %i days including %s', (from, to, n, includes) => {
    const days = sampleDates(from, to);
    expect(days).toHaveLength(n);
    expect(days).toContain(includes);
    expect(days.at(-1)).toBe(to);
  });

  it('a merged agency is observed up to its last day', () => {
    expect(sampleDates('2025-01-01', '2025-07-14')).toEqual([
      '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-14',
    ]);
    expect(sampleDates('2025-03-02', '2025-03-01')).toEqual([]);
  });
});
