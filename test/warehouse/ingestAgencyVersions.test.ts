import { describe, expect, it } from 'vitest';
import type { AgencyRow } from '../../src/inputs/agencies.ts';
import { planAgencyVersions, type AgencyVersion } from '../../src/warehouse/ingest/agencyVersions.ts';

function row(over: Partial<AgencyRow> = {}): AgencyRow {
  return {
    code: 'STTTT',
    name: 'Sở Thông tin và Truyền thông',
    abbr: 'sotttt',
    parent_code: null,
    kind: 'so-nganh',
    group: 'so-nganh',
    headcount: 45,
    phone: '02993822001',
    address: '18 Hùng Vương, Phường 6, TP. Sóc Trăng',
    valid_from: '2008-04-01',
    valid_to: null,
    successor_code: null,
    ...over,
  };
}

const pick = (vs: AgencyVersion[]) => vs.map((v) => [v.code, v.valid_from, v.valid_to, v.name, v.successor_code, v.first_seen, v.last_seen]);

describe('planAgencyVersions (SPEC §3.1: history survives mergers and renames)', () => {
  const night1 = planAgencyVersions([], [row()], '2024-12-31');

  it('a first catalogue stores each row as a version', () => {
    expect(pick(night1)).toEqual([['STTTT', '2008-04-01', null, 'Sở Thông tin và Truyền thông', null, '2024-12-31', '2024-12-31']]);
  });

  it('the same row the next night only moves last_seen', () => {
    expect(pick(planAgencyVersions(night1, [row()], '2025-01-01'))).toEqual([
      ['STTTT', '2008-04-01', null, 'Sở Thông tin và Truyền thông', null, '2024-12-31', '2025-01-01'],
    ]);
  });

  it('a merger closes the version and names the successor, keeping its facts', () => {
    const merged = planAgencyVersions(night1, [row({ valid_to: '2025-03-01', successor_code: 'SKHCN' })], '2025-03-02');
    expect(pick(merged)).toEqual([['STTTT', '2008-04-01', '2025-03-01', 'Sở Thông tin và Truyền thông', 'SKHCN', '2024-12-31', '2025-03-02']]);
    expect(merged[0]!.headcount).toBe(45);
  });

  it('a rename without a new valid_from starts a version from the export date and closes the old one there', () => {
    const renamed = planAgencyVersions(night1, [row({ name: 'Sở Khoa học, Công nghệ và Truyền thông' })], '2025-03-02');
    expect(pick(renamed)).toEqual([
      ['STTTT', '2008-04-01', '2025-03-02', 'Sở Thông tin và Truyền thông', null, '2024-12-31', '2024-12-31'],
      ['STTTT', '2025-03-02', null, 'Sở Khoa học, Công nghệ và Truyền thông', null, '2025-03-02', '2025-03-02'],
    ]);
    // The next night still sends the old valid_from with the new name: it is the current version, nothing new.
    const again = planAgencyVersions(renamed, [row({ name: 'Sở Khoa học, Công nghệ và Truyền thông' })], '2025-03-03');
    expect(pick(again)).toEqual([
      ['STTTT', '2008-04-01', '2025-03-02', 'Sở Thông tin và Truyền thông', null, '2024-12-31', '2024-12-31'],
      ['STTTT', '2025-03-02', null, 'Sở Khoa học, Công nghệ và Truyền thông', null, '2025-03-02', '2025-03-03'],
    ]);
  });

  it('a move announced with its own rows (old closed, new from the move) keeps both', () => {
    const moved = planAgencyVersions(
      night1,
      [
        row({ valid_to: '2025-07-01' }),
        row({ name: 'Phòng Thông tin - Sở KH&CN', parent_code: 'SKHCN', kind: 'phong-ban', group: 'phong-ban', valid_from: '2025-07-01' }),
      ],
      '2025-07-01',
    );
    expect(pick(moved)).toEqual([
      ['STTTT', '2008-04-01', '2025-07-01', 'Sở Thông tin và Truyền thông', null, '2024-12-31', '2025-07-01'],
      ['STTTT', '2025-07-01', null, 'Phòng Thông tin - Sở KH&CN', null, '2025-07-01', '2025-07-01'],
    ]);
  });

  it('a corrected file for the same night replaces that night\'s own version', () => {
    const fixed = planAgencyVersions(night1, [row({ headcount: 47 })], '2024-12-31');
    expect(fixed).toHaveLength(1);
    expect(fixed[0]!.headcount).toBe(47);
  });

  it('leaves other agencies alone', () => {
    expect(planAgencyVersions(night1, [row({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' })], '2025-01-01').map((v) => v.code)).toEqual(['SKHCN']);
  });
});
