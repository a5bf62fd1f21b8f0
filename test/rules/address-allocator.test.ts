import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { POLICY_IDS } from '../../src/rules/policy/schema.ts';
import { allocatePersonalAddress, createPersonalAllocator } from '../../src/rules/address.ts';

/** A fixed, varied batch: repeated names, names colliding on initials, Khmer/Thái/H'Mông names, several agencies. */
const BATCH: [string, string][] = [];
const NAMES = ['Dương Chí Nguyện', 'Dư Cao Nguyên', 'Nguyễn Thanh Bình', 'Ngô Thị Bình', 'Thạch Thị|Sa Rươne', 'Giàng A Páo'];
const AGENCIES = ['sotttt', 'sonv', 'huyenmx'];
for (let i = 0; i < 240; i++) BATCH.push([NAMES[(i * 7) % NAMES.length]!, AGENCIES[(i * 5) % AGENCIES.length]!]);

describe.each(POLICY_IDS)('createPersonalAllocator under %s', (id) => {
  const policy = loadPolicy(id);
  it('hands out exactly what allocatePersonalAddress would, one person at a time', () => {
    const slowTaken = new Set<string>(['dcnguyen2@soctrang.gov.vn', 'binhnt3.sonv@sonla.gov.vn']);
    const fastTaken = new Set(slowTaken);
    const allocator = createPersonalAllocator(policy, fastTaken);
    BATCH.forEach(([name, agencyAbbr], i) => {
      const slow = allocatePersonalAddress(policy, name, { agencyAbbr }, slowTaken);
      slowTaken.add(slow);
      expect(allocator.allocate(name, { agencyAbbr })).toBe(slow);
      if (i === 100) {
        // An address taken from outside (an operator's override) mid-batch is respected by both.
        const outside = allocatePersonalAddress(policy, 'Nguyễn Thanh Bình', { agencyAbbr: 'sotttt' }, slowTaken);
        slowTaken.add(outside);
        fastTaken.add(outside);
      }
    });
    expect([...fastTaken].sort()).toEqual([...slowTaken].sort());
    expect(fastTaken.size).toBe(BATCH.length + 3);
  });
});
