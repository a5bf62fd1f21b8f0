/**
 * The report's annexes (phụ lục) as downloadable tables (pure): one table per subject, one row per agency of the
 * period plus a "Tổng cộng" row that is the sum of the rows above it. Vietnamese headers, widths for XLSX.
 */
import { viDate } from '../rules/period.ts';
import { hasMailLog, mailCoverage } from './document.ts';
import type { Cell, DataTable, TableColumn } from './csv.ts';
import { MB_KEYS, type AgencyFigures, type AgencyReportRow, type ReportModel } from './model.ts';

export interface Annex {
  /** File stem: phu-luc-1-hop-thu … */
  slug: string;
  /** "Phụ lục 1. …" */
  title: string;
  /** Short XLSX sheet name (Excel allows 31 characters). */
  sheet: string;
  table: DataTable;
  /** How the figures are counted, printed under the table (not part of the CSV/XLSX data). */
  note?: string;
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
  const columns = [...AGENCY_COLUMNS, ...figures.map((f) => ({ header: f.header, width: f.width ?? 14, numFmt: (MB_KEYS as readonly string[]).includes(f.key) ? '#,##0.0' : int }))];
  const rows: Cell[][] = m.rows.map((r: AgencyReportRow, i) => [i + 1, r.code || '—', r.name, r.existed ?? '', r.note ?? '', ...figures.map((f) => r[f.key])]);
  rows.push([null, null, 'Tổng cộng', null, null, ...figures.map((f) => m.totals[f.key])]);
  return { columns, rows };
}

/**
 * Who the annexes are for. `public` (the provincial portal) leaves out the incidents' free-text "Nội dung": the
 * operator's wording may name a person or a personal mailbox. Every other annex is per agency and the same in both.
 */
export type AnnexVariant = 'internal' | 'public';

/** The annex tables of `m`, in the order the report cites them. */
export function reportAnnexes(m: ReportModel, variant: AnnexVariant = 'internal'): Annex[] {
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
    { key: 'mailRejectedInbound', header: 'Thư gửi đến bị máy chủ từ chối', width: 18 },
  ]);
  const withSummary = variant === 'internal';
  const traffic = agencyTable(m, [
    { key: 'mailSent', header: 'Thư gửi đi' },
    { key: 'mailSentRcptInternal', header: 'Lượt gửi tới địa chỉ trong tỉnh', width: 16 },
    { key: 'mailSentRcptExternal', header: 'Lượt gửi ra ngoài tỉnh', width: 16 },
    { key: 'mailReceived', header: 'Thư nhận' },
    { key: 'mailReceivedInternal', header: 'Nhận từ trong tỉnh', width: 14 },
    { key: 'mailReceivedExternal', header: 'Nhận từ ngoài tỉnh', width: 14 },
    { key: 'mailSentMb', header: 'Dung lượng gửi (MB)', width: 14 },
    { key: 'mailReceivedMb', header: 'Dung lượng nhận (MB)', width: 14 },
    { key: 'mailActiveSenders', header: 'Hộp thư có gửi thư', width: 14 },
  ]);
  const incidents: DataTable = {
    columns: [
      { header: 'STT', width: 6 },
      { header: 'Mã sự cố', width: 14 },
      { header: 'Thời điểm xảy ra', width: 18 },
      { header: 'Loại', width: 16 },
      { header: 'Mức độ', width: 12 },
      ...(withSummary ? [{ header: 'Nội dung', width: 44 }] : []),
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
      ...(withSummary ? [x.summary] : []),
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
    { slug: 'phu-luc-3-an-toan', sheet: 'PL3 Mật khẩu, chuyển tiếp', title: 'Phụ lục 3. Mật khẩu, chuyển tiếp thư và thư bị từ chối', table: security },
    { slug: 'phu-luc-4-su-co', sheet: 'PL4 Sự cố', title: 'Phụ lục 4. Sự cố và thời hạn báo cáo', table: incidents },
    { slug: 'phu-luc-5-xep-hang', sheet: 'PL5 Xếp hạng', title: 'Phụ lục 5. Xếp hạng tuân thủ', table: ranking },
    {
      slug: 'phu-luc-6-luu-luong-thu',
      sheet: 'PL6 Lưu lượng thư',
      title: 'Phụ lục 6. Lưu lượng thư điện tử theo cơ quan, đơn vị',
      table: traffic,
      note: hasMailLog(m)
        ? `${mailCoverage(m)} Thư của mỗi ngày được tính cho cơ quan mà hộp thư thuộc về tại ngày đó; một thư được tính một lần dù qua bộ lọc nhiều lần. ` +
          '"Lượt gửi" đếm mỗi người nhận một lượt. Hộp thư có gửi thư được tính một lần, ở cơ quan của ngày gửi cuối cùng trong kỳ.'
        : mailCoverage(m),
    },
  ];
}

/** "2025-03-04 09:15" → "09:15 04/03/2025". */
export function localTime(s: string): string {
  return `${s.slice(11, 16)} ${viDate(s.slice(0, 10))}`;
}
