/**
 * The text of the report to UBND as blocks (pure): headings, paragraphs, summary tables and the "Kiến nghị, đề xuất"
 * markdown, in plain (unescaped) text. The HTML print view (`html.ts`) and the Word document (`docx.ts`) both render
 * these blocks, so the two say the same thing with the same figures, all of them totals of annex tables.
 */
import { viDate } from '../rules/period.ts';
import { formatNumber, formatPercent } from '../site/format.ts';
import type { RejectClass } from './figures.ts';
import type { ReportModel } from './model.ts';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; columns: [string, string]; rows: [string, string][] }
  | { kind: 'markdown'; markdown: string };

/** `1.234,5` (site/format.ts: one cached Intl.NumberFormat, "—" for no value). */
export const num = (x: number) => formatNumber(x);
const pct = (a: number, b: number) => formatPercent(b === 0 ? null : a / b);

/** "Sóc Trăng, ngày 05 tháng 01 năm 2026". */
export function dateLine(m: ReportModel): string {
  const [y, mo, d] = m.today.split('-');
  return `${m.province}, ngày ${d} tháng ${mo} năm ${y}`;
}

/** Trích yếu: "Về hoạt động … năm 2025" from the report title "Báo cáo năm về hoạt động …". */
export function subject(m: ReportModel): string {
  const about = /\bvề\s+(.+)$/iu.exec(m.title);
  return about ? `Về ${about[1]} ${m.period.label}` : `${m.title} ${m.period.label}`;
}

/** "Điều 10 khoản 3" from "002 Điều 10 khoản 3 (dự thảo)": the seed file id is ours, not the document's. */
function basis(m: ReportModel): string {
  return m.report ? `quy định tại ${m.report.citation.replace(/^\S+\s+(?=Điều)/u, '')} của` : 'yêu cầu theo';
}

/** "Số:      /BC-STTTT" (số left blank for the văn thư, NĐ 30/2020 Phụ lục I). */
export function numberLine(m: ReportModel): string {
  return `Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-${m.issuerAbbr}`;
}

/** Vietnamese names of the reject reason classes (mailRejectClasses.sql). */
export const REJECT_CLASS_LABELS: Record<RejectClass, string> = {
  dnsbl: 'Máy gửi nằm trong danh sách chặn thư rác (DNSBL)',
  postscreen: 'Bị chặn ở bước sàng lọc kết nối (postscreen)',
  content: 'Tiêu đề, nội dung thư vi phạm bộ lọc',
  helo: 'Tên máy gửi (HELO) không hợp lệ',
  relay: 'Chuyển tiếp thư trái phép (relay)',
  recipient: 'Địa chỉ người nhận không tồn tại hoặc bị từ chối',
  sender: 'Địa chỉ người gửi bị từ chối',
  client: 'Máy gửi bị từ chối',
  server: 'Máy chủ tạm thời không nhận (quá tải, thiếu dung lượng)',
  other: 'Lý do khác',
};

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

