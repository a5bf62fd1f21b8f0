import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy } from '../../src/rules/policy/load.ts';
import { POLICY_IDS, formatCitation } from '../../src/rules/policy/schema.ts';

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
