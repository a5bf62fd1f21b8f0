import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOrgMailbox, type OrgPosition } from '../../src/rules/address.ts';
import { agencyMailboxCitation, ruleCitation } from '../../src/rules/compliance/rules.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { formatCitation, type PolicyId } from '../../src/rules/policy/schema.ts';
import { computeFindings } from '../../src/warehouse/compliance/findings.ts';
import { Fixture } from './fixture.ts';

const so = (abbr: string | null, name = 'Sở Thông tin và Truyền thông'): OrgPosition['unit'] => ({ kind: 'so-nganh', abbr, name });
const huyen = (abbr: string | null): OrgPosition['unit'] => ({ kind: 'ubnd-huyen', abbr, name: 'UBND huyện Mỹ Xuyên' });
const at = (unit: OrgPosition['unit'], parent: OrgPosition['unit'] | null = null): OrgPosition => ({ unit, parent });
const phong = (abbr: string | null = null) => ({ kind: 'phong-ban', abbr, name: 'Phòng' });
const donVi = { kind: 'dvsn', abbr: null, name: 'Trung tâm Công nghệ số' };
const xa = (name: string, abbr: string | null = null) => ({ kind: 'ubnd-xa', abbr, name });

// Item 5 of issue 17: the organisational formats, checked against the agency list, from the seeds' own examples.
describe.each([
  // 001 Điều 3 khoản 1–2 (002 lost its placeholders); 002 Điều 3 khoản 2 pvhtt; 002 Điều 11 khoản 4 ttcns.sotttt;
  // 001 Điều 10 xulythurac.sotttt (the spam mailbox, registered to the Sở).
  ['soctrang-2024', 'sotttt@soctrang.gov.vn', at(so('sotttt')), true, 'agency'],
  ['soctrang-2024', 'phongcds.sotttt@soctrang.gov.vn', at(phong('phongcds'), so('sotttt')), true, 'department'],
  ['soctrang-2024', 'ttcns.sotttt@soctrang.gov.vn', at(donVi, so('sotttt')), true, 'department'],
  ['soctrang-2024', 'xulythurac.sotttt@soctrang.gov.vn', at(so('sotttt')), true, 'department'],
  ['soctrang-2024', 'myxuyen@soctrang.gov.vn', at(huyen('myxuyen')), true, 'locality'],
  ['soctrang-2024', 'xathanhphu.myxuyen@soctrang.gov.vn', at(xa('UBND xã Thạnh Phú'), huyen('myxuyen')), true, 'subLocality'],
  ['soctrang-2024', 'pvhtt.myxuyen@soctrang.gov.vn', at(phong(), huyen('myxuyen')), true, 'localityDepartment'],
  ['soctrang-2024', 'phongvhtt.myxuyen@soctrang.gov.vn', at(phong(), huyen('myxuyen')), true, 'localityDepartment'],
  // The seeds' own typo is not the province's domain (002 Điều 2 khoản 1).
  ['soctrang-2024', 'sotttt@socstrang.gov.vn', at(so('sotttt')), false, 'agency'],
  // Not the agency's registered abbreviation; a department without its agency; under another agency; accents.
  ['soctrang-2024', 'sotttt1@soctrang.gov.vn', at(so('sotttt')), false, 'agency'],
  ['soctrang-2024', 'phongcds@soctrang.gov.vn', at(phong('phongcds'), so('sotttt')), false, 'department'],
  ['soctrang-2024', 'phongcds.sonv@soctrang.gov.vn', at(phong('phongcds'), so('sotttt')), false, 'department'],
  ['soctrang-2024', 'sởtttt@soctrang.gov.vn', at(so(null)), false, 'agency'],
  ['soctrang-2024', 'thạnhphú.myxuyen@soctrang.gov.vn', at(xa('UBND xã Thạnh Phú'), huyen('myxuyen')), false, 'subLocality'],
  // 2014's abbreviation of the district under the 2024 registry (myxuyen).
  ['soctrang-2024', 'huyenmx@soctrang.gov.vn', at(huyen('myxuyen')), false, 'locality'],
  // 003 Điều 3 khoản 1 điểm a–b.
  ['soctrang-2014', 'sotttt@soctrang.gov.vn', at(so('sotttt')), true, 'agency'],
  ['soctrang-2014', 'huyenmx@soctrang.gov.vn', at(huyen('huyenmx')), true, 'locality'],
  ['soctrang-2014', 'phongcntt.sotttt@soctrang.gov.vn', at(phong(), so('sotttt')), true, 'department'],
  ['soctrang-2014', 'phongvhtt.huyenmx@soctrang.gov.vn', at(phong(), huyen('huyenmx')), true, 'localityDepartment'],
  ['soctrang-2014', 'xatp.huyenmx@soctrang.gov.vn', at(xa('UBND xã Thạnh Phú'), huyen('huyenmx')), true, 'subLocality'],
  // 004 Điều 5 khoản 1 điểm b: <tên xã, phường> spelled out, whatever abbreviation the list gives.
  ['sonla-2025', 'muongbu@sonla.gov.vn', at(xa('UBND xã Mường Bú', 'mb')), true, 'locality'],
  ['sonla-2025', 'xamuongbu@sonla.gov.vn', at(xa('UBND xã Mường Bú', 'xamuongbu')), false, 'locality'],
  ['sonla-2025', 'vanhoaxahoi.muongbu@sonla.gov.vn', at(phong(), xa('UBND xã Mường Bú', 'muongbu')), true, 'localityDepartment'],
  ['sonla-2025', 'vanphong.sokhcn@sonla.gov.vn', at(phong('vanphong'), so('sokhcn', 'Sở Khoa học và Công nghệ')), true, 'department'],
] as const)('%s: %s', (profile, address, position, conforms, template) => {
  it(`${conforms ? 'conforms' : 'does not conform'} (judged as ${template})`, () => {
    const result = checkOrgMailbox(loadPolicy(profile), address, position);
    expect([result.conforms, result.template]).toEqual([conforms, template]);
    if (!conforms) expect(result.reason).toMatch(/^(không đúng định dạng hộp thư|tên miền)/);
  });
});

