/**
 * Organisational mailbox addresses (SPEC §4.2): agency, department, locality, sub-locality and locality department,
 * from the templates of `policy.addresses.*`, and the abbreviation of an organisation's name.
 * Pure: no I/O, safe in the browser.
 */
import { formatCitation, type Policy } from '../policy/schema.ts';
import { foldVietnamese } from '../../text/fold.ts';
import { AddressError } from './name.ts';

/**
 * The organisational address templates a profile defines
 * (001/002 Điều 3 khoản 1–2; 003 Điều 3 khoản 1; 004 Điều 5 khoản 1).
 */
export type OrgTemplate = 'agency' | 'department' | 'locality' | 'subLocality' | 'localityDepartment';
/** Vietnamese name of each template, for messages. */
export const ORG_TEMPLATE_LABEL: Record<OrgTemplate, string> = {
  agency: 'hộp thư cơ quan',
  department: 'hộp thư phòng ban, đơn vị thuộc cơ quan',
  locality: 'hộp thư địa phương',
  subLocality: 'hộp thư đơn vị thuộc địa phương',
  localityDepartment: 'hộp thư phòng ban thuộc địa phương',
};

export const ORG_TEMPLATES: readonly OrgTemplate[] = [
  'agency',
  'department',
  'locality',
  'subLocality',
  'localityDepartment',
];

/**
 * Values for a template's placeholders: `abbr` the agency's or locality's abbreviation, `dept` the department's,
 * `sub` the sub-locality's, `name` a commune's name (Sơn La writes it in full, 004 Điều 5 khoản 1 điểm b).
 */
export interface OrgParts {
  abbr?: string | undefined;
  dept?: string | undefined;
  sub?: string | undefined;
  name?: string | undefined;
}
export type OrgPart = keyof OrgParts;

/**
 * Type words of Vietnamese organisation names, folded, longest first so "chi cuc" wins over "cuc".
 * 003 Điều 3 khoản 1 điểm a: "Phần loại hình tổ chức được viết đầy đủ" (Sở → so, huyện → huyen, Phòng → phong).
 */
const TYPE_WORDS = [
  'ban quan ly', 'benh vien', 'chi cuc', 'trung tam', 'van phong', 'thanh tra', 'thanh pho', 'thi xa', 'thi tran',
  'cong ty', 'truong', 'phuong', 'phong', 'huyen', 'ban', 'cuc', 'dai', 'bao', 'hoi', 'quy', 'vien', 'so', 'xa',
].map((t) => t.split(' '));

/** Words that carry no initial: "Sở Thông tin và Truyền thông" → sotttt (001 Điều 3 khoản 1). */
const STOP_WORDS = new Set(['va']);

export interface AbbreviateOptions {
  /** The type word ("Sở", "Phòng", "huyện", "Trung tâm"): whole (003 Điều 3 khoản 1 điểm a, default), its initials
   * (002's "pvhtt"), left out (002 Điều 3 khoản 2: UBND huyện Mỹ Xuyên → myxuyen), or `short`: a one-word type word
   * whole and a longer one by its initials when a name follows it, as the 2024 texts write them (phongcds, sotttt;
   * Trung tâm Công nghệ số → ttcns, 002 Điều 11 khoản 4, 001 Điều 12 khoản 4), whole when it is the whole name
   * (Văn phòng → vanphong). */
  typeWord?: 'whole' | 'initials' | 'omit' | 'short';
  /** The rest of the name: initials (default; sotttt, huyenmx) or spelled out in full (xathanhphu, myxuyen). */
  rest?: 'initials' | 'whole';
}

/** Drops what is not part of the organisation's own name: "Ủy ban nhân dân"/"UBND" before it, "của …", "thuộc …",
 * "tỉnh Sóc Trăng" after it. */
function coreName(name: string): string {
  let text = name.normalize('NFC').replace(/[\u00a0\u2000-\u200b]/g, ' ').replace(/\s+/g, ' ').trim();
  text = text.replace(/\s+(của|thuộc)\s.*$/iu, '');
  text = text.replace(/\s+[tT]ỉnh(\s+\p{Lu}\p{Ll}*)+$/u, '');
  text = text.replace(/^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/iu, '');
  return text;
}

/** Splits a name into words; "-", "–", ",", "&" and "/" separate words too ("Văn hoá - Thông tin", "TT&TT"). */
function orgWords(text: string): string[] {
  return text.split(/[\s\-–—,&/()]+/u).filter((w) => w.length > 0);
}

/** A word's share of the initials: an acronym ("CNTT", "KH") or a number ("10") whole, else its first letter. */
function initialOf(word: string): string {
  const folded = foldVietnamese(word).replace(/[^a-z0-9]/g, '');
  if (/^[0-9]+$/.test(folded)) return folded;
  const letters = word.normalize('NFC').replace(/[^\p{L}]/gu, '');
  const isAcronym = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  return isAcronym ? folded : folded.slice(0, 1);
}

