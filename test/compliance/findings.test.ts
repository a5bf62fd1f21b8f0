import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/rules/compliance/findings.ts';
import type { RuleId } from '../../src/rules/compliance/rules.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import type { PolicyId } from '../../src/rules/policy/schema.ts';
import { computeFindings } from '../../src/warehouse/compliance/findings.ts';
import { Fixture } from './fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await Fixture.create();
  await f.agency({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', abbr: 'sokhcn' });
});
afterEach(() => f.close());

async function findings(profile: PolicyId, asOf: string, eventsFrom?: string): Promise<Finding[]> {
  return (await computeFindings(f.conn, loadPolicy(profile), { asOf, ...(eventsFrom ? { eventsFrom } : {}) })).findings;
}

async function sinceOf(profile: PolicyId, asOf: string, rule: RuleId, subject: string): Promise<string | null> {
  const hit = (await findings(profile, asOf)).find((x) => x.ruleId === rule && x.subject === subject);
  return hit ? hit.since : null;
}

const A = 'nvan@soctrang.gov.vn';

describe('default password not changed after the grace (001 Điều 11 khoản 2 điểm i; 003 Điều 13 khoản 2; 004 Điều 6 khoản 1)', () => {
  beforeEach(async () => {
    await f.mailbox({ address: A, agency: 'SKHCN', seenFrom: '2025-03-01', createdAt: '2025-03-01T10:00:00+07:00', mustChange: true, passwordChangedAt: null });
  });

  it.each([
    ['2025-03-03', null],
    ['2025-03-04', '2025-03-04'],
    ['2025-03-20', '2025-03-04'],
  ])('soctrang-2024 (3-day grace, draft): as of %s → since %s', async (asOf, since) => {
    expect(await sinceOf('soctrang-2024', asOf, 'password-default', A)).toBe(since);
  });

  it('grace 0 (soctrang-2014, sonla-2025): nothing before the first login, a finding from the day of that login', async () => {
    expect(await sinceOf('soctrang-2014', '2025-03-20', 'password-default', A)).toBeNull();
    await f.login('2025-03-05T08:30:00+07:00', A);
    expect(await sinceOf('soctrang-2014', '2025-03-04', 'password-default', A)).toBeNull();
    expect(await sinceOf('soctrang-2014', '2025-03-05', 'password-default', A)).toBe('2025-03-05');
    expect(await sinceOf('sonla-2025', '2025-03-20', 'password-default', A)).toBe('2025-03-05');
  });

  it('since is never before the profile is in force (soctrang-2024 from 01/01/2025; the Sơn La draft has no date)', async () => {
    await f.mailbox({ address: 'old@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2024-06-01', createdAt: '2013-09-09T08:00:00+07:00', mustChange: true, passwordChangedAt: null });
    expect(await sinceOf('soctrang-2024', '2025-03-01', 'password-default', 'old@soctrang.gov.vn')).toBe('2025-01-01');
    expect(await sinceOf('soctrang-2024', '2024-12-31', 'password-default', 'old@soctrang.gov.vn')).toBe('2013-09-12');
    await f.login('2013-10-01T08:00:00+07:00', 'old@soctrang.gov.vn');
    expect(await sinceOf('sonla-2025', '2025-03-01', 'password-default', 'old@soctrang.gov.vn')).toBe('2013-10-01');
  });

  it('a password reset restarts the grace from the reset', async () => {
    await f.mailbox({ address: 'b@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-03-01', createdAt: '2024-01-01T08:00:00+07:00', mustChange: true, passwordChangedAt: '2025-03-10T09:00:00+07:00' });
    expect(await sinceOf('soctrang-2024', '2025-03-12', 'password-default', 'b@soctrang.gov.vn')).toBeNull();
    expect(await sinceOf('soctrang-2024', '2025-03-13', 'password-default', 'b@soctrang.gov.vn')).toBe('2025-03-13');
  });
});