function mailUse(m: ReportModel): string[] {
  if (!hasMailLog(m)) return [mailCoverage(m)];
  const t = m.totals;
  const s = m.mailLog!.server;
  return [
    mailCoverage(m),
    `Các hộp thư của tỉnh đã gửi ${num(t.mailSent)} thư (${num(t.mailSentMb)} MB), gồm ${num(t.mailSentRcptInternal)} lượt gửi tới địa chỉ trong tỉnh ` +
      `và ${num(t.mailSentRcptExternal)} lượt gửi ra ngoài tỉnh; đã nhận ${num(t.mailReceived)} thư (${num(t.mailReceivedMb)} MB), trong đó ` +
      `${num(t.mailReceivedInternal)} thư từ địa chỉ trong tỉnh và ${num(t.mailReceivedExternal)} thư từ ngoài tỉnh. Có ${num(t.mailActiveSenders)} hộp thư ` +
      'có gửi thư trong kỳ (chi tiết tại Phụ lục 6).',
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
        : ` Phân loại theo lý do ${classified < s.rejected ? `(được ${num(classified)}/${num(s.rejected)} lượt; nhật ký chi tiết của các ngày còn lại đã quá thời hạn lưu giữ)` : ''}` +
          `: ${classes.map((c) => `${lowerFirst(REJECT_CLASS_LABELS[c.cls])} ${num(c.n)}`).join('; ')}.`;
  return [
    `Máy chủ thư đã từ chối ${num(s.rejected)} lượt gửi thư không hợp lệ ngay khi kết nối${others.length > 0 ? `; ngoài ra có ${others.join(', ')}` : ''}, ` +
      `trong đó ${num(m.totals.mailRejectedInbound)} lượt là thư gửi tới hộp thư của các cơ quan, đơn vị (chi tiết tại Phụ lục 3).${breakdown}`,
    'Nhật ký thư không ghi kết quả của bộ lọc thư rác, mã độc (amavis) nên báo cáo chưa nêu được số thư rác bị lọc sau khi tiếp nhận' +
      (dnsbl > 0 ? `; số thư rác bị chặn ngay khi kết nối (máy gửi nằm trong danh sách chặn thư rác) là ${num(dnsbl)} lượt.` : '.'),
  ];
}

/** The body of the report, from "Thực hiện …" to the end of "Kiến nghị, đề xuất". */
export function reportBody(m: ReportModel): Block[] {
  const t = m.totals;
  const p = m.period;
  const inc = m.incidentSummary;
  const changes = m.rows.filter((r) => r.note).map((r) => `${r.name}: ${r.note}`);
  const state = m.evaluatedTo < p.to ? `đến ngày ${viDate(m.evaluatedTo)} (ngày có số liệu gần nhất)` : `đến ngày ${viDate(p.to)}`;
  const unobserved = m.data
    ? `Kho dữ liệu chỉ có danh sách hộp thư từ ngày ${viDate(m.data.from)}, nên chưa nêu được số hộp thư đang hoạt động, dung lượng và tình trạng mật khẩu, chuyển tiếp thư tại ngày ${viDate(m.evaluatedTo)}.`
    : 'Kho dữ liệu chưa có danh sách hộp thư.';
  const groups = new Map<string, ReportModel['ranking']>();
  for (const r of m.ranking) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const top = [...groups].map(([g, rs]) => {
    const ranked = rs.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const best = ranked.slice(0, 3).map((r) => `${r.name} (hạng ${r.rank}, ${num(r.score!)} điểm)`);
    const tied = ranked.filter((r) => r.rank === 1).length;
    const lead = tied > 3 ? `${num(tied)} cơ quan cùng hạng nhất, trong đó có ${best.join('; ')}` : `dẫn đầu là ${best.join('; ')}`;
    return `Nhóm ${g} (${rs.length} cơ quan): ${best.length > 0 ? lead : 'chưa đủ số liệu để xếp hạng'}.`;
  });
  const mail = hasMailLog(m);
  const noMail = 'Chưa có số liệu';
  const blocks: (Block | null)[] = [
    { kind: 'paragraph', text: `Thực hiện ${basis(m)} ${m.document}, ${m.issuer} báo cáo tình hình hoạt động và sử dụng Hệ thống thư điện tử tỉnh ${p.label} (từ ngày ${viDate(p.from)} đến ngày ${viDate(p.to)}) như sau:` },
    { kind: 'heading', text: 'I. Tình hình cấp, thay đổi, thu hồi hộp thư' },
    {
      kind: 'paragraph',
      text: `Trong kỳ, đã cấp mới ${num(t.issued)} hộp thư, thay đổi thông tin ${num(t.changed)} hộp thư, tạm khóa ${num(t.locked)} hộp thư và thu hồi ${num(t.revoked)} hộp thư. ${m.registryObserved ? `Tính ${state}, hệ thống có ${num(t.activePersonal)} hộp thư cá nhân và ${num(t.activeAgency)} hộp thư cơ quan, đơn vị đang hoạt động; ${num(t.lockedNow)} hộp thư đang bị khóa` : unobserved} (chi tiết tại Phụ lục 1).`,
    },
    changes.length > 0 ? { kind: 'paragraph', text: `Thay đổi về tổ chức trong kỳ: ${changes.join('; ')}. Số liệu của mỗi cơ quan được tính theo danh mục cơ quan tại từng thời điểm.` } : null,
    { kind: 'heading', text: 'II. Tình hình sử dụng' },
    { kind: 'paragraph', text: `${m.registryObserved ? '' : `${unobserved} `}Có ${num(t.usedInPeriod)} trên ${num(t.activePersonal)} hộp thư cá nhân đang hoạt động có đăng nhập trong kỳ (${pct(t.usedInPeriod, t.activePersonal)}). Tổng dung lượng đã sử dụng là ${num(t.usedMb)} MB.` },
    ...mailUse(m).map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'heading', text: 'III. Công tác bảo đảm an toàn thông tin' },
    {
      kind: 'paragraph',
      text: `Trong kỳ xảy ra ${num(inc.total)} sự cố${inc.hours === null ? '; quy chế không quy định số giờ phải báo cáo nên không đánh giá thời hạn' : `, trong đó ${num(inc.withinDeadline)} sự cố được báo cáo trong vòng ${num(inc.hours)} giờ, ${num(inc.late)} sự cố báo cáo quá hạn${inc.notJudged > 0 ? `, ${num(inc.notJudged)} sự cố chưa đến hạn báo cáo` : ''}`} (chi tiết tại Phụ lục 4).`,
    },
    { kind: 'paragraph', text: `${m.registryObserved ? '' : `${unobserved} `}Tại ngày ${viDate(m.evaluatedTo)}: ${num(t.passwordDefault)} hộp thư chưa đổi mật khẩu mặc định, ${num(t.passwordStale)} hộp thư quá hạn đổi mật khẩu, ${num(t.forwardExternal)} hộp thư chuyển tiếp thư tự động ra ngoài hệ thống (chi tiết tại Phụ lục 3).` },
    ...mailSecurity(m).map((text): Block => ({ kind: 'paragraph', text })),
    {
      kind: 'table',
      columns: ['Nội dung', 'Số liệu'],
      rows: [
        ['Hộp thư cấp mới', num(t.issued)],
        ['Hộp thư thay đổi thông tin', num(t.changed)],
        ['Hộp thư tạm khóa', num(t.locked)],
        ['Hộp thư thu hồi', num(t.revoked)],
        ['Hộp thư cá nhân đang hoạt động', num(t.activePersonal)],
        ['Hộp thư cơ quan, đơn vị đang hoạt động', num(t.activeAgency)],
        ['Thư gửi đi', mail ? num(t.mailSent) : noMail],
        ['Thư nhận', mail ? num(t.mailReceived) : noMail],
        ['Hộp thư có gửi thư', mail ? num(t.mailActiveSenders) : noMail],
        ['Lượt gửi thư bị máy chủ từ chối', mail ? num(m.mailLog!.server.rejected) : noMail],
        ['Phiếu yêu cầu tiếp nhận', num(t.reqReceived)],
        ['Phiếu yêu cầu xử lý trễ hạn', num(t.reqLate)],
        ['Sự cố', num(inc.total)],
      ],
    },
    mail && rejectRows(m).length > 0 ? { kind: 'table', columns: ['Lý do máy chủ từ chối thư', 'Số lượt'], rows: rejectRows(m) } : null,
    { kind: 'heading', text: 'IV. Tiếp nhận, xử lý phiếu yêu cầu' },
    { kind: 'paragraph', text: `Tiếp nhận ${num(t.reqReceived)} phiếu yêu cầu; đã xử lý ${num(t.reqDone)} phiếu, trong đó ${num(t.reqOnTime)} phiếu đúng hạn; ${num(t.reqLate)} phiếu trễ hạn (kể cả phiếu chưa xử lý đã quá hạn); ${num(t.reqOpenNotDue)} phiếu chưa đến hạn; ${num(t.reqNoDeadline)} phiếu thuộc loại quy chế không quy định thời hạn (chi tiết tại Phụ lục 2).` },
    { kind: 'heading', text: 'V. Kết quả đánh giá, xếp hạng' },
    ...(top.length > 0 ? top : ['Chưa có cơ quan nào đủ số liệu để xếp hạng trong kỳ.']).map((text): Block => ({ kind: 'paragraph', text })),
    { kind: 'paragraph', text: `Kết quả đầy đủ tại Phụ lục 5 (phương pháp ${m.methodVersion}).` },
    { kind: 'heading', text: 'VI. Kiến nghị, đề xuất' },
    { kind: 'markdown', markdown: m.recommendations },
  ];
  return blocks.filter((b): b is Block => b !== null);
}
