import { describe, expect, it } from 'vitest';
import {
  convertLegacy,
  decodeBytes,
  detectLegacy,
  encodeLegacy,
  encodeWindows1252,
  isVietnameseSyllable,
  LEGACY_ENCODINGS,
  repairLegacy,
  VIETNAMESE_LETTERS,
  VIETNAMESE_LOWER_LETTERS,
} from '../../src/text/legacyEncoding.ts';

/** The seven capitals TCVN3 (VN3) has code points for; every other toned capital comes back lowercase. */
const TCVN3_CAPITALS = new Set(['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ']);

/** What a TCVN3 round trip must give: toned capitals in their lowercase form, everything else unchanged. */
function tcvn3CaseForm(text: string): string {
  return [...text.normalize('NFC')]
    .map((c) => (VIETNAMESE_LETTERS.includes(c) && c !== c.toLowerCase() && !TCVN3_CAPITALS.has(c) ? c.toLowerCase() : c))
    .join('');
}

/** Sentences from the seed regulations, with their citation. */
const SEED_SENTENCES: ReadonlyArray<[string, string]> = [
  [
    '002 Điều 5 khoản 2',
    'Thông nhất sử dụng phông (Font) Unicode và Bộ mã các ký tự chữ Việt theo tiêu chuẩn TCVN 6909:2001 trên Hệ thống thư điện tử tỉnh Sóc Trăng.',
  ],
  [
    '003 Điều 5 khoản 2',
    'Các thông tin dữ liệu dạng chữ trao đổi qua hệ thống thư điện tử thống nhất dùng phông chữ Unicode và Bộ mã các ký tự chữ Việt theo tiêu chuẩn TCVN 6909:2001.',
  ],
  [
    '004 Điều 3 khoản 4',
    'Sử dụng bộ mã ký tự chữ Việt theo tiêu chuẩn TCVN 6909:2001 và bộ gõ chữ tiếng Việt Unicode để thể hiện các nội dung, văn bản trao đổi trong Hệ thống thư điện tử.',
  ],
  [
    '003 Điều 4 khoản 5',
    'Đối với cá nhân chuyển công tác ra ngoài tỉnh hoặc nghỉ việc, lãnh đạo tổ chức phải thông báo cho Trung tâm Công nghệ thông tin và Truyền thông để kịp thời thu hồi hộp thư.',
  ],
  [
    '002 (Quyết định) Điều 3',
    'Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Thông tin và Truyền thông; Thủ trưởng các Sở, ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố, Chủ tịch Ủy ban nhân dân các xã, phường, thị trấn, tỉnh Sóc Trăng và Thủ trưởng các cơ quan, tổ chức, cá nhân liên quan chịu trách nhiệm thi hành Quyết định này.',
  ],
  ['002 Điều 2 khoản 1', 'Hệ thống thư điện tử tỉnh Sóc Trăng (gọi tắt là Hệ thống thư điện tử) có tên miền là @soctrang.gov.vn'],
];

const NAMES = ['Phạm Thị Ơn', 'Đặng Văn Ước', 'Trương Thị Ửng', 'ĐOÀN THỊ ƯỚC', 'Lưu Quang Vượng', 'Hồ Thị Ở', 'Ưng Ơn Đạt'];

describe('letter inventory', () => {
  it('has the 134 precomposed Vietnamese letters, 67 per case, all distinct', () => {
    expect(VIETNAMESE_LOWER_LETTERS).toHaveLength(67);
    expect(new Set(VIETNAMESE_LETTERS).size).toBe(134);
    for (const letter of VIETNAMESE_LETTERS) expect(letter.normalize('NFC')).toBe(letter);
  });
});

