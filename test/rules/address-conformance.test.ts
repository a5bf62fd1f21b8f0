import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { checkAddressConformance, type AddressOwner } from '../../src/rules/address.ts';

const POLICIES = {
  'soctrang-2024': loadPolicy('soctrang-2024'),
  'soctrang-2014': loadPolicy('soctrang-2014'),
  'sonla-2025': loadPolicy('sonla-2025'),
};
type Case = { policy: keyof typeof POLICIES; address: string; owner: AddressOwner; conforms: boolean };
const person = (fullName: string, agencyAbbr?: string): AddressOwner => ({ kind: 'personal', fullName, agencyAbbr });

describe.each<Case>([
  // soctrang-2024: 002 Điều 3 khoản 3, duplicates 002 Điều 3 khoản 4 điểm a.
  { policy: 'soctrang-2024', address: 'dcnguyen@soctrang.gov.vn', owner: person('Dương Chí Nguyện'), conforms: true },
  { policy: 'soctrang-2024', address: 'dcnguyen1@soctrang.gov.vn', owner: person('Dương Chí Nguyện'), conforms: true },
  { policy: 'soctrang-2024', address: 'dcnguyen1@soctrang.gov.vn', owner: person('Dư Cao Nguyên'), conforms: true },
  { policy: 'soctrang-2024', address: 'dcnguyen12@soctrang.gov.vn', owner: person('Dương Chí Nguyện'), conforms: true },
  { policy: 'soctrang-2024', address: 'DCNguyen@SocTrang.gov.vn', owner: person('Dương Chí Nguyện'), conforms: true },
  { policy: 'soctrang-2024', address: 'nguyen.dc@soctrang.gov.vn', owner: person('Dương Chí Nguyện'), conforms: false },
  { policy: 'soctrang-2024', address: 'dcnguyen01@soctrang.gov.vn', owner: person('Dương Chí Nguyện'), conforms: false },
  { policy: 'soctrang-2024', address: 'dcnguyen@socstrang.gov.vn', owner: person('Dương Chí Nguyện'), conforms: false },
  { policy: 'soctrang-2024', address: 'ntbinh.sotttt@soctrang.gov.vn', owner: person('Nguyễn Thanh Bình', 'sotttt'), conforms: false },
  { policy: 'soctrang-2024', address: 'ttsaruone@soctrang.gov.vn', owner: person('Thạch Thị Sa Rươne'), conforms: true },
  { policy: 'soctrang-2024', address: 'ttsruone@soctrang.gov.vn', owner: person('Thạch Thị Sa Rươne'), conforms: true },
  { policy: 'soctrang-2024', address: 'ttsruone@soctrang.gov.vn', owner: person('Thạch Thị|Sa Rươne'), conforms: false },
  { policy: 'soctrang-2024', address: 'khlim@soctrang.gov.vn', owner: person("Ksor H'Lim"), conforms: true },
  { policy: 'soctrang-2024', address: 'gapao1@soctrang.gov.vn', owner: person('Giàng A Páo'), conforms: true },
  // soctrang-2014: 003 Điều 3 khoản 2, duplicates 003 Điều 3 khoản 3 điểm b.
  { policy: 'soctrang-2014', address: 'ntbinh@soctrang.gov.vn', owner: person('Nguyễn Thanh Bình', 'sotttt'), conforms: true },
  { policy: 'soctrang-2014', address: 'ntbinh.sotttt@soctrang.gov.vn', owner: person('Nguyễn Thanh Bình', 'sotttt'), conforms: true },
  { policy: 'soctrang-2014', address: 'ntbinh2.sotttt@soctrang.gov.vn', owner: person('Nguyễn Thanh Bình', 'sotttt'), conforms: true },
  { policy: 'soctrang-2014', address: 'ntbinh2.sotttt@soctrang.gov.vn', owner: person('Nguyễn Thanh Bình'), conforms: true },
  { policy: 'soctrang-2014', address: 'ntbinh1.sotttt@soctrang.gov.vn', owner: person('Nguyễn Thanh Bình', 'sotttt'), conforms: false },
  { policy: 'soctrang-2014', address: 'ntbinh.sonv@soctrang.gov.vn', owner: person('Nguyễn Thanh Bình', 'sotttt'), conforms: false },
  { policy: 'soctrang-2014', address: 'ntbinh1@soctrang.gov.vn', owner: person('Nguyễn Thanh Bình', 'sotttt'), conforms: false },
  { policy: 'soctrang-2014', address: 'dvthong@soctrang.gov.vn', owner: person('Đoàn Văn Thông'), conforms: true },
  // sonla-2025: 004 Điều 5 khoản 2–3.
  { policy: 'sonla-2025', address: 'binhnt.sokhcn@sonla.gov.vn', owner: person('Nguyễn Thanh Bình', 'sokhcn'), conforms: true },
  { policy: 'sonla-2025', address: 'binhnt2.sokhcn@sonla.gov.vn', owner: person('Nguyễn Thanh Bình', 'sokhcn'), conforms: true },
  { policy: 'sonla-2025', address: 'binhnt.sokhcn@sonla.gov.vn', owner: person('Nguyễn Thanh Bình'), conforms: true },
  { policy: 'sonla-2025', address: 'ntbinh.sokhcn@sonla.gov.vn', owner: person('Nguyễn Thanh Bình', 'sokhcn'), conforms: false },
  { policy: 'sonla-2025', address: 'binhnt@sonla.gov.vn', owner: person('Nguyễn Thanh Bình', 'sokhcn'), conforms: false },
  { policy: 'sonla-2025', address: 'binhnt.sonv@sonla.gov.vn', owner: person('Nguyễn Thanh Bình', 'sokhcn'), conforms: false },
  // Organisational mailboxes: a known part must match, an unknown one may be anything.
  { policy: 'soctrang-2024', address: 'sotttt@soctrang.gov.vn', owner: { kind: 'org', template: 'agency', parts: { abbr: 'sotttt' } }, conforms: true },
  { policy: 'soctrang-2024', address: 'phongcds.sotttt@soctrang.gov.vn', owner: { kind: 'org', template: 'department', parts: { abbr: 'sotttt' } }, conforms: true },
  { policy: 'soctrang-2024', address: 'sotttt.phongcds@soctrang.gov.vn', owner: { kind: 'org', template: 'department', parts: { abbr: 'sotttt' } }, conforms: false },
  { policy: 'soctrang-2024', address: 'phongcds@soctrang.gov.vn', owner: { kind: 'org', template: 'department', parts: { abbr: 'sotttt' } }, conforms: false },
  { policy: 'soctrang-2014', address: 'xatp.huyenmx@soctrang.gov.vn', owner: { kind: 'org', template: 'subLocality', parts: { sub: 'xatp', abbr: 'huyenmx' } }, conforms: true },
  { policy: 'sonla-2025', address: 'muongbu@sonla.gov.vn', owner: { kind: 'org', template: 'locality', parts: { name: 'Xã Mường Bú' } }, conforms: true },
  { policy: 'sonla-2025', address: 'xamuongbu@sonla.gov.vn', owner: { kind: 'org', template: 'locality', parts: { name: 'Xã Mường Bú' } }, conforms: false },
])('$policy: $address', ({ policy, address, owner, conforms }) => {
  it(conforms ? 'conforms' : 'does not conform, with a reason', () => {
    const result = checkAddressConformance(POLICIES[policy], address, owner);
    expect(result.conforms).toBe(conforms);
    if (conforms) expect(result.reason).toBeUndefined();
    else expect(result.reason).toMatch(/không đúng định dạng|tên miền|không kiểm tra được/);
  });
});

