import { describe, expect, it } from 'vitest';
import { agenciesSpec } from '../../src/inputs/agencies.ts';
import { mailboxesSpec } from '../../src/inputs/mailboxes.ts';
import { parseTable } from '../../src/inputs/readTable.ts';
import { requestsSpec } from '../../src/inputs/requests.ts';
import { validateTable } from '../../src/inputs/validateTable.ts';

const MAILBOX_HEADER = 'address,kind,display_name,agency_code,status,phone,id_number,birth_date';

describe('validateTable (SPEC §3.6: a bad row never stops a good file and is never silently dropped)', () => {
  it('a missing required column rejects the file once, at the header line, naming the column', () => {
    const v = validateTable('mailboxes.csv', parseTable('address,kind,agency_code\nx@soctrang.gov.vn,ca-nhan,STTTT\n'), mailboxesSpec);
    expect(v.readable).toBe(false);
    expect(v.rows).toEqual([]);
    expect(v.rejected).toEqual([
      { file: 'mailboxes.csv', line: 1, column: 'status', raw: 'address,kind,agency_code', reason: 'thiếu cột bắt buộc "status" — không nạp dòng nào của tệp' },
    ]);
  });

  it('warns about missing optional and extra columns and loads the rows', () => {
    const v = validateTable('agencies.csv', parseTable('code,name,kind,group,valid_from,Ghi chú\nSTTTT,Sở Thông tin và Truyền thông,so-nganh,so-nganh,2008-04-01,x\n'), agenciesSpec);
    expect(v.rows.map((r) => r.row.code)).toEqual(['STTTT']);
    expect(v.warnings).toEqual([
      'agencies.csv: thiếu cột không bắt buộc abbr, parent_code, headcount, phone, address, valid_to, successor_code',
      'agencies.csv: bỏ qua cột thừa Ghi chú',
    ]);
  });

  it('rejects wrong field counts, exact duplicates, invalid values and identity conflicts with line and column', () => {
    const text = [
      MAILBOX_HEADER,
      'dcnguyen@soctrang.gov.vn,ca-nhan,Dương Chí Nguyện,STTTT,active,0918123456,094085001234,12/05/1985',
      'dcnguyen@soctrang.gov.vn,ca-nhan,Dương Chí Nguyện,STTTT,active,0918123456,094085001234,12/05/1985',
      'ttlan@soctrang.gov.vn,ca-nhan,Trần Thị Lan,SKHCN,tạm dừng,0907654321,094190004321,03/11/1990',
      'dcnguyen@soctrang.gov.vn,ca-nhan,Dương Chí Nguyện,STTTT,locked,,,',
      'lvpan@soctrang.gov.vn,ca-nhan,Lò Văn Pản,HMX,active,0987111222,094088123456',
      'sotttt@soctrang.gov.vn,co-quan,Sở Thông tin và Truyền thông,STTTT,active,02993822001,,',
    ].join('\n');
    const v = validateTable('mailboxes.csv', parseTable(text), mailboxesSpec);
    expect(v.rows.map((r) => [r.line, r.row.address, r.row.phone])).toEqual([
      [2, 'dcnguyen@soctrang.gov.vn', null],
      [7, 'sotttt@soctrang.gov.vn', '02993822001'],
    ]);
    expect(v.rejected).toEqual([
      { file: 'mailboxes.csv', line: 3, column: null, raw: 'dcnguyen@soctrang.gov.vn,ca-nhan,Dương Chí Nguyện,STTTT,active,,,', reason: 'dòng trùng lặp với dòng 2' },
      {
        file: 'mailboxes.csv',
        line: 4,
        column: 'status',
        raw: 'ttlan@soctrang.gov.vn,ca-nhan,Trần Thị Lan,SKHCN,tạm dừng,,,',
        reason: 'giá trị "tạm dừng" không hợp lệ (chấp nhận: active, locked, closed)',
      },
      { file: 'mailboxes.csv', line: 5, column: null, raw: 'dcnguyen@soctrang.gov.vn,ca-nhan,Dương Chí Nguyện,STTTT,locked,,,', reason: 'địa chỉ "dcnguyen@soctrang.gov.vn" đã có ở dòng 2 (nội dung khác)' },
      {
        file: 'mailboxes.csv',
        line: 6,
        column: null,
        // Fields may have shifted: every CCCD- or phone-shaped number is scrubbed, not only the personal columns.
        raw: 'lvpan@soctrang.gov.vn,ca-nhan,Lò Văn Pản,HMX,active,,',
        reason: 'số trường không khớp: dòng có 7 trường, dòng tiêu đề có 8 (dòng bị cắt cụt hoặc lỗi định dạng)',
      },
    ]);
    expect([...v.identities].sort()).toEqual(['dcnguyen@soctrang.gov.vn', 'lvpan@soctrang.gov.vn', 'sotttt@soctrang.gov.vn', 'ttlan@soctrang.gov.vn']);
  });

  it('never lets a CCCD or birth date into a rejected row', () => {
    const text = `${MAILBOX_HEADER}\nbad-address,ca-nhan,Nguyễn Văn An,STTTT,active,0912000111,094085009999,01/02/1980\n`;
    const v = validateTable('mailboxes.csv', parseTable(text), mailboxesSpec);
    expect(v.rejected).toHaveLength(1);
    expect(v.rejected[0]!.raw).not.toMatch(/094085009999|01\/02\/1980|0912000111/);
  });

  it('joins several problems of one row, blaming the first column', () => {
    const header = 'id,type,agency_code,channel,received_at,completed_at';
    const v = validateTable('requests.csv', parseTable(`${header}\nYC-1,cap-moi,STTTT,fax,31/02/2026 08:00,\n`), requestsSpec);
    expect(v.rejected[0]).toMatchObject({
      line: 2,
      column: 'type',
      reason:
        'giá trị "cap-moi" không hợp lệ (chấp nhận: cap-moi-ca-nhan, cap-moi-to-chuc, thu-hoi, thay-doi-ca-nhan, thay-doi-to-chuc, ' +
        'khoi-phuc-mat-khau-ca-nhan, khoi-phuc-mat-khau-to-chuc, mo-khoa); cột channel: giá trị "fax" không hợp lệ (chấp nhận: qlvbdh, giay, thu-dien-tu); ' +
        'cột received_at: thời điểm không hợp lệ "31/02/2026 08:00" (định dạng ISO 8601 hoặc dd/mm/yyyy hh:mm[:ss])',
    });
  });

  it('reports an empty required cell', () => {
    const v = validateTable('agencies.csv', parseTable('code,name,kind,group,valid_from\nSTTTT,,so-nganh,so-nganh,2008-04-01\n'), agenciesSpec);
    expect(v.rejected[0]).toMatchObject({ line: 2, column: 'name', reason: 'thiếu giá trị bắt buộc' });
  });

  it('checks an agency version interval', () => {
    const v = validateTable('agencies.csv', parseTable('code,name,kind,group,valid_from,valid_to\nSTTTT,Sở TT&TT,so-nganh,so-nganh,2025-03-01,2008-04-01\n'), agenciesSpec);
    expect(v.rejected[0]).toMatchObject({ line: 2, column: 'valid_to', reason: 'ngày hết hiệu lực 2008-04-01 phải sau ngày hiệu lực 2025-03-01' });
  });
});