describe('TCVN3 table', () => {
  it('gives every lowercase letter its own byte in 0xA8–0xFE and decodes it back', () => {
    const bytes = VIETNAMESE_LOWER_LETTERS.map((l) => encodeLegacy(l, 'tcvn3'));
    expect(new Set(bytes).size).toBe(67);
    for (const [i, b] of bytes.entries()) {
      expect(b).toHaveLength(1);
      expect(b.charCodeAt(0)).toBeGreaterThanOrEqual(0xa8);
      expect(b.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
      expect(convertLegacy(b, 'tcvn3')).toBe(VIETNAMESE_LOWER_LETTERS[i]);
    }
  });
  it('round-trips Ă Â Ê Ô Ơ Ư Đ exactly and turns the 60 toned capitals into their lowercase form', () => {
    const upper = VIETNAMESE_LETTERS.slice(67);
    const exact = upper.filter((l) => convertLegacy(encodeLegacy(l, 'tcvn3'), 'tcvn3') === l);
    expect(exact.sort()).toEqual([...TCVN3_CAPITALS].sort());
    for (const l of upper) {
      if (!TCVN3_CAPITALS.has(l)) expect(convertLegacy(encodeLegacy(l, 'tcvn3'), 'tcvn3')).toBe(l.toLowerCase());
    }
    expect(encodeLegacy('ĂÂÊÔƠƯĐ', 'tcvn3')).toBe('¡¢£¤¥¦§');
  });
  it.each([
    ['Nguyễn Văn An', 'NguyÔn V¨n An'],
    ['Cộng hoà xã hội chủ nghĩa Việt Nam', 'Céng hoµ x· héi chñ nghÜa ViÖt Nam'],
    ['Độc lập - Tự do - Hạnh phúc', '§éc lËp - Tù do - H¹nh phóc'],
    ['Trường', 'Tr\u00adêng'],
    ['Ưng Ơn Đạt', '¦ng ¥n §¹t'],
  ])('%s ↔ %s', (unicode, legacy) => {
    expect(encodeLegacy(unicode, 'tcvn3')).toBe(legacy);
    expect(convertLegacy(legacy, 'tcvn3')).toBe(unicode);
  });
  it('writes toned capitals as .VnTimeH did and capitalises nothing on the way back', () => {
    expect(encodeLegacy('NGUYỄN Ánh', 'tcvn3')).toBe('NGUYÔN ¸nh');
    expect(convertLegacy('NGUYÔN ¸nh', 'tcvn3')).toBe('NGUYễN ánh');
  });
  it('applies the separate tone marks 0xB0–0xB4 after a vowel only', () => {
    expect(convertLegacy('A\u00b3nh ª\u00b3 to\u00b0i', 'tcvn3')).toBe('Ánh ế tòi');
    expect(convertLegacy('30°C, x²', 'tcvn3')).toBe('30°C, x²');
  });
  it('leaves words that hold a Vietnamese letter beyond Latin-1 alone (they cannot be legacy)', () => {
    expect(convertLegacy('Họ tên: NguyÔn V¨n An', 'tcvn3')).toBe('Họ tờn: Nguyễn Văn An');
  });
  it('leaves Windows punctuation and the VN1-only slots alone', () => {
    expect(convertLegacy('“NguyÔn” – §éc À', 'tcvn3')).toBe('“Nguyễn” – Độc À');
  });
});

describe('VNI table', () => {
  it('round-trips all 134 letters exactly, in one or two Latin-1 characters', () => {
    for (const letter of VIETNAMESE_LETTERS) {
      const legacy = encodeLegacy(letter, 'vni');
      expect(legacy.length).toBeGreaterThanOrEqual(1);
      expect(legacy.length).toBeLessThanOrEqual(2);
      expect([...legacy].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
      expect(convertLegacy(legacy, 'vni')).toBe(letter);
    }
    expect(new Set(VIETNAMESE_LETTERS.map((l) => encodeLegacy(l, 'vni'))).size).toBe(134);
  });
  it.each([
    ['Trường', 'Tröôøng'],
    ['Việt', 'Vieät'],
    ['Đà Nẵng', 'Ñaø Naüng'],
    ['ĐỘC LẬP', 'ÑOÄC LAÄP'],
    ['Nguyễn Văn An', 'Nguyeãn Vaên An'],
    ['Sở nghĩa ỉ ị ỵ Ỵ', 'Sôû nghóa æ ò î Î'],
  ])('%s ↔ %s', (unicode, legacy) => {
    expect(encodeLegacy(unicode, 'vni')).toBe(legacy);
    expect(convertLegacy(legacy, 'vni')).toBe(unicode);
  });
  it('takes the case of the base letter when modifier case differs, and keeps stray modifiers', () => {
    expect(convertLegacy('TRÖÔøNG Aù aÙ', 'vni')).toBe('TRƯỜNG Á á');
    expect(convertLegacy('café où', 'vni')).toBe('café ó');
  });
});

describe.each(LEGACY_ENCODINGS)('%s: whole text', (encoding) => {
  const expected = (s: string): string => (encoding === 'tcvn3' ? tcvn3CaseForm(s) : s);
  it.each(SEED_SENTENCES)('seed sentence %s is detected and converted back', (_citation, sentence) => {
    const legacy = encodeLegacy(sentence, encoding);
    expect(legacy).not.toBe(sentence);
    expect(detectLegacy(legacy)?.encoding).toBe(encoding);
    const back = convertLegacy(legacy, encoding);
    expect(back).toBe(expected(sentence));
    expect(back.normalize('NFC')).toBe(back);
  });
  it.each(NAMES)('name %s is detected and converted back', (name) => {
    const legacy = encodeLegacy(name, encoding);
    const detection = detectLegacy(legacy);
    expect(detection?.encoding).toBe(encoding);
    expect(detection?.confidence).toBeGreaterThanOrEqual(0.6);
    expect(repairLegacy(legacy).text).toBe(expected(name));
  });
  it('converts NFD input like NFC', () => {
    expect(encodeLegacy('Nguyễn'.normalize('NFD'), encoding)).toBe(encodeLegacy('Nguyễn', encoding));
  });
});

describe('detectLegacy false-positive guards', () => {
  it.each([
    'Nguyễn Văn An',
    'Nguyễn Văn An'.normalize('NFD'),
    'plain ASCII, nothing to see: nva@soctrang.gov.vn',
    'café',
    'Où est la gare?',
    'naïve résumé, déjà vu',
    'Müller, Straße, Köln',
    'España, año, niño',
    'São Paulo não',
    'él dió la canción a mí',
    'Tân Bình',
    'Thành phố Hồ Chí Minh',
    '30°C',
    '',
    ...SEED_SENTENCES.map(([, s]) => s),
  ])('%s → null', (text) => {
    expect(detectLegacy(text)).toBeNull();
    expect(repairLegacy(text)).toEqual({ text, legacy: null });
  });
  it('does not guess when both readings explain the text equally well', () => {
    // VNI "Lưu" and TCVN3 "Lửu" are both well-formed syllables.
    expect(detectLegacy('Löu')).toBeNull();
  });
  it('does not flag Unicode text with a legacy name inside as a whole, but flags the name alone', () => {
    expect(detectLegacy('Họ tên: NguyÔn V¨n An')).toBeNull();
    expect(detectLegacy('NguyÔn V¨n An')).toMatchObject({ encoding: 'tcvn3', wordsRepaired: 2, wordsAffected: 2 });
  });
  it('repairs a legacy file but keeps the rows already written in Unicode', () => {
    const rows = ['Lưu Quang Vượng', 'Đặng Văn Ước', 'Trương Thị Ửng', 'Nguyễn Thị Bình', 'Phạm Thị Ơn'];
    const mixed = rows.map((row, i) => (i === 3 ? row : encodeLegacy(row, 'tcvn3'))).join('\r\n');
    const expected = rows.map((row, i) => (i === 3 ? row : tcvn3CaseForm(row))).join('\r\n');
    expect(repairLegacy(mixed)).toMatchObject({ text: expected, legacy: { encoding: 'tcvn3' } });
  });
  it('keeps Unicode text unflagged even when it is long', () => {
    const text = SEED_SENTENCES.map(([, s]) => s).join('\n').repeat(20);
    expect(detectLegacy(text)).toBeNull();
  });
});

describe('bytes path', () => {
  const csv = 'ma_don_vi,ho_ten\nSTTTT,Nguyễn Văn An\nUBND-CT,Trương Thị Ửng\nHDND,Đặng Văn Ước\n';
  it.each(LEGACY_ENCODINGS)('%s file: bytes → windows-1252 → detect → convert', (encoding) => {
    const bytes = encodeWindows1252(encodeLegacy(csv, encoding));
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(Buffer.from(bytes).toString('latin1'));
    const detection = detectLegacy(decoded.text);
    expect(detection?.encoding).toBe(encoding);
    expect(convertLegacy(decoded.text, encoding)).toBe(encoding === 'tcvn3' ? tcvn3CaseForm(csv) : csv);
  });
  it.each(LEGACY_ENCODINGS)('%s mojibake saved as UTF-8: bytes → utf-8 → detect → convert', (encoding) => {
    const decoded = decodeBytes(Buffer.from(encodeLegacy(csv, encoding), 'utf8'));
    expect(decoded.encoding).toBe('utf-8');
    expect(repairLegacy(decoded.text).legacy?.encoding).toBe(encoding);
  });
});

describe('decodeBytes', () => {
  const text = 'ma_don_vi;ten\nSTTTT;Sở Thông tin và Truyền thông\n';
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  it.each([
    ['UTF-8 without BOM', Buffer.from(text, 'utf8'), 'utf-8', false],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8', true],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le', true],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be', true],
    ['UTF-16 LE without BOM', le, 'utf-16le', false],
    ['UTF-16 BE without BOM', be, 'utf-16be', false],
  ] as const)('%s', (_name, bytes, encoding, bom) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding, bom });
  });
  it('falls back to Windows-1252 on invalid UTF-8, mapping 0x80–0x9F per the code page', () => {
    expect(decodeBytes(Uint8Array.from([0x43, 0x80, 0x81, 0x93, 0x94, 0x9f, 0xe9]))).toEqual({
      text: 'C€\u0081“”Ÿé',
      encoding: 'windows-1252',
      bom: false,
    });
    // A truncated multi-byte sequence is not UTF-8 either.
    expect(decodeBytes(Buffer.from('Vi\u1ec7t', 'utf8').subarray(0, 4)).encoding).toBe('windows-1252');
  });
  it('reads the rest as Windows-1252 when a UTF-8 BOM is followed by invalid bytes', () => {
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x4e, 0xd4]))).toEqual({
      text: 'NÔ',
      encoding: 'windows-1252',
      bom: true,
    });
  });
  it('marks a trailing odd byte of UTF-16 instead of dropping it', () => {
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42])).text).toBe('A\ufffd');
  });
  it('handles empty input', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});

describe('encodeWindows1252', () => {
  it('is the inverse of the decoder and refuses characters outside the code page', () => {
    expect([...encodeWindows1252('€“”Ÿé\u0081')]).toEqual([0x80, 0x93, 0x94, 0x9f, 0xe9, 0x81]);
    expect(() => encodeWindows1252('ễ')).toThrow(RangeError);
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['Nguyễn', 'giếng', 'già', 'khuya', 'TRƯỜNG', 'hòa', 'hoà', 'quốc', 'quý', 'người', 'thuở', 'Đức', 'ích', 'yêu', 'ngoằn', 'xoong', 'kênh'])(
    '%s is a syllable',
    (word) => expect(isVietnameseSyllable(word)).toBe(true),
  );
  it.each(['cafộ', 'nguyơn', 'xaõ', 'bàt', 'fan', 'hello', 'HĐND', 'kan', 'ghô', 'Nguyeãn', 'vieät'])(
    '%s is not',
    (word) => expect(isVietnameseSyllable(word)).toBe(false),
  );
});
