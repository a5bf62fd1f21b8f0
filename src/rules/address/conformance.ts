/**
 * Does an existing address follow the profile's format for its owner? (SPEC §4.2, §4.4: "không đúng định dạng",
 * informational, not a violation.) Pure: no I/O.
 */
import { citeDocument } from '../../text/labels.ts';
import type { Policy } from '../policy/schema.ts';
import { AddressError, personalNameReadings } from './name.ts';
import { normalizeAgencyAbbr, personalCandidateLocal, personalNamePart } from './personal.ts';
import { normalizeOrgPart, ORG_TEMPLATE_LABEL, templateParts, type OrgPart, type OrgParts, type OrgTemplate } from './org.ts';

/** Who holds the address: a person (by full name, optionally the agency abbreviation) or an organisational mailbox. */
export type AddressOwner =
  | { kind: 'personal'; fullName: string; agencyAbbr?: string | undefined }
  | { kind: 'org'; template: OrgTemplate; parts: OrgParts };

export interface ConformanceResult {
  conforms: boolean;
  /** Addresses that would conform (the base form first), for the operator; `<…>` marks a part not known here. */
  expected: string[];
  /** Vietnamese explanation with the rule's citation when it does not conform. */
  reason?: string;
}

const ANY_PART = '[a-z0-9]+(?:\\.[a-z0-9]+)*';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Duplicate numbers as the rules write them: 1, 2, … (no leading zero), or from 2 on. */
const FROM_1 = '[1-9][0-9]*';
const FROM_2 = '(?:[2-9]|[1-9][0-9]+)';

/** The local parts a reading of the name may take under the profile: base plus the duplicate rule's forms. */
function personalLocalPattern(policy: Policy, namePart: string, agency: string | undefined): string {
  const n = escape(namePart);
  const a = agency === undefined ? ANY_PART : escape(agency);
  const formatHasAgency = policy.addresses.personal.value === 'given-initials.agency';
  switch (policy.addresses.duplicate.value) {
    case 'number-after-name':
      return formatHasAgency ? `${n}(?:${FROM_1})?\\.${a}` : `${n}(?:${FROM_1})?`;
    case 'agency-then-number':
      return formatHasAgency ? `${n}(?:${FROM_2})?\\.${a}` : `${n}|${n}(?:${FROM_2})?\\.${a}`;
    case 'number-before-agency':
      return formatHasAgency ? `${n}(?:${FROM_2})?\\.${a}` : `${n}|${n}${FROM_2}(?:\\.${a})?`;
    case null:
      return formatHasAgency ? `${n}\\.${a}` : n;
  }
}

function splitAddress(address: string): { local: string; domain: string } {
  const clean = address.trim().toLowerCase();
  const at = clean.lastIndexOf('@');
  return at < 0 ? { local: clean, domain: '' } : { local: clean.slice(0, at), domain: clean.slice(at + 1) };
}

function checkPersonal(policy: Policy, local: string, owner: { fullName: string; agencyAbbr?: string | undefined }) {
  const agency = normalizeAgencyAbbr(owner.agencyAbbr);
  const readings = personalNameReadings(owner.fullName);
  const domain = policy.domain.value;
  const conforms = readings.some((reading) => {
    const pattern = personalLocalPattern(policy, personalNamePart(policy, reading), agency);
    return new RegExp(`^(?:${pattern})$`).test(local);
  });
  const first = readings[0];
  const shownAgency = agency ?? '<cơ quan>';
  const namePart = first === undefined ? '' : personalNamePart(policy, first);
  const shape = {
    name: namePart,
    agency: policy.addresses.personal.value === 'given-initials.agency' ? shownAgency : undefined,
  };
  const expected = [0, 1, 2]
    .map((k) => personalCandidateLocal(policy, shape, shownAgency, k))
    .filter((l): l is string => l !== undefined)
    .map((l) => `${l}@${domain}`);
  const reason = conforms
    ? undefined
    : `không đúng định dạng hộp thư cá nhân (${citeDocument(policy.addresses.personal.cite)}; trùng tên: ` +
      `${citeDocument(policy.addresses.duplicate.cite)}): với "${owner.fullName.trim()}" ` +
      `cần dạng ${expected.join(', ')}…`;
  return { conforms, expected, reason };
}

/** A placeholder's regex: its normalised value when known, else any abbreviation. */
function partPattern(part: OrgPart, value: string | undefined): string {
  return value === undefined || value.trim() === '' ? ANY_PART : escape(normalizeOrgPart(part, value));
}

/** How an unknown placeholder is shown to the operator. */
const PART_LABEL: Record<OrgPart, string> = {
  abbr: '<tên viết tắt>',
  dept: '<phòng ban>',
  sub: '<đơn vị trực thuộc>',
  name: '<tên xã, phường>',
};

/** The template with known parts filled in and unknown ones shown as <phòng ban>, <tên viết tắt> … for the operator. */
function describeTemplate(template: string, parts: OrgParts): string {
  return template.replace(/\{(\w+)\}/g, (_m, part: OrgPart) => {
    const value = parts[part];
    return value === undefined || value.trim() === '' ? PART_LABEL[part] : normalizeOrgPart(part, value);
  });
}