describe('password older than the interval: the same data, three verdicts', () => {
  beforeEach(async () => {
    await f.mailbox({ address: A, agency: 'SKHCN', seenFrom: '2025-01-01', passwordChangedAt: '2025-01-15T09:00:00+07:00' });
  });

  it.each([
    ['soctrang-2014', '2025-02-14', null],
    ['soctrang-2014', '2025-02-15', '2025-02-15'], // monthly (003 Điều 13 khoản 2)
    ['sonla-2025', '2025-04-14', null],
    ['sonla-2025', '2025-04-15', '2025-04-15'], // every 3 months (004 Điều 6 khoản 1)
    ['soctrang-2024', '2025-07-14', null], // exactly 6 months is 15/07
    ['soctrang-2024', '2025-07-15', '2025-07-15'], // every 6 months (002 Điều 8 khoản 2 điểm c)
    ['soctrang-2024', '2025-04-15', null],
  ] as const)('%s as of %s → since %s', async (profile, asOf, since) => {
    expect(await sinceOf(profile, asOf, 'password-stale', A)).toBe(since);
  });

  it('month arithmetic across a leap day: 31/08/2023 + 6 months = 29/02/2024; 29/02/2024 + 1 month = 29/03/2024', async () => {
    await f.mailbox({ address: 'x@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2023-08-01', createdAt: '2022-05-01T08:00:00+07:00', passwordChangedAt: '2023-08-31T09:00:00+07:00' });
    await f.mailbox({ address: 'y@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2024-02-01', passwordChangedAt: '2024-02-29T09:00:00+07:00' });
    expect(await sinceOf('soctrang-2024', '2024-02-28', 'password-stale', 'x@soctrang.gov.vn')).toBeNull();
    expect(await sinceOf('soctrang-2024', '2024-02-29', 'password-stale', 'x@soctrang.gov.vn')).toBe('2024-02-29');
    expect(await sinceOf('soctrang-2014', '2024-03-28', 'password-stale', 'y@soctrang.gov.vn')).toBeNull();
    expect(await sinceOf('soctrang-2014', '2024-03-29', 'password-stale', 'y@soctrang.gov.vn')).toBe('2024-03-29');
  });

  it('an unknown password date proves nothing', async () => {
    await f.mailbox({ address: 'z@soctrang.gov.vn', agency: 'SKHCN', passwordChangedAt: null, mustChange: null });
    const all = await findings('soctrang-2014', '2025-12-31');
    expect(all.filter((x) => x.subject === 'z@soctrang.gov.vn' && x.ruleId.startsWith('password'))).toEqual([]);
  });
});

