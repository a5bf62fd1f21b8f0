import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import {
  AddressError,
  allocatePersonalAddress,
  parsePersonalName,
  personalLocalBase,
} from '../../src/rules/address.ts';

const soctrang2024 = loadPolicy('soctrang-2024');
const soctrang2014 = loadPolicy('soctrang-2014');
const sonla2025 = loadPolicy('sonla-2025');
const POLICIES = { 'soctrang-2024': soctrang2024, 'soctrang-2014': soctrang2014, 'sonla-2025': sonla2025 };

/** Allocates `names` in order against an initially `taken` set, as the generator and the CLI do. */
function allocateAll(policyId: keyof typeof POLICIES, names: string[], agencyAbbr?: string, taken: string[] = []) {
  const set = new Set(taken);
  return names.map((name) => {
    const address = allocatePersonalAddress(POLICIES[policyId], name, { agencyAbbr }, set);
    set.add(address);
    return address;
  });
}

describe.each([
  // 001 Điều 3 khoản 3 and 002 Điều 3 khoản 3 (the final text spells the example "Nguyên").
  { policy: 'soctrang-2024', name: 'Dương Chí Nguyện', agency: undefined, base: 'dcnguyen', seed: '001 Điều 3 khoản 3' },
  { policy: 'soctrang-2024', name: 'Dương Chí Nguyên', agency: undefined, base: 'dcnguyen', seed: '002 Điều 3 khoản 3' },
  { policy: 'soctrang-2024', name: 'Dư Cao Nguyên', agency: undefined, base: 'dcnguyen', seed: '001 Điều 3 khoản 4 điểm a' },
  { policy: 'soctrang-2014', name: 'Nguyễn Thanh Bình', agency: undefined, base: 'ntbinh', seed: '003 Điều 3 khoản 2' },
  { policy: 'soctrang-2014', name: 'Đoàn Văn Thông', agency: undefined, base: 'dvthong', seed: '003 Điều 3 khoản 2' },
  { policy: 'sonla-2025', name: 'Nguyễn Thanh Bình', agency: 'sokhcn', base: 'binhnt.sokhcn', seed: '004 Điều 5 khoản 2' },
] as const)('seed example $seed: $name', ({ policy, name, agency, base }) => {
  it(`has base ${base}`, () => {
    expect(personalLocalBase(POLICIES[policy], name, agency)).toBe(base);
  });
  it('gives the base address when nothing is taken', () => {
    expect(allocateAll(policy, [name], agency)).toEqual([`${base}@${POLICIES[policy].domain.value}`]);
  });
});

describe('duplicates follow each profile rule', () => {
  it('soctrang-2024: dcnguyen, dcnguyen1, dcnguyen2 (002 Điều 3 khoản 4 điểm a)', () => {
    expect(allocateAll('soctrang-2024', ['Dương Chí Nguyện', 'Dương Chí Nguyện', 'Dương Chí Nguyện'])).toEqual([
      'dcnguyen@soctrang.gov.vn',
      'dcnguyen1@soctrang.gov.vn',
      'dcnguyen2@soctrang.gov.vn',
    ]);
  });
  it('soctrang-2024: Dư Cao Nguyên after Dương Chí Nguyện gets dcnguyen1 (001 Điều 3 khoản 4 điểm a)', () => {
    expect(allocateAll('soctrang-2024', ['Dư Cao Nguyên'], undefined, ['dcnguyen@soctrang.gov.vn'])).toEqual([
      'dcnguyen1@soctrang.gov.vn',
    ]);
  });
  it('soctrang-2014: ntbinh, ntbinh.sotttt, ntbinh2.sotttt, ntbinh3.sotttt (003 Điều 3 khoản 3 điểm b)', () => {
    expect(allocateAll('soctrang-2014', Array(4).fill('Nguyễn Thanh Bình'), 'sotttt')).toEqual([
      'ntbinh@soctrang.gov.vn',
      'ntbinh.sotttt@soctrang.gov.vn',
      'ntbinh2.sotttt@soctrang.gov.vn',
      'ntbinh3.sotttt@soctrang.gov.vn',
    ]);
  });
  it('soctrang-2014: a duplicate without an agency abbreviation is an error, not a guess', () => {
    expect(() => allocateAll('soctrang-2014', ['Nguyễn Thanh Bình'], undefined, ['ntbinh@soctrang.gov.vn'])).toThrow(
      AddressError,
    );
  });
  it('sonla-2025: binhnt.sokhcn, binhnt2.sokhcn, binhnt3.sokhcn', () => {
    expect(allocateAll('sonla-2025', Array(3).fill('Nguyễn Thanh Bình'), 'sokhcn')).toEqual([
      'binhnt.sokhcn@sonla.gov.vn',
      'binhnt2.sokhcn@sonla.gov.vn',
      'binhnt3.sokhcn@sonla.gov.vn',
    ]);
  });
  it('sonla-2025: the same name at another agency is not a duplicate', () => {
    expect(allocateAll('sonla-2025', ['Nguyễn Thanh Bình'], 'sonv', ['binhnt.sokhcn@sonla.gov.vn'])).toEqual([
      'binhnt.sonv@sonla.gov.vn',
    ]);
  });
  it('sonla-2025: the format needs the agency', () => {
    expect(() => personalLocalBase(sonla2025, 'Nguyễn Thanh Bình')).toThrow(/cần tên viết tắt của cơ quan/);
  });
  it('skips a hole in the sequence only when taken', () => {
    const taken = ['dcnguyen@soctrang.gov.vn', 'dcnguyen2@soctrang.gov.vn'];
    expect(allocateAll('soctrang-2024', ['Dương Chí Nguyện', 'Dương Chí Nguyện'], undefined, taken)).toEqual([
      'dcnguyen1@soctrang.gov.vn',
      'dcnguyen3@soctrang.gov.vn',
    ]);
  });
});

