import { describe, expect, it } from 'vitest';
import {
  parseAddress,
  parseAddressList,
  parseAmount,
  parseBoolean,
  parseCount,
  parseDate,
  parseDateTime,
  parseEnum,
  parseIp,
} from '../../src/inputs/values.ts';

describe('parseDate: ISO 8601 or dd/mm/yyyy (SPEC §3, §3.6)', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['20/11/2026', '2026-11-20'],
    ['5/1/2025', '2025-01-05'],
    ['05.01.2025', '2025-01-05'],
    ['29/02/2024', '2024-02-29'],
  ])('%s → %s', (raw, expected) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['31/02/2026', 'ngày không hợp lệ "31/02/2026" (định dạng yyyy-mm-dd hoặc dd/mm/yyyy)'],
    ['29/02/2025', 'ngày không hợp lệ "29/02/2025" (định dạng yyyy-mm-dd hoặc dd/mm/yyyy)'],
    ['2026/11/20', 'ngày không hợp lệ "2026/11/20" (định dạng yyyy-mm-dd hoặc dd/mm/yyyy)'],
    ['hôm qua', 'ngày không hợp lệ "hôm qua" (định dạng yyyy-mm-dd hoặc dd/mm/yyyy)'],
    ['01/01/0202', 'năm 202 ngoài khoảng hợp lệ (1900–2100) trong "01/01/0202"'],
  ])('%s is rejected', (raw, message) => {
    expect(parseDate(raw)).toEqual({ ok: false, message });
  });
});

describe('parseDateTime: a time without a zone is Asia/Ho_Chi_Minh (+07:00)', () => {
  it.each([
    ['2026-11-20 08:15:01', '2026-11-20T01:15:01.000Z'],
    ['2026-11-20T08:15:01', '2026-11-20T01:15:01.000Z'],
    ['2026-11-20T08:15:01.123+07:00', '2026-11-20T01:15:01.123Z'],
    ['2026-11-20T01:15:01Z', '2026-11-20T01:15:01.000Z'],
    ['2026-11-20 08:15:01+0700', '2026-11-20T01:15:01.000Z'],
    ['2026-11-20T03:15:01-05:00', '2026-11-20T08:15:01.000Z'],
    ['20/11/2026 08:15', '2026-11-20T01:15:00.000Z'],
    ['20/11/2026 8:15:30', '2026-11-20T01:15:30.000Z'],
    ['2026-11-20', '2026-11-19T17:00:00.000Z'],
    ['01/01/2026 00:30', '2025-12-31T17:30:00.000Z'],
    ['2026-07-28 06:40:34.29', '2026-07-27T23:40:34.290Z'],
  ])('%s → %s', (raw, expected) => {
    expect(parseDateTime(raw)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['2026-11-20 25:00', 'giờ không hợp lệ trong "2026-11-20 25:00" (định dạng ISO 8601 hoặc dd/mm/yyyy hh:mm[:ss])'],
    ['31/04/2026 08:00', 'thời điểm không hợp lệ "31/04/2026 08:00" (định dạng ISO 8601 hoặc dd/mm/yyyy hh:mm[:ss])'],
    ['20241105093000Z', 'thời điểm không hợp lệ "20241105093000Z" (định dạng ISO 8601 hoặc dd/mm/yyyy hh:mm[:ss])'],
  ])('%s is rejected', (raw, message) => {
    expect(parseDateTime(raw)).toEqual({ ok: false, message });
  });
});

describe('parseBoolean: TRUE/FALSE/1/0/có/không', () => {
  it.each([
    ['TRUE', true], ['true', true], ['1', true], ['có', true], ['Có', true], ['co', true],
    ['FALSE', false], ['0', false], ['không', false], ['KHÔNG', false], ['khong', false],
  ])('%s → %s', (raw, value) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value });
  });
  it('rejects anything else with the accepted spellings', () => {
    expect(parseBoolean('chưa')).toEqual({ ok: false, message: 'giá trị đúng/sai không hợp lệ "chưa" (chấp nhận TRUE/FALSE, 1/0, có/không)' });
  });
});

describe('numbers', () => {
  it.each([['45', 45], ['1.234', 1234], ['1 234', 1234]])('count %s → %d', (raw, value) => {
    expect(parseCount(raw)).toEqual({ ok: true, value });
  });
  it('count rejects negatives and decimals', () => {
    expect(parseCount('-3').ok).toBe(false);
    expect(parseCount('4,5')).toEqual({ ok: false, message: 'số nguyên không âm không hợp lệ "4,5"' });
  });
  it.each([['2048', 2048], ['812.5', 812.5], ['812,5', 812.5]])('amount %s → %d', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value });
  });
  it('amount rejects text', () => {
    expect(parseAmount('2 GB')).toEqual({ ok: false, message: 'số không hợp lệ "2 GB" (số không âm, ví dụ 2048 hoặc 1,5)' });
  });
});

describe('enums fold case, accents, spaces and underscores', () => {
  const kind = parseEnum(['ca-nhan', 'co-quan'] as const, { 'to-chuc': 'co-quan' });
  it.each([['ca-nhan', 'ca-nhan'], ['Cá nhân', 'ca-nhan'], ['CA_NHAN', 'ca-nhan'], ['Cơ quan', 'co-quan'], ['tổ chức', 'co-quan']])(
    '%s → %s',
    (raw, value) => {
      expect(kind(raw)).toEqual({ ok: true, value });
    },
  );
  it('an unknown value lists the accepted ones', () => {
    expect(kind('nhóm')).toEqual({ ok: false, message: 'giá trị "nhóm" không hợp lệ (chấp nhận: ca-nhan, co-quan)' });
  });
});

describe('addresses and IPs', () => {
  it('lowercases addresses and strips angle brackets', () => {
    expect(parseAddress('<DCNguyen@SocTrang.gov.vn>')).toEqual({ ok: true, value: 'dcnguyen@soctrang.gov.vn' });
  });
  it('rejects a malformed address', () => {
    expect(parseAddress('dcnguyen@')).toEqual({ ok: false, message: 'địa chỉ thư không hợp lệ "dcnguyen@"' });
    expect(parseAddress('dương@soctrang.gov.vn').ok).toBe(false);
  });
  it('splits forwarding lists on ; and removes repeats', () => {
    expect(parseAddressList('a@soctrang.gov.vn; b@gmail.com;a@soctrang.gov.vn')).toEqual({ ok: true, value: ['a@soctrang.gov.vn', 'b@gmail.com'] });
    expect(parseAddressList('a@soctrang.gov.vn;gmail')).toEqual({ ok: false, message: 'địa chỉ chuyển tiếp không hợp lệ "gmail"' });
  });
  it('accepts IPv4 and IPv6, rejects the rest', () => {
    expect(parseIp('10.20.1.15').ok).toBe(true);
    expect(parseIp('2001:db8::1')).toEqual({ ok: true, value: '2001:db8::1' });
    expect(parseIp('10.20.1.256')).toEqual({ ok: false, message: 'địa chỉ IP không hợp lệ "10.20.1.256"' });
  });
});