describe('inactivity: Sóc Trăng revokes after 6 months, Sơn La locks after 90 days and revokes 30 days after the lock', () => {
  beforeEach(async () => {
    await f.mailbox({ address: A, agency: 'SKHCN', seenFrom: '2024-12-01', createdAt: '2024-06-01T08:00:00+07:00' });
    await f.login('2025-01-10T15:00:00+07:00', A);
  });

  it.each([
    ['soctrang-2024', '2025-07-09', 'inactive-revoke', null],
    ['soctrang-2024', '2025-07-10', 'inactive-revoke', '2025-07-10'],
    ['soctrang-2014', '2025-07-10', 'inactive-revoke', '2025-07-10'],
    ['sonla-2025', '2025-07-10', 'inactive-revoke', null],
    ['sonla-2025', '2025-04-09', 'inactive-lock', null],
    ['sonla-2025', '2025-04-10', 'inactive-lock', '2025-04-10'],
    ['soctrang-2024', '2025-04-10', 'inactive-lock', null],
  ] as const)('%s as of %s: %s since %s', async (profile, asOf, rule, since) => {
    expect(await sinceOf(profile, asOf, rule, A)).toBe(since);
  });

  it("Zimbra's weekly last-logon gets 7 days of benefit of the doubt; exact logins none", async () => {
    await f.mailbox({ address: 'w@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2024-12-01', createdAt: '2024-06-01T08:00:00+07:00' });
    await f.activity('2025-01-12', 'w@soctrang.gov.vn', '2025-01-10T15:00:00+07:00');
    expect(await sinceOf('soctrang-2024', '2025-07-16', 'inactive-revoke', 'w@soctrang.gov.vn')).toBeNull();
    expect(await sinceOf('soctrang-2024', '2025-07-17', 'inactive-revoke', 'w@soctrang.gov.vn')).toBe('2025-07-17');
    const hit = (await findings('soctrang-2024', '2025-07-17')).find((x) => x.subject === 'w@soctrang.gov.vn' && x.ruleId === 'inactive-revoke')!;
    expect(hit.detail).toContain('10/01/2025');
    expect(hit.detail).toContain('7 ngày');
  });

  it('sending mail (mail-log usage) is use too; a warehouse without the mail-log tables still works', async () => {
    const S = 's@soctrang.gov.vn';
    await f.mailbox({ address: S, agency: 'SKHCN', seenFrom: '2024-12-01', createdAt: '2024-06-01T08:00:00+07:00' });
    await f.sentMail('2025-01-10', S, 3);
    await f.sentMail('2025-01-12', S, 0);
    expect(await sinceOf('soctrang-2024', '2025-07-09', 'inactive-revoke', S)).toBeNull();
    const hit = (await findings('soctrang-2024', '2025-07-10')).find((x) => x.subject === S && x.ruleId === 'inactive-revoke')!;
    expect(hit.since).toBe('2025-07-10');
    expect(hit.detail).toBe('Không truy cập quá 6 tháng: gửi thư gần nhất 10/01/2025 (nhật ký thư).');
    await f.conn.run('DROP TABLE mail_daily_mailbox');
    // without the sending evidence: unused since creation (01/06/2024 + 6 months, moved up to the 01/01/2025 start)
    expect(await sinceOf('soctrang-2024', '2025-01-11', 'inactive-revoke', S)).toBe('2025-01-01');
  });

  it('a mailbox never used counts from its creation', async () => {
    await f.mailbox({ address: 'n@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2024-12-01', createdAt: '2024-12-31T08:00:00+07:00' });
    expect(await sinceOf('sonla-2025', '2025-03-31', 'inactive-lock', 'n@soctrang.gov.vn')).toBe('2025-03-31');
    expect(await sinceOf('sonla-2025', '2025-03-30', 'inactive-lock', 'n@soctrang.gov.vn')).toBeNull();
  });

  it('locked longer than 30 days (sonla-2025 only): from the night the lock was first seen', async () => {
    const L = 'khoa@sonla.gov.vn';
    await f.mailbox({ address: L, agency: 'SKHCN', seenFrom: '2025-01-01', seenTo: '2025-05-01' });
    await f.mailbox({ address: L, agency: 'SKHCN', seenFrom: '2025-05-01', status: 'locked' });
    expect(await sinceOf('sonla-2025', '2025-05-30', 'locked-revoke', L)).toBeNull();
    expect(await sinceOf('sonla-2025', '2025-05-31', 'locked-revoke', L)).toBe('2025-05-31');
    expect(await sinceOf('soctrang-2024', '2025-12-31', 'locked-revoke', L)).toBeNull();
  });

  it('a restore after a lock restarts the count', async () => {
    const R = 'mo@sonla.gov.vn';
    await f.mailbox({ address: R, agency: 'SKHCN', seenFrom: '2025-01-01', seenTo: '2025-05-01', status: 'locked', createdAt: '2024-01-01T08:00:00+07:00' });
    await f.mailbox({ address: R, agency: 'SKHCN', seenFrom: '2025-05-01' });
    expect(await sinceOf('sonla-2025', '2025-07-29', 'inactive-lock', R)).toBeNull();
    expect(await sinceOf('sonla-2025', '2025-07-30', 'inactive-lock', R)).toBe('2025-07-30');
  });
});

