import { describe, expect, it } from 'vitest';
import { Rng, Weighted } from '../../src/generate/prng.ts';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.nextUint32());

describe('Rng', () => {
  it('gives the same numbers for the same label and different ones for another', () => {
    expect(draw(new Rng('42/a'), 5)).toEqual(draw(new Rng('42/a'), 5));
    expect(draw(new Rng('42/a'), 5)).not.toEqual(draw(new Rng('43/a'), 5));
  });

  it('forks streams that do not consume the parent', () => {
    const a = new Rng('seed');
    const b = new Rng('seed');
    a.fork('child').next();
    expect(draw(a, 3)).toEqual(draw(b, 3));
    expect(draw(new Rng('seed').fork('x'), 3)).toEqual(draw(new Rng('seed/x'), 3));
  });

  it('keeps int() within bounds and reaches both ends', () => {
    const rng = new Rng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('samples weighted choices in proportion', () => {
    const rng = new Rng('weights');
    const table = new Weighted([['a', 1], ['b', 3]] as const);
    let b = 0;
    for (let i = 0; i < 20000; i++) if (table.sample(rng) === 'b') b++;
    expect(b / 20000).toBeGreaterThan(0.72);
    expect(b / 20000).toBeLessThan(0.78);
  });

  it('draws Poisson counts with the requested mean', () => {
    const rng = new Rng('poisson');
    let sum = 0;
    for (let i = 0; i < 5000; i++) sum += rng.poisson(2.5);
    expect(sum / 5000).toBeGreaterThan(2.35);
    expect(sum / 5000).toBeLessThan(2.65);
  });
});
