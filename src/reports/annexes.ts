/**
 * The report's annexes (phụ lục), pure. Each annex has two forms:
 * - `table`, the per-unit detail for the CSV/XLSX: one row per agency or unit of the period (codes, days it existed,
 *   parent), a "Tổng cộng" footer row in the XLSX that is the sum of the rows above it;
 * - `print`, what the report prints: every unit rolled up into its agency, grouped by ranking group with the group's
 *   subtotals, the agencies with nothing to report in one line per group, and a total (`rollup.ts`, `printTable.ts`).
 * Annexes are numbered in Roman numerals, each with its own title (NĐ 30/2020/NĐ-CP Phụ lục I: văn bản có từ hai phụ
 * lục trở lên thì các phụ lục được đánh số bằng chữ số La Mã).
 */
import { viDate } from '../rules/period.ts';
import { freeTextLabel, INCIDENT_KIND_LABELS, INCIDENT_SEVERITY_LABELS, methodLabel } from '../text/labels.ts';
import { hasMailLog, mailCoverage } from './document.ts';
import type { Cell, DataTable, TableColumn } from '../text/table.ts';
import { MB_KEYS, type AgencyFigures, type AgencyReportRow, type ReportModel } from './model.ts';
import type { PrintColumn, PrintRow, PrintTable } from './printTable.ts';
import { compareGroups, groupLabel, roman, rollUp, type UnitGroup } from './rollup.ts';

export interface Annex {
  /** File stem: phu-luc-1-hop-thu … */
  slug: string;
  /** "I", "II" … */
  number: string;
  /** The annex's name, printed in capitals under "Phụ lục I": "Hộp thư theo cơ quan, đơn vị". */
  name: string;
  /** "Phụ lục I. Hộp thư theo cơ quan, đơn vị" (links, the XLSX's title). */
  title: string;
  /** XLSX sheet name, at most 31 characters. */
  sheet: string;
  /** The per-unit detail (CSV/XLSX). */
  table: DataTable;
  /** What the report prints. */
  print: PrintTable;
  /** How the figures are counted, printed under the table (not part of the CSV/XLSX data). */
  note?: string;
}

type FigureColumn = { key: keyof AgencyFigures; header: string; width?: number };

const int = '#,##0';
const isMb = (k: keyof AgencyFigures) => (MB_KEYS as readonly string[]).includes(k);

const DETAIL_COLUMNS: TableColumn[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã cơ quan', width: 13 },
  { header: 'Tên cơ quan, đơn vị', width: 44 },
  { header: 'Mã cơ quan cấp trên', width: 13 },
  { header: 'Nhóm xếp hạng', width: 18 },
  { header: 'Từ ngày', width: 11, type: 'date' },
  { header: 'Đến ngày', width: 11, type: 'date' },
  { header: 'Ghi chú', width: 30 },
];

/** Per-unit detail: every row of the model, the total as the XLSX footer. */
function detailTable(m: ReportModel, figures: FigureColumn[], sheet: string, observed: boolean): DataTable {
  const columns = [...DETAIL_COLUMNS, ...figures.map((f) => ({ header: f.header, width: f.width ?? 14, numFmt: isMb(f.key) ? '#,##0.0' : int }))];
  if (!observed) return { columns, rows: [], sheet };
  const rows: Cell[][] = m.rows.map((r: AgencyReportRow, i) => [
    i + 1, r.code || null, r.name, r.parent, r.existed === null ? null : groupLabel(r.group), r.existedFrom, r.existedTo, r.note,
    ...figures.map((f) => r[f.key]),
  ]);
  const footer = [[null, null, 'Tổng cộng', null, null, null, null, null, ...figures.map((f) => m.totals[f.key])]];
  return { columns, rows, footer, sheet };
}

/**
 * Printed form: groups of agencies (Roman numeral, label, subtotals), the agencies with something to report numbered
 * within their group, one line for the rest of the group (`restText`), and the total.
 */