describe('external auto-forwarding (002 Điều 9 khoản 3)', () => {
  beforeEach(async () => {
    await f.mailbox({ address: 'g@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', seenTo: '2025-02-01' });
    await f.mailbox({ address: 'g@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-02-01', forwardTo: ['An@Gmail.com', 'ke@mail.soctrang.gov.vn'] });
    await f.mailbox({ address: 'h@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', forwardTo: ['x@soctrang.gov.vn.evil.vn'] });
    await f.mailbox({ address: 'i@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', forwardTo: ['pvhtt.myxuyen@soctrang.gov.vn'] });
  });

  it('flags targets outside the domain and its subdomains, since the version that added them', async () => {
    const fw = (await findings('soctrang-2024', '2025-03-01')).filter((x) => x.ruleId === 'forward-external');
    expect(fw.map((x) => [x.subject, x.since])).toEqual([
      ['g@soctrang.gov.vn', '2025-02-01'],
      ['h@soctrang.gov.vn', '2025-01-01'],
    ]);
    expect(fw[0]!.detail).toBe('Tự động chuyển thư tới An@Gmail.com.');
    expect(fw[0]!.citation).toBe('002 Điều 9 khoản 3');
  });

  // Item 4 of issue 17: 003 Điều 7 khoản 7 "không được trao đổi thông qua các hệ thống thư điện tử (Yahoo Mail,
  // Gmail, Hotmail,...) của các tổ chức nước ngoài" — the rule flags any domain outside the province: derived.
  it('soctrang-2014: a forward to Gmail is flagged on a derived basis, and so is one to another Vietnamese domain', async () => {
    await f.mailbox({ address: 'v@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', forwardTo: ['v@vnpt.vn'] });
    const hits = (await findings('soctrang-2014', '2025-03-01')).filter((x) => x.ruleId === 'forward-external');
    expect(hits.map((x) => [x.subject, x.citation])).toEqual([
      ['g@soctrang.gov.vn', '003 Điều 7 khoản 7 (phương pháp suy ra)'],
      ['h@soctrang.gov.vn', '003 Điều 7 khoản 7 (phương pháp suy ra)'],
      ['v@soctrang.gov.vn', '003 Điều 7 khoản 7 (phương pháp suy ra)'],
    ]);
  });

  it('sonla-2025 does not forbid it: no finding, and the rule is listed as not applicable', async () => {
    const result = await computeFindings(f.conn, loadPolicy('sonla-2025'), { asOf: '2025-03-01' });
    expect(result.findings.filter((x) => x.ruleId === 'forward-external')).toEqual([]);
    expect(result.notApplicable.map((n) => n.ruleId)).toContain('forward-external');
  });
});

describe('quota (002 Điều 7; warning within 10%)', () => {
  it('over and near, since the first night of the current run', async () => {
    await f.mailbox({ address: 'q@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01' });
    await f.mailbox({ address: 'r@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', quotaMb: 500 });
    for (const [d, q, r] of [['2025-03-01', 1900, 440], ['2025-03-02', 1800, 451], ['2025-03-03', 1850, 460], ['2025-03-04', 2048, 500]] as const) {
      await f.activity(d, 'q@soctrang.gov.vn', null, q);
      await f.activity(d, 'r@soctrang.gov.vn', null, r);
    }
    const fullness = (x: Finding) => x.ruleId === 'quota-over' || x.ruleId === 'quota-near';
    const at3 = (await findings('soctrang-2024', '2025-03-03')).filter(fullness);
    expect(at3.map((x) => [x.subject, x.ruleId, x.since])).toEqual([
      ['q@soctrang.gov.vn', 'quota-near', '2025-03-03'],
      ['r@soctrang.gov.vn', 'quota-near', '2025-03-02'],
    ]);
    const at4 = (await findings('soctrang-2024', '2025-03-04')).filter(fullness);
    expect(at4.map((x) => [x.subject, x.ruleId, x.since])).toEqual([
      ['q@soctrang.gov.vn', 'quota-over', '2025-03-04'],
      ['r@soctrang.gov.vn', 'quota-over', '2025-03-04'],
    ]);
    expect(at4[1]!.detail).toBe('Đã dùng 500 MB trên 500 MB (100%).');
  });
});

