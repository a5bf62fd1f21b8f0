/**
 * Who sends and signs the report (pure), as Nghị định 30/2020/NĐ-CP Phụ lục I asks them to be written: the issuing
 * agency (tên cơ quan ban hành) under its parent (cơ quan chủ quản), its abbreviation in the số/ký hiệu line, and the
 * signature block's authority and title (quyền hạn, chức vụ) above the signer's name.
 *
 * The profile names the sender as the regulation did ("Sở Thông tin và Truyền thông"); agencies merge (Sở TT&TT into
 * Sở KH&CN on 01/03/2025), so the sender is that agency followed through the agency list's successors to the version
 * in force on the report date. The profile's `reportSender` overrides any part.
 */
import { foldVietnamese } from '../text/fold.ts';
import type { Policy } from '../rules/policy/schema.ts';
import type { AgencyVersion } from '../warehouse/reports/figureTypes.ts';

export interface Sender {
  /** Tên cơ quan ban hành, as in force on the report date. */
  agency: string;
  /** Cơ quan chủ quản, or null. */
  parent: string | null;
  /** Ký hiệu of the agency: "SKHCN". */
  abbr: string;
  /** Lines of the signature block above the signature, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] (printed in capitals). */
  authority: string[];
  /** Họ và tên of the signer, or null (left for the văn thư to fill). */
  signerName: string | null;
}

/**
 * Initials of the words of an agency name, skipping "và", without tone marks but keeping Đ as Vietnamese
 * abbreviations do (HĐND): "Sở Thông tin và Truyền thông" → "STTTT", "Đài Phát thanh và Truyền hình" → "ĐPTTH".
 */
export function agencyAbbr(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && w.toLowerCase() !== 'và')
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** The head's title for an agency's name (the usual titles of Vietnamese state bodies). */
export function headTitle(agency: string): string {
  const n = foldVietnamese(agency);
  if (/^(uy ban nhan dan|ubnd)\b/.test(n)) return 'Chủ tịch';
  if (/^van phong\b/.test(n)) return 'Chánh Văn phòng';
  if (/^thanh tra\b/.test(n)) return 'Chánh Thanh tra';
  if (/^ban\b/.test(n)) return 'Trưởng ban';
  if (/^chi cuc\b/.test(n)) return 'Chi cục trưởng';
  if (/^cuc\b/.test(n)) return 'Cục trưởng';
  if (/^(so|trung tam|dai|kho bac|bao hiem|benh vien|truong)\b/.test(n)) return 'Giám đốc';
  return 'Thủ trưởng cơ quan';
}

const fold = (s: string) => foldVietnamese(s);

/**
 * The version of the agency named `name` in force on `date`, following successors from a merged agency; null when
 * the agency list never held that name. `date` is YYYY-MM-DD.
 */
export function agencyOnDate(versions: readonly AgencyVersion[], name: string, date: string): AgencyVersion | null {
  const named = versions.filter((v) => fold(v.name) === fold(name));
  if (named.length === 0) return null;
  const byCode = new Map<string, AgencyVersion[]>();
  for (const v of versions) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  // Start from the version named so that was in force latest on or before the date (or the first one after it).
  const start = [...named].sort((a, b) => a.valid_from.localeCompare(b.valid_from)).filter((v) => v.valid_from <= date).at(-1) ?? named[0]!;
  let code = start.code;
  const seen = new Set<string>();
  for (;;) {
    seen.add(code);
    const list = (byCode.get(code) ?? []).sort((a, b) => a.valid_from.localeCompare(b.valid_from));
    const current = list.find((v) => v.valid_from <= date && (v.valid_to === null || v.valid_to > date));
    if (current) return current;
    const last = list.filter((v) => v.valid_from <= date).at(-1);
    if (!last) return list[0] ?? start; // not yet founded on the date: its first version
    if (!last.successor_code || seen.has(last.successor_code) || !byCode.has(last.successor_code)) return last;
    code = last.successor_code;
  }
}

/**
 * The sender of a report the profile says `from` sends, dated `date`: the agency in force then (followed through
 * mergers), its parent (from the agency list, else "UBND tỉnh …" for a Sở), its abbreviation and the signature block
 * (by default ký thay the head: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"), each replaced by the profile's `reportSender`.
 */
export function resolveSender(policy: Policy, from: string, versions: readonly AgencyVersion[], date: string): Sender {
  const o = policy.reportSender ?? {};
  const found = agencyOnDate(versions, from, date);
  const agency = o.agency ?? found?.name ?? from;
  const parentVersion = found?.parent_code ? versions.find((v) => v.code === found.parent_code && v.valid_from <= date && (v.valid_to === null || v.valid_to > date)) : undefined;
  const parent =
    o.parent !== undefined ? o.parent : parentVersion ? parentVersion.name.replace(/^Ủy ban nhân dân/u, 'UBND') : /^(sở|ban|văn phòng|thanh tra)\s/iu.test(agency) ? `UBND tỉnh ${policy.province}` : null;
  const head = o.headTitle ?? headTitle(agency);
  const isHead = head === 'Thủ trưởng cơ quan';
  const authority = o.authority === undefined ? (isHead ? null : 'KT.') : o.authority;
  const signerTitle = o.signerTitle ?? (authority === 'KT.' ? `Phó ${head.charAt(0).toLowerCase()}${head.slice(1)}` : null);
  const lines = authority === null ? [head] : [`${authority} ${head}`, ...(signerTitle ? [signerTitle] : [])];
  return {
    agency,
    parent,
    abbr: o.abbr ?? agencyAbbr(agency),
    authority: lines.map((l) => l.toLocaleUpperCase('vi')),
    signerName: o.signerName ?? null,
  };
}
