import { describe, expect, it } from 'vitest';
import { parseQuota } from '../../src/inputs/quota.ts';

describe('parseQuota (zmprov gqu lines, SPEC §3.2)', () => {
  it('reads address, limit and usage in bytes; a limit of 0 means no limit', () => {
    const { lines, rejected } = parseQuota('quota.txt', 'sotttt@soctrang.gov.vn 5368709120 852492288\ndcnguyen@soctrang.gov.vn 0 1048576\n');
    expect(rejected).toEqual([]);
    expect(lines).toEqual([
      { line: 1, address: 'sotttt@soctrang.gov.vn', quotaMb: 5120, usedMb: 813, raw: 'sotttt@soctrang.gov.vn 5368709120 852492288' },
      { line: 2, address: 'dcnguyen@soctrang.gov.vn', quotaMb: null, usedMb: 1, raw: 'dcnguyen@soctrang.gov.vn 0 1048576' },
    ]);
  });
  it('rejects malformed lines and repeated addresses with line and column', () => {
    const text = 'a@soctrang.gov.vn 100\nb@soctrang.gov.vn 2GB 0\nc@soctrang.gov.vn 0 0\nC@soctrang.gov.vn 0 5\n';
    expect(parseQuota('quota.txt', text).rejected.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 1, column: null, reason: 'dòng phải có 3 trường "địa chỉ giới_hạn_byte đã_dùng_byte", có 2' },
      { line: 2, column: 'limit_bytes', reason: 'giới hạn dung lượng (byte) không hợp lệ "2GB"' },
      { line: 4, column: 'address', reason: 'địa chỉ "c@soctrang.gov.vn" đã có ở dòng 3' },
    ]);
  });
});