// Item 9 of issue 17: a mailbox's own quota replaces the profile's for "full", but the regulation gives every mailbox
// its capacity (002 Điều 7 "Mỗi hộp thư … có dung lượng lưu trữ là 02GB"; 003 Điều 8 khoản 1 "500MB").
describe('quota provisioned below the regulation', () => {
  beforeEach(async () => {
    await f.mailbox({ address: 'small@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', quotaMb: 1024, seenTo: '2025-02-01' });
    await f.mailbox({ address: 'small@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-02-01', quotaMb: 400 });
    await f.mailbox({ address: 'grown@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', quotaMb: 2048, seenTo: '2025-02-10' });
    await f.mailbox({ address: 'grown@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-02-10', quotaMb: 1000 });
    await f.mailbox({ address: 'full@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', quotaMb: 2048 });
    await f.mailbox({ address: 'unlimited@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', quotaMb: 0 });
    await f.mailbox({ address: 'unknown@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01' });
    await f.mailbox({ address: 'gone@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', quotaMb: 100, status: 'closed' });
  });
  const below = async (profile: PolicyId, asOf: string) =>
    (await findings(profile, asOf)).filter((x) => x.ruleId === 'quota-below-regulation');

  it('soctrang-2024 (02GB): the unbroken run below the figure, a violation citing 002 Điều 7', async () => {
    const hits = await below('soctrang-2024', '2025-03-01');
    expect(hits.map((x) => [x.subject, x.since])).toEqual([
      ['grown@soctrang.gov.vn', '2025-02-10'],
      ['small@soctrang.gov.vn', '2025-01-01'],
    ]);
    expect(hits[1]).toMatchObject({ severity: 'vi-pham', citation: '002 Điều 7', title: 'Dung lượng cấp cho hộp thư thấp hơn quy định' });
    expect(hits[1]!.detail).toBe('Được cấp 400 MB, thấp hơn dung lượng quy chế quy định cho mỗi hộp thư (2.048 MB).');
  });

  it('soctrang-2014 (500MB): only the mailbox given 400 MB', async () => {
    const hits = await below('soctrang-2014', '2025-03-01');
    expect(hits.map((x) => [x.subject, x.citation])).toEqual([['small@soctrang.gov.vn', '003 Điều 8 khoản 1']]);
  });

  it('sonla-2025 sets no figure (the Sở decides): nothing to compare, the rule says why', async () => {
    expect(await below('sonla-2025', '2025-03-01')).toEqual([]);
    const na = (await computeFindings(f.conn, loadPolicy('sonla-2025'), { asOf: '2025-03-01' })).notApplicable;
    expect(na.find((r) => r.ruleId === 'quota-below-regulation')?.reason).toMatch(/Sở Khoa học và Công nghệ quyết định dung lượng/);
  });

  it('sonla-2025 still warns on full mailboxes, against the quota each one was given (004 Điều 9 khoản 2 điểm d)', async () => {
    await f.activity('2025-03-01', 'small@soctrang.gov.vn', null, 399);
    const hits = (await findings('sonla-2025', '2025-03-01')).filter((x) => x.ruleId === 'quota-near');
    expect(hits.map((x) => [x.subject, x.citation])).toEqual([['small@soctrang.gov.vn', '004 Điều 9 khoản 2 điểm d (phương pháp suy ra)']]);
  });
});

