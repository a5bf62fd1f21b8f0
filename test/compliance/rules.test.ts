import { describe, expect, it } from 'vitest';
import { allRules, ruleCitation, ruleNotApplicable, RULE_IDS } from '../../src/rules/compliance/rules.ts';
import { ruleParams } from '../../src/rules/compliance/params.ts';
import { requestDeadline } from '../../src/rules/compliance/requestDeadline.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { formatCitation, POLICY_IDS } from '../../src/rules/policy/schema.ts';

describe('rule table', () => {
  it('lists every rule once, each with a Vietnamese title and a severity', () => {
    expect(allRules().map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of allRules()) {
      expect(r.title.length).toBeGreaterThan(10);
      expect(['vi-pham', 'canh-bao', 'thong-tin']).toContain(r.severity);
    }
  });

  it.each(POLICY_IDS)('%s: every rule cites a seed file', (id) => {
    const policy = loadPolicy(id);
    for (const r of allRules()) expect(['001', '002', '003', '004']).toContain(ruleCitation(r.id, policy).file);
  });

  it.each([
    ['soctrang-2024', ['inactive-lock', 'locked-revoke']],
    ['soctrang-2014', ['inactive-lock', 'locked-revoke', 'request-late', 'incident-late']],
    ['sonla-2025', ['inactive-revoke', 'forward-external', 'quota-below-regulation', 'incident-late']],
  ] as const)('%s does not have %j (its parameter is null), and says why', (id, missing) => {
    const policy = loadPolicy(id);
    const na = allRules().filter((r) => ruleNotApplicable(r.id, policy) !== null).map((r) => r.id);
    expect(na).toEqual(missing);
    expect(ruleNotApplicable(missing[0], policy)).toContain('không quy định');
  });

  it('citations follow the profile: the same rule, three regulations', () => {
    const cite = (id: 'soctrang-2024' | 'soctrang-2014' | 'sonla-2025') => formatCitation(ruleCitation('password-stale', loadPolicy(id)));
    expect([cite('soctrang-2024'), cite('soctrang-2014'), cite('sonla-2025')]).toEqual([
      '002 Điều 8 khoản 2 điểm c',
      '003 Điều 13 khoản 2',
      '004 Điều 6 khoản 1 (dự thảo)',
    ]);
  });
});

describe('thresholds come from the profile', () => {
  it.each([
    ['soctrang-2024', { graceDays: 3, changeMonths: 6, revokeMonths: 6, lockDays: null, lockedRevokeDays: null, forwardForbidden: true, incidentHours: 8 }],
    ['soctrang-2014', { graceDays: 0, changeMonths: 1, revokeMonths: 6, lockDays: null, lockedRevokeDays: null, forwardForbidden: true, incidentHours: null }],
    ['sonla-2025', { graceDays: 0, changeMonths: 3, revokeMonths: null, lockDays: 90, lockedRevokeDays: 30, forwardForbidden: false, incidentHours: null }],
  ] as const)('%s', (id, expected) => {
    expect(ruleParams(loadPolicy(id))).toMatchObject(expected);
  });

  it.each([
    ['soctrang-2024', 'cap-moi-ca-nhan', 5, '001 Điều 4 khoản 3 (dự thảo)'],
    ['soctrang-2024', 'khoi-phuc-mat-khau-ca-nhan', 5, '001 Điều 4 khoản 3 (phương pháp suy ra)'],
    ['sonla-2025', 'mo-khoa', 3, '004 Điều 8 khoản 3 điểm b (dự thảo)'],
  ] as const)('%s: a %s request has %i working days (%s)', (id, type, days, cite) => {
    const d = requestDeadline(loadPolicy(id), type)!;
    expect([d.workingDays, formatCitation(d.cite)]).toEqual([days, cite]);
  });
});
