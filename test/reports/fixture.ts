/**
 * A year of warehouse data for report tests (profile soctrang-2024): Sở TT&TT merges into Sở KH&CN on 01/03/2025, a
 * new agency is founded on 01/09/2025, mailboxes are issued, moved, locked, revoked and dropped from the registry,
 * one mailbox carries a code missing from the agency list, requests are done on time and late, one incident is
 * reported within 8 hours and one after.
 */
import { Fixture } from '../compliance/fixture.ts';

export async function reportYearFixture(file = ':memory:'): Promise<Fixture> {
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
  return f;
}
