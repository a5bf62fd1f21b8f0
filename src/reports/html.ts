/**
 * The report to UBND as HTML (pure): the document in the format of Nghị định 30/2020/NĐ-CP Phụ lục I (Quốc hiệu and
 * tiêu ngữ, issuing agency, số/ký hiệu beside place and date, title and trích yếu, body, nơi nhận and signature
 * block) followed by its annexes, each starting a landscape page with its own title. The same blocks, header layout
 * (`headerBlock.ts`) and annex tables (`printTable.ts`) as the Word document, so both print alike. Every figure in
 * the text is a total of an annex table.
 */
import { viDate } from '../rules/period.ts';
import { citeDocument } from '../text/labels.ts';
import type { Annex } from './annexes.ts';
import { dateLine, numberLine, reportBody, subject, type Block } from './document.ts';
import { describeDaysLeft } from './due.ts';
import { annexIntro, HEADER, SIGNATURE_PLACEHOLDER } from './headerBlock.ts';
import { escapeHtml as e, markdownToHtml } from './markdown.ts';
import type { ReportModel } from './model.ts';
import { PAGE_MARGINS_MM, REPORT_CSS } from './printCss.ts';
import { ANNEX_TABLE_PT, columnWidthsMm, printCell, type PrintTable } from './printTable.ts';
import { balancedLines, textWidthMm } from './textWidth.ts';

const REPORT_WIDTH_MM = 210 - PAGE_MARGINS_MM.report.left - PAGE_MARGINS_MM.report.right;
const ANNEX_WIDTH_MM = 297 - PAGE_MARGINS_MM.annex.left - PAGE_MARGINS_MM.annex.right;
const mmCss = (x: number) => `${x.toFixed(1)}mm`;
const lines = (ls: string[]) => ls.map(e).join('<br />');

function header(m: ReportModel): string {
  const left = REPORT_WIDTH_MM * HEADER.leftShare;
  const agency = balancedLines(m.sender.agency.toLocaleUpperCase('vi'), left - 2, HEADER.agencyPt, true);
  const parent = m.sender.parent ? balancedLines(m.sender.parent.toLocaleUpperCase('vi'), left - 2, HEADER.parentPt, false) : [];
  const agencyRule = Math.max(...agency.map((l) => textWidthMm(l, HEADER.agencyPt, true))) * HEADER.agencyRuleShare;
  const mottoRule = textWidthMm(HEADER.motto, HEADER.mottoPt, true);
  return `<table class="the-thuc" role="presentation"><colgroup><col style="width:${mmCss(left)}" /><col /></colgroup>
<tr><td>${parent.length > 0 ? `<div class="chu-quan">${lines(parent)}</div>` : ''}
<div class="co-quan">${lines(agency)}</div><span class="gach" style="width:${mmCss(agencyRule)}"></span></td>
<td><div class="quoc-hieu">${e(HEADER.nation)}</div>
<div class="tieu-ngu">${e(HEADER.motto)}</div><span class="gach" style="width:${mmCss(mottoRule)}"></span></td></tr>
<tr><td class="so-ky-hieu">${e(numberLine(m)).replace(/\u00a0/g, '&nbsp;')}</td><td class="dia-danh">${e(dateLine(m))}</td></tr>
</table>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h2>${e(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${e(b.text)}</p>`;
    case 'table':
      return `<table class="so-lieu"><colgroup><col /><col style="width:25%" /></colgroup><thead><tr><th scope="col">${e(b.columns[0])}</th><th scope="col" class="so">${e(b.columns[1])}</th></tr></thead><tbody>${b.rows
        .map(([k, v]) => `<tr><td>${e(k)}</td><td class="so">${e(v)}</td></tr>`)
        .join('')}</tbody></table>`;
    case 'markdown':
      return markdownToHtml(b.markdown);
  }
}

function body(m: ReportModel): string {
  return reportBody(m).map(blockHtml).join('\n');
}