describe('agency mailboxes (002 Điều 12 khoản 3)', () => {
  it('an agency with no active agency mailbox, and an agency mailbox nobody logs into', async () => {
    await f.agency({ code: 'SNV', name: 'Sở Nội vụ', validFrom: '2024-01-01' });
    await f.mailbox({ address: 'sokhcn@soctrang.gov.vn', kind: 'co-quan', agency: 'SKHCN', seenFrom: '2025-01-01', createdAt: '2020-01-01T08:00:00+07:00' });
    await f.mailbox({ address: 'snv@soctrang.gov.vn', kind: 'co-quan', agency: 'SNV', seenFrom: '2025-01-01', seenTo: '2025-02-10' });
    await f.mailbox({ address: 'snv@soctrang.gov.vn', kind: 'co-quan', agency: 'SNV', seenFrom: '2025-02-10', status: 'closed' });
    await f.login('2025-02-20T08:00:00+07:00', 'sokhcn@soctrang.gov.vn');
    const at = (await findings('soctrang-2024', '2025-03-21')).filter((x) => x.ruleId.startsWith('agency-'));
    expect(at.map((x) => [x.ruleId, x.subject, x.since])).toEqual([['agency-mailbox-missing', 'SNV', '2025-02-10']]);
    const later = (await findings('soctrang-2024', '2025-03-22')).filter((x) => x.ruleId === 'agency-mailbox-unread');
    expect(later.map((x) => [x.subject, x.since])).toEqual([['sokhcn@soctrang.gov.vn', '2025-03-22']]);
  });
});

describe('agencies as of the date: a mailbox still registered under a merged agency counts under its successor', () => {
  it('Sở TT&TT merged into Sở KH&CN on 01/03/2025', async () => {
    await f.agency({ code: 'STTTT', name: 'Sở Thông tin và Truyền thông', validTo: '2025-03-01', successor: 'SKHCN' });
    await f.mailbox({ address: A, agency: 'STTTT', seenFrom: '2025-01-01', forwardTo: ['a@yahoo.com'] });
    const before = (await findings('soctrang-2024', '2025-02-28')).find((x) => x.ruleId === 'forward-external')!;
    const after = (await findings('soctrang-2024', '2025-03-01')).find((x) => x.ruleId === 'forward-external')!;
    expect([before.agencyCode, before.agencyName]).toEqual(['STTTT', 'Sở Thông tin và Truyền thông']);
    expect([after.agencyCode, after.agencyName]).toEqual(['SKHCN', 'Sở Khoa học và Công nghệ']);
  });
});

describe('requests done late, in working days (across Tết and a make-up Saturday)', () => {
  const req = (id: string, type: string, receivedAt: string, completedAt: string | null) =>
    f.request({ id, type, agency: 'SKHCN', receivedAt, completedAt });

  it.each([
    // Friday 24/01/2025 20:00 before Tết Ất Tỵ: 5 working days end on Friday 07/02/2025 (001 Điều 4 khoản 3).
    ['soctrang-2024', 'cap-moi-ca-nhan', '2025-01-24T20:00:00+07:00', '2025-02-07T16:00:00+07:00', false],
    ['soctrang-2024', 'cap-moi-ca-nhan', '2025-01-24T20:00:00+07:00', '2025-02-10T08:00:00+07:00', true],
    // Thursday 24/04/2025, 3 working days: Fri 25, make-up Saturday 26/04, Mon 28 (004 Điều 8 khoản 3 điểm b).
    ['sonla-2025', 'mo-khoa', '2025-04-24T10:00:00+07:00', '2025-04-28T16:00:00+07:00', false],
    ['sonla-2025', 'mo-khoa', '2025-04-24T10:00:00+07:00', '2025-04-29T08:00:00+07:00', true],
    // QĐ 17/2014 sets no deadline for doing a request (its 3 working days run from doing it to notifying, which the
    // exports do not record): never late under soctrang-2014, however long it took.
    ['soctrang-2014', 'thay-doi-ca-nhan', '2025-04-24T10:00:00+07:00', '2025-06-30T08:00:00+07:00', false],
    ['soctrang-2014', 'thay-doi-ca-nhan', '2025-04-24T10:00:00+07:00', null, false],
    // Same request, 5 working days: 29/04, then 30/04, 01/05 and the swapped 02/05 are off → due Monday 05/05.
    ['soctrang-2024', 'thay-doi-ca-nhan', '2025-04-24T10:00:00+07:00', '2025-05-05T16:00:00+07:00', false],
  ] as const)('%s %s received %s, done %s → late %s', async (profile, type, received, completed, late) => {
    await req('R1', type, received, completed);
    const hit = (await findings(profile, '2025-12-31', '2025-01-01')).filter((x) => x.ruleId === 'request-late');
    expect(hit.length).toBe(late ? 1 : 0);
  });

  it('an open request counts once its deadline day has passed, with the deadline in the detail', async () => {
    await req('R2', 'cap-moi-ca-nhan', '2025-01-24T20:00:00+07:00', null);
    expect((await findings('soctrang-2024', '2025-02-07')).filter((x) => x.ruleId === 'request-late')).toEqual([]);
    const [hit] = (await findings('soctrang-2024', '2025-02-08')).filter((x) => x.ruleId === 'request-late');
    expect(hit!.since).toBe('2025-02-08');
    expect(hit!.detail).toBe('Tiếp nhận ngày 24/01/2025, hạn 5 ngày làm việc (đến hết ngày 07/02/2025); chưa hoàn thành.');
    expect(hit!.citation).toBe('001 Điều 4 khoản 3 (dự thảo)');
  });
});

