/**
 * Print and screen style of the report document in the administrative format of Nghị định 30/2020/NĐ-CP (Phụ lục I):
 * A4 portrait, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman 13–14 pt with the
 * metric-compatible Liberation Serif / Tinos as fallback; page numbers centred at the top from page 2 on. Annexes are
 * printed on A4 landscape pages so their wide tables are never clipped. Pure data (a CSS string).
 */
export const REPORT_FONT_STACK = `'Times New Roman', 'Liberation Serif', Tinos, serif`;

/**
 * Page margins in mm, for the print view and the Word document alike. The report's pages: NĐ 30/2020/NĐ-CP Phụ lục I
 * (top/bottom 20–25, left 30–35, right 15–20), the smallest of each range. Annex pages (A4 landscape): 20 mm, 15 mm
 * at the bottom, so wide tables fit.
 */
export const PAGE_MARGINS_MM = {
  report: { top: 20, right: 15, bottom: 20, left: 30 },
  annex: { top: 20, right: 20, bottom: 15, left: 20 },
} as const;

const cssMargin = (m: { top: number; right: number; bottom: number; left: number }) => `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;

/** The report's CSS; every selector is scoped under `.bao-cao` so it can sit inside the site's pages. */
export const REPORT_CSS = `
@page { size: A4 portrait; margin: ${cssMargin(PAGE_MARGINS_MM.report)};
  @top-center { content: counter(page); font-family: ${REPORT_FONT_STACK}; font-size: 13pt; } }
@page :first { @top-center { content: none; } }
@page phu-luc { size: A4 landscape; margin: ${cssMargin(PAGE_MARGINS_MM.annex)}; }
.bao-cao { font-family: ${REPORT_FONT_STACK}; font-size: 13pt; line-height: 1.35; color: #000; background: #fff; }
.bao-cao .trang { max-width: 165mm; margin: 0 auto; }
.bao-cao table { border-collapse: collapse; }
.bao-cao .the-thuc { width: 100%; table-layout: fixed; margin-bottom: 6mm; }
.bao-cao .the-thuc td { vertical-align: top; text-align: center; padding: 0; border: 0; }
.bao-cao .the-thuc td:first-child { width: 42%; }
.bao-cao .chu-quan { text-transform: uppercase; font-size: 12.5pt; }
.bao-cao .co-quan { text-transform: uppercase; font-weight: bold; font-size: 12.5pt; }
.bao-cao .quoc-hieu { text-transform: uppercase; font-weight: bold; font-size: 12pt; white-space: nowrap; }
.bao-cao .tieu-ngu { font-weight: bold; font-size: 13.5pt; }
.bao-cao .gach { display: block; width: 35%; margin: 1mm auto 3mm; border-top: 1px solid #000; }
.bao-cao .tieu-ngu + .gach { width: 62%; }
.bao-cao .so-ky-hieu { font-size: 13pt; }
.bao-cao .dia-danh { font-style: italic; font-size: 13.5pt; }
.bao-cao h1 { text-align: center; font-size: 14pt; font-weight: bold; margin: 4mm 0 0; }
.bao-cao .trich-yeu { text-align: center; font-weight: bold; font-size: 14pt; margin: 0 0 6mm; }
.bao-cao h2 { font-size: 13pt; font-weight: bold; margin: 5mm 0 2mm; text-transform: uppercase; break-after: avoid; }
.bao-cao h3 { font-size: 13pt; font-weight: bold; margin: 3mm 0 1mm; break-after: avoid; }
.bao-cao p, .bao-cao li { text-align: justify; margin: 0 0 2mm; }
.bao-cao p { text-indent: 10mm; }
.bao-cao .so-lieu { width: 100%; font-size: 12pt; margin: 2mm 0 4mm; break-inside: avoid; }
.bao-cao .so-lieu th, .bao-cao .so-lieu td { border: 1px solid #000; padding: 1mm 2mm; vertical-align: top; }
.bao-cao .so, .bao-cao td.so, .bao-cao th.so { text-align: right; white-space: nowrap; }
.bao-cao .ky { width: 100%; table-layout: fixed; margin-top: 8mm; break-inside: avoid; }
.bao-cao .ky td { vertical-align: top; border: 0; padding: 0; }
.bao-cao .noi-nhan { font-size: 11pt; }
.bao-cao .noi-nhan strong { font-style: italic; font-size: 12pt; }
.bao-cao .noi-nhan ul { list-style: none; padding: 0; margin: 0; }
.bao-cao .noi-nhan li { margin: 0; text-align: left; }
.bao-cao .chuc-vu { text-align: center; font-weight: bold; text-transform: uppercase; }
.bao-cao .phu-luc { page: phu-luc; break-before: page; max-width: 257mm; margin: 8mm auto 0; }
.bao-cao .phu-luc h2 { text-align: center; text-transform: none; font-size: 13pt; }
.bao-cao .phu-luc p.kem-theo { text-align: center; font-style: italic; text-indent: 0; font-size: 12pt; }
.bao-cao .phu-luc table { width: calc(100% - 2px); font-size: 10pt; line-height: 1.2; table-layout: auto; }
.bao-cao .phu-luc th, .bao-cao .phu-luc td { border: 1px solid #000; padding: 0.6mm 1mm; vertical-align: top; }
.bao-cao .phu-luc th { font-weight: bold; text-align: center; }
.bao-cao .phu-luc td:nth-child(-n+2), .bao-cao .phu-luc th:first-child { white-space: nowrap; }
.bao-cao .phu-luc tr { break-inside: avoid; }
.bao-cao .phu-luc thead { display: table-header-group; }
.bao-cao tr.tong td { font-weight: bold; }
.bao-cao .phu-luc p.ghi-chu { font-size: 11pt; font-style: italic; text-indent: 0; margin-top: 2mm; }
@media screen {
  .bao-cao .to-giay { background: #fff; box-shadow: 0 0 4px rgba(0,0,0,.3); padding: 20mm 15mm 20mm 30mm; margin: 0 auto 8mm; max-width: 210mm; box-sizing: border-box; overflow-x: auto; }
}
@media print {
  .bao-cao .to-giay { padding: 0; margin: 0; box-shadow: none; }
}
`;
