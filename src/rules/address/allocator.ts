/**
 * Bulk allocation of personal addresses (the generator, an operator's batch): same result as calling
 * `allocatePersonalAddress` for each person in turn, without rescanning long duplicate sequences.
 * Pure: state lives in the returned object and the caller's set; no I/O.
 */
import type { Policy } from '../policy/schema.ts';
import { parsePersonalName } from './name.ts';
import { firstFreePersonalAddress, normalizeAgencyAbbr, personalShape } from './personal.ts';

export interface PersonalAllocator {
  /** The address the next person receives (see `allocatePersonalAddress`); it is added to the `taken` set. */
  allocate(fullName: string, options?: { agencyAbbr?: string | undefined }): string;
}

/**
 * An allocator over `taken` (lowercase full addresses, e.g. the existing registry plus organisational mailboxes),
 * which it extends with every address it hands out. It remembers where each duplicate sequence stopped, which is
 * valid while addresses are only added to `taken`, never removed (the set may grow from outside between calls).
 * 002 Điều 3 khoản 4 điểm a / 003 Điều 3 khoản 3 điểm b / 004 Điều 5 khoản 3 through the profile's duplicate rule.
 */
export function createPersonalAllocator(policy: Policy, taken: Set<string>): PersonalAllocator {
  /** For each sequence (name part, agency), the first position not known to be taken. */
  const resumeAt = new Map<string, number>();
  return {
    allocate(fullName, options = {}) {
      const agency = normalizeAgencyAbbr(options.agencyAbbr);
      const shape = personalShape(policy, parsePersonalName(fullName), agency);
      const key = `${shape.name}\u0000${shape.agency ?? ''}\u0000${agency ?? ''}`;
      const { address, k } = firstFreePersonalAddress(policy, shape, agency, taken, resumeAt.get(key) ?? 0);
      resumeAt.set(key, k + 1);
      taken.add(address);
      return address;
    },
  };
}
