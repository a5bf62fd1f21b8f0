/** Line classification, branch by branch, with the line shapes real Postfix and Zimbra servers write. */
import { describe, expect, it } from 'vitest';
import { EVENT, LINE, LineParser, type MaillogEvent } from '../../src/inputs/postfix/parseLine.ts';

const parse = (line: string, exportDate = '2026-11-21') => new LineParser(exportDate).parse(line);
const event = (line: string, exportDate?: string): MaillogEvent => {
  const r = parse(line, exportDate);
  if (typeof r !== 'object') throw new Error(`no event: ${r}`);
  return r;
};

describe('receive lines (pflogsumm: received)', () => {
  it.each([
    ['postfix/smtpd', 'Nov 20 08:15:01 mail postfix/smtpd[123]: 4A1B2C3D4E: client=mail-ua1-f51.google.com[209.85.222.51]', 'smtpd', 'google.com'],
    ['submission', 'Nov 20 08:15:01 mail postfix/submission/smtpd[123]: 4A1B2C3D4E: client=unknown[113.172.40.18], sasl_method=LOGIN, sasl_username=an@soctrang.gov.vn', 'smtpd', '113.172.40.18'],
    // pflogsumm reduces to two labels only before a 3-letter or 2+2 ending: .vn names stay whole
    ['smtps', 'Nov 20 08:15:01 mail postfix/smtps/smtpd[123]: 4A1B2C3D4E: client=static.vnpt.vn[14.226.236.9]', 'smtpd', 'static.vnpt.vn'],
    ['IPv6 in brackets', 'Nov 20 08:15:01 mail postfix/smtpd[123]: 4A1B2C3D4E: client=unknown[2402:800:6314:1b2::7]', 'smtpd', '2402:800:6314:1b2::7'],
    ['postscreen', 'Nov 20 08:15:01 mail postfix/postscreen[123]: 4A1B2C3D4E: client=mx.example.com.vn[203.113.1.2]', 'postscreen', 'example.com.vn'],
  ])('%s', (_, line, cmd, from) => {
    const e = event(line);
    expect(e.kind).toBe(EVENT.receive);
    expect(e.cmd).toBe(cmd);
    expect(e.qid).toBe('4A1B2C3D4E');
    expect(e.receivedFrom).toBe(from);
  });

  it('splits host and IPv6 address, keeps the SASL user', () => {
    const e = event('Nov 20 08:15:01 mail postfix/submission/smtpd[9]: 4A1B2C3D4E: client=unknown[2402:800::7], sasl_method=PLAIN, sasl_username=an@soctrang.gov.vn');
    expect([e.clientHost, e.clientIp, e.sasl]).toEqual(['unknown', '2402:800::7', 'an@soctrang.gov.vn']);
  });

  it('a content filter’s re-injection (postfix/amavisd/smtpd) is an event pflogsumm does not count', () => {
    const e = event('Nov 20 08:15:02 mail postfix/amavisd/smtpd[77]: 5B2C3D4E5F: client=localhost[127.0.0.1]');
    expect(e.kind).toBe(EVENT.relayed);
    expect(e.cmd).toBe('amavisd/smtpd');
  });

  it('XFORWARD: orig_queue_id links the re-injection to its original', () => {
    const e = event('Dec 14 00:06:14 mx postfix/smtpd[11280]: 3pJjgB6dpKz1JBPW: client=mx[127.0.0.1], orig_queue_id=3pJjg82Vycz1JBJG, orig_client=wursti.dovecot.fi[87.106.245.223]', '2015-12-15');
    expect(e.origQid).toBe('3pJjg82Vycz1JBJG');
  });

  it('pickup', () => {
    const e = event('Nov 20 06:00:00 mail postfix/pickup[9001]: 1A2B3C4D5E: uid=999 from=<zimbra>');
    expect([e.kind, e.receivedFrom]).toEqual([EVENT.pickup, 'pickup']);
  });
});

