/**
 * The report to UBND as HTML (pure): the document in the format of Nghị định 30/2020/NĐ-CP Phụ lục I (Quốc hiệu and
 * tiêu ngữ, issuing agency, số/ký hiệu, place and date, title and trích yếu, body, nơi nhận and signature block)
 * followed by its annexes. Every figure in the text is a total of an annex table.
 */
import { viDate } from '../rules/period.ts';
import type { Annex } from './annexes.ts';
import type { Cell } from './csv.ts';
import { dateLine, num, numberLine, reportBody, subject, type Block } from './document.ts';
import { describeDaysLeft } from './due.ts';
import { escapeHtml as e, markdownToHtml } from './markdown.ts';
import type { ReportModel } from './model.ts';
import { REPORT_CSS } from './printCss.ts';

function header(m: ReportModel): string {
  return `<table class="the-thuc" role="presentation"><tr>
<td>${m.parentAgency ? `<div class="chu-quan">${e(m.parentAgency)}</div>` : ''}
<div class="co-quan">${e(m.issuer)}</div><span class="gach"></span>
<div class="so-ky-hieu">${e(numberLine(m)).replace(/\u00a0/g, '&nbsp;')}</div></td>
<td><div class="quoc-hieu">Cộng hòa xã hội chủ nghĩa Việt Nam</div>
<div class="tieu-ngu">Độc lập - Tự do - Hạnh phúc</div><span class="gach"></span>
<div class="dia-danh">${e(dateLine(m))}</div></td>
</tr></table>`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h2>${e(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${e(b.text)}</p>`;
    case 'table':
      return `<table class="so-lieu"><thead><tr><th scope="col">${e(b.columns[0])}</th><th scope="col" class="so">${e(b.columns[1])}</th></tr></thead><tbody>${b.rows
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
${rows}</tbody></table>`}${a.note ? `\n<p class="ghi-chu">${e(a.note)}</p>` : ''}
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
