/**
 * Which deadline a request (phiếu yêu cầu, SPEC §3.4) has under a profile. Pure: no I/O.
 */
import type { Citation, Policy } from '../policy/schema.ts';

/** Password restores and unlocks (001 Mẫu 06 and the 7th form; 004 Điều 8 khoản 3 điểm b) have their own deadline. */
const RESTORE_TYPES = new Set(['khoi-phuc-mat-khau-ca-nhan', 'khoi-phuc-mat-khau-to-chuc', 'mo-khoa']);

/**
 * The number of working days the centre has for a request of `type`, with its citation: the restore deadline for
 * password restores and unlocks, the general request deadline otherwise (001 Điều 4 khoản 3; 003 Điều 4 khoản 3;
 * 004 Điều 8 khoản 3 điểm b). Null when the profile sets none.
 */
export function requestDeadline(policy: Policy, type: string): { workingDays: number; cite: Citation } | null {
  const param = RESTORE_TYPES.has(type) ? policy.restoreDeadlineWorkingDays : policy.requestDeadlineWorkingDays;
  return param.value === null ? null : { workingDays: param.value, cite: param.cite };
}