describe('from= and to= lines', () => {
  it('from=: sender with the domain lower-cased (local part kept), size, nrcpt', () => {
    const e = event('Nov 20 08:15:01 mail postfix/qmgr[3]: 4A1B2C3D4E: from=<An.Nguyen@SocTrang.GOV.vn>, size=12345, nrcpt=2 (queue active)');
    expect([e.kind, e.addr, e.addrDomain, e.size, e.sizeTruthy, e.nrcpt]).toEqual([EVENT.from, 'An.Nguyen@soctrang.gov.vn', 'soctrang.gov.vn', 12345, true, 2]);
  });

  it('from=<> (a bounce) has no sender domain', () => {
    const e = event('Nov 20 08:15:01 mail postfix/qmgr[3]: 4A1B2C3D4E: from=<>, size=3000, nrcpt=1 (queue active)');
    expect([e.addr, e.addrDomain]).toEqual(['', null]);
  });

  it('to= through the content filter: loopback relay, next queue id', () => {
    const e = event('Nov 20 08:15:03 mail postfix/smtp[45]: 4A1B2C3D4E: to=<a@soctrang.gov.vn>, relay=127.0.0.1[127.0.0.1]:10024, delay=1.2, delays=0.1/0/0.3/0.8, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as 5B2C3D4E5F)');
    expect([e.kind, e.status, e.dsn, e.relay, e.nextQid, e.delay]).toEqual([EVENT.to, 'sent', '2.0.0', '127.0.0.1[127.0.0.1]:10024', '5B2C3D4E5F', '1.2']);
  });

  it('to= deferred keeps the reason; orig_to is read', () => {
    const e = event('Nov 20 08:15:03 mail postfix/smtp[45]: 4A1B2C3D4E: to=<x@abc.vn>, orig_to=<alias@abc.vn>, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to mx.abc.vn[203.113.1.2]:25: Connection timed out)');
    expect([e.status, e.origTo, e.detail]).toEqual(['deferred', 'alias@abc.vn', 'connect to mx.abc.vn[203.113.1.2]:25: Connection timed out']);
  });

  it('"forwarded as" is a forward, not a delivery', () => {
    const e = event('Nov 20 08:15:03 mail postfix/local[45]: 4A1B2C3D4E: to=<a@x.vn>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (forwarded as 9F9F9F9F9F)');
    expect(e.forwarded).toBe(true);
  });

  it('a carriage return at the end (CRLF file) does not hide the status', () => {
    const e = event('Dec 15 07:46:33 phoenix postfix/smtp[1]: B73341100F29: to=<s@d.co.uk>, relay=r.google.com[173.194.72.123]:25, delay=959, delays=0/956/1.9/0.75, dsn=2.0.0, status=sent (250 2.0.0 OK)\r', '2014-12-16');
    expect(e.status).toBe('sent');
  });

  it('a bounce notification creates a new queue id', () => {
    const e = event('Nov 20 08:20:00 mail postfix/bounce[8001]: 4A1B2C3D4E: sender non-delivery notification: 6C3D4E5F60');
    expect([e.kind, e.nextQid]).toEqual([EVENT.notice, '6C3D4E5F60']);
  });
});

describe('rejects (pflogsumm: rejected)', () => {
  it('NOQUEUE: reject with sender, recipient, client and reason', () => {
    const e = event('Nov 20 01:58:33 mail postfix/smtpd[10849]: NOQUEUE: reject: RCPT from unknown[103.145.13.190]: 554 5.7.1 Service unavailable; Client host [103.145.13.190] blocked using zen.spamhaus.org; from=<x@mail.ru> to=<an@soctrang.gov.vn> proto=ESMTP helo=<User>');
    expect([e.kind, e.qid, e.stage, e.clientIp, e.sender, e.addr]).toEqual([EVENT.reject, 'NOQUEUE', 'RCPT', '103.145.13.190', 'x@mail.ru', 'an@soctrang.gov.vn']);
    expect(e.detail).toBe('554 5.7.1 Service unavailable; Client host [103.145.13.190] blocked using zen.spamhaus.org');
  });

  it('reject_warning is not a reject', () => {
    expect(event('Nov 20 01:58:33 mail postfix/smtpd[1]: NOQUEUE: reject_warning: RCPT from unknown[1.2.3.4]: 450 4.7.1 x; from=<a@b.c> to=<d@e.f> proto=ESMTP helo=<h>').kind).toBe(EVENT.rejectWarning);
  });

  it('cleanup header check', () => {
    const e = event('Nov 20 01:58:33 mail postfix/cleanup[1]: 4A1B2C3D4E: reject: header Subject: win now from unknown[1.2.3.4]; from=<a@b.c> to=<d@e.f> proto=ESMTP helo=<h>: 5.7.1 spam');
    expect([e.kind, e.stage]).toEqual([EVENT.reject, 'header']);
  });
});

