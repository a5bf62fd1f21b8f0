// Who sends and signs the report (NĐ 30/2020/NĐ-CP Phụ lục I: tên cơ quan ban hành, ký hiệu, quyền hạn và chức vụ
// người ký): the agency the profile names, followed through the agency list's mergers to the version in force on the
// report date, unless the profile overrides it.
import { describe, expect, it } from 'vitest';
import type { AgencyVersion } from '../../src/warehouse/reports/figureTypes.ts';
import { agencyAbbr, agencyOnDate, headTitle, resolveSender } from '../../src/reports/sender.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';

const v = (code: string, name: string, from: string, to: string | null, successor: string | null = null, parent: string | null = null): AgencyVersion => ({
  code, name, parent_code: parent, kind: 'so-nganh', valid_from: from, valid_to: to, successor_code: successor,
});

// Sóc Trăng 2025: Sở TT&TT merged into Sở KH&CN on 01/03/2025; Sở KH&CN was renamed in 2026 (a made-up rename, to
// show that the version in force is taken, not the first one).
const LIST: AgencyVersion[] = [
  v('ST.28', 'Sở Thông tin và Truyền thông', '2008-01-01', '2025-03-01', 'ST.14'),
  v('ST.14', 'Sở Khoa học và Công nghệ', '2008-01-01', '2026-06-01'),
  v('ST.14', 'Sở Khoa học, Công nghệ và Chuyển đổi số', '2026-06-01', null),
  v('ST.28.TT', 'Trung tâm Công nghệ số', '2015-01-01', null, null, 'ST.14'),
];
const st24 = loadPolicy('soctrang-2024');

describe('the agency on the report date', () => {
  it.each([
    ['2025-02-10', 'Sở Thông tin và Truyền thông'],
    ['2025-03-01', 'Sở Khoa học và Công nghệ'],
    ['2026-01-05', 'Sở Khoa học và Công nghệ'],
    ['2026-11-21', 'Sở Khoa học, Công nghệ và Chuyển đổi số'],
  ])('Sở TT&TT named by the profile, report dated %s → %s', (date, name) => {
    expect(agencyOnDate(LIST, 'Sở Thông tin và Truyền thông', date)?.name).toBe(name);
  });

  it('matches the name however it is spelled (NFD, case) and says null for a name the list never held', () => {
    expect(agencyOnDate(LIST, 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'.normalize('NFD'), '2025-01-01')?.code).toBe('ST.28');
    expect(agencyOnDate(LIST, 'Sở Nội vụ', '2025-01-01')).toBeNull();
  });
});

describe('the sender and signature block', () => {
  it('a year report dated 05/01/2026 is sent by Sở KH&CN under "SKHCN", ký thay the Giám đốc, with its parent UBND tỉnh', () => {
    expect(resolveSender(st24, 'Sở Thông tin và Truyền thông', LIST, '2026-01-05')).toEqual({
      agency: 'Sở Khoa học và Công nghệ',
      parent: 'UBND tỉnh Sóc Trăng',
      abbr: 'SKHCN',
      authority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
      signerName: null,
    });
  });

  it('before the merger it is still Sở TT&TT ("STTTT"); an agency missing from the list keeps the profile\'s name', () => {
    expect(resolveSender(st24, 'Sở Thông tin và Truyền thông', LIST, '2025-01-15')).toMatchObject({ agency: 'Sở Thông tin và Truyền thông', abbr: 'STTTT' });
    expect(resolveSender(st24, 'Sở Nội vụ', [], '2025-01-15')).toMatchObject({ agency: 'Sở Nội vụ', abbr: 'SNV', parent: 'UBND tỉnh Sóc Trăng' });
  });

  it('takes the parent from the agency list when it has one', () => {
    expect(resolveSender(st24, 'Trung tâm Công nghệ số', LIST, '2026-01-05')).toMatchObject({
      agency: 'Trung tâm Công nghệ số',
      parent: 'Sở Khoa học và Công nghệ',
      abbr: 'TTCNS',
      authority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    });
  });

  it('the profile overrides any part: the head signs, a fixed abbreviation, the signer\'s name', () => {
    const policy = { ...st24, reportSender: { abbr: 'KHCN', authority: null, signerName: 'Nguyễn Văn An' } };
    expect(resolveSender(policy, 'Sở Thông tin và Truyền thông', LIST, '2026-01-05')).toMatchObject({
      agency: 'Sở Khoa học và Công nghệ',
      abbr: 'KHCN',
      authority: ['GIÁM ĐỐC'],
      signerName: 'Nguyễn Văn An',
    });
    const tl = { ...st24, reportSender: { agency: 'Văn phòng UBND tỉnh', parent: null, authority: 'TL.' as const, signerTitle: 'Trưởng phòng Kinh tế' } };
    expect(resolveSender(tl, 'Sở Thông tin và Truyền thông', LIST, '2026-01-05')).toMatchObject({
      agency: 'Văn phòng UBND tỉnh',
      parent: null,
      abbr: 'VPUT',
      authority: ['TL. CHÁNH VĂN PHÒNG', 'TRƯỞNG PHÒNG KINH TẾ'],
    });
  });

  it.each([
    ['Sở Khoa học và Công nghệ', 'Giám đốc'],
    ['Ủy ban nhân dân huyện Mỹ Xuyên', 'Chủ tịch'],
    ['UBND xã Long Phú', 'Chủ tịch'],
    ['Văn phòng UBND tỉnh', 'Chánh Văn phòng'],
    ['Ban Dân tộc', 'Trưởng ban'],
    ['Thanh tra tỉnh', 'Chánh Thanh tra'],
    ['Trung tâm Công nghệ số', 'Giám đốc'],
    ['Tỉnh Đoàn', 'Thủ trưởng cơ quan'],
  ])('the head of %s is the %s', (agency, title) => {
    expect(headTitle(agency)).toBe(title);
  });

  it.each([
    ['Sở Thông tin và Truyền thông', 'STTTT'],
    ['Sở Khoa học và Công nghệ', 'SKHCN'],
    ['Sở Nông nghiệp và Môi trường', 'SNNMT'],
    ['Đài Phát thanh và Truyền hình', 'ĐPTTH'],
  ])('abbreviates %s as %s', (name, abbr) => {
    expect(agencyAbbr(name)).toBe(abbr);
  });
});