describe('input forms fold to the same address', () => {
  const nfc = 'Dương Chí Nguyện'.normalize('NFC');
  const nfd = 'Dương Chí Nguyện'.normalize('NFD');
  it.each([
    ['NFD', nfd],
    ['capitals', 'DƯƠNG CHÍ NGUYỆN'],
    ['stray, double and leading spaces', '  Dương   Chí  Nguyện '],
    ['NBSP and tab', 'Dương\u00a0Chí\tNguyện'],
    ['NFD capitals', 'DƯƠNG CHÍ NGUYỆN'.normalize('NFD')],
  ])('%s', (_label, name) => {
    expect(nfd).not.toBe(nfc);
    expect(personalLocalBase(soctrang2024, name)).toBe(personalLocalBase(soctrang2024, nfc));
  });
  it('đ and Đ become d', () => {
    expect(personalLocalBase(soctrang2024, 'Đặng Đình Đức')).toBe('ddduc');
  });
});

describe.each([
  // Khmer names of Sóc Trăng: the given name may span several words; the marker says where it starts.
  { name: 'Thạch Thị|Sa Rươne', base: 'ttsaruone' },
  { name: 'Thạch Thị Sa Rươne', base: 'ttsruone' },
  { name: 'Danh|Sà Phonl', base: 'dsaphonl' },
  { name: 'Sơn Ngọc Thành', base: 'snthanh' },
  { name: 'Kim Thị|Sô Phi A', base: 'ktsophia' },
  { name: 'Chau Sóc|Khăm', base: 'cskham' },
  { name: 'Lâm Thị Mỹ|Hoàng Oanh', base: 'ltmhoangoanh' },
  // Thái and H'Mông names; two words are family + given.
  { name: 'Lò Văn Hải', base: 'lvhai' },
  { name: 'Cầm Thị Ngọc', base: 'ctngoc' },
  { name: 'Quàng Văn Tòng', base: 'qvtong' },
  { name: 'Giàng A Páo', base: 'gapao' },
  { name: 'Mùa A Sính', base: 'masinh' },
  { name: 'Vừ Thị Mỷ', base: 'vtmy' },
  { name: 'Mùa Sính', base: 'msinh' },
  { name: 'Lầu Bá Chư', base: 'lbchu' },
  // Apostrophes are dropped from the local part.
  { name: "H'Hen Niê", base: 'hnie' },
  { name: "Ksor H'Lim", base: 'khlim' },
  { name: 'Ksor H’Lim', base: 'khlim' },
  // Four and five words.
  { name: 'Nguyễn Thị Thu Hà', base: 'nttha' },
  { name: 'Tôn Nữ Thị Minh Khai', base: 'tntmkhai' },
  { name: 'Thạch Thị|Sa Rươne'.normalize('NFD'), base: 'ttsaruone' },
])('names of every community: $name', ({ name, base }) => {
  it(`soctrang-2024 → ${base}`, () => {
    expect(personalLocalBase(soctrang2024, name)).toBe(base);
  });
});

describe.each([
  // sonla-2025 (004 Điều 5 khoản 2): given name first, then the initials, then the agency.
  { name: 'Lò Văn Hải', base: 'hailv.sokhcn' },
  { name: 'Cầm Thị Ngọc', base: 'ngocct.sokhcn' },
  { name: 'Giàng A Páo', base: 'paoga.sokhcn' },
  { name: 'Quàng Thị|Kim Oanh', base: 'kimoanhqt.sokhcn' },
  { name: 'Tòng Văn Đức', base: 'ductv.sokhcn' },
  { name: "H'Hen Niê", base: 'nieh.sokhcn' },
])('sonla-2025 names: $name', ({ name, base }) => {
  it(`→ ${base}`, () => {
    expect(personalLocalBase(sonla2025, name, 'sokhcn')).toBe(base);
  });
});

describe('name shapes', () => {
  it('a one-word name is a given name without initials', () => {
    expect(parsePersonalName('Páo')).toEqual({ familyAndMiddle: [], given: 'pao' });
  });
  it('two words are family + given', () => {
    expect(parsePersonalName('Mùa Sính')).toEqual({ familyAndMiddle: ['mua'], given: 'sinh' });
  });
  it('a remark in brackets is not part of the name (001 Điều 3 khoản 4 điểm a: "Dương Chí Nguyện (khác)")', () => {
    expect(personalLocalBase(soctrang2024, 'Dương Chí Nguyện (khác)')).toBe('dcnguyen');
    expect(personalLocalBase(soctrang2024, 'Nguyễn Văn An [Phó Giám đốc]')).toBe('nvan');
  });
  it('the marker may carry spaces around it', () => {
    expect(parsePersonalName('Danh  |  Sà Phonl')).toEqual({ familyAndMiddle: ['danh'], given: 'saphonl' });
  });
});

describe('unusable names are errors with a Vietnamese message', () => {
  it.each(['', '   ', "''", '123', 'ស្រី', '|Sa Rươne', 'Thạch Thị|', 'A|B|C'])('%j', (name) => {
    expect(() => parsePersonalName(name)).toThrow(AddressError);
  });
  it('names what is wrong', () => {
    expect(() => personalLocalBase(soctrang2024, '  ')).toThrow(/không còn chữ cái nào/);
  });
});
