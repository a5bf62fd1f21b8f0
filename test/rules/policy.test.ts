import { describe, expect, it } from 'vitest';
import { criterionInputs } from '../../src/rules/compliance/criteria.ts';
import { loadPolicy, parsePolicy } from '../../src/rules/policy/load.ts';
import { POLICY_IDS, basisAtMost, citationsOf, formatCitation, weakestBasis } from '../../src/rules/policy/schema.ts';

describe.each(POLICY_IDS)('profile %s', (id) => {
  const policy = loadPolicy(id);
  it('validates and weights sum to 100', () => {
    expect(policy.id).toBe(id);
    expect(policy.ranking.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });
  it('every citation names a seed file', () => {
    const cites: string[] = [];
    JSON.stringify(policy, (k, v) => (k === 'cite' ? (cites.push(v.file), v) : v));
    expect(cites.length).toBeGreaterThan(20);
    for (const f of cites) expect(['000', '001', '002', '003', '004']).toContain(f);
  });
});

describe('profiles differ where the regulations differ', () => {
  it.each([
    ['soctrang-2024', 6, 'soctrang.gov.vn'],
    ['soctrang-2014', 1, 'soctrang.gov.vn'],
    ['sonla-2025', 3, 'sonla.gov.vn'],
  ] as const)('%s: password every %i months, domain %s', (id, months, domain) => {
    const p = loadPolicy(id);
    expect(p.password.changeIntervalMonths.value).toBe(months);
    expect(p.domain.value).toBe(domain);
  });
  it('sonla locks after 90 days and revokes 30 days later; Sóc Trăng revokes after 6 months', () => {
    expect(loadPolicy('sonla-2025').inactivity.lockAfterDays.value).toBe(90);
    expect(loadPolicy('sonla-2025').inactivity.revokeAfterLockedDays.value).toBe(30);
    expect(loadPolicy('soctrang-2024').inactivity.revokeAfterMonths.value).toBe(6);
    expect(loadPolicy('soctrang-2024').inactivity.revokeAfterMonths.cite.basis).toBe('draft');
  });
});

describe('validation', () => {
  it('rejects a profile whose weights do not sum to 100, in Vietnamese', () => {
    const bad = structuredClone(loadPolicy('soctrang-2024')) as { ranking: { criteria: { weight: number }[] } };
    bad.ranking.criteria[0]!.weight = 1;
    expect(() => parsePolicy(bad, 'x.json')).toThrow(/tổng trọng số/);
  });
  it('formats citations', () => {
    expect(formatCitation({ file: '001', dieu: 11, khoan: 2, diem: 'i', basis: 'draft' })).toBe(
      '001 Điều 11 khoản 2 điểm i (dự thảo)',
    );
  });
});

// Issue 17: every `final` figure cites the text in force for its profile, never a repealed one; a draft figure cites
// the same regulation's draft; another text can only ground a `derived` figure.
describe('citations rest on the texts in force (002 replaces 003 entirely: Điều 2 of QĐ 59/2024)', () => {
  it.each([
    ['soctrang-2024', ['002'], ['001']],
    ['soctrang-2014', ['003'], []],
    ['sonla-2025', [], ['004']],
  ] as const)('%s: final only from %j, draft only from %j', (id, finals, drafts) => {
    const policy = loadPolicy(id);
    expect(policy.sources).toEqual({ final: finals, draft: drafts });
    const cites = citationsOf(policy);
    expect(cites.length).toBeGreaterThan(60);
    for (const { path, cite } of cites) {
      if (cite.basis === 'final') expect(finals, path.join('.')).toContain(cite.file);
      if (cite.basis === 'draft') expect(drafts, path.join('.')).toContain(cite.file);
    }
  });

  it('soctrang-2024 never rests a final figure on QĐ 17/2014, nor any figure on Sơn La’s draft as a draft', () => {
    const cites = citationsOf(loadPolicy('soctrang-2024'));
    expect(cites.filter(({ cite }) => cite.file === '003' && cite.basis !== 'derived')).toEqual([]);
    expect(cites.filter(({ cite }) => cite.file === '004' && cite.basis !== 'derived')).toEqual([]);
  });

  it('a profile citing the repealed text as final does not load, and says why in Vietnamese', () => {
    const bad = structuredClone(loadPolicy('soctrang-2024')) as unknown as { directoryPublished: { cite: Record<string, unknown> } };
    bad.directoryPublished.cite = { file: '003', dieu: 9, khoan: 8, basis: 'final' };
    expect(() => parsePolicy(bad, 'x.json')).toThrow(/directoryPublished\.cite: căn cứ "chính thức" phải là văn bản 002, không phải 003/);
  });
});

describe('issue 17, item by item, in the profiles', () => {
  it('1. the directory under QĐ 59/2024 is published on a derived basis: QĐ 17/2014 Điều 9 khoản 8 is repealed', () => {
    const cite = loadPolicy('soctrang-2024').directoryPublished.cite;
    expect(cite).toMatchObject({ file: '002', basis: 'derived' });
    expect(cite.note).toMatch(/Điều 2 của QĐ 59\/2024 thay thế toàn bộ QĐ 17\/2014/);
    expect(loadPolicy('soctrang-2014').directoryPublished).toMatchObject({ value: true, cite: { file: '003', dieu: 9, khoan: 8, basis: 'final' } });
    expect(loadPolicy('sonla-2025').directoryPublished.cite.basis).toBe('derived');
  });

  it('3. sonla-2025 has no yearly report in the text: periodic reports only “khi có yêu cầu” (004 Điều 11 khoản 3)', () => {
    const reports = loadPolicy('sonla-2025').reports;
    expect(reports.some((r) => r.cite.dieu === 7)).toBe(false);
    expect(reports.find((r) => r.period === 'year')?.cite).toMatchObject({ file: '004', dieu: 11, khoan: 3, basis: 'derived' });
    expect(reports.find((r) => r.period === 'year')?.cite.note).toMatch(/khi có yêu cầu/);
  });

  it('4. QĐ 17/2014 bans foreign providers (Điều 7 khoản 7), not forwarding: the forwarding rule is derived', () => {
    const p = loadPolicy('soctrang-2014');
    expect(p.externalForwarding.cite).toMatchObject({ file: '003', dieu: 7, khoan: 7, basis: 'derived' });
    expect(p.ranking.criteria.find((c) => c.id === 'no_external_forwarding')?.cite.basis).toBe('derived');
  });

  it('6. QĐ 17/2014 unused-cleanup counts inactivity, so it cites Điều 4 khoản 4 (not khoản 5, notifying a departure)', () => {
    const c = loadPolicy('soctrang-2014').ranking.criteria.find((x) => x.id === 'unused_cleanup')!;
    expect(c.cite).toMatchObject({ file: '003', dieu: 4, khoan: 4 });
    expect(c.cite.note).toMatch(/khoản 5/);
  });

  it('8. the 2024 restore deadline stretches 001 Điều 4 khoản 3 (cấp mới, thay đổi, hủy bỏ): derived; no unlocking in Sóc Trăng', () => {
    const cite = loadPolicy('soctrang-2024').restoreDeadlineWorkingDays.cite;
    expect(cite).toMatchObject({ file: '001', dieu: 4, khoan: 3, basis: 'derived' });
    expect(cite.note).toMatch(/không có tạm khóa hộp thư nên không có yêu cầu mở khóa/);
  });

  it('9. sonla-2025 has no invented quota figures: the Sở decides (004 Điều 9 khoản 2 điểm b)', () => {
    const q = loadPolicy('sonla-2025').quota;
    expect([q.mailboxMb.value, q.attachmentMb.value]).toEqual([null, null]);
    expect(q.mailboxMb.cite).toMatchObject({ file: '004', dieu: 9, khoan: 2, diem: 'b' });
  });

  it('10. QĐ 17/2014 ties its 3 working days to notifying after the request is done: not measured, and says why', () => {
    const p = loadPolicy('soctrang-2014');
    expect(p.requestDeadlineWorkingDays.value).toBeNull();
    expect(p.requestDeadlineWorkingDays.cite.note).toMatch(/sau khi đã giải quyết xong.*không có thời điểm thông báo/);
    expect(p.ranking.criteria.map((c) => c.id)).not.toContain('requests_on_time');
  });
});

// Item 11: a criterion's basis is the weakest of its inputs (final > draft > derived).
describe.each(POLICY_IDS)('%s: no criterion is more final than its inputs', (id) => {
  const policy = loadPolicy(id);
  it.each(policy.ranking.criteria.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const inputs = criterionInputs(policy, c.id);
    const weakest = weakestBasis(inputs.map((i) => i.cite.basis));
    expect(basisAtMost(c.cite.basis, weakest), `${c.id}: ${c.cite.basis} > ${weakest} (${inputs.map((i) => `${i.name}=${i.cite.basis}`).join(', ')})`).toBe(true);
  });
});

describe('basis order', () => {
  it.each([
    [['final', 'draft'], 'draft'],
    [['final', 'derived', 'draft'], 'derived'],
    [[], 'final'],
  ] as const)('weakest of %j is %s', (bases, weakest) => expect(weakestBasis(bases)).toBe(weakest));
  it('the 2024 criteria built on the draft’s 6 months and 3 days are draft, the 30-day window derived', () => {
    const basis = (id: string) => loadPolicy('soctrang-2024').ranking.criteria.find((c) => c.id === id)!.cite.basis;
    expect([basis('unused_cleanup'), basis('password_hygiene'), basis('agency_mailbox_read')]).toEqual(['draft', 'draft', 'derived']);
  });
});