function checkOrg(policy: Policy, local: string, owner: { template: OrgTemplate; parts: OrgParts }) {
  const entry = policy.addresses[owner.template];
  const template = entry.value;
  if (template === null) {
    throw new AddressError('unknown-template', `hồ sơ ${policy.id} không quy định mẫu địa chỉ "${owner.template}"`);
  }
  const parts = templateParts(template);
  const pattern = template
    .split(/\{\w+\}/)
    .map((literal, i) => {
      const part = parts[i];
      return escape(literal) + (part === undefined ? '' : partPattern(part, owner.parts[part]));
    })
    .join('');
  const conforms = new RegExp(`^${pattern}$`).test(local);
  const expected = [`${describeTemplate(template, owner.parts)}@${policy.domain.value}`];
  const reason = conforms
    ? undefined
    : `không đúng định dạng ${ORG_TEMPLATE_LABEL[owner.template]} (${citeDocument(entry.cite)}): cần ${expected.join(', ')}`;
  return { conforms, expected, reason };
}

/**
 * Whether `address` follows the current profile's format for its `owner` (SPEC §4.2; the personal format and
 * duplicate rule of `policy.addresses.personal`/`.duplicate`, or the organisational template, each with its citation).
 * Case-insensitive. A personal name without the marker may be read with a given name of one or more final words
 * (Khmer given names), so "ttsaruone" conforms for "Thạch Thị Sa Rươne"; the numbered forms conform for any number of
 * the rule's sequence (dcnguyen1 for Dương Chí Nguyện under soctrang-2024), the forms of another rule do not
 * (nguyen.dc, ntbinh.sotttt under soctrang-2024). An owner name that yields no letters cannot be judged: the result
 * is `conforms: false` with the reason, never an exception.
 */
export function checkAddressConformance(policy: Policy, address: string, owner: AddressOwner): ConformanceResult {
  const { local, domain } = splitAddress(address);
  try {
    const result = owner.kind === 'personal' ? checkPersonal(policy, local, owner) : checkOrg(policy, local, owner);
    if (domain !== policy.domain.value) {
      return {
        conforms: false,
        expected: result.expected,
        reason:
          `tên miền "${domain}" khác tên miền của hệ thống ${policy.domain.value} ` +
          `(${citeDocument(policy.domain.cite)})`,
      };
    }
    return result.reason === undefined ? { conforms: true, expected: result.expected } : result;
  } catch (err) {
    if (!(err instanceof AddressError)) throw err;
    return { conforms: false, expected: [], reason: `không kiểm tra được định dạng: ${err.message}` };
  }
}

/** An organisation as the agency list (danh mục cơ quan) has it. */
export interface OrgUnit {
  kind: string;
  abbr: string | null;
  name: string;
}

/** Where an agency mailbox sits in the agency list: the unit it is registered to and that unit's parent. */
export interface OrgPosition {
  unit: OrgUnit;
  parent: OrgUnit | null;
}

const LOCALITY_KINDS = new Set(['ubnd-huyen', 'ubnd-xa']);
const UNIT_KINDS = new Set(['phong-ban', 'dvsn']);

/**
 * The organisational templates an agency mailbox at `position` may follow, most specific first, with the parts the
 * agency list fixes (the regulations leave each abbreviation to the operator, so a department's or sub-locality's
 * own part is free; what they fix is the form, the suffix of the unit it belongs to and, in Sơn La, a commune's name):
 * - a phòng ban or đơn vị under a parent: `<phòng ban>.<parent>` (department; localityDepartment under a locality);
 * - a commune under a district: `<xã>.<district>` (subLocality);
 * - any other locality (district; a commune of a two-level province): the locality template (`{abbr}`, or Sơn La's
 *   `{name}`), or a department registered under it;
 * - any other agency: its abbreviation, or a department registered under it (e.g. xulythurac.sotttt, 001 Điều 10).
 */
export function orgOwners(position: OrgPosition): { template: OrgTemplate; parts: OrgParts }[] {
  const { unit, parent } = position;
  const abbr = (u: OrgUnit) => u.abbr ?? undefined;
  if (parent !== null && UNIT_KINDS.has(unit.kind)) {
    const template = LOCALITY_KINDS.has(parent.kind) ? 'localityDepartment' : 'department';
    return [{ template, parts: { abbr: abbr(parent) } }];
  }
  if (parent !== null && unit.kind === 'ubnd-xa' && parent.kind === 'ubnd-huyen') {
    return [{ template: 'subLocality', parts: { abbr: abbr(parent) } }];
  }
  if (LOCALITY_KINDS.has(unit.kind)) {
    return [
      { template: 'locality', parts: { abbr: abbr(unit), name: unit.name } },
      { template: 'localityDepartment', parts: { abbr: abbr(unit) } },
    ];
  }
  return [
    { template: 'agency', parts: { abbr: abbr(unit) } },
    { template: 'department', parts: { abbr: abbr(unit) } },
  ];
}

/**
 * Whether an agency mailbox ("co-quan") follows the profile's organisational formats for its place in the agency list
 * (002 Điều 3 khoản 1–2, with 001 Điều 3's placeholders; 003 Điều 3 khoản 1; 004 Điều 5 khoản 1): lowercase letters
 * and digits without accents, the template's shape, the parent's suffix, the registered abbreviation of an agency
 * and, for Sơn La's communes, the commune's name spelled out. `template` is the template it was judged against
 * (the first one allowed), for the finding's citation.
 */
export function checkOrgMailbox(
  policy: Policy,
  address: string,
  position: OrgPosition,
): ConformanceResult & { template: OrgTemplate } {
  const owners = orgOwners(position);
  const results = owners.map((owner) => ({ owner, result: checkAddressConformance(policy, address, { kind: 'org', ...owner }) }));
  const hit = results.find((r) => r.result.conforms);
  const shown = hit ?? results[0]!;
  return {
    ...shown.result,
    expected: results.flatMap((r) => r.result.expected),
    template: shown.owner.template,
  };
}
