/**
 * The text of the report to UBND as blocks (pure): headings, paragraphs, summary tables and the "Kiến nghị, đề xuất"
 * markdown, in plain (unescaped) text. The HTML print view (`html.ts`) and the Word document (`docx.ts`) both render
 * these blocks, so the two say the same thing with the same figures, all of them totals of annex tables.
 */
import { viDate } from '../rules/period.ts';
import { methodLabel, REJECT_CLASS_LABELS as REJECT_LABELS } from '../text/labels.ts';
import { formatNumber, formatPercent } from '../text/format.ts';
import type { RejectClass } from '../warehouse/reports/figureTypes.ts';
import type { ReportModel } from './model.ts';
import { compareGroups, groupLabel, roman } from './rollup.ts';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: [string, string]; rows: [string, string][] }
  | { kind: 'markdown'; markdown: string };

/** `1.234,5` (text/format.ts: one cached Intl.NumberFormat, "—" for no value). */
export const num = (x: number) => formatNumber(x);
const pct = (a: number, b: number) => formatPercent(b === 0 ? null : a / b);

/**
 * "ngày 05 tháng 01 năm 2026", "ngày 21 tháng 11 năm 2026": days below 10 and the months 1 and 2 take a leading zero,
 * the others none (NĐ 30/2020/NĐ-CP Phụ lục I, địa danh và thời gian ban hành văn bản).
 */