describe('conformance result details', () => {
  it('lists the expected forms, base first, and cites the rule by the document\'s name (it reaches findings and downloads)', () => {
    const r = checkAddressConformance(POLICIES['soctrang-2024'], 'nguyen.dc@soctrang.gov.vn', person('Dương Chí Nguyện'));
    expect(r.expected).toEqual(['dcnguyen@soctrang.gov.vn', 'dcnguyen1@soctrang.gov.vn', 'dcnguyen2@soctrang.gov.vn']);
    expect(r.reason).toContain('khoản 3 Điều 3 Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND');
    expect(r.reason).toContain('điểm a khoản 4 Điều 3 Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND');
  });
  it('names the wrong domain', () => {
    const r = checkAddressConformance(POLICIES['soctrang-2024'], 'dcnguyen@socstrang.gov.vn', person('Dương Chí Nguyện'));
    expect(r.reason).toContain('socstrang.gov.vn');
  });
  it('marks an unknown agency in the expected forms', () => {
    const r = checkAddressConformance(POLICIES['sonla-2025'], 'x@sonla.gov.vn', person('Nguyễn Thanh Bình'));
    expect(r.expected[0]).toBe('binhnt.<cơ quan>@sonla.gov.vn');
  });
  it('an owner name without letters cannot be judged, and says so instead of throwing', () => {
    const r = checkAddressConformance(POLICIES['soctrang-2024'], 'abc@soctrang.gov.vn', person('???'));
    expect(r).toMatchObject({ conforms: false, expected: [] });
    expect(r.reason).toContain('không kiểm tra được');
  });
});
