/**
 * The report's annexes (phụ lục) as downloadable tables (pure): one table per subject, one row per agency of the
 * period plus a "Tổng cộng" row that is the sum of the rows above it. Vietnamese headers, widths for XLSX.
 */
import { viDate } from '../rules/period.ts';
import type { Cell, DataTable, TableColumn } from './csv.ts';
import type { AgencyFigures, AgencyReportRow, ReportModel } from './model.ts';

export interface Annex {
  /** File stem: phu-luc-1-hop-thu … */
  slug: string;
  /** "Phụ lục 1. …" */
  title: string;
  /** Short XLSX sheet name (Excel allows 31 characters). */
  sheet: string;
  table: DataTable;
}

type FigureColumn = { key: keyof AgencyFigures; header: string; width?: number };

const AGENCY_COLUMNS: TableColumn[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã cơ quan', width: 12 },
  { header: 'Tên cơ quan, đơn vị', width: 44 },
  { header: 'Thời gian tồn tại trong kỳ', width: 24 },
  { header: 'Ghi chú', width: 30 },
];

const int = '#,##0';

function agencyTable(m: ReportModel, figures: FigureColumn[]): DataTable {
  const columns = [...AGENCY_COLUMNS, ...figures.map((f) => ({ header: f.header, width: f.width ?? 14, numFmt: f.key === 'usedMb' ? '#,##0.0' : int }))];
  const rows: Cell[][] = m.rows.map((r: AgencyReportRow, i) => [i + 1, r.code || '—', r.name, r.existed ?? '', r.note ?? '', ...figures.map((f) => r[f.key])]);
  rows.push([null, null, 'Tổng cộng', null, null, ...figures.map((f) => m.totals[f.key])]);
  return { columns, rows };
}

/** The annex tables of `m`, in the order the report cites them. */
export function reportAnnexes(m: ReportModel): Annex[] {
  const mailboxes = agencyTable(m, [
    { key: 'issued', header: 'Cấp mới' },
    { key: 'changed', header: 'Thay đổi' },
    { key: 'locked', header: 'Tạm khóa' },
    { key: 'revoked', header: 'Thu hồi' },
    { key: 'activePersonal', header: 'Hộp thư cá nhân đang hoạt động', width: 18 },
    { key: 'activeAgency', header: 'Hộp thư cơ quan đang hoạt động', width: 18 },
    { key: 'lockedNow', header: 'Đang bị khóa' },
    { key: 'usedInPeriod', header: 'Hộp thư cá nhân có đăng nhập trong kỳ', width: 20 },
    { key: 'usedMb', header: 'Dung lượng đã dùng (MB)', width: 16 },
  ]);
  const requests = agencyTable(m, [
    { key: 'reqReceived', header: 'Phiếu tiếp nhận' },
    { key: 'reqDone', header: 'Đã xử lý' },
    { key: 'reqOnTime', header: 'Đúng hạn' },
    { key: 'reqLate', header: 'Trễ hạn' },
    { key: 'reqOpenNotDue', header: 'Chưa đến hạn' },
    { key: 'reqNoDeadline', header: 'Không quy định thời hạn', width: 16 },
  ]);
  const security = agencyTable(m, [
    { key: 'passwordDefault', header: 'Chưa đổi mật khẩu mặc định', width: 18 },
    { key: 'passwordStale', header: 'Mật khẩu quá hạn đổi', width: 16 },
    { key: 'forwardExternal', header: 'Chuyển tiếp ra ngoài', width: 16 },
  ]);
  const incidents: DataTable = {
    columns: [
      { header: 'STT', width: 6 },
      { header: 'Mã sự cố', width: 14 },
      { header: 'Thời điểm xảy ra', width: 18 },
      { header: 'Loại', width: 16 },
      { header: 'Mức độ', width: 12 },
      { header: 'Nội dung', width: 44 },
      { header: 'Thời điểm báo cáo', width: 18 },
      { header: 'Số giờ đến khi báo cáo', width: 14, numFmt: '#,##0.0' },
      { header: 'Trong thời hạn', width: 14 },
    ],
    rows: m.incidents.map((x, i) => [
      i + 1,
      x.id,
      localTime(x.occurred_local),
      x.kind,
      x.severity,
      x.summary,
      x.reported_local ? localTime(x.reported_local) : 'Chưa báo cáo',
      x.hours_to_report,
      x.within_deadline === null ? 'Không đánh giá' : x.within_deadline ? 'Có' : 'Không',
    ]),
  };
  const ranking: DataTable = {
    columns: [
      { header: 'Nhóm', width: 16 },
      { header: 'Hạng', width: 8 },
      { header: 'Mã cơ quan', width: 12 },
      { header: 'Tên cơ quan, đơn vị', width: 44 },
      { header: 'Điểm (0–100)', width: 12, numFmt: '0.0' },
      { header: 'Thay đổi so với kỳ trước', width: 14, numFmt: '+0.0;-0.0;0.0' },
    ],
    rows: m.ranking.map((r) => [r.group, r.rank, r.code, r.name, r.score, r.change]),
  };
  return [
    { slug: 'phu-luc-1-hop-thu', sheet: 'PL1 Hộp thư', title: 'Phụ lục 1. Hộp thư theo cơ quan, đơn vị', table: mailboxes },
    { slug: 'phu-luc-2-phieu-yeu-cau', sheet: 'PL2 Phiếu yêu cầu', title: 'Phụ lục 2. Phiếu yêu cầu và thời hạn xử lý', table: requests },
    { slug: 'phu-luc-3-an-toan', sheet: 'PL3 Mật khẩu, chuyển tiếp', title: 'Phụ lục 3. Mật khẩu và chuyển tiếp thư', table: security },
    { slug: 'phu-luc-4-su-co', sheet: 'PL4 Sự cố', title: 'Phụ lục 4. Sự cố và thời hạn báo cáo', table: incidents },
    { slug: 'phu-luc-5-xep-hang', sheet: 'PL5 Xếp hạng', title: 'Phụ lục 5. Xếp hạng tuân thủ', table: ranking },
  ];
}

/** "2025-03-04 09:15" → "09:15 04/03/2025". */
export function localTime(s: string): string {
  return `${s.slice(11, 16)} ${viDate(s.slice(0, 10))}`;
}
