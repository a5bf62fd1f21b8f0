/**
 * A year of warehouse data for report tests (profile soctrang-2024): Sở TT&TT merges into Sở KH&CN on 01/03/2025, a
 * new agency is founded on 01/09/2025, mailboxes are issued, moved, locked, revoked and dropped from the registry,
 * one mailbox carries a code missing from the agency list, requests are done on time and late, one incident is
 * reported within 8 hours and one after.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Fixture } from '../compliance/fixture.ts';
import { loadNight, tempDir } from '../postfix/support.ts';

export async function reportYearFixture(file = ':memory:', opts: { mailLog?: boolean } = {}): Promise<Fixture> {
  const f = await Fixture.create(file);
  await f.meta('policy', 'soctrang-2024');
  await f.agency({ code: 'STTTT', name: 'Sở Thông tin và Truyền thông', validTo: '2025-03-01', successor: 'SKHCN' });
  await f.agency({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' });
  await f.agency({ code: 'SNV', name: 'Sở Nội vụ' });
  await f.agency({ code: 'XNEW', name: 'Ban Quản lý dự án mới', validFrom: '2025-09-01' });
  // a: moved from the merged Sở to its successor (a change in March, counted for SKHCN).
  await f.mailbox({ address: 'a@soctrang.gov.vn', agency: 'STTTT', seenFrom: '2025-01-01', seenTo: '2025-03-01' });
  await f.mailbox({ address: 'a@soctrang.gov.vn', agency: 'SKHCN', seenFrom: '2025-03-01' });
  // b: issued in February, locked in August, revoked in September.
  const b = { address: 'b@soctrang.gov.vn', agency: 'SNV', createdAt: '2025-02-10T09:00:00+07:00' };
  await f.mailbox({ ...b, seenFrom: '2025-02-10', seenTo: '2025-08-01' });
  await f.mailbox({ ...b, seenFrom: '2025-08-01', seenTo: '2025-09-15', status: 'locked' });
  await f.mailbox({ ...b, seenFrom: '2025-09-15', status: 'closed' });
  // c: issued in May, default password never changed, forwards outside the province.
  await f.mailbox({
    address: 'c@soctrang.gov.vn',
    agency: 'SKHCN',
    seenFrom: '2025-05-05',
    createdAt: '2025-05-05T08:00:00+07:00',
    mustChange: true,
    passwordChangedAt: null,
    forwardTo: ['ca.nhan@gmail.com'],
  });
  // d: left the registry on 01/02/2025 (revoked then, counted for the merged Sở).
  await f.mailbox({ address: 'd@soctrang.gov.vn', agency: 'STTTT', seenFrom: '2025-01-01', seenTo: '2025-02-01' });
  // e: the new agency's mailbox; f: a code the agency list does not have (default password kept: a finding for ZZZ).
  await f.mailbox({ address: 'bqlda@soctrang.gov.vn', agency: 'XNEW', kind: 'co-quan', seenFrom: '2025-09-02', createdAt: '2025-09-02T08:00:00+07:00', passwordChangedAt: '2025-09-02T09:00:00+07:00' });
  await f.mailbox({ address: 'f@soctrang.gov.vn', agency: 'ZZZ', seenFrom: '2025-06-01', createdAt: '2025-06-01T08:00:00+07:00' });
  await f.activity('2025-12-31', 'a@soctrang.gov.vn', '2025-12-20T08:00:00+07:00', 120.5);
  await f.activity('2025-06-30', 'c@soctrang.gov.vn', null, 50);
  await f.activity('2025-06-30', 'a@soctrang.gov.vn', '2025-06-20T08:00:00+07:00', 80);
  await f.ingestRun('2025-01-01');
  await f.ingestRun('2025-12-31');
  await f.request({ id: 'YC-1', type: 'cap-moi', agency: 'SNV', receivedAt: '2025-03-03T09:00:00+07:00', completedAt: '2025-03-04T09:00:00+07:00' });
  await f.request({ id: 'YC-2', type: 'cap-moi', agency: 'SKHCN', receivedAt: '2025-07-01T09:00:00+07:00', completedAt: '2025-08-29T09:00:00+07:00' });
  await f.request({ id: 'YC-3', type: 'mo-khoa', agency: 'STTTT', receivedAt: '2025-02-03T09:00:00+07:00', completedAt: null });
  await f.incident({ id: 'SC-1', occurredAt: '2025-04-01T10:00:00+07:00', reportedAt: '2025-04-01T15:00:00+07:00' });
  await f.incident({ id: 'SC-2', occurredAt: '2025-10-01T08:00:00+07:00', reportedAt: '2025-10-02T08:00:00+07:00' });
  if (opts.mailLog) await addMailLog(f);
  return f;
}

const D = 'soctrang.gov.vn';

/** A message through smtpd (or submission): client=, from=, one to= per recipient, removed. */
function message(t: string, qid: string, from: string, size: number, to: string[], client = `mail.${D}[10.10.0.5]`): string[] {
  return [
    `${t} mail postfix/smtpd[100]: ${qid}: client=${client}`,
    `${t} mail postfix/qmgr[300]: ${qid}: from=<${from}>, size=${size}, nrcpt=${to.length} (queue active)`,
    ...to.map((r) =>
      r.endsWith(`@${D}`)
        ? `${t} mail postfix/lmtp[500]: ${qid}: to=<${r}>, relay=mail.${D}[10.10.0.5]:7025, delay=0.2, delays=0/0/0/0.2, dsn=2.1.5, status=sent (250 2.1.5 Delivery OK)`
        : `${t} mail postfix/smtp[400]: ${qid}: to=<${r}>, relay=mx.example.net[203.113.1.2]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)`,
    ),
    `${t} mail postfix/qmgr[300]: ${qid}: removed`,
  ];
}

