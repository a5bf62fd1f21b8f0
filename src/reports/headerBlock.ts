/**
 * What the header, annex title and signature blocks hold and how they are set (pure), shared by the print view and
 * the Word document so both follow Nghị định 30/2020/NĐ-CP Phụ lục I the same way:
 * - Quốc hiệu in capitals, 12–13 pt, bold; Tiêu ngữ 13–14 pt, bold, with a rule as long as the line under it;
 * - tên cơ quan chủ quản in capitals, 12–13 pt; tên cơ quan ban hành in capitals, 12–13 pt, bold, on as many
 *   balanced lines as the left column needs, a rule of 1/3–1/2 of the line under it;
 * - số, ký hiệu (13 pt) centred under the agency and địa danh, ngày tháng (13–14 pt, italic) under the Tiêu ngữ,
 *   on the same line;
 * - quyền hạn and chức vụ of the signer in capitals, 13–14 pt, bold; the signer's name 13–14 pt, bold, below the
 *   room for the signature and seal;
 * - an annex: "Phụ lục I" (14 pt, bold), its name in capitals (13 pt, bold), "(Kèm theo …)" in italic, a rule.
 */
import type { Annex } from './annexes.ts';
import { dateWords, numberLine } from './document.ts';
import type { ReportModel } from './model.ts';

export const HEADER = {
  /** Share of the text width for the left column (agency, số); the right holds Quốc hiệu (about 90 mm at 12 pt). */
  leftShare: 0.4,
  parentPt: 13,
  agencyPt: 13,
  /** The rule under the agency, as a share of its longest line (NĐ 30: 1/3 to 1/2). */
  agencyRuleShare: 0.4,
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  nationPt: 12,
  motto: 'Độc lập - Tự do - Hạnh phúc',
  mottoPt: 13,
  /** Room for the signature and seal between the signer's title and name. */
  signatureSpaceMm: 25,
} as const;

/** Where the signer's name goes when the profile does not give it: a line for the văn thư to fill. */
export const SIGNATURE_PLACEHOLDER = '……………………………';

/** The lines above an annex's table: "Phụ lục I", its name, "(Kèm theo Báo cáo số …/BC-… ngày … của …)". */
export function annexIntro(m: ReportModel, a: Annex): { number: string; name: string; attached: string } {
  return {
    number: `Phụ lục ${a.number}`,
    name: a.name,
    attached: `(Kèm theo Báo cáo số${numberLine(m).replace(/^Số:/u, '')} ${dateWords(m.today)} của ${m.sender.agency})`,
  };
}
