/** Year inference for year-less syslog lines (SPEC §3.3: "including the December→January roll-over"). */
import { describe, expect, it } from 'vitest';
import { classicYear, parseSyslogTime } from '../../src/inputs/postfix/syslogTime.ts';
import { gimmeDomain } from '../../src/inputs/postfix/gimmeDomain.ts';

describe('classicYear', () => {
  it.each([
    [11, '2026-11-21', 2026],
    [10, '2026-11-21', 2026],
    [11, '2027-01-01', 2026],
    [0, '2027-01-01', 2027],
    [0, '2026-12-31', 2027],
    [5, '2026-06-30', 2026],
  ])('month %i in the export of %s → %i', (month, exportDate, year) => {
    expect(classicYear(month, exportDate)).toBe(year);
  });
});

describe('parseSyslogTime', () => {
  it('29 February exists only in a leap year', () => {
    expect(parseSyslogTime('Feb 29 10:00:00 mail x', '2028-03-01')?.day).toBe('2028-02-29');
    expect(parseSyslogTime('Feb 29 10:00:00 mail x', '2026-03-01')).toBeNull();
  });

  it('points at the host', () => {
    const line = 'Nov  1 08:15:01 mail postfix/qmgr[1]: x';
    expect(line.slice(parseSyslogTime(line, '2026-11-02')!.hostStart)).toBe('mail postfix/qmgr[1]: x');
  });
});

describe('gimmeDomain (pflogsumm)', () => {
  it.each([
    ['mail-ua1-f51.google.com[209.85.222.51]', 'google.com'],
    ['mx.example.com.vn[203.113.1.2]', 'example.com.vn'],
    ['unknown[113.161.72.14]', '113.161.72.14'],
    ['unknown[2001:db8::1]', '2001:db8::1'],
    ['localhost[127.0.0.1]', 'localhost'],
    ['MAIL.Example.ORG[1.2.3.4]', 'example.org'],
    ['no brackets at all', null],
  ])('%s → %s', (client, domain) => {
    expect(gimmeDomain(client)).toBe(domain);
  });
});
