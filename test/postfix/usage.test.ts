/**
 * Daily usage per mailbox and agency: a message counts once through amavis's re-injections, deliveries count at
 * the final hop, the mailbox's agency is the one of its registry version on the day.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNight, openWarehouse, pflogsumm, rows, tempDir } from './support.ts';

const D = 'soctrang.gov.vn';
// One night on a Zimbra MTA, written by hand: every number below can be counted on these lines.
const LOG = `
Nov 20 08:00:00 mail postfix/smtpd[100]: connect from mail.${D}[10.10.0.5]
Nov 20 08:00:00 mail postfix/smtpd[100]: AAAA000001: client=mail.${D}[10.10.0.5]
Nov 20 08:00:00 mail postfix/cleanup[200]: AAAA000001: message-id=<1@${D}>
Nov 20 08:00:00 mail postfix/qmgr[300]: AAAA000001: from=<an@${D}>, size=1000, nrcpt=2 (queue active)
Nov 20 08:00:01 mail postfix/dkimmilter/smtpd[101]: AAAA000002: client=localhost[127.0.0.1]
Nov 20 08:00:01 mail postfix/qmgr[300]: AAAA000002: from=<an@${D}>, size=1100, nrcpt=2 (queue active)
Nov 20 08:00:01 mail postfix/smtp[400]: AAAA000001: to=<binh@${D}>, relay=127.0.0.1[127.0.0.1]:10026, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10030): 250 2.0.0 Ok: queued as AAAA000002)
Nov 20 08:00:01 mail postfix/smtp[400]: AAAA000001: to=<x@gmail.com>, relay=127.0.0.1[127.0.0.1]:10026, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10030): 250 2.0.0 Ok: queued as AAAA000002)
Nov 20 08:00:01 mail postfix/qmgr[300]: AAAA000001: removed
Nov 20 08:00:02 mail postfix/amavisd/smtpd[102]: AAAA000003: client=localhost[127.0.0.1]
Nov 20 08:00:02 mail postfix/qmgr[300]: AAAA000003: from=<an@${D}>, size=1500, nrcpt=2 (queue active)
Nov 20 08:00:02 mail postfix/smtp[401]: AAAA000002: to=<binh@${D}>, relay=127.0.0.1[127.0.0.1]:10032, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as AAAA000003)
Nov 20 08:00:02 mail postfix/smtp[401]: AAAA000002: to=<x@gmail.com>, relay=127.0.0.1[127.0.0.1]:10032, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as AAAA000003)
Nov 20 08:00:02 mail postfix/qmgr[300]: AAAA000002: removed
Nov 20 08:00:03 mail postfix/lmtp[500]: AAAA000003: to=<binh@${D}>, relay=mail.${D}[10.10.0.5]:7025, delay=0.2, delays=0/0/0/0.2, dsn=2.1.5, status=sent (250 2.1.5 Delivery OK)
Nov 20 08:00:04 mail postfix/smtp[402]: AAAA000003: to=<x@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.4.27]:25, delay=2, delays=0/0/1/1, dsn=2.0.0, status=sent (250 2.0.0 OK - gsmtp)
Nov 20 08:00:04 mail postfix/qmgr[300]: AAAA000003: removed
Nov 20 09:00:00 mail postfix/smtpd[103]: AAAA000004: client=mail-ua1-f51.google.com[2607:f8b0:4864:20::1030]
Nov 20 09:00:00 mail postfix/qmgr[300]: AAAA000004: from=<y@yahoo.com>, size=2000, nrcpt=1 (queue active)
Nov 20 09:00:01 mail postfix/amavisd/smtpd[104]: AAAA000005: client=localhost[127.0.0.1]
Nov 20 09:00:01 mail postfix/qmgr[300]: AAAA000005: from=<y@yahoo.com>, size=2600, nrcpt=1 (queue active)
Nov 20 09:00:01 mail postfix/smtp[403]: AAAA000004: to=<an@${D}>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as AAAA000005)
Nov 20 09:00:01 mail postfix/qmgr[300]: AAAA000004: removed
Nov 20 09:00:02 mail postfix/lmtp[501]: AAAA000005: to=<An@${D}>, relay=mail.${D}[10.10.0.5]:7025, delay=0.2, delays=0/0/0/0.2, dsn=2.1.5, status=sent (250 2.1.5 Delivery OK)
Nov 20 09:00:02 mail postfix/qmgr[300]: AAAA000005: removed
Nov 20 10:00:00 mail postfix/submission/smtpd[105]: AAAA000006: client=unknown[113.172.40.18], sasl_method=LOGIN, sasl_username=an@${D}
Nov 20 10:00:00 mail postfix/qmgr[300]: AAAA000006: from=<an@${D}>, size=3000, nrcpt=1 (queue active)
Nov 20 10:00:05 mail postfix/smtp[404]: AAAA000006: to=<z@abc.vn>, relay=mx.abc.vn[203.113.1.2]:25, delay=5, delays=0/0/1/4, dsn=5.1.1, status=bounced (host mx.abc.vn[203.113.1.2] said: 550 5.1.1 <z@abc.vn>: User unknown (in reply to RCPT TO command))
Nov 20 10:00:05 mail postfix/cleanup[201]: AAAA000007: message-id=<AAAA000007@mail.${D}>
Nov 20 10:00:05 mail postfix/bounce[600]: AAAA000006: sender non-delivery notification: AAAA000007
Nov 20 10:00:05 mail postfix/qmgr[300]: AAAA000007: from=<>, size=4000, nrcpt=1 (queue active)
Nov 20 10:00:05 mail postfix/qmgr[300]: AAAA000006: removed
Nov 20 10:00:06 mail postfix/lmtp[502]: AAAA000007: to=<an@${D}>, relay=mail.${D}[10.10.0.5]:7025, delay=0.1, delays=0/0/0/0.1, dsn=2.1.5, status=sent (250 2.1.5 Delivery OK)
Nov 20 10:00:06 mail postfix/qmgr[300]: AAAA000007: removed
Nov 20 11:00:00 mail postfix/smtpd[106]: NOQUEUE: reject: RCPT from unknown[185.234.219.12]: 554 5.7.1 Service unavailable; Client host [185.234.219.12] blocked using zen.spamhaus.org; from=<s@mail.ru> to=<binh@${D}> proto=ESMTP helo=<User>
`.trimStart();

async function night() {
  const file = join(tempDir(), 'maillog');
  writeFileSync(file, LOG);
  const w = await openWarehouse();
  // an@ belonged to AGENCY-A on 20/11 and moved to AGENCY-C on 01/12; binh@ was first seen on 21/11 (after the log day).
  await w.conn.run(`INSERT INTO mailboxes (address, seen_from, seen_to, kind, agency_code, status, source) VALUES
    ('an@${D}', DATE '2026-11-01', DATE '2026-12-01', 'ca-nhan', 'AGENCY-A', 'active', 'mailboxes.csv'),
    ('an@${D}', DATE '2026-12-01', NULL, 'ca-nhan', 'AGENCY-C', 'active', 'mailboxes.csv'),
    ('binh@${D}', DATE '2026-11-21', NULL, 'ca-nhan', 'AGENCY-B', 'active', 'mailboxes.csv')`);
  await loadNight(w.conn, [file], '2026-11-21');
  return { ...w, file };
}

describe('mail_daily_mailbox', () => {
  it('counts each message once and each delivery at its final hop', async () => {
    const { conn, close } = await night();
    try {
      const got = await rows(conn, `SELECT address, agency_code, sent_messages::INTEGER AS sent, sent_bytes::INTEGER AS sent_bytes,
          sent_rcpt_internal::INTEGER AS rin, sent_rcpt_external::INTEGER AS rex, received_messages::INTEGER AS recv,
          received_from_internal::INTEGER AS fin, received_from_external::INTEGER AS fex, bounced::INTEGER AS bounced,
          rejected_inbound::INTEGER AS rejected
        FROM mail_daily_mailbox WHERE day = DATE '2026-11-20' ORDER BY address`);
      expect(got).toEqual([
        { address: `an@${D}`, agency_code: 'AGENCY-A', sent: 2, sent_bytes: 4000, rin: 1, rex: 1, recv: 2, fin: 0, fex: 1, bounced: 1, rejected: 0 },
        { address: `binh@${D}`, agency_code: 'AGENCY-B', sent: 0, sent_bytes: 0, rin: 0, rex: 0, recv: 1, fin: 1, fex: 0, bounced: 0, rejected: 1 },
      ]);
    } finally {
      close();
    }
  });

  it('sums mailboxes into mail_daily_agency', async () => {
    const { conn, close } = await night();
    try {
      const got = await rows(conn, `SELECT agency_code, active_senders::INTEGER AS senders, active_receivers::INTEGER AS receivers,
          sent_messages::INTEGER AS sent, received_messages::INTEGER AS recv FROM mail_daily_agency ORDER BY agency_code`);
      expect(got).toEqual([
        { agency_code: 'AGENCY-A', senders: 1, receivers: 1, sent: 2, recv: 2 },
        { agency_code: 'AGENCY-B', senders: 0, receivers: 1, sent: 0, recv: 1 },
      ]);
    } finally {
      close();
    }
  });

  it('links filter hops to the original and keeps the retention facts', async () => {
    const { conn, close, file } = await night();
    try {
      const messages = await rows(conn, 'SELECT qid, via, parent_qid FROM mail_messages ORDER BY qid');
      expect(messages).toEqual([
        { qid: 'AAAA000001', via: 'smtpd', parent_qid: null },
        { qid: 'AAAA000004', via: 'smtpd', parent_qid: null },
        { qid: 'AAAA000006', via: 'smtpd', parent_qid: null },
        { qid: 'AAAA000007', via: 'notice', parent_qid: 'AAAA000006' },
      ]);
      // Zimbra's two hops out (dkimmilter, then amavis), one in; every copy names its message
      const copies = await rows(conn, 'SELECT qid, parent_qid, root_qid FROM mail_message_hops ORDER BY qid');
      expect(copies).toEqual([
        { qid: 'AAAA000002', parent_qid: 'AAAA000001', root_qid: 'AAAA000001' },
        { qid: 'AAAA000003', parent_qid: 'AAAA000002', root_qid: 'AAAA000001' },
        { qid: 'AAAA000005', parent_qid: 'AAAA000004', root_qid: 'AAAA000004' },
      ]);
      const delivered = await rows(conn, "SELECT qid, message_qid FROM mail_deliveries WHERE status = 'sent' ORDER BY time, recipient");
      expect(delivered).toEqual([
        { qid: 'AAAA000003', message_qid: 'AAAA000001' },
        { qid: 'AAAA000003', message_qid: 'AAAA000001' },
        { qid: 'AAAA000005', message_qid: 'AAAA000004' },
        { qid: 'AAAA000007', message_qid: 'AAAA000007' },
      ]);
      const facts = await rows(conn, `SELECT sender, recipient, client_ip, size::INTEGER AS size, status, dsn, relay FROM mail_recipient_facts ORDER BY time, recipient`);
      expect(facts[0]).toEqual({ sender: `an@${D}`, recipient: `binh@${D}`, client_ip: '10.10.0.5', size: 1000, status: 'sent', dsn: '2.1.5', relay: `mail.${D}[10.10.0.5]:7025` });
      expect(facts.find((f) => f.status === 'bounced')).toMatchObject({ sender: `an@${D}`, recipient: 'z@abc.vn', client_ip: '113.172.40.18', dsn: '5.1.1' });
      expect(facts.some((f) => String(f.relay).includes(':10024'))).toBe(false);
      const [t] = await rows(conn, 'SELECT sum(received)::INTEGER AS received, sum(delivered)::INTEGER AS delivered FROM mail_daily_totals');
      const pf = pflogsumm([file]);
      expect(t).toEqual({ received: pf.received, delivered: pf.delivered });
      expect(pf.received).toBe(3); // pflogsumm counts the original client= lines, not amavis's re-injections
    } finally {
      close();
    }
  });
});

describe('a retry after the log rotation', () => {
  it('finds its message in the previous night', async () => {
    const dir = tempDir();
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    writeFileSync(first, [
      `Nov 20 23:50:00 mail postfix/smtpd[1]: BBBB000001: client=mail.${D}[10.10.0.5]`,
      `Nov 20 23:50:00 mail postfix/qmgr[2]: BBBB000001: from=<an@${D}>, size=5000, nrcpt=1 (queue active)`,
      `Nov 20 23:50:30 mail postfix/smtp[3]: BBBB000001: to=<x@abc.vn>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.abc.vn[203.113.1.2]:25: Connection timed out)`,
    ].join('\n') + '\n');
    writeFileSync(second, [
      `Nov 21 00:20:01 mail postfix/smtp[3]: BBBB000001: to=<x@abc.vn>, relay=mx.abc.vn[203.113.1.2]:25, delay=1801, delays=1800/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)`,
      `Nov 21 00:20:01 mail postfix/qmgr[2]: BBBB000001: removed`,
    ].join('\n') + '\n');
    const w = await openWarehouse();
    try {
      await loadNight(w.conn, [first], '2026-11-21');
      await loadNight(w.conn, [second], '2026-11-22');
      const d = await rows(w.conn, "SELECT export_date::VARCHAR AS night, status, msg_export_date::VARCHAR AS msg_night FROM mail_deliveries ORDER BY time");
      expect(d).toEqual([
        { night: '2026-11-21', status: 'deferred', msg_night: '2026-11-21' },
        { night: '2026-11-22', status: 'sent', msg_night: '2026-11-21' },
      ]);
      const [usage] = await rows(w.conn, "SELECT sent_rcpt_external::INTEGER AS rex FROM mail_daily_mailbox WHERE address = 'an@soctrang.gov.vn' AND day = DATE '2026-11-21'");
      expect(usage).toEqual({ rex: 1 });
    } finally {
      w.close();
    }
  });
});

describe("a content filter's copy across the log rotation", () => {
  const handOff = [
    `Nov 20 23:50:00 mail postfix/smtpd[1]: CCCC000001: client=mail.${D}[10.10.0.5]`,
    `Nov 20 23:50:00 mail postfix/qmgr[2]: CCCC000001: from=<an@${D}>, size=5000, nrcpt=1 (queue active)`,
    `Nov 20 23:50:01 mail postfix/amavisd/smtpd[4]: CCCC000002: client=localhost[127.0.0.1]`,
    `Nov 20 23:50:01 mail postfix/qmgr[2]: CCCC000002: from=<an@${D}>, size=5600, nrcpt=1 (queue active)`,
    `Nov 20 23:50:01 mail postfix/smtp[3]: CCCC000001: to=<x@abc.vn>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as CCCC000002)`,
    `Nov 20 23:50:31 mail postfix/smtp[3]: CCCC000002: to=<x@abc.vn>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.abc.vn[203.113.1.2]:25: Connection timed out)`,
  ];
  const retry = [
    `Nov 21 00:20:01 mail postfix/smtp[3]: CCCC000002: to=<x@abc.vn>, relay=mx.abc.vn[203.113.1.2]:25, delay=1801, delays=1800/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)`,
    `Nov 21 00:20:01 mail postfix/qmgr[2]: CCCC000002: removed`,
  ];

  it('a retry of the copy in the next night delivers the message of the night before', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'first'), handOff.join('\n') + '\n');
    writeFileSync(join(dir, 'second'), retry.join('\n') + '\n');
    const w = await openWarehouse();
    try {
      await loadNight(w.conn, [join(dir, 'first')], '2026-11-21');
      await loadNight(w.conn, [join(dir, 'second')], '2026-11-22');
      expect(await rows(w.conn, 'SELECT qid FROM mail_messages')).toEqual([{ qid: 'CCCC000001' }]);
      const d = await rows(w.conn, "SELECT export_date::VARCHAR AS night, status, msg_export_date::VARCHAR AS msg_night, message_qid FROM mail_deliveries ORDER BY time");
      expect(d).toEqual([
        { night: '2026-11-21', status: 'deferred', msg_night: '2026-11-21', message_qid: 'CCCC000001' },
        { night: '2026-11-22', status: 'sent', msg_night: '2026-11-21', message_qid: 'CCCC000001' },
      ]);
      const facts = await rows(w.conn, "SELECT sender, size::INTEGER AS size, client_ip FROM mail_recipient_facts WHERE status = 'sent'");
      expect(facts).toEqual([{ sender: `an@${D}`, size: 5000, client_ip: '10.10.0.5' }]);
    } finally {
      w.close();
    }
  });

  it('a delivery whose message is in no night of the warehouse still counts as received', async () => {
    const file = join(tempDir(), 'maillog');
    writeFileSync(file, retry.join('\n').replace('x@abc.vn', `an@${D}`) + '\n');
    const w = await openWarehouse();
    try {
      await loadNight(w.conn, [file], '2026-11-22');
      const got = await rows(w.conn, `SELECT address, received_messages::INTEGER AS recv, received_from_internal::INTEGER AS fin,
        received_from_external::INTEGER AS fex, received_bytes::INTEGER AS bytes FROM mail_daily_mailbox`);
      expect(got).toEqual([{ address: `an@${D}`, recv: 1, fin: 0, fex: 0, bytes: 0 }]);
    } finally {
      w.close();
    }
  });

  it('a copy whose original is not in the log is a message of its own (via filter)', async () => {
    const file = join(tempDir(), 'maillog');
    writeFileSync(file, [...handOff.slice(2, 4), handOff[5], ...retry].join('\n') + '\n');
    const w = await openWarehouse();
    try {
      await loadNight(w.conn, [file], '2026-11-21');
      expect(await rows(w.conn, 'SELECT qid, via, sender FROM mail_messages')).toEqual([{ qid: 'CCCC000002', via: 'filter', sender: `an@${D}` }]);
      expect(await rows(w.conn, 'SELECT count(*)::INTEGER AS n FROM mail_message_hops')).toEqual([{ n: 0 }]);
      const d = await rows(w.conn, 'SELECT status, message_qid FROM mail_deliveries ORDER BY time');
      expect(d).toEqual([{ status: 'deferred', message_qid: 'CCCC000002' }, { status: 'sent', message_qid: 'CCCC000002' }]);
    } finally {
      w.close();
    }
  });
});
