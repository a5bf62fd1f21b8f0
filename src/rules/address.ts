/**
 * Address rules (SPEC §4.2): personal and organisational mailbox addresses under a policy profile, allocation
 * against taken addresses, and the "không đúng định dạng" conformance check. Pure: no I/O, safe in the browser.
 * Formats come from `policy.addresses.*`, each with its citation (001/002/003 Điều 3; 004 Điều 5).
 */
export {
  AddressError,
  GIVEN_NAME_MARKER,
  foldNameWord,
  parsePersonalName,
  personalNameReadings,
} from './address/name.ts';
export type { AddressErrorCode, ParsedName } from './address/name.ts';
export { allocatePersonalAddress, normalizeAgencyAbbr, personalLocalBase } from './address/personal.ts';
export { createPersonalAllocator } from './address/allocator.ts';
export type { PersonalAllocator } from './address/allocator.ts';
export { ORG_TEMPLATES, ORG_TEMPLATE_LABEL, abbreviateOrgName, normalizeOrgPart, orgAddress } from './address/org.ts';
export type { AbbreviateOptions, OrgPart, OrgParts, OrgTemplate } from './address/org.ts';
export { checkAddressConformance, checkOrgMailbox, orgOwners } from './address/conformance.ts';
export type { AddressOwner, ConformanceResult, OrgPosition, OrgUnit } from './address/conformance.ts';