describe('lines without events', () => {
  it.each([
    ['connect', 'Nov 20 08:15:01 mail postfix/smtpd[123]: connect from unknown[1.2.3.4]', LINE.ignored],
    ['message-id', 'Nov 20 08:15:01 mail postfix/cleanup[1]: 4A1B2C3D4E: message-id=<x@y>', LINE.ignored],
    ['removed, then more text', 'Nov 20 08:15:01 mail postfix/qmgr[1]: 4A1B2C3D4E: removed twice', LINE.ignored],
    ['warning', 'Nov 20 08:15:01 mail postfix/smtpd[1]: warning: hostname x does not resolve to address 1.2.3.4', LINE.ignored],
    ['amavis', 'Nov 20 08:15:01 mail amavis[5564]: (05592-03) Passed CLEAN {RelayedInbound}', LINE.otherProgram],
    ['sendmail', 'May 27 16:01:36 host sendmail[5]: t4R9: from=root, size=320', LINE.otherProgram],
    ['multi-instance postfix pflogsumm does not read', 'Nov 20 08:15:01 mail postfix-out/smtpd[1]: 4A1B2C3D4E: client=x[1.2.3.4]', LINE.ignored],
    ['garbage', '\u0000\u0001binary junk', LINE.garbled],
    ['no text after the host', 'Nov 20 08:15:01 mail', LINE.garbled],
    ['cut inside the timestamp', 'Nov 20 08:1', LINE.garbled],
    ['not a real date', 'Nov 31 08:15:01 mail postfix/qmgr[1]: 4A1B2C3D4E: removed', LINE.garbled],
    ['unknown Postfix queue-id line', 'Nov 20 08:15:01 mail postfix/qmgr[1]: 4A1B2C3D4E: frobnicated the queue file', LINE.unknown],
  ])('%s', (_, line, expected) => {
    expect(parse(line)).toBe(expected);
  });
});

describe('the end of a message (pflogsumm ignores it)', () => {
  it('`QID: removed` is an event of its own: the queue id is done', () => {
    const e = event('Nov 20 08:15:01 mail postfix/qmgr[1]: 4A1B2C3D4E: removed', '2026-11-21');
    expect([e.kind, e.qid, e.cmd]).toEqual([EVENT.removed, '4A1B2C3D4E', 'qmgr']);
  });
});

describe('timestamps', () => {
  it('classic: year from the export date, local time +07:00', () => {
    const e = event('Nov  1 08:15:01 mail postfix/qmgr[1]: 4A1B2C3D4E: removed x from=<a@b.vn>, size=1, nrcpt=1', '2026-11-02');
    expect([new Date(e.epochMs).toISOString(), e.day]).toEqual(['2026-11-01T01:15:01.000Z', '2026-11-01']);
  });

  it('classic December lines in a January export belong to the previous year', () => {
    const e = event('Dec 31 23:59:59 mail postfix/qmgr[1]: 4A1B2C3D4E: from=<a@b.vn>, size=1, nrcpt=1', '2027-01-01');
    expect(e.day).toBe('2026-12-31');
  });

  it('RFC 3339 with an offset or Z gives the local day', () => {
    const a = event('2026-11-20T23:30:00.123456+07:00 mail postfix/qmgr[1]: 4A1B2C3D4E: from=<a@b.vn>, size=1, nrcpt=1');
    const b = event('2026-11-20T17:30:00Z mail postfix/qmgr[1]: 4A1B2C3D4E: from=<a@b.vn>, size=1, nrcpt=1');
    expect([a.day, b.day]).toEqual(['2026-11-20', '2026-11-21']);
    expect(a.epochMs - Date.parse('2026-11-20T16:30:00Z')).toBe(123);
  });
});
