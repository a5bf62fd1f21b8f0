/**
 * The report to UBND as HTML (pure): the document in the format of Nghị định 30/2020/NĐ-CP Phụ lục I (Quốc hiệu and
 * tiêu ngữ, issuing agency, số/ký hiệu, place and date, title and trích yếu, body, nơi nhận and signature block)
 * followed by its annexes. Every figure in the text is a total of an annex table.
 */
import { viDate } from '../rules/period.ts';
import type { Annex } from './annexes.ts';
import type { Cell } from './csv.ts';
import { describeDaysLeft } from './due.ts';
import { escapeHtml as e, markdownToHtml } from './markdown.ts';
import type { ReportModel } from './model.ts';
import { REPORT_CSS } from './printCss.ts';

const num = (x: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(x);
const pct = (a: number, b: number) => (b === 0 ? '—' : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((100 * a) / b)}%`);

function dateLine(m: ReportModel): string {
  const [y, mo, d] = m.today.split('-');
  return `${m.province}, ngày ${d} tháng ${mo} năm ${y}`;
}

/** Trích yếu: "Về hoạt động … năm 2025" from the report title "Báo cáo năm về hoạt động …". */
function subject(m: ReportModel): string {
  const about = /\bvề\s+(.+)$/iu.exec(m.title);
  return about ? `Về ${about[1]} ${m.period.label}` : `${m.title} ${m.period.label}`;
}

/** "Điều 10 khoản 3" from "002 Điều 10 khoản 3 (dự thảo)": the seed file id is ours, not the document's. */
function basis(m: ReportModel): string {
  return m.report ? `quy định tại ${m.report.citation.replace(/^\S+\s+(?=Điều)/u, '')} của` : 'yêu cầu theo';
}

function header(m: ReportModel): string {
  return `<table class="the-thuc" role="presentation"><tr>
<td>${m.parentAgency ? `<div class="chu-quan">${e(m.parentAgency)}</div>` : ''}
<div class="co-quan">${e(m.issuer)}</div><span class="gach"></span>
<div class="so-ky-hieu">Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC-${e(m.issuerAbbr)}</div></td>
<td><div class="quoc-hieu">Cộng hòa xã hội chủ nghĩa Việt Nam</div>
<div class="tieu-ngu">Độc lập - Tự do - Hạnh phúc</div><span class="gach"></span>
<div class="dia-danh">${e(dateLine(m))}</div></td>
</tr></table>`;
}

function summaryTable(rows: [string, string][]): string {
  return `<table class="so-lieu"><thead><tr><th scope="col">Nội dung</th><th scope="col" class="so">Số liệu</th></tr></thead><tbody>${rows
    .map(([k, v]) => `<tr><td>${e(k)}</td><td class="so">${e(v)}</td></tr>`)
    .join('')}</tbody></table>`;
}

function body(m: ReportModel): string {
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
  return `<p>Thực hiện ${e(basis(m))} ${e(m.document)}, ${e(m.issuer)} báo cáo tình hình hoạt động và sử dụng Hệ thống thư điện tử tỉnh ${e(p.label)} (từ ngày ${viDate(p.from)} đến ngày ${viDate(p.to)}) như sau:</p>
<h2>I. Tình hình cấp, thay đổi, thu hồi hộp thư</h2>
<p>Trong kỳ, đã cấp mới ${num(t.issued)} hộp thư, thay đổi thông tin ${num(t.changed)} hộp thư, tạm khóa ${num(t.locked)} hộp thư và thu hồi ${num(t.revoked)} hộp thư. ${m.registryObserved ? `Tính ${e(state)}, hệ thống có ${num(t.activePersonal)} hộp thư cá nhân và ${num(t.activeAgency)} hộp thư cơ quan, đơn vị đang hoạt động; ${num(t.lockedNow)} hộp thư đang bị khóa` : e(unobserved)} (chi tiết tại Phụ lục 1).</p>
${changes.length > 0 ? `<p>Thay đổi về tổ chức trong kỳ: ${e(changes.join('; '))}. Số liệu của mỗi cơ quan được tính theo danh mục cơ quan tại từng thời điểm.</p>` : ''}
<h2>II. Tình hình sử dụng</h2>
<p>${m.registryObserved ? '' : `${e(unobserved)} `}Có ${num(t.usedInPeriod)} trên ${num(t.activePersonal)} hộp thư cá nhân đang hoạt động có đăng nhập trong kỳ (${pct(t.usedInPeriod, t.activePersonal)}). Tổng dung lượng đã sử dụng là ${num(t.usedMb)} MB.</p>
<p>Số liệu thư gửi, nhận (trong và ngoài hệ thống) và thư bị từ chối, thư rác: kho dữ liệu chưa có số liệu nhật ký thư tổng hợp cho kỳ này nên báo cáo chưa nêu.</p>
<h2>III. Công tác bảo đảm an toàn thông tin</h2>
<p>Trong kỳ xảy ra ${num(inc.total)} sự cố${inc.hours === null ? '; quy chế không quy định số giờ phải báo cáo nên không đánh giá thời hạn' : `, trong đó ${num(inc.withinDeadline)} sự cố được báo cáo trong vòng ${num(inc.hours)} giờ, ${num(inc.late)} sự cố báo cáo quá hạn${inc.notJudged > 0 ? `, ${num(inc.notJudged)} sự cố chưa đến hạn báo cáo` : ''}`} (chi tiết tại Phụ lục 4).</p>
<p>${m.registryObserved ? '' : `${e(unobserved)} `}Tại ngày ${viDate(m.evaluatedTo)}: ${num(t.passwordDefault)} hộp thư chưa đổi mật khẩu mặc định, ${num(t.passwordStale)} hộp thư quá hạn đổi mật khẩu, ${num(t.forwardExternal)} hộp thư chuyển tiếp thư tự động ra ngoài hệ thống (chi tiết tại Phụ lục 3).</p>
${summaryTable([
  ['Hộp thư cấp mới', num(t.issued)],
  ['Hộp thư thay đổi thông tin', num(t.changed)],
  ['Hộp thư tạm khóa', num(t.locked)],
  ['Hộp thư thu hồi', num(t.revoked)],
  ['Hộp thư cá nhân đang hoạt động', num(t.activePersonal)],
  ['Hộp thư cơ quan, đơn vị đang hoạt động', num(t.activeAgency)],
  ['Phiếu yêu cầu tiếp nhận', num(t.reqReceived)],
  ['Phiếu yêu cầu xử lý trễ hạn', num(t.reqLate)],
  ['Sự cố', num(inc.total)],
])}
<h2>IV. Tiếp nhận, xử lý phiếu yêu cầu</h2>
<p>Tiếp nhận ${num(t.reqReceived)} phiếu yêu cầu; đã xử lý ${num(t.reqDone)} phiếu, trong đó ${num(t.reqOnTime)} phiếu đúng hạn; ${num(t.reqLate)} phiếu trễ hạn (kể cả phiếu chưa xử lý đã quá hạn); ${num(t.reqOpenNotDue)} phiếu chưa đến hạn; ${num(t.reqNoDeadline)} phiếu thuộc loại quy chế không quy định thời hạn (chi tiết tại Phụ lục 2).</p>
<h2>V. Kết quả đánh giá, xếp hạng</h2>
${top.length > 0 ? top.map((s) => `<p>${e(s)}</p>`).join('\n') : '<p>Chưa có cơ quan nào đủ số liệu để xếp hạng trong kỳ.</p>'}
<p>Kết quả đầy đủ tại Phụ lục 5 (phương pháp ${e(m.methodVersion)}).</p>
<h2>VI. Kiến nghị, đề xuất</h2>
${markdownToHtml(m.recommendations)}`;
}

function signature(m: ReportModel): string {
  return `<table class="ky" role="presentation"><tr>
<td class="noi-nhan"><strong>Nơi nhận:</strong><ul><li>- ${e(m.recipient)};</li><li>- Lưu: VT.</li></ul></td>
<td><div class="chuc-vu">Thủ trưởng cơ quan</div></td></tr></table>`;
}

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? num(v) : e(v);
}

function annexHtml(m: ReportModel, a: Annex): string {
  const numeric = a.table.columns.map((c) => c.numFmt !== undefined);
  const rows = a.table.rows
    .map((r, i) => {
      const total = r[2] === 'Tổng cộng' && i === a.table.rows.length - 1;
      return `<tr${total ? ' class="tong"' : ''}>${a.table.columns.map((_, j) => `<td${numeric[j] ? ' class="so"' : ''}>${cell(r[j])}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<section class="phu-luc" aria-labelledby="${a.slug}">
<h2 id="${a.slug}">${e(a.title)}</h2>
<p class="kem-theo">(Kèm theo Báo cáo ${e(m.period.label)} của ${e(m.issuer)})</p>
${a.table.rows.length === 0 ? '<p>Không có số liệu trong kỳ.</p>' : `<table><thead><tr>${a.table.columns.map((c) => `<th scope="col">${e(c.header)}</th>`).join('')}</tr></thead><tbody>
${rows}</tbody></table>`}
</section>`;
}

/** The document and its annexes as an HTML fragment (a `.bao-cao` element), ready to embed in a page. */
export function renderReportFragment(m: ReportModel, annexes: readonly Annex[]): string {
  return `<article class="bao-cao" lang="vi">
<div class="to-giay">${header(m)}
<h1>BÁO CÁO</h1>
<p class="trich-yeu">${e(subject(m))}</p>
${body(m)}
${signature(m)}
</div>
<div class="to-giay ngang">${annexes.map((a) => annexHtml(m, a)).join('\n')}</div>
</article>`;
}

/** The due dates of the reports covering the period, as Vietnamese lines ("Hạn … còn N ngày"). */
export function dueLines(m: ReportModel): string[] {
  return m.dues.map((d) =>
    d.due === null
      ? `${d.title}: quy chế không quy định hạn cho kỳ này (${d.citation})`
      : `${d.title} (${d.from} gửi ${d.to}): trước ngày ${viDate(d.due)}, ${describeDaysLeft(d.daysLeft!)} (${d.citation})`,
  );
}

/** A complete, self-contained HTML page of the report (the print view); `fontCss` holds the embedded @font-face rules. */
export function renderReportHtml(m: ReportModel, annexes: readonly Annex[], fontCss: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${e(m.title)} — ${e(m.period.label)}</title>
<style>${fontCss}
body { margin: 0; background: #e8e8e8; }
@media print { body { background: #fff; } }
.bao-cao .to-giay.ngang { max-width: 297mm; }
${REPORT_CSS}</style></head>
<body><main>${renderReportFragment(m, annexes)}</main></body></html>
`;
}
