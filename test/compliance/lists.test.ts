import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/reports/csv.ts';
import { makeFinding, findingCountsByRule, findingsByAgency } from '../../src/rules/compliance/findings.ts';
import { complianceLists } from '../../src/rules/compliance/lists.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';

const st24 = loadPolicy('soctrang-2024');
const sonla = loadPolicy('sonla-2025');
const base = { subjectName: 'Nguyễn Văn An', agencyCode: 'SKHCN', agencyName: 'Sở Khoa học và Công nghệ', detail: 'chi tiết' };

describe('regulation lists from findings', () => {
  const findings = [
    makeFinding(st24, '2025-06-30', 'password-default', { ...base, subject: 'a@soctrang.gov.vn', since: '2025-03-04' }),
    makeFinding(st24, '2025-06-30', 'forward-external', { ...base, subject: 'b@soctrang.gov.vn', subjectName: '@SUM(A1)', since: '2025-02-01' }),
    makeFinding(st24, '2025-06-30', 'password-stale', { ...base, subject: 'c@soctrang.gov.vn', since: '2025-05-01' }),
    makeFinding(st24, '2025-06-30', 'inactive-revoke', { ...base, subject: 'c@soctrang.gov.vn', since: '2025-04-01' }),
  ];

  it('three lists, rows numbered, ISO dates (a date column), each row citing the regulation by its name', () => {
    const lists = complianceLists(st24, findings);
    expect(lists.map((l) => [l.fileName, l.table.rows.length])).toEqual([
      ['mat-khau.csv', 2],
      ['thu-hoi-tam-khoa.csv', 1],
      ['chuyen-tiep-ra-ngoai.csv', 1],
    ]);
    expect(lists[0]!.table.rows[0]).toEqual([1, 'a@soctrang.gov.vn', 'Nguyễn Văn An', 'SKHCN', 'Sở Khoa học và Công nghệ',
      'Chưa đổi mật khẩu mặc định sau thời hạn', 'điểm i khoản 2 Điều 11 Dự thảo 2 Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng',
      '2025-03-04', 'chi tiết']);
    expect(lists[0]!.table.columns[7]).toMatchObject({ header: 'Từ ngày', type: 'date' });
    expect(lists[0]!.citations).toEqual(['001 Điều 11 khoản 2 điểm i (dự thảo)', '002 Điều 8 khoản 2 điểm c']);
    expect(lists[1]!.notApplicable).toEqual(['Không đăng nhập quá thời hạn, cần tạm khóa', 'Tạm khóa quá thời hạn, cần thu hồi']);
  });

  it('CSV: UTF-8 BOM, Vietnamese header, formula cells neutralised', () => {
    const csv = toCsv(complianceLists(st24, findings)[2]!.table);
    expect(csv.startsWith('\uFEFFSTT,Địa chỉ hộp thư,Tên hộp thư / họ tên,Mã cơ quan,"Cơ quan, đơn vị",')).toBe(true);
    expect(csv).toContain(",'@SUM(A1),");
  });

  it('sonla-2025 has no forwarding rule: the list says so instead of showing an empty verdict', () => {
    const list = complianceLists(sonla, [])[2]!;
    expect(list.citations).toEqual([]);
    expect(list.notApplicable).toEqual(['Chuyển thư tự động ra ngoài hệ thống của tỉnh']);
  });
});

describe('roll-ups', () => {
  it('counts by rule list every rule, zero included, and say which the profile lacks', () => {
    const counts = findingCountsByRule(sonla, [makeFinding(sonla, '2025-06-30', 'inactive-lock', { ...base, subject: 'x', since: '2025-04-10' })]);
    expect(counts.find((c) => c.ruleId === 'inactive-lock')!.count).toBe(1);
    expect(counts.find((c) => c.ruleId === 'password-stale')!.count).toBe(0);
    expect(counts.find((c) => c.ruleId === 'forward-external')!.notApplicable).toContain('không quy định');
  });

  it('per agency by rule and severity', () => {
    const [s] = findingsByAgency([
      makeFinding(st24, '2025-06-30', 'password-default', { ...base, subject: 'a', since: '2025-03-04' }),
      makeFinding(st24, '2025-06-30', 'quota-near', { ...base, subject: 'a', since: '2025-03-04' }),
    ]);
    expect(s).toMatchObject({ agencyCode: 'SKHCN', total: 2, byRule: { 'password-default': 1, 'quota-near': 1 }, bySeverity: { 'vi-pham': 1, 'canh-bao': 0, 'thong-tin': 1 } });
  });
});