/**
 * Abbreviates an organisation's name for its mailbox address, lowercase a–z/0–9 without accents:
 * the type word is written whole and the rest by the first letters of its words, "và" skipped, acronyms and numbers
 * kept whole (001 Điều 3 khoản 1; 003 Điều 3 khoản 1 điểm a):
 * "Sở Thông tin và Truyền thông" → sotttt, "Phòng Chuyển đổi số" → phongcds, "UBND huyện Mỹ Xuyên" → huyenmx,
 * "Xã Thạnh Phú" → xatp. Options reproduce the other examples: `{ typeWord: 'initials' }` "Phòng Văn hóa - Thông tin"
 * → pvhtt (002 Điều 3 khoản 2); `{ rest: 'whole' }` "Xã Thạnh Phú" → xathanhphu; `{ typeWord: 'omit', rest: 'whole' }`
 * "UBND Huyện Mỹ Xuyên" → myxuyen (002 Điều 3 khoản 2), "Xã Mường Bú" → muongbu (004 Điều 5 khoản 1 điểm b).
 * It proposes; an operator can override (003 Điều 3 khoản 1: the centre settles clashes).
 * @throws AddressError `bad-part` when nothing usable is left.
 */
export function abbreviateOrgName(name: string, options: AbbreviateOptions = {}): string {
  const words = orgWords(coreName(name));
  const folded = words.map((w) => foldVietnamese(w));
  const type = TYPE_WORDS.find((t) => t.every((w, i) => folded[i] === w)) ?? [];
  const rest = words.slice(type.length);
  const initials = options.typeWord === 'initials' || (options.typeWord === 'short' && type.length > 1 && rest.length > 0);
  const typePart = options.typeWord === 'omit' ? '' : initials ? type.map((w) => w[0]).join('') : type.join('');
  const restPart =
    options.rest === 'whole'
      ? rest.map((w) => foldVietnamese(w)).join('')
      : rest.filter((w) => !STOP_WORDS.has(foldVietnamese(w))).map(initialOf).join('');
  const result = (typePart + restPart).replace(/[^a-z0-9]/g, '');
  if (result === '') throw new AddressError('bad-part', `tên tổ chức "${name.trim()}" không cho ra được tên viết tắt`);
  return result;
}

/** Normalises one placeholder value: a commune `name` is spelled out without its type word; the others are
 * abbreviations, folded, with spaces removed. */
export function normalizeOrgPart(part: OrgPart, value: string): string {
  if (part === 'name') return abbreviateOrgName(value, { typeWord: 'omit', rest: 'whole' });
  const folded = foldVietnamese(value).replace(/\s+/g, '');
  if (!/^[a-z0-9]+(\.[a-z0-9]+)*$/.test(folded)) {
    throw new AddressError(
      'bad-part',
      `"${value}" không dùng được làm phần <${part}> của địa chỉ (chỉ chữ không dấu, số, dấu chấm)`,
    );
  }
  return folded;
}

/** The placeholders of a template in order, e.g. "{dept}.{abbr}" → ["dept", "abbr"]. */
export function templateParts(template: string): OrgPart[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => {
    const part = m[1] ?? '';
    if (!['abbr', 'dept', 'sub', 'name'].includes(part)) {
      throw new AddressError('unknown-template', `mẫu địa chỉ "${template}" có biến không biết {${part}}`);
    }
    return part as OrgPart;
  });
}

/**
 * The full address of an organisational mailbox under `policy`: the profile's template for `template` with its
 * placeholders filled from `parts` (normalised by `normalizeOrgPart`), then "@" and the profile's domain.
 * soctrang-2024: agency {abbr: 'sotttt'} → sotttt@soctrang.gov.vn, department {dept: 'phongcds', abbr: 'sotttt'} →
 * phongcds.sotttt@soctrang.gov.vn; sonla-2025: locality {name: 'Mường Bú'} → muongbu@sonla.gov.vn.
 * Each template's citation is in the profile (`policy.addresses[template].cite`).
 * @throws AddressError `bad-part` when a placeholder has no value or an unusable one.
 */
export function orgAddress(policy: Policy, template: OrgTemplate, parts: OrgParts): string {
  const entry = policy.addresses[template];
  const pattern = entry.value;
  if (pattern === null) {
    throw new AddressError('unknown-template', `hồ sơ ${policy.id} không quy định mẫu địa chỉ "${template}"`);
  }
  templateParts(pattern);
  const local = pattern.replace(/\{(\w+)\}/g, (_m, part: OrgPart) => {
    const value = parts[part];
    if (value === undefined || value.trim() === '') {
      throw new AddressError(
        'bad-part',
        `mẫu "${pattern}" (${formatCitation(entry.cite)}) cần giá trị cho {${part}}`,
      );
    }
    return normalizeOrgPart(part, value);
  });
  return `${local}@${policy.domain.value}`;
}