export function dateWords(iso: string): string {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, '0')} tháng ${mo <= 2 ? `0${mo}` : mo} năm ${y}`;
}

/** "Sóc Trăng, ngày 05 tháng 01 năm 2026". */
export function dateLine(m: ReportModel): string {
  return `${m.province}, ${dateWords(m.today)}`;
}

/** Trích yếu: "Về hoạt động … năm 2025" from the report title "Báo cáo năm về hoạt động …". */
export function subject(m: ReportModel): string {
  const about = /\bvề\s+(.+)$/iu.exec(m.title);
  return about ? `Về ${about[1]} ${m.period.label}` : `${m.title} ${m.period.label}`;
}

/** "Thực hiện quy định tại khoản 3 Điều 10 Quy chế … ban hành kèm theo Quyết định số 59/2024/QĐ-UBND …": the rule
 * the report is made under, cited by the document's name and number (never our seed file id). */
function opening(m: ReportModel): string {
  return m.basis ? `Thực hiện quy định tại ${m.basis}` : `Theo yêu cầu của ${m.recipient}`;
}

/** "Số:      /BC-SKHCN" (số left blank for the văn thư to fill, NĐ 30/2020/NĐ-CP Phụ lục I, số và ký hiệu). */
export function numberLine(m: ReportModel): string {
  return `Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-${m.sender.abbr}`;
}

/**
 * Why the period cannot be reported, or null when it can (`Coverage.covered`): the warehouse holds neither the
 * mailbox list nor a day of mail log for it, so every figure would be a zero that means "unknown".
 */
export function notCoveredText(m: ReportModel): string | null {
  if (m.coverage.covered) return null;
  const from = m.coverage.registryFrom;
  return (
    `Kho dữ liệu không có số liệu của ${m.period.label} (từ ngày ${viDate(m.period.from)} đến ngày ${viDate(m.period.to)}): ` +
    (from ? `danh sách hộp thư chỉ có từ ngày ${viDate(from)}` : 'kho chưa có danh sách hộp thư') +
    ' và kho không có nhật ký thư của những ngày trong kỳ.'
  );
}

/** An annex as the text refers to it: "Phụ lục I". */
export const annexRef = (n: number) => `Phụ lục ${roman(n)}`;

/** Vietnamese names of the reject reason classes (the dictionary, src/text/labels.ts). */
export const REJECT_CLASS_LABELS: Record<RejectClass, string> = REJECT_LABELS;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function dayRange(g: { from: string; to: string }): string {
  return g.from === g.to ? `ngày ${viDate(g.from)}` : `từ ${viDate(g.from)} đến ${viDate(g.to)}`;
}

/** Whether the mail log has any day in the period. */
export function hasMailLog(m: ReportModel): boolean {
  return m.mailLog !== null && m.mailLog.daysCovered > 0;
}

/** "Số liệu nhật ký thư có cho N/M ngày …", naming the missing days (at most four ranges). */
export function mailCoverage(m: ReportModel): string {
  const l = m.mailLog;
  if (!l || l.daysCovered === 0) return 'Kho dữ liệu chưa có số liệu nhật ký thư cho kỳ này nên báo cáo chưa nêu được số thư gửi, nhận và thư bị từ chối.';
  const upTo = l.coveredTo < m.period.to ? ` đến ngày ${viDate(l.coveredTo)}` : '';
  if (l.gaps.length === 0) return `Số liệu nhật ký thư có đủ cho ${num(l.daysCovered)}/${num(l.periodDays)} ngày của kỳ${upTo}.`;
  const shown = l.gaps.slice(0, 4).map(dayRange);
  const more = l.gaps.length > 4 ? ` và ${num(l.gaps.length - 4)} khoảng thời gian khác` : '';
  return (
    `Số liệu nhật ký thư có cho ${num(l.daysCovered)}/${num(l.periodDays)} ngày của kỳ${upTo} (chưa có: ${shown.join('; ')}${more}); ` +
    'các số liệu thư gửi, nhận và thư bị từ chối dưới đây chỉ tính trên những ngày có số liệu.'
  );
}

/**
 * The data-quality note on nights loaded without some of their files (`--partial`, SPEC §3.6): which night lacked
 * which file, at most four nights named; null when every night of the period was whole.
 */
export function inputGapsNote(m: ReportModel): string | null {
  if (m.inputGaps.length === 0) return null;
  const byNight = new Map<string, string[]>();
  for (const g of m.inputGaps) byNight.set(g.night, [...(byNight.get(g.night) ?? []), g.file]);
  const nights = [...byNight];
  const shown = nights.slice(0, 4).map(([night, files]) => `đêm ${viDate(night)} thiếu ${files.join(', ')}`);
  const more = nights.length > 4 ? ` và ${num(nights.length - 4)} đêm khác` : '';
  return (
    `Lưu ý về số liệu: dữ liệu xuất của ${num(nights.length)} đêm trong kỳ được nạp không đầy đủ (${shown.join('; ')}${more}); ` +
    'các số liệu lấy từ những tệp này chưa tính phần của các đêm đó (chi tiết tại trang Dữ liệu).'
  );
}

function mailUse(m: ReportModel): string[] {
  if (!hasMailLog(m)) return [mailCoverage(m)];
  const t = m.totals;
  const s = m.mailLog!.server;
  return [
    mailCoverage(m),
    `Các hộp thư của tỉnh đã gửi ${num(t.mailSent)} thư (${num(t.mailSentMb)} MB), gồm ${num(t.mailSentRcptInternal)} lượt gửi tới địa chỉ trong tỉnh ` +
      `và ${num(t.mailSentRcptExternal)} lượt gửi ra ngoài tỉnh; đã nhận ${num(t.mailReceived)} thư (${num(t.mailReceivedMb)} MB), trong đó ` +
      `${num(t.mailReceivedInternal)} thư từ địa chỉ trong tỉnh và ${num(t.mailReceivedExternal)} thư từ ngoài tỉnh. Có ${num(t.mailActiveSenders)} hộp thư ` +
      `có gửi thư trong kỳ (chi tiết tại ${annexRef(6)}).`,
    `Toàn bộ máy chủ thư đã tiếp nhận ${num(s.received)} thư (${num(s.received_mb)} MB) và chuyển phát thành công ${num(s.delivered)} lượt ` +
      `(${num(s.delivered_mb)} MB); ${num(s.bounced)} lượt bị trả lại, ${num(s.deferrals)} lượt phải gửi lại do chưa chuyển được.`,
  ];
}

/** The reject classes of the period as table rows (label, count), largest first. */
export function rejectRows(m: ReportModel): [string, string][] {
  return (m.mailLog?.rejectClasses ?? []).map((c) => [REJECT_CLASS_LABELS[c.cls], num(c.n)]);
}

function mailSecurity(m: ReportModel): string[] {
  if (!hasMailLog(m)) return [];
  const s = m.mailLog!.server;
  const classes = m.mailLog!.rejectClasses;
  const classified = classes.reduce((a, c) => a + c.n, 0);
  const dnsbl = classes.find((c) => c.cls === 'dnsbl')?.n ?? 0;
  const others = [
    s.reject_warnings > 0 ? `${num(s.reject_warnings)} lượt cảnh báo từ chối` : '',
    s.held > 0 ? `${num(s.held)} thư bị giữ lại để kiểm tra` : '',
    s.discarded > 0 ? `${num(s.discarded)} thư bị hủy` : '',
  ].filter((x) => x !== '');
  const breakdown =
    s.rejected === 0
      ? ''
      : classified === 0
        ? ' Nhật ký chi tiết của các ngày này đã quá thời hạn lưu giữ nên không phân loại được theo lý do.'
        : ` Phân loại theo lý do${classified < s.rejected ? ` (được ${num(classified)}/${num(s.rejected)} lượt; nhật ký chi tiết của các ngày còn lại đã quá thời hạn lưu giữ)` : ''}` +
          `: ${classes.map((c) => `${lowerFirst(REJECT_CLASS_LABELS[c.cls])} ${num(c.n)}`).join('; ')}.`;
  return [
    `Máy chủ thư đã từ chối ${num(s.rejected)} lượt gửi thư không hợp lệ ngay khi kết nối${others.length > 0 ? `; ngoài ra có ${others.join(', ')}` : ''}, ` +
      `trong đó ${num(m.totals.mailRejectedInbound)} lượt là thư gửi tới hộp thư của các cơ quan, đơn vị (chi tiết tại ${annexRef(3)}).${breakdown}`,
    'Nhật ký thư không ghi kết quả của bộ lọc thư rác, mã độc (amavis) nên báo cáo chưa nêu được số thư rác bị lọc sau khi tiếp nhận' +
      (dnsbl > 0 ? `; số thư rác bị chặn ngay khi kết nối (máy gửi nằm trong danh sách chặn thư rác) là ${num(dnsbl)} lượt.` : '.'),
  ];
}

/** Organisational changes of the period, for agencies at the top of their tree: at most `max`, then a count. */
function changesText(m: ReportModel, max = 8): string | null {
  const codes = new Set(m.rows.map((r) => r.code));
  const top = m.rows.filter((r) => r.note && !(r.parent && codes.has(r.parent)));
  const all = m.rows.filter((r) => r.note);
  if (all.length === 0) return null;
  const shown = top.slice(0, max).map((r) => `${r.name}: ${lowerFirst(r.note!)}`);
  const more = all.length - shown.length;
  return (
    `Thay đổi về tổ chức trong kỳ: ${shown.join('; ')}${more > 0 ? `${shown.length > 0 ? '; ' : ''}${num(more)} đơn vị trực thuộc có thay đổi khác (chi tiết tại tệp phụ lục XLSX)` : ''}. ` +
    'Số liệu của mỗi cơ quan được tính theo danh mục cơ quan tại từng thời điểm.'
  );
}

/** The ranking groups, each with its first three agencies, in the annexes' group order. */
function rankingLines(m: ReportModel): string[] {
  const groups = new Map<string, ReportModel['ranking']>();
  for (const r of m.ranking) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  return [...groups]
    .sort(([a], [b]) => compareGroups(a, b))
    .map(([g, rs]) => {
      const ranked = rs.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
      const best = ranked.slice(0, 3).map((r) => `${r.name} (hạng ${r.rank}, ${num(r.score!)} điểm)`);
      const tied = ranked.filter((r) => r.rank === 1).length;
      const lead = tied > 3 ? `${num(tied)} đơn vị cùng hạng nhất, trong đó có ${best.join('; ')}` : `dẫn đầu là ${best.join('; ')}`;
      return `Nhóm ${groupLabel(g)} (${num(rs.length)} cơ quan, đơn vị): ${best.length > 0 ? lead : 'chưa đủ số liệu để xếp hạng'}.`;
    });
}

/** The body of the report, from "Thực hiện …" to the end of "Kiến nghị, đề xuất". */
export function reportBody(m: ReportModel): Block[] {
  const t = m.totals;
  const p = m.period;
  const inc = m.incidentSummary;
  const cov = m.coverage;
  const state = m.evaluatedTo < p.to ? `đến ngày ${viDate(m.evaluatedTo)} (ngày có số liệu gần nhất)` : `đến ngày ${viDate(p.to)}`;
  const unobserved = cov.registryFrom
    ? `Kho dữ liệu chỉ có danh sách hộp thư từ ngày ${viDate(cov.registryFrom)}, nên chưa nêu được số hộp thư đang hoạt động, dung lượng và tình trạng mật khẩu, chuyển tiếp thư tại ngày ${viDate(m.evaluatedTo)}.`
    : 'Kho dữ liệu chưa có danh sách hộp thư.';
  const partial =
    cov.registry === 'partial'
      ? ` Kho dữ liệu có danh sách hộp thư từ ngày ${viDate(cov.registryFrom!)} nên số hộp thư thay đổi thông tin, tạm khóa, thu hồi chỉ tính từ ngày đó; số hộp thư cấp mới tính theo ngày tạo của hộp thư.`
      : '';
  const observed = m.registryObserved;
  const mail = hasMailLog(m);
  const noData = 'Chưa có số liệu';
  const reg = (x: number) => (observed ? num(x) : noData);
  const blocks: (Block | null)[] = [
    { kind: 'paragraph', text: `${opening(m)}, ${m.sender.agency} báo cáo tình hình hoạt động và sử dụng Hệ thống thư điện tử tỉnh ${p.label} (từ ngày ${viDate(p.from)} đến ngày ${viDate(p.to)}) như sau:` },
    { kind: 'heading', text: 'I. Tình hình cấp, thay đổi, thu hồi hộp thư' },
    {
      kind: 'paragraph',
      text: observed
        ? `Trong kỳ, đã cấp mới ${num(t.issued)} hộp thư, thay đổi thông tin ${num(t.changed)} hộp thư, tạm khóa ${num(t.locked)} hộp thư và thu hồi ${num(t.revoked)} hộp thư. Tính ${state}, hệ thống có ${num(t.activePersonal)} hộp thư cá nhân và ${num(t.activeAgency)} hộp thư cơ quan, đơn vị đang hoạt động; ${num(t.lockedNow)} hộp thư đang bị khóa (chi tiết tại ${annexRef(1)}).${partial}`
        : `${unobserved} Số hộp thư cấp mới trong kỳ theo ngày tạo của các hộp thư còn trong danh sách là ${num(t.issued)}.`,
    },
    changesText(m) ? { kind: 'paragraph', text: changesText(m)! } : null,
    { kind: 'heading', text: 'II. Tình hình sử dụng' },
    observed
      ? { kind: 'paragraph', text: `Có ${num(t.usedInPeriod)} trên ${num(t.activePersonal)} hộp thư cá nhân đang hoạt động có đăng nhập hoặc gửi thư trong kỳ (${pct(t.usedInPeriod, t.activePersonal)}). Tổng dung lượng đã sử dụng là ${num(t.usedMb)} MB.` }
      : null,
    ...mailUse(m).map((text): Block => ({ kind: 'paragraph', text })),
    inputGapsNote(m) ? { kind: 'paragraph', text: inputGapsNote(m)! } : null,
    { kind: 'heading', text: 'III. Công tác bảo đảm an toàn thông tin' },
    {
      kind: 'paragraph',
      text: `Trong kỳ xảy ra ${num(inc.total)} sự cố${inc.hours === null ? '; quy chế không quy định số giờ phải báo cáo nên không đánh giá thời hạn' : `, trong đó ${num(inc.withinDeadline)} sự cố được báo cáo trong vòng ${num(inc.hours)} giờ, ${num(inc.late)} sự cố báo cáo quá hạn${inc.notJudged > 0 ? `, ${num(inc.notJudged)} sự cố chưa đến hạn báo cáo` : ''}`}${inc.total > 0 ? ` (chi tiết tại ${annexRef(4)})` : ''}.`,
    },
    observed
      ? { kind: 'paragraph', text: `Tại ngày ${viDate(m.evaluatedTo)}: ${num(t.passwordDefault)} hộp thư chưa đổi mật khẩu mặc định, ${num(t.passwordStale)} hộp thư quá hạn đổi mật khẩu, ${num(t.forwardExternal)} hộp thư chuyển tiếp thư tự động ra ngoài hệ thống (chi tiết tại ${annexRef(3)}).` }
      : null,
    ...mailSecurity(m).map((text): Block => ({ kind: 'paragraph', text })),
    {
      kind: 'table',
      columns: ['Nội dung', 'Số liệu'],
      rows: [
        ['Hộp thư cấp mới', num(t.issued)],
        ['Hộp thư thay đổi thông tin', reg(t.changed)],
        ['Hộp thư tạm khóa', reg(t.locked)],
        ['Hộp thư thu hồi', reg(t.revoked)],
        ['Hộp thư cá nhân đang hoạt động', reg(t.activePersonal)],
        ['Hộp thư cơ quan, đơn vị đang hoạt động', reg(t.activeAgency)],
        ['Thư gửi đi', mail ? num(t.mailSent) : noData],
        ['Thư nhận', mail ? num(t.mailReceived) : noData],
        ['Hộp thư có gửi thư', mail ? num(t.mailActiveSenders) : noData],
        ['Lượt gửi thư bị máy chủ từ chối', mail ? num(m.mailLog!.server.rejected) : noData],
        ['Phiếu yêu cầu tiếp nhận', num(t.reqReceived)],
        ['Phiếu yêu cầu xử lý trễ hạn', num(t.reqLate)],
        ['Sự cố', num(inc.total)],
      ],
    },
    mail && rejectRows(m).length > 0 ? { kind: 'table', columns: ['Lý do máy chủ từ chối thư', 'Số lượt'], rows: rejectRows(m) } : null,
    { kind: 'heading', text: 'IV. Tiếp nhận, xử lý phiếu yêu cầu' },
    { kind: 'paragraph', text: `Tiếp nhận ${num(t.reqReceived)} phiếu yêu cầu; đã xử lý ${num(t.reqDone)} phiếu, trong đó ${num(t.reqOnTime)} phiếu đúng hạn; ${num(t.reqLate)} phiếu trễ hạn (kể cả phiếu chưa xử lý đã quá hạn); ${num(t.reqOpenNotDue)} phiếu chưa đến hạn; ${num(t.reqNoDeadline)} phiếu thuộc loại quy chế không quy định thời hạn (chi tiết tại ${annexRef(2)}).` },
    { kind: 'heading', text: 'V. Kết quả đánh giá, xếp hạng' },
    ...(rankingLines(m).some((l) => !l.endsWith('chưa đủ số liệu để xếp hạng.'))
      ? [...rankingLines(m), `Kết quả xếp hạng đầy đủ tại ${annexRef(5)}; điểm được chấm theo ${methodLabel(m.methodVersion)}.`]
      : ['Chưa có cơ quan, đơn vị nào đủ số liệu để xếp hạng trong kỳ.']
    ).map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'heading', text: 'VI. Kiến nghị, đề xuất' },
    { kind: 'markdown', markdown: m.recommendations },
  ];
  return blocks.filter((b): b is Block => b !== null);
}
