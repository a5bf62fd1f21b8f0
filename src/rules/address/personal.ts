/**
 * Personal mailbox addresses (SPEC §4.2): the base form and the duplicate sequence of each profile.
 * Pure: no I/O. Formats and duplicate rules come from `policy.addresses.personal` / `.duplicate`.
 */
import { formatCitation, type Policy } from '../policy/schema.ts';
import { foldVietnamese } from '../../text/fold.ts';
import { AddressError, parsePersonalName, type ParsedName } from './name.ts';

/** The local part cut in two: the name part (where numbers go) and the agency suffix of the profile, if any. */
export interface LocalShape {
  name: string;
  /** Agency abbreviation appended after a dot, or undefined when the profile's format has none. */
  agency: string | undefined;
}

/**
 * Normalises an agency abbreviation given by a caller or operator ("SoKHCN", "sở khcn" → "sokhcn"); dotted
 * abbreviations ("phongcds.sotttt") are kept. Returns undefined for undefined/blank input.
 * @throws AddressError `bad-part` when nothing usable is left.
 */
export function normalizeAgencyAbbr(abbr: string | undefined): string | undefined {
  if (abbr === undefined || abbr.trim() === '') return undefined;
  const folded = foldVietnamese(abbr).replace(/\s+/g, '');
  if (!/^[a-z0-9]+(\.[a-z0-9]+)*$/.test(folded)) {
    throw new AddressError('bad-part', `tên viết tắt của cơ quan "${abbr}" chỉ được gồm chữ không dấu, số và dấu chấm`);
  }
  return folded;
}

function initials(words: readonly string[]): string {
  return words.map((w) => w[0] ?? '').join('');
}

/**
 * The name part of a personal local part for one reading of the name.
 * - `initials-given`: initials of family and middle names + given name: Dương Chí Nguyện → dcnguyen
 *   (001 Điều 3 khoản 3; 002 Điều 3 khoản 3; 003 Điều 3 khoản 2).
 * - `given-initials.agency`: given name + initials: Nguyễn Thanh Bình → binhnt (004 Điều 5 khoản 2).
 */
export function personalNamePart(policy: Policy, name: ParsedName): string {
  const format = policy.addresses.personal.value;
  if (format === null) {
    throw new AddressError('unknown-template', `hồ sơ ${policy.id} không quy định định dạng hộp thư cá nhân`);
  }
  return format === 'given-initials.agency'
    ? name.given + initials(name.familyAndMiddle)
    : initials(name.familyAndMiddle) + name.given;
}

/** Name part and agency suffix of a parsed name under the profile's format. */
export function personalShape(policy: Policy, name: ParsedName, agencyAbbr: string | undefined): LocalShape {
  const withAgency = policy.addresses.personal.value === 'given-initials.agency';
  if (withAgency && agencyAbbr === undefined) {
    throw new AddressError(
      'agency-required',
      `định dạng hộp thư cá nhân của hồ sơ ${policy.id} cần tên viết tắt của cơ quan ` +
        `(${formatCitation(policy.addresses.personal.cite)})`,
    );
  }
  return { name: personalNamePart(policy, name), agency: withAgency ? agencyAbbr : undefined };
}

const join = (name: string, agency: string | undefined) => (agency === undefined ? name : `${name}.${agency}`);

/**
 * The k-th local part a person with this name may receive: k = 0 is the base form, k ≥ 1 the duplicate forms of the
 * profile's rule, in order. Distinct for distinct k. Returns undefined for k ≥ 1 when the rule needs an agency
 * abbreviation and none was given, or when the profile sets no duplicate rule.
 * - `number-after-name`: dcnguyen, dcnguyen1, dcnguyen2 … (002 Điều 3 khoản 4 điểm a; 001 Điều 3 khoản 4 điểm a).
 * - `agency-then-number`: ntbinh, ntbinh.sotttt, ntbinh2.sotttt, ntbinh3.sotttt … (003 Điều 3 khoản 3 điểm b);
 *   when the format already carries the agency, the numbered forms follow the base directly.
 * - `number-before-agency`: binhnt.sokhcn, binhnt2.sokhcn, binhnt3.sokhcn … (004 Điều 5 khoản 3 leaves the choice to
 *   the operator as long as the name and the agency stay in the address; our derived choice).
 */
