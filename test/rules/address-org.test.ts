import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { AddressError, abbreviateOrgName, orgAddress, type OrgParts, type OrgTemplate } from '../../src/rules/address.ts';

const POLICIES = {
  'soctrang-2024': loadPolicy('soctrang-2024'),
  'soctrang-2014': loadPolicy('soctrang-2014'),
  'sonla-2025': loadPolicy('sonla-2025'),
};

describe.each([
  // 001 Điều 3 khoản 1–2 (draft 2 of the 2024 regulation); 002 writes the domain "socstrang" by mistake.
  { seed: '001 Điều 3 khoản 1', policy: 'soctrang-2024', template: 'agency', parts: { abbr: 'sotttt' }, local: 'sotttt' },
  { seed: '001 Điều 3 khoản 1', policy: 'soctrang-2024', template: 'department', parts: { dept: 'phongcds', abbr: 'sotttt' }, local: 'phongcds.sotttt' },
  { seed: '001 Điều 3 khoản 2', policy: 'soctrang-2024', template: 'locality', parts: { abbr: 'myxuyen' }, local: 'myxuyen' },
  { seed: '001 Điều 3 khoản 2', policy: 'soctrang-2024', template: 'subLocality', parts: { sub: 'xathanhphu', abbr: 'myxuyen' }, local: 'xathanhphu.myxuyen' },
  { seed: '001 Điều 3 khoản 2', policy: 'soctrang-2024', template: 'localityDepartment', parts: { dept: 'phongvhtt', abbr: 'myxuyen' }, local: 'phongvhtt.myxuyen' },
  { seed: '002 Điều 3 khoản 2', policy: 'soctrang-2024', template: 'localityDepartment', parts: { dept: 'pvhtt', abbr: 'myxuyen' }, local: 'pvhtt.myxuyen' },
  // 003 Điều 3 khoản 1 (QĐ 17/2014).
  { seed: '003 Điều 3 khoản 1 điểm a', policy: 'soctrang-2014', template: 'agency', parts: { abbr: 'sotttt' }, local: 'sotttt' },
  { seed: '003 Điều 3 khoản 1 điểm a', policy: 'soctrang-2014', template: 'locality', parts: { abbr: 'huyenmx' }, local: 'huyenmx' },
  { seed: '003 Điều 3 khoản 1 điểm b', policy: 'soctrang-2014', template: 'department', parts: { dept: 'phongcntt', abbr: 'sotttt' }, local: 'phongcntt.sotttt' },
  { seed: '003 Điều 3 khoản 1 điểm b', policy: 'soctrang-2014', template: 'localityDepartment', parts: { dept: 'phongvhtt', abbr: 'huyenmx' }, local: 'phongvhtt.huyenmx' },
  { seed: '003 Điều 3 khoản 1 điểm b', policy: 'soctrang-2014', template: 'subLocality', parts: { sub: 'xatp', abbr: 'huyenmx' }, local: 'xatp.huyenmx' },
  // 004 Điều 5 khoản 1 (Sơn La draft, no examples in the text): the commune's name is written in full.
  { seed: '004 Điều 5 khoản 1 điểm a', policy: 'sonla-2025', template: 'agency', parts: { abbr: 'sokhcn' }, local: 'sokhcn' },
  { seed: '004 Điều 5 khoản 1 điểm b', policy: 'sonla-2025', template: 'locality', parts: { name: 'Xã Mường Bú' }, local: 'muongbu' },
  { seed: '004 Điều 5 khoản 1 điểm b', policy: 'sonla-2025', template: 'locality', parts: { name: 'Phường Chiềng An' }, local: 'chiengan' },
  { seed: '004 Điều 5 khoản 1 điểm b', policy: 'sonla-2025', template: 'locality', parts: { name: 'muongbu' }, local: 'muongbu' },
  { seed: '004 Điều 5 khoản 1 điểm c', policy: 'sonla-2025', template: 'department', parts: { dept: 'vanphong', abbr: 'sokhcn' }, local: 'vanphong.sokhcn' },
  { seed: '004 Điều 5 khoản 1 điểm c', policy: 'sonla-2025', template: 'localityDepartment', parts: { dept: 'vanhoaxahoi', abbr: 'muongbu' }, local: 'vanhoaxahoi.muongbu' },
] as { seed: string; policy: keyof typeof POLICIES; template: OrgTemplate; parts: OrgParts; local: string }[])(
  '$seed: $template $local',
  ({ policy, template, parts, local }) => {
    it('builds the address from the profile template', () => {
      const p = POLICIES[policy];
      expect(orgAddress(p, template, parts)).toBe(`${local}@${p.domain.value}`);
    });
  },
);