function signature(m: ReportModel): string {
  return `<table class="ky" role="presentation"><colgroup><col style="width:45%" /><col /></colgroup><tr>
<td class="noi-nhan"><strong>Nơi nhận:</strong><ul><li>- ${e(m.recipient)};</li><li>- Lưu: VT.</li></ul></td>
<td class="nguoi-ky">${m.sender.authority.map((a) => `<div class="chuc-vu">${e(a)}</div>`).join('')}
<div class="ho-ten${m.sender.signerName ? '' : ' de-trong'}" style="margin-top:${HEADER.signatureSpaceMm}mm">${e(m.sender.signerName ?? SIGNATURE_PLACEHOLDER)}</div></td></tr></table>`;
}

/** An annex table: the same column widths as the Word document (fitted to the content), header repeated. */
export function printTableHtml(t: PrintTable, caption: string): string {
  const widths = columnWidthsMm(t, ANNEX_WIDTH_MM, ANNEX_TABLE_PT);
  const numeric = t.columns.map((c) => c.decimals !== undefined);
  const rows = t.rows
    .map((r) => {
      if (r.kind === 'rest') return `<tr class="con-lai"><td></td><td colspan="${t.columns.length - 1}">${e(String(r.cells[1] ?? ''))}</td></tr>`;
      const cls = r.kind === 'group' ? ' class="nhom"' : r.kind === 'total' ? ' class="tong"' : '';
      return `<tr${cls}>${t.columns.map((c, j) => `<td${numeric[j] ? ' class="so"' : j === 0 ? ' class="stt"' : ''}>${e(printCell(r.cells[j], c))}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<table class="bang" style="width:${mmCss(widths.reduce((a, b) => a + b, 0))}"><caption class="an">${e(caption)}</caption><colgroup>${widths
    .map((w) => `<col style="width:${mmCss(w)}" />`)
    .join('')}</colgroup>
<thead><tr>${t.columns.map((c) => `<th scope="col">${e(c.header)}</th>`).join('')}</tr></thead><tbody>
${rows}</tbody></table>`;
}

function annexHtml(m: ReportModel, a: Annex): string {
  const intro = annexIntro(m, a);
  const name = intro.name.toLocaleUpperCase('vi');
  return `<section class="phu-luc" aria-labelledby="${a.slug}">
<h2 id="${a.slug}"><span class="so-phu-luc">${e(intro.number)}</span><span class="ten-phu-luc">${e(name)}</span></h2>
<p class="kem-theo">${e(intro.attached).replace(/\u00a0/g, '&nbsp;')}</p><span class="gach" style="width:${mmCss(Math.min(60, textWidthMm(name, 13, true) * 0.4))}"></span>
${a.print.empty !== null ? `<p class="khong-co">${e(a.print.empty)}</p>` : printTableHtml(a.print, a.title)}${a.note ? `\n<p class="ghi-chu">Ghi chú: ${e(a.note)}</p>` : ''}
</section>`;
}

/** The document and its annexes as an HTML fragment (a `.bao-cao` element), ready to embed in a page. */
export function renderReportFragment(m: ReportModel, annexes: readonly Annex[]): string {
  const about = subject(m);
  const rule = Math.min(60, textWidthMm(about, 14, true) / 3);
  return `<article class="bao-cao" lang="vi">
<div class="to-giay">${header(m)}
<h1>BÁO CÁO</h1>
<p class="trich-yeu">${lines(balancedLines(about, REPORT_WIDTH_MM - 20, 14, true))}</p><span class="gach gach-trich-yeu" style="width:${mmCss(rule)}"></span>
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
      ? `${d.title}: quy chế không quy định hạn cho kỳ này (${citeDocument(d.cite)})`
      : `${d.title} (${d.from} gửi ${d.to}): trước ngày ${viDate(d.due)}, ${describeDaysLeft(d.daysLeft!)} (${citeDocument(d.cite)})`,
  );
}

/** A complete, self-contained HTML page of the report (the print view); `fontCss` holds the embedded @font-face rules. */
export function renderReportHtml(m: ReportModel, annexes: readonly Annex[], fontCss: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${e(m.title)} — ${e(m.period.label)}</title>
<meta name="author" content="${e(m.sender.agency)}" />
<style>${fontCss}
body { margin: 0; background: #e8e8e8; }
@media print { body { background: #fff; } }
.bao-cao .to-giay.ngang { max-width: 297mm; }
${REPORT_CSS}</style></head>
<body><main>${renderReportFragment(m, annexes)}</main></body></html>
`;
}