describe('incidents reported late (001 Điều 11 khoản 2 điểm i: 8 hours)', () => {
  it.each([
    ['2025-02-01T16:00:00+07:00', false],
    ['2025-02-01T16:01:00+07:00', true],
    [null, true],
  ])('occurred 08:00, reported %s → late %s', async (reportedAt, late) => {
    await f.incident({ id: 'I1', occurredAt: '2025-02-01T08:00:00+07:00', reportedAt });
    const hit = (await findings('soctrang-2024', '2025-02-28', '2025-02-01')).filter((x) => x.ruleId === 'incident-late');
    expect(hit.length).toBe(late ? 1 : 0);
  });

  it('soctrang-2014 sets no hours: not applicable', async () => {
    await f.incident({ id: 'I1', occurredAt: '2025-02-01T08:00:00+07:00', reportedAt: null });
    const result = await computeFindings(f.conn, loadPolicy('soctrang-2014'), { asOf: '2025-02-28', eventsFrom: '2025-02-01' });
    expect(result.findings.filter((x) => x.ruleId === 'incident-late')).toEqual([]);
    expect(result.notApplicable.find((n) => n.ruleId === 'incident-late')!.reason).toContain('không nêu số giờ');
  });
});

describe('text not in Unicode and addresses not in the current format (informational)', () => {
  it('quarantined legacy-encoded rows, and a personal address in another profile’s format', async () => {
    await f.quarantine('2025-03-02', 'agencies.csv', 7, 'văn bản mã TCVN3 không chuyển được sang Unicode');
    await f.quarantine('2025-03-02', 'agencies.csv', 8, 'thiếu cột code');
    await f.ingestRun('2025-03-01', [
      'mailboxes.csv: 12 ô theo bảng mã TCVN3 (ABC) đã được chuyển sang Unicode TCVN 6909:2001',
      'requests.csv: cột thừa "ghi chu 2" bị bỏ qua',
    ]);
    await f.mailbox({ address: 'ntbinh.sotttt@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', name: 'Nguyễn Thanh Bình', createdAt: '2014-11-01T08:00:00+07:00' });
    await f.mailbox({ address: 'ntbinh@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-01-01', name: 'Nguyễn Thanh Bình' });
    const all = await findings('soctrang-2024', '2025-03-02');
    const text = (await findings('soctrang-2024', '2025-03-02', '2025-03-01')).filter((x) => x.ruleId === 'text-not-unicode');
    expect(text.map((x) => [x.subject, x.since])).toEqual([['agencies.csv:7', '2025-03-02'], ['mailboxes.csv', '2025-03-01']]);
    expect(text[0]!.citation).toBe('002 Điều 5 khoản 2');
    const addr = all.filter((x) => x.ruleId === 'address-format');
    // Created in 2014, but QĐ 59/2024 is in force from 01/01/2025: nothing is "since" before its rule exists.
    expect(addr.map((x) => [x.subject, x.severity, x.since])).toEqual([['ntbinh.sotttt@soctrang.gov.vn', 'thong-tin', '2025-01-01']]);
  });
});
