import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { POLICY_IDS } from '../../src/rules/policy/schema.ts';
import { mainDomain, profileForDomain } from '../../src/warehouse/ingest/policyInForce.ts';

const profiles = POLICY_IDS.map((id) => loadPolicy(id));

describe('the profile in force, recognised from the mailbox domain (SPEC §4.1)', () => {
  it.each([
    // QĐ 59/2024 (002) is in force from 01/01/2025; before that QĐ 17/2014 (003) applied to the same domain.
    ['soctrang.gov.vn', '2026-11-20', 'soctrang-2024'],
    ['soctrang.gov.vn', '2025-01-01', 'soctrang-2024'],
    ['soctrang.gov.vn', '2024-12-31', 'soctrang-2014'],
    ['sonla.gov.vn', '2026-11-20', 'sonla-2025'],
    ['hanoi.gov.vn', '2026-11-20', null],
  ])('%s on %s → %s', (domain, night, id) => {
    expect(profileForDomain(profiles, domain, night)).toBe(id);
  });

  it('takes the most frequent domain of the registry', () => {
    expect(mainDomain(['a@soctrang.gov.vn', 'b@gmail.com', 'c@soctrang.gov.vn'])).toBe('soctrang.gov.vn');
    expect(mainDomain([])).toBeNull();
  });
});
