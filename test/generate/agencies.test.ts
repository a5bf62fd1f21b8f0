import { describe, expect, it } from 'vitest';
import { buildAgencyTree } from '../../src/generate/agencies.ts';
import { Rng } from '../../src/generate/prng.ts';
import { provinceFor } from '../../src/generate/province.ts';

describe('buildAgencyTree', () => {
  it('builds Sóc Trăng with 11 district-level units and their communes', () => {
    const tree = buildAgencyTree(provinceFor('soctrang-2024'), 3000, new Rng('t'));
    const districts = tree.units.filter((u) => u.kind === 'ubnd-huyen');
    expect(districts.map((d) => d.name)).toEqual([
      'UBND thành phố Sóc Trăng', 'UBND huyện Châu Thành', 'UBND huyện Kế Sách', 'UBND huyện Long Phú', 'UBND huyện Mỹ Tú',
      'UBND huyện Mỹ Xuyên', 'UBND huyện Cù Lao Dung', 'UBND huyện Trần Đề', 'UBND huyện Thạnh Trị', 'UBND thị xã Vĩnh Châu',
      'UBND thị xã Ngã Năm',
    ]);
    expect(tree.units.filter((u) => u.kind === 'ubnd-xa')).toHaveLength(109);
    // Abbreviations follow 002 Điều 3 khoản 2: myxuyen, xathanhphu.myxuyen, pvhtt.myxuyen.
    const myXuyen = districts.find((d) => d.name.endsWith('Mỹ Xuyên'))!;
    expect(myXuyen.abbr).toBe('myxuyen');
    expect(tree.units.find((u) => u.name === 'UBND xã Thạnh Phú, huyện Mỹ Xuyên')?.abbr).toBe('xathanhphu.myxuyen');
    expect(tree.units.find((u) => u.name === 'Phòng Văn hóa và Thông tin huyện Mỹ Xuyên')?.abbr).toBe('pvhtt');
  });

  it('abbreviates the centre as the 2024 texts do: ttcns.sotttt (002 Điều 11 khoản 4), not trungtamcns', () => {
    const tree = buildAgencyTree(provinceFor('soctrang-2024'), 3000, new Rng('t'));
    const centre = tree.units.find((u) => u.shortName === 'Trung tâm Công nghệ số')!;
    expect(centre.abbr).toBe('ttcns');
    expect(centre.mailboxTemplate).toEqual({ template: 'department', parts: { dept: 'ttcns', abbr: 'sotttt' } });
    expect(tree.units.find((u) => u.name === 'Văn phòng - Sở Nội vụ')?.abbr).toBe('vanphong');
  });

  it('uses the 2014 abbreviations under soctrang-2014 (003 Điều 3 khoản 1: huyenmx, xatp)', () => {
    const tree = buildAgencyTree(provinceFor('soctrang-2014'), 3000, new Rng('t'));
    expect(tree.units.find((u) => u.name === 'UBND huyện Mỹ Xuyên')?.abbr).toBe('huyenmx');
    expect(tree.units.find((u) => u.name === 'UBND xã Thạnh Phú, huyện Mỹ Xuyên')?.abbr).toBe('xatp.huyenmx');
    expect(tree.units.find((u) => u.name === 'Sở Thông tin và Truyền thông')?.validTo).toBeNull();
  });

  it('merges Sở TT&TT into Sở KH&CN on 2025-03-01 under soctrang-2024; its specialised phòng move', () => {
    const tree = buildAgencyTree(provinceFor('soctrang-2024'), 3000, new Rng('t'));
    const tttt = tree.units.find((u) => u.name === 'Sở Thông tin và Truyền thông')!;
    const khcn = tree.units.find((u) => u.name === 'Sở Khoa học và Công nghệ')!;
    expect(tttt).toMatchObject({ validTo: '2025-03-01', successor: khcn });
    const cds = tree.units.find((u) => u.shortName === 'Phòng Chuyển đổi số')!;
    expect(cds.parent).toBe(khcn);
    expect(cds.moved).toEqual({ formerParent: tttt, movedOn: '2025-03-01' });
    expect(tree.staffHomes).not.toContain(tttt);
  });

  it('gives Sơn La 75 communes and wards and no district level', () => {
    const tree = buildAgencyTree(provinceFor('sonla-2025'), 3000, new Rng('t'));
    expect(tree.units.filter((u) => u.kind === 'ubnd-xa')).toHaveLength(75);
    expect(tree.units.some((u) => u.kind === 'ubnd-huyen')).toBe(false);
    expect(tree.units.find((u) => u.name === 'UBND phường Chiềng Cơi')?.validFrom).toBe('2025-07-01');
  });

  it.each([3000, 50000])('scales staff so mailboxes come to about %i', (target) => {
    const tree = buildAgencyTree(provinceFor('soctrang-2024'), target, new Rng('scale'));
    const org = tree.units.filter((u) => u.mailboxTemplate && u.validTo === null).length;
    const personal = tree.staffHomes.reduce((s, u) => s + u.personalCount, 0);
    expect(Math.abs(org + personal - target) / target).toBeLessThan(0.05);
    const headcount = tree.staffHomes.reduce((s, u) => s + (u.headcount ?? 0), 0);
    expect(personal / headcount).toBeGreaterThan(0.85);
    expect(personal / headcount).toBeLessThan(1);
  });
});
