import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeExport, legacyCellFixer } from '../../src/inputs/decodeExport.ts';
import { encodeLegacy, encodeWindows1252 } from '../../src/text/legacyEncoding.ts';

const TEXT = 'code,name\nSTTTT,Sở Thông tin và Truyền thông\nHMX,UBND huyện Mỹ Xuyên (TCVN3 không có chữ hoa có dấu)\n';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) view.setUint16((at++) * 2, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16((at++) * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('decodeExport (SPEC §3.6)', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]), 'utf-8'],
    ['UTF-16 LE with BOM (Excel "Unicode text")', utf16(TEXT, true, true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(TEXT, false, true), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(TEXT, true, false), 'utf-16le'],
  ])('%s', (_label, bytes, encoding) => {
    const out = decodeExport('agencies.csv', bytes);
    expect(out).toMatchObject({ kind: 'text', text: TEXT, encoding, legacy: null });
  });

  it.each(['tcvn3', 'vni'] as const)('converts an 8-bit %s file to Unicode with a note', (enc) => {
    const out = decodeExport('agencies.csv', encodeWindows1252(encodeLegacy(TEXT, enc)));
    expect(out.kind).toBe('text');
    if (out.kind !== 'text') return;
    expect(out.legacy).toBe(enc);
    expect(out.text.normalize('NFC')).toBe(TEXT);
    expect(out.notes[0]).toMatch(/^agencies\.csv: văn bản theo bảng mã (TCVN3|VNI).* đã được chuyển sang Unicode TCVN 6909:2001/);
  });

  it('converts legacy text saved through a Unicode editor (mojibake in UTF-8)', () => {
    const out = decodeExport('agencies.csv', new TextEncoder().encode(encodeLegacy(TEXT, 'vni')));
    expect(out).toMatchObject({ kind: 'text', legacy: 'vni' });
  });

  it('calls a file with NUL bytes binary', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x62, 0xee, 0x9d, 0x68]);
    expect(decodeExport('agencies.csv', zip).kind).toBe('binary');
  });

  it('is unsure about 8-bit text that is neither TCVN3 nor VNI', () => {
    const latin1 = encodeWindows1252('id,summary\nSC-1,Café crème déjà vu, naïve façade\n');
    expect(decodeExport('incidents.csv', latin1)).toEqual({
      kind: 'unsure',
      reason:
        'tệp không phải Unicode (UTF-8/UTF-16) và không nhận ra chắc chắn bảng mã Windows-1258, TCVN3 hay VNI — hãy mở tệp gốc trong ' +
        'Excel và lưu lại bằng "CSV UTF-8 (Comma delimited)" (hoặc gửi tệp .xlsx), theo Unicode TCVN 6909:2001',
    });
  });
});

describe('legacyCellFixer: cells of a mixed file', () => {
  it('converts only the legacy cells and counts them', () => {
    const { fix, converted } = legacyCellFixer();
    expect(fix('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(fix(encodeLegacy('Nguyễn Văn An', 'vni')).normalize('NFC')).toBe('Nguyễn Văn An');
    expect(fix(encodeLegacy('Nguyễn Văn An', 'vni')).normalize('NFC')).toBe('Nguyễn Văn An');
    expect(fix('dcnguyen@soctrang.gov.vn')).toBe('dcnguyen@soctrang.gov.vn');
    expect(converted.get('vni')).toBe(2);
  });
});

describe('Windows-1258 and letters lost to "?" (Excel CSV on Windows)', () => {
  const NAMES = 'display_name,department\nNguyễn Thị Hằng,Phòng Chuyển đổi số\nĐặng Văn Ơn,Văn phòng Sở\nThạch Sô Phal,Phòng Văn hóa và Thông tin\n';
  /** glibc's iconv, an implementation of CP1258 this project did not write (base letters + combining tone marks). */
  const iconv = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'CP1258'], { input: NAMES });
  const haveIconv = iconv.status === 0;

  it.skipIf(!haveIconv)('reads bytes iconv wrote in CP1258 as the same text, composed (NFC)', () => {
    const bytes = new Uint8Array(iconv.stdout);
    expect(bytes.some((b) => b === 0xf2 || b === 0xd2 || b === 0xec)).toBe(true); // combining tone marks, as Windows writes them
    const out = decodeExport('mailboxes.csv', bytes);
    expect(out).toMatchObject({ kind: 'text', text: NAMES, encoding: 'windows-1258', legacy: null });
    expect((out as { notes: string[] }).notes[0]).toContain('Windows-1258');
  });

  it.each(['tcvn3', 'vni'] as const)('does not take %s bytes for Windows-1258', (enc) => {
    const out = decodeExport('mailboxes.csv', encodeWindows1252(encodeLegacy(NAMES, enc)));
    expect(out).toMatchObject({ kind: 'text', text: NAMES, legacy: enc });
  });

  it('refuses text whose Vietnamese letters became "?", naming some, and says how to re-save', () => {
    const lost = 'display_name\nNguy?n Th? H?ng\nD??ng Ch? Nguy?n\nTr?n V?n An\n';
    for (const bytes of [new TextEncoder().encode(lost), encodeWindows1252(lost.replace('Tr?n', 'Trân'))]) {
      const out = decodeExport('mailboxes.csv', bytes);
      expect(out.kind).toBe('unsure');
      expect((out as { reason: string }).reason).toMatch(/^các chữ tiếng Việt đã bị thay bằng dấu "\?" khi xuất tệp \(ví dụ "Nguy\?n", "H\?ng", "D\?\?ng"\).*"CSV UTF-8 \(Comma delimited\)"/);
    }
  });

  it('leaves questions and web addresses alone', () => {
    const text = 'id,note\nYC-1,Có cần cấp gấp không?\nYC-2,xem https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma=1.001 và ?id=3?x=y\nYC-3,Ai duyệt? Khi nào?\n';
    expect(decodeExport('requests.csv', new TextEncoder().encode(text))).toMatchObject({ kind: 'text', text });
  });
});
