import { describe, expect, it } from 'vitest';
import { zimbraMailboxes, type AgencyResolver } from '../../src/inputs/zimbraMailboxes.ts';

const AGENCIES: Record<string, string> = {
  'Sở Thông tin và Truyền thông': 'STTTT',
  'UBND huyện Mỹ Xuyên': 'HMX',
};
const resolve: AgencyResolver = (name) => (AGENCIES[name] ? { code: AGENCIES[name] } : { reason: `không tìm thấy cơ quan "${name}"` });

const DUMP = `# name sotttt@soctrang.gov.vn
company: Sở Thông tin và Truyền thông
description: Hộp thư cơ quan
displayName: Sở Thông tin và Truyền thông
telephoneNumber: 02993822001
zimbraAccountStatus: active
zimbraCreateTimestamp: 20150302010000Z
zimbraMailDeliveryAddress: sotttt@soctrang.gov.vn
zimbraMailQuota: 5368709120
zimbraPasswordModifiedTime: 20260901020000Z
zimbraPasswordMustChange: FALSE

# name dcnguyen@soctrang.gov.vn
company: Sở Thông tin và Truyền thông
displayName: Dương Chí Nguyện
ou: Phòng Chuyển đổi số
telephoneNumber: 0918123456
title: Trưởng phòng
userPassword: {SSHA512}Zm9vYmFy
zimbraAccountStatus: lockout
zimbraCreateTimestamp: 20260728064034.819Z
zimbraLastLogonTimestamp: 20261119092000Z
zimbraMailQuota: 0
zimbraPrefMailForwardingAddress: dcnguyen.stttt@gmail.com

# name lvpan@soctrang.gov.vn
company: Sở Giao thông vận tải cũ
zimbraAccountStatus: active

# name ntbinh@soctrang.gov.vn
company: UBND huyện Mỹ Xuyên
zimbraAccountStatus: active
zimbraCreateTimestamp: 2026072806

# name dcnguyen@soctrang.gov.vn
company: UBND huyện Mỹ Xuyên
zimbraAccountStatus: active
`;

describe('zimbraMailboxes: Zimbra attributes → mailbox rows', () => {
  const result = zimbraMailboxes('zimbra-accounts.txt', DUMP, resolve);

  it('maps an agency mailbox: description marks co-quan, quota bytes → MB, office phone kept', () => {
    expect(result.rows[0]).toMatchObject({
      line: 1,
      row: {
        address: 'sotttt@soctrang.gov.vn',
        kind: 'co-quan',
        agency_code: 'STTTT',
        status: 'active',
        created_at: '2015-03-02T01:00:00.000Z',
        password_changed_at: '2026-09-01T02:00:00.000Z',
        must_change_password: false,
        quota_mb: 5120,
        phone: '02993822001',
      },
    });
  });
  it('maps a personal mailbox: lockout → locked, quota 0 → no limit, personal phone dropped', () => {
    expect(result.rows[1]!.row).toMatchObject({
      address: 'dcnguyen@soctrang.gov.vn',
      kind: 'ca-nhan',
      department: 'Phòng Chuyển đổi số',
      title: 'Trưởng phòng',
      status: 'locked',
      created_at: '2026-07-28T06:40:34.819Z',
      last_login_at: '2026-11-19T09:20:00.000Z',
      quota_mb: null,
      forward_to: ['dcnguyen.stttt@gmail.com'],
      phone: null,
    });
    expect(JSON.stringify(result)).not.toContain('0918123456');
    expect(JSON.stringify(result)).not.toContain('SSHA512');
  });
  it('rejects an unknown company, an invalid time and a repeated account, at the attribute line', () => {
    expect(result.rejected.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 27, column: 'company', reason: 'không tìm thấy cơ quan "Sở Giao thông vận tải cũ"' },
      {
        line: 33,
        column: 'zimbraCreateTimestamp',
        reason: 'thời điểm không hợp lệ "2026072806" (định dạng ISO 8601 hoặc dd/mm/yyyy hh:mm[:ss])',
      },
      { line: 35, column: null, reason: 'tài khoản "dcnguyen@soctrang.gov.vn" đã có ở dòng 13' },
    ]);
  });
  it('collects every address for the registry, good or bad', () => {
    expect([...result.addresses].sort()).toEqual(['dcnguyen@soctrang.gov.vn', 'lvpan@soctrang.gov.vn', 'ntbinh@soctrang.gov.vn', 'sotttt@soctrang.gov.vn']);
  });
});
