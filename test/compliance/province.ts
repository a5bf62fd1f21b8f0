import type { Fixture } from './fixture.ts';

/**
 * Four departments of one group through 2025: Sở KH&CN and Sở Nội vụ hold the same mailboxes (a tie), Sở Y tế also
 * forwards one mailbox to Gmail (and another sent mail on 20/06), and Sở TT&TT merges into Sở KH&CN on 01/07/2025. Sở Nội vụ is renamed on 01/10.
 */
export async function buildProvince(f: Fixture): Promise<void> {
  await f.agency({ code: 'STTTT', name: 'Sở Thông tin và Truyền thông', validTo: '2025-07-01', successor: 'SKHCN', headcount: 2 });
  await f.agency({ code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', headcount: 4 });
  await f.agency({ code: 'SNV', name: 'Sở Nội vụ', validTo: '2025-10-01', headcount: 4 });
  await f.agency({ code: 'SNV', name: 'Sở Nội vụ tỉnh', validFrom: '2025-10-01', headcount: 4 });
  await f.agency({ code: 'SYT', name: 'Sở Y tế', headcount: 4 });
  const common = { seenFrom: '2025-01-01', createdAt: '2024-01-01T08:00:00+07:00', passwordChangedAt: '2025-01-01T08:00:00+07:00' };
  for (const [agency, prefix] of [['SKHCN', 'k'], ['SNV', 'n'], ['SYT', 'y']] as const) {
    await f.mailbox({ ...common, address: `${prefix}1@soctrang.gov.vn`, agency, forwardTo: prefix === 'y' ? ['y1@gmail.com'] : [] });
    await f.mailbox({ ...common, address: `${prefix}2@soctrang.gov.vn`, agency });
    await f.mailbox({ ...common, address: `${prefix}s@soctrang.gov.vn`, agency, kind: 'co-quan' });
    await f.login('2025-03-15T09:00:00+07:00', `${prefix}1@soctrang.gov.vn`);
  }
  await f.sentMail('2025-06-20', 'y2@soctrang.gov.vn', 4);
  await f.mailbox({ ...common, address: 't1@soctrang.gov.vn', agency: 'STTTT', seenTo: '2025-07-01' });
  await f.mailbox({ ...common, address: 't1@soctrang.gov.vn', agency: 'STTTT', seenFrom: '2025-07-01', status: 'closed' });
  await f.request({ id: 'R1', type: 'cap-moi-ca-nhan', agency: 'STTTT', receivedAt: '2025-01-24T20:00:00+07:00', completedAt: '2025-02-10T09:00:00+07:00' });
  await f.ingestRun('2025-12-31');
}
