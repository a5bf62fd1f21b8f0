/** The interval arithmetic behind the de-duplication of overlapping nights (src/warehouse/maillog/held.ts). */
import { describe, expect, it } from 'vitest';
import { intersect, normalize, planFile, subtract, type Held } from '../../src/warehouse/maillog/held.ts';

const i = (lo: number, hi: number) => ({ lo, hi });

describe('interval arithmetic (inclusive ms)', () => {
  it.each([
    [[i(5, 9), i(1, 3), i(4, 4)], [i(1, 9)]],
    [[i(1, 3), i(5, 9)], [i(1, 3), i(5, 9)]],
    [[i(3, 1)], []],
  ])('normalize %j', (list, expected) => expect(normalize(list)).toEqual(expected));

  it.each([
    [[i(0, 100)], [i(10, 20), i(50, 60)], [i(0, 9), i(21, 49), i(61, 100)]],
    [[i(0, 100)], [i(-5, 200)], []],
    [[i(0, 100)], [i(100, 200)], [i(0, 99)]],
    [[i(0, 10), i(20, 30)], [i(5, 25)], [i(0, 4), i(26, 30)]],
  ])('%j minus %j', (a, b, expected) => expect(subtract(a, b)).toEqual(expected));

  it.each([
    [[i(0, 100)], [i(10, 20), i(90, 120)], [i(10, 20), i(90, 100)]],
    [[i(0, 10)], [i(11, 20)], []],
  ])('%j and %j', (a, b, expected) => expect(intersect(a, b)).toEqual(expected));
});

describe('planFile', () => {
  const span = (first: number, last: number, maxBack = 0) => ({ host: 'mail', first, last, maxBack });

  it('a file meeting nothing holds its inside whole and one second at each edge', () => {
    const [plan] = planFile([span(10_000, 100_000)], []);
    expect(plan).toEqual({
      host: 'mail', skipWhole: [], matchEdge: [], nights: [],
      holds: [
        { host: 'mail', lo: 10_000, hi: 10_999, whole: false },
        { host: 'mail', lo: 11_000, hi: 99_000, whole: true },
        { host: 'mail', lo: 99_001, hi: 100_000, whole: false },
      ],
    });
  });

  it('lines out of order widen the edges to twice the worst step back', () => {
    const [plan] = planFile([span(0, 100_000, 3_000)], []);
    expect(plan!.holds.filter((h) => h.whole)).toEqual([{ host: 'mail', lo: 6_000, hi: 94_000, whole: true }]);
  });

  it('a growing copy skips what the last night held whole, matches its edge, and holds the rest', () => {
    const prior: Held[] = [
      { host: 'mail', lo: 0, hi: 999, whole: false, night: '2026-11-19' },
      { host: 'mail', lo: 1_000, hi: 50_000, whole: true, night: '2026-11-19' },
      { host: 'mail', lo: 50_001, hi: 51_000, whole: false, night: '2026-11-19' },
    ];
    const [plan] = planFile([span(0, 200_000)], prior);
    expect(plan!.skipWhole).toEqual([i(1_000, 50_000)]);
    expect(plan!.matchEdge).toEqual([i(0, 999), i(50_001, 51_000)]);
    expect(plan!.holds).toEqual([
      { host: 'mail', lo: 0, hi: 999, whole: false },
      { host: 'mail', lo: 50_001, hi: 51_000, whole: false },
      { host: 'mail', lo: 51_001, hi: 199_000, whole: true },
      { host: 'mail', lo: 199_001, hi: 200_000, whole: false },
    ]);
    expect(plan!.nights).toEqual(['2026-11-19']);
  });

  it('another host at the same times meets nothing', () => {
    const [plan] = planFile([{ host: 'mx2', first: 0, last: 10_000, maxBack: 0 }], [{ host: 'mail', lo: 0, hi: 10_000, whole: true, night: 'x' }]);
    expect(plan!.skipWhole).toEqual([]);
    expect(plan!.nights).toEqual([]);
  });

  it('a file inside what is held adds nothing', () => {
    const [plan] = planFile([span(5_000, 6_000)], [{ host: 'mail', lo: 0, hi: 10_000, whole: true, night: 'x' }]);
    expect(plan!.skipWhole).toEqual([i(5_000, 6_000)]);
    expect(plan!.holds).toEqual([]);
  });
});
