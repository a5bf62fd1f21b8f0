/** messages.csv, the canonical alternative to a Postfix log (SPEC §3.3): same tables, bad rows quarantined. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loaded, rows, tempDir } from './support.ts';

const CSV = [
  'time,queue_id,from,to,client_ip,size,status,dsn',
  '2026-11-20 08:00:00,AB12CD34EF,an@soctrang.gov.vn,binh@soctrang.gov.vn,10.10.0.5,1000,sent,2.1.5',
  '2026-11-20 08:00:00,AB12CD34EF,an@soctrang.gov.vn,x@gmail.com,10.10.0.5,1000,deferred,4.4.1',
  '2026-11-20 08:30:00,AB12CD34EF,an@soctrang.gov.vn,x@gmail.com,10.10.0.5,1000,sent,2.0.0',
  '2026-11-20T09:00:00+07:00,CD34EF56AB,<>,an@soctrang.gov.vn,,4000,sent,2.1.5',
  '2026-11-20 10:00:00,EF56AB78CD,y@yahoo.com,nobody@soctrang.gov.vn,2001:db8::25,2000,bounced,5.1.1',
  '31/02/2026 10:00,XX,bad,row,,,sent,',
].join('\n');

describe('messages.csv', () => {
  it('loads per-recipient rows as messages and deliveries, with totals', async () => {
    const file = join(tempDir(), 'messages.csv');
    writeFileSync(file, CSV + '\n');
    const night = await loaded([file], '2026-11-21');
    try {
      expect(night.counts).toEqual({ mail_messages: 3, mail_message_hops: 0, mail_deliveries: 5, mail_rejects: 0 });
      expect(await night.totals()).toEqual({
        received: 3, delivered: 3, deferred: 1, deferrals: 1, bounced: 1, rejected: 0,
        bytes_received: 7000, bytes_delivered: 6000, senders: 3, recipients: 3, sending_domains: 3, recipient_domains: 2,
      });
      expect(night.quarantine).toHaveLength(1);
      expect(night.quarantine[0]).toMatchObject({ file: 'messages.csv', line: 7 });
      const m = await rows(night.conn, "SELECT qid, sender, client_ip, size::INTEGER AS size, day::VARCHAR AS day FROM mail_messages ORDER BY qid");
      expect(m).toEqual([
        { qid: 'AB12CD34EF', sender: 'an@soctrang.gov.vn', client_ip: '10.10.0.5', size: 1000, day: '2026-11-20' },
        { qid: 'CD34EF56AB', sender: '', client_ip: null, size: 4000, day: '2026-11-20' },
        { qid: 'EF56AB78CD', sender: 'y@yahoo.com', client_ip: '2001:db8::25', size: 2000, day: '2026-11-20' },
      ]);
    } finally {
      night.close();
    }
  });
});