describe('orgAddress input handling', () => {
  const p = POLICIES['soctrang-2024'];
  it('folds capitals and accents of a part', () => {
    expect(orgAddress(p, 'department', { dept: 'PhongCDS', abbr: 'SởTTTT' })).toBe('phongcds.sotttt@soctrang.gov.vn');
  });
  it('a missing placeholder is an error citing the template', () => {
    expect(() => orgAddress(p, 'department', { abbr: 'sotttt' })).toThrow(/\{dept\}.*002 Điều 3 khoản 1|002 Điều 3 khoản 1.*\{dept\}/);
  });
  it('a part with other characters is an error', () => {
    expect(() => orgAddress(p, 'agency', { abbr: 'so@tttt' })).toThrow(AddressError);
  });
});

describe.each([
  // 001 Điều 3 khoản 1; 003 Điều 3 khoản 1 điểm a–b: type word whole, the rest by initials.
  { name: 'Sở Thông tin và Truyền thông', options: {}, abbr: 'sotttt' },
  { name: 'Sở Thông tin và Truyền thông tỉnh Sóc Trăng', options: {}, abbr: 'sotttt' },
  { name: 'Phòng Chuyển đổi số', options: {}, abbr: 'phongcds' },
  { name: 'Phòng Chuyển đổi số của Sở Thông tin và Truyền thông', options: {}, abbr: 'phongcds' },
  { name: 'Phòng Công nghệ thông tin', options: {}, abbr: 'phongcntt' },
  { name: 'Phòng Văn hoá - Thông tin', options: {}, abbr: 'phongvhtt' },
  { name: 'Phòng Văn hóa Thông tin', options: {}, abbr: 'phongvhtt' },
  { name: 'UBND huyện Mỹ Xuyên', options: {}, abbr: 'huyenmx' },
  { name: 'Ủy ban nhân dân huyện Mỹ Xuyên', options: {}, abbr: 'huyenmx' },
  { name: 'Xã Thạnh Phú', options: {}, abbr: 'xatp' },
  { name: 'Sở KH&CN', options: {}, abbr: 'sokhcn' },
  { name: 'Sở Khoa học và Công nghệ', options: {}, abbr: 'sokhcn' },
  { name: 'Phường 10', options: {}, abbr: 'phuong10' },
  { name: 'Sở Thông tin và Truyền thông'.normalize('NFD'), options: {}, abbr: 'sotttt' },
  // 002 Điều 3 khoản 2 abbreviates the type word too ("pvhtt") and spells localities out (myxuyen, xathanhphu).
  { name: 'Phòng Văn hóa - Thông tin', options: { typeWord: 'initials' }, abbr: 'pvhtt' },
  { name: 'UBND Huyện Mỹ Xuyên', options: { typeWord: 'omit', rest: 'whole' }, abbr: 'myxuyen' },
  { name: 'UBND Xã Thạnh phú', options: { rest: 'whole' }, abbr: 'xathanhphu' },
  // 002 Điều 11 khoản 4 and 001 Điều 12 khoản 4: "Trung tâm Công nghệ số … ttcns.sotttt@soctrang.gov.vn". The 2024
  // texts write a one-word type word whole (sotttt, phongcds) and Trung tâm by its initials; 003 Điều 3 khoản 1
  // điểm a writes the type word in full, the default.
  { name: 'Trung tâm Công nghệ số', options: { typeWord: 'short' }, abbr: 'ttcns' },
  { name: 'Trung tâm Công nghệ số', options: {}, abbr: 'trungtamcns' },
  { name: 'Phòng Chuyển đổi số', options: { typeWord: 'short' }, abbr: 'phongcds' },
  { name: 'Sở Thông tin và Truyền thông', options: { typeWord: 'short' }, abbr: 'sotttt' },
  { name: 'Văn phòng', options: { typeWord: 'short' }, abbr: 'vanphong' },
  { name: 'Chi cục Thủy lợi', options: { typeWord: 'short' }, abbr: 'cctl' },
  // 004 Điều 5 khoản 1 điểm b: the commune's name without spaces or accents.
  { name: 'Xã Mường Bú', options: { typeWord: 'omit', rest: 'whole' }, abbr: 'muongbu' },
] as const)('abbreviateOrgName($name, $options)', ({ name, options, abbr }) => {
  it(`→ ${abbr}`, () => {
    expect(abbreviateOrgName(name, options)).toBe(abbr);
  });
});

describe('abbreviateOrgName rejects names with nothing usable', () => {
  it.each(['', '  ', '—', 'ស្រុក'])('%j', (name) => {
    expect(() => abbreviateOrgName(name)).toThrow(/không cho ra được tên viết tắt/);
  });
});