describe('the reason names what is expected, in Vietnamese', () => {
  it('a department without its agency', () => {
    const r = checkOrgMailbox(loadPolicy('soctrang-2024'), 'phongcds@soctrang.gov.vn', at(phong('phongcds'), so('sotttt')));
    expect(r.reason).toBe(
      'không đúng định dạng hộp thư phòng ban, đơn vị thuộc cơ quan (khoản 1 Điều 3 Quy chế ban hành kèm theo Quyết định số ' +
        '59/2024/QĐ-UBND): cần <phòng ban>.sotttt@soctrang.gov.vn',
    );
  });
});

let f: Fixture;
beforeEach(async () => {
  f = await Fixture.create();
});
afterEach(() => f.close());

async function findings(profile: PolicyId, asOf: string) {
  return (await computeFindings(f.conn, loadPolicy(profile), { asOf })).findings;
}

describe('organisational address findings in the warehouse', () => {
  beforeEach(async () => {
    await f.agency({ code: 'STTTT', name: 'Sở Thông tin và Truyền thông', abbr: 'sotttt' });
    await f.agency({ code: 'STTTT.P1', name: 'Phòng Chuyển đổi số', abbr: 'phongcds', kind: 'phong-ban', grp: 'phong-ban', parent: 'STTTT' });
    await f.agency({ code: 'HMX', name: 'UBND huyện Mỹ Xuyên', abbr: 'myxuyen', kind: 'ubnd-huyen', grp: 'ubnd-huyen' });
    await f.agency({ code: 'HMX.X1', name: 'UBND xã Thạnh Phú', abbr: 'xathanhphu.myxuyen', kind: 'ubnd-xa', grp: 'ubnd-xa', parent: 'HMX' });
    const box = { kind: 'co-quan' as const, seenFrom: '2025-01-01', createdAt: '2020-05-04T08:00:00+07:00' };
    await f.mailbox({ ...box, address: 'sotttt@soctrang.gov.vn', agency: 'STTTT' });
    await f.mailbox({ ...box, address: 'xulythurac.sotttt@soctrang.gov.vn', agency: 'STTTT' });
    await f.mailbox({ ...box, address: 'phongcds@soctrang.gov.vn', agency: 'STTTT.P1' });
    await f.mailbox({ ...box, address: 'huyenmx@soctrang.gov.vn', agency: 'HMX' });
    await f.mailbox({ ...box, address: 'xathanhphu.myxuyen@soctrang.gov.vn', agency: 'HMX.X1' });
    await f.mailbox({ ...box, address: 'old.myxuyen@soctrang.gov.vn', agency: 'HMX', status: 'closed' });
  });

  it('active agency mailboxes off the template, each citing the clause of its template, informational', async () => {
    const hits = (await findings('soctrang-2024', '2025-03-01')).filter((x) => x.ruleId === 'org-address-format');
    expect(hits.map((x) => [x.subject, x.citation, x.severity, x.since])).toEqual([
      ['huyenmx@soctrang.gov.vn', '002 Điều 3 khoản 2', 'thong-tin', '2025-01-01'],
      ['phongcds@soctrang.gov.vn', '002 Điều 3 khoản 1', 'thong-tin', '2025-01-01'],
    ]);
    expect(hits[0]!.detail).toContain('cần myxuyen@soctrang.gov.vn');
  });

  it('the same registry under QĐ 17/2014 cites 003 Điều 3 khoản 1, point a or b by template', async () => {
    const hits = (await findings('soctrang-2014', '2025-03-01')).filter((x) => x.ruleId === 'org-address-format');
    expect(hits.map((x) => [x.subject, x.citation])).toEqual([
      ['huyenmx@soctrang.gov.vn', '003 Điều 3 khoản 1 điểm a'],
      ['phongcds@soctrang.gov.vn', '003 Điều 3 khoản 1 điểm b'],
    ]);
  });
});