export function personalCandidateLocal(
  policy: Policy,
  shape: LocalShape,
  agencyAbbr: string | undefined,
  k: number,
): string | undefined {
  if (k === 0) return join(shape.name, shape.agency);
  switch (policy.addresses.duplicate.value) {
    case 'number-after-name':
      return join(`${shape.name}${k}`, shape.agency);
    case 'agency-then-number': {
      const agency = shape.agency ?? agencyAbbr;
      if (agency === undefined) return undefined;
      // Without the agency in the base form, k = 1 adds it; with it, k = 1 already numbers (2).
      const n = shape.agency === undefined ? k : k + 1;
      return n === 1 ? `${shape.name}.${agency}` : `${shape.name}${n}.${agency}`;
    }
    case 'number-before-agency':
      return join(`${shape.name}${k + 1}`, shape.agency ?? agencyAbbr);
    case null:
      return undefined;
  }
}

/**
 * The base local part (no duplicate number) a person receives under `policy`: "dcnguyen" (soctrang-2024/2014),
 * "binhnt.sokhcn" (sonla-2025, needs `agencyAbbr`). The last word is the given name unless the name carries the
 * marker `|` ("Thạch Thị|Sa Rươne" → "ttsaruone").
 * @throws AddressError when the name folds to nothing or the format needs an agency abbreviation that is missing.
 */
export function personalLocalBase(policy: Policy, fullName: string, agencyAbbr?: string): string {
  const agency = normalizeAgencyAbbr(agencyAbbr);
  const shape = personalShape(policy, parsePersonalName(fullName), agency);
  return join(shape.name, shape.agency);
}

/**
 * The first free address in the duplicate sequence, scanning from candidate `fromK` (0 = base form); returns it with
 * its position so a bulk allocator can resume there. Candidates are distinct, so at most `taken.size` of them are
 * taken and the scan always ends.
 */
export function firstFreePersonalAddress(
  policy: Policy,
  shape: LocalShape,
  agencyAbbr: string | undefined,
  taken: ReadonlySet<string>,
  fromK = 0,
): { address: string; k: number } {
  const domain = policy.domain.value;
  for (let k = fromK; k <= fromK + taken.size; k++) {
    const local = personalCandidateLocal(policy, shape, agencyAbbr, k);
    if (local === undefined) {
      const clash = `địa chỉ ${join(shape.name, shape.agency)}@${domain} đã được cấp`;
      if (policy.addresses.duplicate.value === null) {
        const message = `${clash}; hồ sơ ${policy.id} không quy định cách phân biệt trùng tên`;
        throw new AddressError('unknown-template', message);
      }
      throw new AddressError(
        'agency-required',
        `${clash}; quy tắc trùng tên của hồ sơ ${policy.id} ` +
          `(${formatCitation(policy.addresses.duplicate.cite)}) cần tên viết tắt của cơ quan để phân biệt`,
      );
    }
    const address = `${local}@${domain}`;
    if (!taken.has(address)) return { address, k };
  }
  throw new Error('unreachable: more candidates than taken addresses');
}

/**
 * The full address (local@domain) the next person named `fullName` receives, given the addresses already `taken`
 * (lowercase full addresses; the caller adds the result to the set). Applies the profile's personal format and
 * duplicate rule (see `personalCandidateLocal`). Deterministic: the first free candidate in the rule's order, so
 * "Dư Cao Nguyên" gets dcnguyen1 once Dương Chí Nguyện holds dcnguyen (001 Điều 3 khoản 4 điểm a).
 * For many people at once prefer `createPersonalAllocator`, which does not rescan a long duplicate sequence.
 * @throws AddressError `agency-required` when the base form is taken and the duplicate rule needs the agency
 *   abbreviation (003 Điều 3 khoản 3 điểm b) or when the format itself needs it (004 Điều 5 khoản 2); `empty-name`
 *   or `bad-marker` for an unusable name.
 */
export function allocatePersonalAddress(
  policy: Policy,
  fullName: string,
  options: { agencyAbbr?: string | undefined },
  taken: ReadonlySet<string>,
): string {
  const agency = normalizeAgencyAbbr(options.agencyAbbr);
  const shape = personalShape(policy, parsePersonalName(fullName), agency);
  return firstFreePersonalAddress(policy, shape, agency, taken).address;
}
