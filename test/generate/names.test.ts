import { describe, expect, it } from 'vitest';
import { NameDrawer, oldTonePlacement, type EthnicMix } from '../../src/generate/names/person.ts';
import { Rng } from '../../src/generate/prng.ts';
import { allocatePersonalAddress } from '../../src/rules/address.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';

function drawMany(region: 'south' | 'north', mix: EthnicMix, n: number) {
  const drawer = new NameDrawer(region);
  const rng = new Rng(`names/${region}`);
  return Array.from({ length: n }, () => drawer.draw(rng, mix));
}

describe('NameDrawer', () => {
  it('draws Kinh family names at realistic frequencies (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %)', () => {
    const names = drawMany('south', { kinh: 1 }, 20000);
    const share = (f: string) => names.filter((n) => n.family === f).length / names.length;
    expect(share('Nguyễn')).toBeGreaterThan(0.35);
    expect(share('Nguyễn')).toBeLessThan(0.41);
    expect(share('Trần')).toBeGreaterThan(0.09);
    expect(share('Trần')).toBeLessThan(0.13);
    expect(share('Lê')).toBeGreaterThan(0.08);
    // The south says Huỳnh and Võ more than Hoàng and Vũ.
    expect(share('Huỳnh')).toBeGreaterThan(share('Hoàng'));
    expect(share('Võ')).toBeGreaterThan(share('Vũ'));
  });

  it('marks multi-syllable Khmer given names for the address rules', () => {
    const names = drawMany('south', { khmer: 1 }, 400);
    const multi = names.filter((n) => n.given.includes(' '));
    expect(multi.length).toBeGreaterThan(150);
    for (const n of multi) expect(n.addressName).toBe(n.fullName.replace(` ${n.given}`, `|${n.given}`));
    expect(names.some((n) => n.family === 'Thạch')).toBe(true);
    // The marker makes the address rules spell the whole given name ("Thạch Thị|Sa Rươne" → ttsaruone, not ttsruone).
    const policy = loadPolicy('soctrang-2024');
    const sample = multi[0]!;
    const withMarker = allocatePersonalAddress(policy, sample.addressName, {}, new Set());
    expect(withMarker).not.toBe(allocatePersonalAddress(policy, sample.fullName, {}, new Set()));
    expect(withMarker.split('@')[0]!.length).toBeGreaterThan(sample.given.split(' ')[0]!.length + 1);
  });

  it('gives H\'Mông men the middle name "A" and Thái women "Thị"', () => {
    const hmong = drawMany('north', { hmong: 1 }, 200);
    for (const n of hmong) expect(n.fullName.split(' ')[1]).toBe(n.gender === 'nam' ? 'A' : 'Thị');
    const thai = drawMany('north', { thai: 1 }, 200);
    expect(thai.every((n) => ['Lò', 'Cầm', 'Quàng', 'Lường', 'Tòng', 'Hà', 'Lù', 'Điêu', 'Vì', 'Bạc', 'Mè', 'Sa'].includes(n.family))).toBe(true);
  });

  it('writes some names in the old tone placement', () => {
    expect(oldTonePlacement('Hòa')).toBe('Hoà');
    expect(oldTonePlacement('Thủy')).toBe('Thuỷ');
    expect(oldTonePlacement('Nguyễn')).toBe('Nguyễn');
    const names = drawMany('south', { kinh: 1 }, 5000);
    expect(names.some((n) => /oà|uỷ|uý/.test(n.fullName))).toBe(true);
  });
});