// Item 2 of issue 17: the duty to have the mailbox is the clause that creates it (002 Điều 3 khoản 1–2), not reading it.
describe('agency-mailbox-missing cites the duty to have the mailbox', () => {
  it.each([
    ['soctrang-2024', 'so-nganh', null, '002 Điều 3 khoản 1'],
    ['soctrang-2024', 'phong-ban', 'so-nganh', '002 Điều 3 khoản 1'],
    ['soctrang-2024', 'ubnd-huyen', null, '002 Điều 3 khoản 2'],
    ['soctrang-2024', 'ubnd-xa', 'ubnd-huyen', '002 Điều 3 khoản 2'],
    ['soctrang-2024', 'phong-ban', 'ubnd-huyen', '002 Điều 3 khoản 2'],
    ['soctrang-2014', 'so-nganh', null, '003 Điều 3 khoản 1 điểm a'],
    ['soctrang-2014', 'ubnd-xa', 'ubnd-huyen', '003 Điều 3 khoản 1 điểm b'],
    ['sonla-2025', 'so-nganh', null, '004 Điều 5 khoản 1 điểm a (dự thảo)'],
    ['sonla-2025', 'ubnd-xa', null, '004 Điều 5 khoản 1 điểm b (dự thảo)'],
    ['sonla-2025', 'phong-ban', 'ubnd-xa', '004 Điều 5 khoản 1 điểm c (dự thảo)'],
  ] as const)('%s: a %s (parent %s) → %s', (profile, kind, parent, citation) => {
    expect(formatCitation(agencyMailboxCitation(loadPolicy(profile), kind, parent))).toBe(citation);
  });

  it('the rule as a whole cites Điều 3 khoản 1, no longer Điều 12 khoản 3', () => {
    expect(formatCitation(ruleCitation('agency-mailbox-missing', loadPolicy('soctrang-2024')))).toBe('002 Điều 3 khoản 1');
    expect(formatCitation(ruleCitation('agency-mailbox-missing', loadPolicy('soctrang-2014')))).toBe('003 Điều 3 khoản 1');
  });

  it('a finding in the warehouse carries its agency’s clause', async () => {
    await f.agency({ code: 'HMX', name: 'UBND huyện Mỹ Xuyên', abbr: 'myxuyen', kind: 'ubnd-huyen', grp: 'ubnd-huyen' });
    await f.agency({ code: 'SNV', name: 'Sở Nội vụ', abbr: 'sonv' });
    const hits = (await findings('soctrang-2024', '2025-03-01')).filter((x) => x.ruleId === 'agency-mailbox-missing');
    expect(hits.map((x) => [x.subject, x.citation])).toEqual([
      ['HMX', '002 Điều 3 khoản 2'],
      ['SNV', '002 Điều 3 khoản 1'],
    ]);
  });
});
