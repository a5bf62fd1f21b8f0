import { describe, expect, it } from 'vitest';
import { attrValue, attrValues, generalizedTimeToIso, parseZimbraDump } from '../../src/inputs/zimbraDump.ts';

const nameB64 = Buffer.from('Thạch Thị Sô Phia', 'utf8').toString('base64');

const DUMP = [
  '# name dcnguyen@soctrang.gov.vn',
  'cn: Dương Chí Nguyện',
  'company: Sở Thông tin và Truyền thông',
  'displayName: Dương Chí Nguyện',
  'objectClass: inetOrgPerson',
  'objectClass: zimbraAccount',
  'userPassword: {SSHA512}q1w2e3r4t5y6u7i8o9p0',
  'zimbraNotes: Chuyển từ phòng Bưu chính',
  'sang phòng Chuyển đổi số',
  'zimbraPrefMailForwardingAddress: dcnguyen.stttt@gmail.com',
  'zimbraPrefMailForwardingAddress: dcn@soctrang.gov.vn',
  '',
  '# name ttsphia@soctrang.gov.vn',
  `displayName:: ${nameB64}`,
  'zimbraPasswordHistory: 1700000000000:{SSHA512}abc',
  'description:: !!!',
  '',
].join('\n');

describe('parseZimbraDump (zmprov -l gaa -v, SPEC §3.2)', () => {
  const dump = parseZimbraDump(DUMP);
  const [first, second] = dump.accounts;

  it('starts an account at each "# name" line', () => {
    expect(dump.accounts.map((a) => [a.line, a.name])).toEqual([
      [1, 'dcnguyen@soctrang.gov.vn'],
      [13, 'ttsphia@soctrang.gov.vn'],
    ]);
    expect(dump.stray).toEqual([]);
  });
  it('keeps repeated attributes as multiple values', () => {
    expect(attrValues(first!, 'objectClass')).toEqual(['inetOrgPerson', 'zimbraAccount']);
    expect(attrValues(first!, 'zimbraPrefMailForwardingAddress')).toEqual(['dcnguyen.stttt@gmail.com', 'dcn@soctrang.gov.vn']);
  });
  it('joins an unprefixed line to the previous value with a newline', () => {
    expect(attrValue(first!, 'zimbraNotes')).toBe('Chuyển từ phòng Bưu chính\nsang phòng Chuyển đổi số');
  });
  it('decodes "attr:: base64" as UTF-8', () => {
    expect(attrValue(second!, 'displayName')).toBe('Thạch Thị Sô Phia');
  });
  it('drops userPassword and password-hash-like values', () => {
    expect(first!.attrs.has('userpassword')).toBe(false);
    expect(second!.attrs.has('zimbrapasswordhistory')).toBe(false);
    expect(JSON.stringify(dump)).not.toContain('SSHA512');
  });
  it('reports invalid base64 with its line', () => {
    expect(second!.issues).toEqual([{ line: 16, attribute: 'description', reason: 'giá trị base64 không hợp lệ ở thuộc tính description' }]);
  });
  it('reports attribute lines outside any account', () => {
    expect(parseZimbraDump('cn: mồ côi\n# name a@soctrang.gov.vn\n').stray).toEqual([
      { line: 1, text: 'cn: mồ côi', reason: 'dòng không thuộc tài khoản nào (thiếu dòng "# name <địa chỉ>" phía trước)' },
    ]);
  });
});

describe('generalizedTimeToIso', () => {
  it.each([
    ['20241105093000Z', '2024-11-05T09:30:00.000Z'],
    ['20260728064034.819Z', '2026-07-28T06:40:34.819Z'],
    ['20260728134034+0700', '2026-07-28T06:40:34.000Z'],
    ['202611201530Z', '2026-11-20T15:30:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(generalizedTimeToIso(raw)).toBe(iso);
  });
  it.each(['20240231093000Z', '2024-11-05', '20241105253000Z'])('%s is not a generalized time', (raw) => {
    expect(generalizedTimeToIso(raw)).toBeNull();
  });
});