function printAgencies(m: ReportModel, figures: FigureColumn[], restText: string, observed: string | null): PrintTable {
  const columns: PrintColumn[] = [
    { header: 'STT' },
    { header: 'Cơ quan, đơn vị', grow: true },
    ...figures.map((f) => ({ header: f.header, decimals: isMb(f.key) ? 1 : 0 })),
  ];
  if (observed !== null) return { columns, rows: [], empty: observed };
  const groups: UnitGroup[] = rollUp(m.rows);
  const rows: PrintRow[] = [];
  groups.forEach((g, gi) => {
    rows.push({ kind: 'group', cells: [roman(gi + 1), `${g.label} (${g.units.length})`, ...figures.map((f) => g.figures[f.key])] });
    const active = g.units.filter((u) => figures.some((f) => u.figures[f.key] !== 0));
    active.forEach((u, i) => rows.push({ kind: 'item', cells: [i + 1, u.note ? `${u.name} (${lowerFirst(u.note)})` : u.name, ...figures.map((f) => u.figures[f.key])] }));
    const rest = g.units.length - active.length;
    if (rest > 0) {
      const names = g.units.filter((u) => !active.includes(u)).map((u) => u.name);
      const who = active.length === 0 ? `Cả ${rest} cơ quan, đơn vị` : `${rest} cơ quan, đơn vị còn lại`;
      rows.push({ kind: 'rest', cells: ['', `${who} ${restText}${rest <= 3 ? `: ${names.join('; ')}` : ''}.`] });
    }
  });
  rows.push({ kind: 'total', cells: ['', 'Tổng cộng', ...figures.map((f) => m.totals[f.key])] });
  return { columns, rows, empty: null };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Who the annexes are for. `public` (the provincial portal) leaves out the incidents' free-text "Nội dung": the
 * operator's wording may name a person or a personal mailbox. Every other annex is per agency and the same in both.
 */
export type AnnexVariant = 'internal' | 'public';

interface AgencyAnnexSpec {
  slug: string;
  name: string;
  sheet: string;
  figures: FigureColumn[];
  /** Said of the agencies of a group whose figures are all zero. */
  rest: string;
  /** Why there are no figures, or null when the period has them. */
  missing: string | null;
  note?: string;
}

/** Agencies are numbered in their group; the rolled-up units and the XLSX detail are said once, in the note. */
const ROLLED_UP = 'Số liệu của mỗi cơ quan gồm cả các phòng, ban, đơn vị trực thuộc; số liệu của từng đơn vị có trong tệp phu-luc.xlsx và tệp CSV kèm theo.';

/** The annex tables of `m`, in the order the report cites them. */
export function reportAnnexes(m: ReportModel, variant: AnnexVariant = 'internal'): Annex[] {
  const registryMissing =
    m.coverage.registry === 'none'
      ? m.coverage.registryFrom
        ? `Không có số liệu: kho dữ liệu chỉ có danh sách hộp thư từ ngày ${viDate(m.coverage.registryFrom)}, sau ngày cuối của kỳ báo cáo.`
        : 'Không có số liệu: kho dữ liệu chưa có danh sách hộp thư.'
      : null;
  const specs: AgencyAnnexSpec[] = [
    {
      slug: 'phu-luc-1-hop-thu',
      name: 'Hộp thư theo cơ quan, đơn vị',
      sheet: 'Phụ lục I – Hộp thư',
      figures: [
        { key: 'issued', header: 'Cấp mới' },
        { key: 'changed', header: 'Thay đổi' },
        { key: 'locked', header: 'Tạm khóa' },
        { key: 'revoked', header: 'Thu hồi' },
        { key: 'activePersonal', header: 'Hộp thư cá nhân đang hoạt động', width: 18 },
        { key: 'activeAgency', header: 'Hộp thư cơ quan đang hoạt động', width: 18 },
        { key: 'lockedNow', header: 'Đang bị khóa' },
        { key: 'usedInPeriod', header: 'Hộp thư cá nhân có sử dụng trong kỳ', width: 20 },
        { key: 'usedMb', header: 'Dung lượng đã dùng (MB)', width: 16 },
      ],
      rest: 'chưa có hộp thư',
      missing: registryMissing,
      note: ROLLED_UP,
    },
    {
      slug: 'phu-luc-2-phieu-yeu-cau',
      name: 'Phiếu yêu cầu và thời hạn xử lý',
      sheet: 'Phụ lục II – Phiếu yêu cầu',
      figures: [
        { key: 'reqReceived', header: 'Phiếu tiếp nhận' },
        { key: 'reqDone', header: 'Đã xử lý' },
        { key: 'reqOnTime', header: 'Đúng hạn' },
        { key: 'reqLate', header: 'Trễ hạn' },
        { key: 'reqOpenNotDue', header: 'Chưa đến hạn' },
        { key: 'reqNoDeadline', header: 'Không quy định thời hạn', width: 16 },
      ],
      rest: 'không có phiếu yêu cầu trong kỳ',
      missing: null,
      note: ROLLED_UP,
    },
    {
      slug: 'phu-luc-3-an-toan',
      name: 'Mật khẩu, chuyển tiếp thư và thư bị từ chối',
      sheet: 'Phụ lục III – An toàn thư',
      figures: [
        { key: 'passwordDefault', header: 'Chưa đổi mật khẩu mặc định', width: 18 },
        { key: 'passwordStale', header: 'Mật khẩu quá hạn đổi', width: 16 },
        { key: 'forwardExternal', header: 'Chuyển tiếp ra ngoài', width: 16 },
        { key: 'mailRejectedInbound', header: 'Thư gửi đến bị máy chủ từ chối', width: 18 },
      ],
      rest: 'không có hộp thư vi phạm và thư gửi đến bị từ chối',
      missing: registryMissing,
      note: ROLLED_UP,
    },
    {
      slug: 'phu-luc-6-luu-luong-thu',
      name: 'Lưu lượng thư điện tử theo cơ quan, đơn vị',
      sheet: 'Phụ lục VI – Lưu lượng thư',
      figures: [
        { key: 'mailSent', header: 'Thư gửi đi' },
        { key: 'mailSentRcptInternal', header: 'Lượt gửi tới địa chỉ trong tỉnh', width: 16 },
        { key: 'mailSentRcptExternal', header: 'Lượt gửi ra ngoài tỉnh', width: 16 },
        { key: 'mailReceived', header: 'Thư nhận' },
        { key: 'mailReceivedInternal', header: 'Nhận từ trong tỉnh', width: 14 },
        { key: 'mailReceivedExternal', header: 'Nhận từ ngoài tỉnh', width: 14 },
        { key: 'mailSentMb', header: 'Dung lượng gửi (MB)', width: 14 },
        { key: 'mailReceivedMb', header: 'Dung lượng nhận (MB)', width: 14 },
        { key: 'mailActiveSenders', header: 'Hộp thư có gửi thư', width: 14 },
      ],
      rest: 'không có thư gửi, nhận trong những ngày có số liệu',
      missing: hasMailLog(m) ? null : `Không có số liệu: ${lowerFirst(mailCoverage(m))}`,
      note: hasMailLog(m)
        ? `${mailCoverage(m)} Thư của mỗi ngày được tính cho cơ quan mà hộp thư thuộc về tại ngày đó; một thư được tính một lần dù qua bộ lọc nhiều lần. ` +
          '"Lượt gửi" đếm mỗi người nhận một lượt. Hộp thư có gửi thư được tính một lần, ở cơ quan của ngày gửi cuối cùng trong kỳ. ' +
          ROLLED_UP
        : undefined,
    },
  ];
  const agencyAnnex = (spec: AgencyAnnexSpec, n: number): Annex => ({
    slug: spec.slug,
    number: roman(n),
    name: spec.name,
    title: `Phụ lục ${roman(n)}. ${spec.name}`,
    sheet: spec.sheet,
    table: detailTable(m, spec.figures, spec.sheet, spec.missing === null),
    print: printAgencies(m, spec.figures, spec.rest, spec.missing),
    ...(spec.missing === null && spec.note ? { note: spec.note } : {}),
  });
  return [
    agencyAnnex(specs[0]!, 1),
    agencyAnnex(specs[1]!, 2),
    agencyAnnex(specs[2]!, 3),
    incidentAnnex(m, variant),
    rankingAnnex(m),
    agencyAnnex(specs[3]!, 6),
  ];
}

function incidentAnnex(m: ReportModel, variant: AnnexVariant): Annex {
  const withSummary = variant === 'internal';
  const within = (x: ReportModel['incidents'][number]) => (x.within_deadline === null ? 'Không đánh giá' : x.within_deadline ? 'Có' : 'Không');
  const table: DataTable = {
    sheet: 'Phụ lục IV – Sự cố',
    columns: [
      { header: 'STT', width: 6 },
      { header: 'Mã sự cố', width: 14 },
      { header: 'Thời điểm xảy ra', width: 17, type: 'datetime' },
      { header: 'Loại', width: 22 },
      { header: 'Mức độ', width: 12 },
      ...(withSummary ? [{ header: 'Nội dung', width: 50 }] : []),
      { header: 'Thời điểm báo cáo', width: 17, type: 'datetime' as const },
      { header: 'Số giờ đến khi báo cáo', width: 12, numFmt: '#,##0.0' },
      { header: 'Trong thời hạn', width: 14 },
    ],
    rows: m.incidents.map((x, i) => [
      i + 1,
      x.id,
      x.occurred_local,
      freeTextLabel(INCIDENT_KIND_LABELS, x.kind),
      freeTextLabel(INCIDENT_SEVERITY_LABELS, x.severity),
      ...(withSummary ? [x.summary] : []),
      x.reported_local ?? 'Chưa báo cáo',
      x.hours_to_report,
      within(x),
    ]),
  };
  const print: PrintTable = {
    columns: [
      { header: 'STT' },
      { header: 'Xảy ra lúc', datetime: true },
      { header: 'Loại sự cố', grow: !withSummary },
      { header: 'Mức độ' },
      ...(withSummary ? [{ header: 'Nội dung', grow: true }] : []),
      { header: 'Báo cáo lúc', datetime: true },
      { header: 'Số giờ', decimals: 1 },
      { header: 'Trong hạn' },
    ],
    rows: m.incidents.map((x, i) => ({
      kind: 'item' as const,
      cells: [
        i + 1,
        x.occurred_local,
        freeTextLabel(INCIDENT_KIND_LABELS, x.kind),
        freeTextLabel(INCIDENT_SEVERITY_LABELS, x.severity),
        ...(withSummary ? [x.summary] : []),
        x.reported_local ?? 'Chưa báo cáo',
        x.hours_to_report,
        within(x),
      ],
    })),
    empty: m.incidents.length === 0 ? 'Không có sự cố nào xảy ra trong kỳ.' : null,
  };
  const hours = m.incidentSummary.hours;
  return {
    slug: 'phu-luc-4-su-co',
    number: 'IV',
    name: 'Sự cố và thời hạn báo cáo',
    title: 'Phụ lục IV. Sự cố và thời hạn báo cáo',
    sheet: 'Phụ lục IV – Sự cố',
    table,
    print,
    ...(m.incidents.length > 0
      ? { note: hours === null ? 'Quy chế không quy định số giờ phải báo cáo sự cố nên không đánh giá thời hạn.' : `Thời hạn báo cáo: trong vòng ${hours} giờ kể từ khi xảy ra sự cố.` }
      : {}),
  };
}

/** Ranking groups made only of phòng, ban (units inside an agency): the printed annex gives their count, the XLSX each. */
const SUB_UNIT_KINDS = new Set(['phong-ban']);

function rankingAnnex(m: ReportModel): Annex {
  const table: DataTable = {
    sheet: 'Phụ lục V – Xếp hạng',
    columns: [
      { header: 'Nhóm xếp hạng', width: 18 },
      { header: 'Hạng', width: 7, numFmt: int },
      { header: 'Mã cơ quan', width: 13 },
      { header: 'Tên cơ quan, đơn vị', width: 44 },
      { header: 'Điểm (0–100)', width: 12, numFmt: '0.0' },
      { header: 'Thay đổi so với kỳ trước', width: 14, numFmt: '+0.0;-0.0;0.0' },
    ],
    rows: m.ranking.map((r) => [groupLabel(r.group), r.rank, r.code, r.name, r.score, r.change]),
  };
  const kinds = new Map(m.rows.map((r) => [r.code, r.kind]));
  const groups = new Map<string, ReportModel['ranking']>();
  for (const r of m.ranking) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const sorted = [...groups].sort(([a], [b]) => compareGroups(a, b));
  const rows: PrintRow[] = [];
  sorted.forEach(([group, list], gi) => {
    rows.push({ kind: 'group', cells: [roman(gi + 1), `${groupLabel(group)} (${list.length})`, null, null] });
    if (list.every((r) => SUB_UNIT_KINDS.has(kinds.get(r.code) ?? ''))) {
      rows.push({ kind: 'rest', cells: ['', `Xếp hạng ${list.length} phòng, ban trong từng cơ quan có trong tệp phu-luc.xlsx và tệp CSV kèm theo.`] });
      return;
    }
    const ranked = list.filter((r) => r.rank !== null);
    for (const r of ranked) rows.push({ kind: 'item', cells: [r.rank, r.name, r.score, r.change] });
    const unranked = list.length - ranked.length;
    if (unranked > 0) rows.push({ kind: 'rest', cells: ['', `${unranked} cơ quan, đơn vị chưa đủ số liệu để xếp hạng.`] });
  });
  const scored = m.ranking.some((r) => r.score !== null);
  return {
    slug: 'phu-luc-5-xep-hang',
    number: 'V',
    name: 'Xếp hạng tuân thủ quy chế thư điện tử',
    title: 'Phụ lục V. Xếp hạng tuân thủ quy chế thư điện tử',
    sheet: 'Phụ lục V – Xếp hạng',
    table,
    print: {
      columns: [{ header: 'Hạng' }, { header: 'Cơ quan, đơn vị', grow: true }, { header: 'Điểm (0–100)', decimals: 1 }, { header: 'Thay đổi so với kỳ trước', decimals: 1, signed: true }],
      rows,
      empty: scored ? null : 'Chưa có cơ quan, đơn vị nào đủ số liệu để xếp hạng trong kỳ.',
    },
    ...(scored
      ? { note: `Điểm từ 0 đến 100, xếp hạng trong từng nhóm; điểm bằng nhau cùng hạng. Chấm theo ${methodLabel(m.methodVersion, { explain: true })}.` }
      : {}),
  };
}

/** "2025-03-04 09:15" → "09:15 04/03/2025". */
export { localTime } from './printTable.ts';
