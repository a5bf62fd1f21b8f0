import { describe, expect, it } from 'vitest';
import type { DirectoryAgencyInfo, DirectoryEntry } from '../../src/directory/entry.ts';
import { directoryTable } from '../../src/directory/table.ts';
import { entryToVcard, escapeVcardText, foldVcardLine } from '../../src/directory/vcard.ts';
import { toCsv } from '../../src/reports/csv.ts';

const agency: DirectoryAgencyInfo = {
  code: 'STTTT', name: 'Sở Thông tin và Truyền thông', abbr: 'sotttt', parentCode: null, phone: '0299 3822 222', address: 'Số 1, Trần Hưng Đạo; P.2',
};
const agencies = new Map([[agency.code, agency]]);
const person: DirectoryEntry = {
  address: 'dvdang@soctrang.gov.vn', name: 'Đặng Văn Đăng', kind: 'ca-nhan', title: 'Phó Giám đốc', department: 'Phòng Bưu chính, Viễn thông', agencyCode: 'STTTT',
};
const box: DirectoryEntry = { address: 'sotttt@soctrang.gov.vn', name: 'Sở Thông tin và Truyền thông', kind: 'co-quan', title: null, department: null, agencyCode: 'STTTT' };

describe('vCard 3.0', () => {
  it('writes a person with the family name first and the given name last, escaped, CRLF', () => {
    const card = entryToVcard(person, agency);
    expect(card.split('\r\n')).toEqual([
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Đặng Văn Đăng', 'N:Đặng;Đăng;Văn;;',
      'ORG:Sở Thông tin và Truyền thông;Phòng Bưu chính\\, Viễn thông', 'TITLE:Phó Giám đốc',
      'EMAIL;TYPE=INTERNET,WORK:dvdang@soctrang.gov.vn', 'END:VCARD', '',
    ]);
    expect(card).not.toContain('TEL'); // never a phone on a personal card
  });
  it('gives an agency box the agency office phone and address', () => {
    const card = entryToVcard(box, agency);
    expect(card).toContain('TEL;TYPE=WORK,VOICE:0299 3822 222\r\n');
    expect(card).toContain('ADR;TYPE=WORK:;;Số 1\\, Trần Hưng Đạo\\; P.2;;;;\r\n');
  });
  it('escapes backslash, comma, semicolon and newline', () => {
    expect(escapeVcardText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
  });
  it('folds long lines at 75 octets without splitting a Vietnamese character', () => {
    const line = `ORG:${'Ủy ban nhân dân tỉnh Sóc Trăng '.repeat(5)}`;
    const parts = foldVcardLine(line).split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describe('directory CSV', () => {
  it('has Vietnamese headers, the agency office phone, and a BOM', () => {
    const t = {
      name: 'Họ và tên', address: 'Địa chỉ thư', kind: 'Loại', title: 'Chức vụ', department: 'Phòng, ban', agencyCode: 'Mã',
      agency: 'Cơ quan', agencyPhone: 'Điện thoại cơ quan', kinds: { 'ca-nhan': 'Cá nhân', 'co-quan': 'Cơ quan' },
    };
    const csv = toCsv(directoryTable([person, box], agencies, t));
    expect(csv.startsWith('\uFEFFHọ và tên,Địa chỉ thư,Loại,Chức vụ,"Phòng, ban",Mã,Cơ quan,Điện thoại cơ quan\r\n')).toBe(true);
    expect(csv).toContain('Đặng Văn Đăng,dvdang@soctrang.gov.vn,Cá nhân,Phó Giám đốc,"Phòng Bưu chính, Viễn thông",STTTT,Sở Thông tin và Truyền thông,0299 3822 222\r\n');
  });
});