function reject(t: string, reason: string, to: string): string {
  return `${t} mail postfix/smtpd[106]: NOQUEUE: reject: RCPT from unknown[185.234.219.12]: ${reason}; from=<s@mail.ru> to=<${to}> proto=ESMTP helo=<User>`;
}

/**
 * Three nights of Postfix logs through the real loader: 20/02/2025 (a@ still in the merged Sở TT&TT), 10/06/2025
 * (a@ in Sở KH&CN; c@'s message goes through amavis and must count once) and 15/09/2025; rejects of five classes,
 * one to an address the registry lacks. The other 362 days of 2025 have no mail log.
 */
async function addMailLog(f: Fixture): Promise<void> {
  const dir = tempDir('tcv-report-maillog-');
  const nights: [string, string[]][] = [
    [
      '2025-02-21',
      [
        ...message('Feb 20 08:00:00', 'AAAA000001', `a@${D}`, 1_000_000, [`b@${D}`, 'x@gmail.com']),
        ...message('Feb 20 09:00:00', 'AAAA000002', 'y@yahoo.com', 2_000_000, [`a@${D}`], 'mail-ua1.google.com[209.85.222.51]'),
        reject('Feb 20 11:00:00', `554 5.7.1 Service unavailable; Client host [185.234.219.12] blocked using zen.spamhaus.org`, `a@${D}`),
        reject('Feb 20 11:05:00', `450 4.7.1 <User>: Helo command rejected: Host not found`, `b@${D}`),
      ],
    ],
    [
      '2025-06-11',
      [
        ...message('Jun 10 08:00:00', 'BBBB000001', `a@${D}`, 3_000_000, [`c@${D}`]),
        // c@ to an outside address through amavis: the original, its re-injection, then the delivery.
        `Jun 10 10:00:00 mail postfix/submission/smtpd[105]: BBBB000002: client=unknown[113.172.40.18], sasl_method=LOGIN, sasl_username=c@${D}`,
        `Jun 10 10:00:00 mail postfix/qmgr[300]: BBBB000002: from=<c@${D}>, size=4000000, nrcpt=1 (queue active)`,
        `Jun 10 10:00:01 mail postfix/amavisd/smtpd[102]: BBBB000003: client=localhost[127.0.0.1]`,
        `Jun 10 10:00:01 mail postfix/qmgr[300]: BBBB000003: from=<c@${D}>, size=4000600, nrcpt=1 (queue active)`,
        `Jun 10 10:00:01 mail postfix/smtp[401]: BBBB000002: to=<z@abc.vn>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as BBBB000003)`,
        `Jun 10 10:00:01 mail postfix/qmgr[300]: BBBB000002: removed`,
        `Jun 10 10:00:03 mail postfix/smtp[402]: BBBB000003: to=<z@abc.vn>, relay=mx.abc.vn[203.113.1.2]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok)`,
        `Jun 10 10:00:03 mail postfix/qmgr[300]: BBBB000003: removed`,
        reject('Jun 10 11:00:00', '454 4.7.1 <q@gmail.com>: Relay access denied', 'q@gmail.com'),
        reject('Jun 10 11:10:00', `550 5.1.1 <nobody@${D}>: Recipient address rejected: User unknown in virtual mailbox table`, `nobody@${D}`),
        reject('Jun 10 11:20:00', `554 5.7.1 Service unavailable; Client host [185.234.219.12] blocked using zen.spamhaus.org`, `c@${D}`),
      ],
    ],
    [
      '2025-09-16',
      [
        ...message('Sep 15 08:00:00', 'CCCC000001', `a@${D}`, 500_000, ['p@abc.vn', 'q@abc.vn']),
        ...message('Sep 15 08:30:00', 'CCCC000002', `a@${D}`, 700_000, ['p@abc.vn']),
        ...message('Sep 15 09:00:00', 'CCCC000003', 'y@yahoo.com', 1_500_000, [`c@${D}`], 'mail-ua1.google.com[209.85.222.51]'),
        ...message('Sep 15 10:00:00', 'CCCC000004', `f@${D}`, 250_000, [`a@${D}`]),
        reject('Sep 15 11:00:00', `554 5.7.1 <s@mail.ru>: Sender address rejected: Access denied`, `a@${D}`),
      ],
    ],
  ];
  for (const [night, lines] of nights) {
    const file = join(dir, `maillog-${night}`);
    writeFileSync(file, lines.join('\n') + '\n');
    await loadNight(f.conn, [file], night);
  }
}
