/**
 * The lists the regulations ask for, as tables for CSV/XLSX download (SPEC §5 formula-safe CSV via
 * `reports/csv.ts`). Built from findings, so a list row and a finding on a page always agree. Pure: no I/O.
 *
 * - Passwords: mailboxes still on the default password after the grace, and mailboxes without a password change within
 *   the interval (001 Điều 11 khoản 2 điểm i: "Báo cáo danh sách hộp thư sau 03 ngày không đổi mật khẩu mặc định hoặc
 *   sau 06 tháng không đổi mật khẩu mới"; figures from the profile).
 * - Inactivity: mailboxes to revoke after months without access (001 Điều 4 khoản 4; 003 Điều 4 khoản 4), to lock
 *   after days without login and to revoke after a lock (004 Điều 8).
 * - External forwarding (002 Điều 9 khoản 3).
 */
import { citeDocument } from '../../text/labels.ts';
import { formatCitation, type Policy } from '../policy/schema.ts';
import type { DataTable } from '../../text/table.ts';
import type { Finding } from './findings.ts';
import { ruleCitation, ruleMeta, ruleNotApplicable, type RuleId } from './rules.ts';

export interface ComplianceList {
  id: 'mat-khau' | 'thu-hoi-tam-khoa' | 'chuyen-tiep-ra-ngoai';
  /** File name for the CSV (ASCII). */
  fileName: string;
  /** Vietnamese title of the list. */
  title: string;
  /** Citations of the rules behind the list under this profile. */
  citations: string[];
  /** Titles of the list's rules the profile does not have (the regulation sets no such rule). */
  notApplicable: string[];
  table: DataTable;
}

const DEFINITIONS: readonly { id: ComplianceList['id']; title: string; rules: RuleId[] }[] = [
  {
    id: 'mat-khau',
    title: 'Danh sách hộp thư chưa đổi mật khẩu mặc định hoặc quá hạn đổi mật khẩu',
    rules: ['password-default', 'password-stale'],
  },
  {
    id: 'thu-hoi-tam-khoa',
    title: 'Danh sách hộp thư cần tạm khóa hoặc thu hồi do không sử dụng',
    rules: ['inactive-revoke', 'inactive-lock', 'locked-revoke'],
  },
  {
    id: 'chuyen-tiep-ra-ngoai',
    title: 'Danh sách hộp thư tự động chuyển thư ra ngoài hệ thống của tỉnh',
    rules: ['forward-external'],
  },
];

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Địa chỉ hộp thư', width: 34 },
  { header: 'Tên hộp thư / họ tên', width: 28 },
  { header: 'Mã cơ quan', width: 12 },
  { header: 'Cơ quan, đơn vị', width: 40 },
  { header: 'Trường hợp', width: 40 },
  { header: 'Căn cứ', width: 40 },
  { header: 'Từ ngày', width: 12, type: 'date' as const },
  { header: 'Chi tiết', width: 60 },
];

/**
 * The three lists from the findings of one as-of date (as `computeFindings` returns them, already in a
 * deterministic order): one row per finding of the list's rules, numbered from 1.
 */
export function complianceLists(policy: Policy, findings: readonly Finding[]): ComplianceList[] {
  return DEFINITIONS.map((def) => {
    const rows = findings.filter((f) => def.rules.includes(f.ruleId));
    return {
      id: def.id,
      fileName: `${def.id}.csv`,
      title: def.title,
      citations: [...new Set(def.rules.filter((r) => !ruleNotApplicable(r, policy)).map((r) => formatCitation(ruleCitation(r, policy))))],
      notApplicable: def.rules.filter((r) => ruleNotApplicable(r, policy) !== null).map((r) => ruleMeta(r).title),
      table: {
        columns: COLUMNS,
        rows: rows.map((f, i) => [
          i + 1,
          f.subject,
          f.subjectName,
          f.agencyCode,
          f.agencyName,
          f.title,
          citeDocument(ruleCitation(f.ruleId, policy)),
          f.since,
          f.detail,
        ]),
      },
    };
  });
}
