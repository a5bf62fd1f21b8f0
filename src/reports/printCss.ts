/**
 * Print and screen style of the report document in the administrative format of Nghị định 30/2020/NĐ-CP (Phụ lục I):
 * A4 portrait, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman 13–14 pt with the
 * metric-compatible Liberation Serif / Tinos as fallback; page numbers centred at the top from page 2 on. Annexes are
 * printed on A4 landscape pages with the same margins, each starting a new page. Pure data (a CSS string).
 */
export const REPORT_FONT_STACK = `'Times New Roman', 'Liberation Serif', Tinos, serif`;

/**
 * Page margins in mm, for the print view and the Word document alike: NĐ 30/2020/NĐ-CP Phụ lục I (top/bottom 20–25,
 * left 30–35, right 15–20), the smallest of each range, on the report's pages and on the annexes' landscape pages.
 */
export const PAGE_MARGINS_MM = {
  report: { top: 20, right: 15, bottom: 20, left: 30 },
  annex: { top: 20, right: 15, bottom: 20, left: 30 },
} as const;

const cssMargin = (m: { top: number; right: number; bottom: number; left: number }) => `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;

/** The report's CSS; every selector is scoped under `.bao-cao` so it can sit inside the site's pages. */
export const REPORT_CSS = `
@page { size: A4 portrait; margin: ${cssMargin(PAGE_MARGINS_MM.report)};
  @top-center { content: counter(page); font-family: ${REPORT_FONT_STACK}; font-size: 13pt; } }
@page :first { @top-center { content: none; } }
@page phu-luc { size: A4 landscape; margin: ${cssMargin(PAGE_MARGINS_MM.annex)}; }
.bao-cao { font-family: ${REPORT_FONT_STACK}; font-size: 13pt; line-height: 1.3; color: #000; background: #fff; }
.bao-cao table { border-collapse: collapse; }
.bao-cao .the-thuc { width: 100%; table-layout: fixed; margin-bottom: 8mm; }
.bao-cao .the-thuc td { vertical-align: top; text-align: center; padding: 0; border: 0; }
.bao-cao .chu-quan { font-size: 13pt; }
.bao-cao .co-quan { font-weight: bold; font-size: 13pt; }
.bao-cao .quoc-hieu { font-weight: bold; font-size: 12pt; white-space: nowrap; }
.bao-cao .tieu-ngu { font-weight: bold; font-size: 13pt; white-space: nowrap; }
.bao-cao .gach { display: block; margin: 0.5mm auto 1mm; border-top: 1px solid #000; height: 0; }
.bao-cao .the-thuc td.so-ky-hieu, .bao-cao .the-thuc td.dia-danh { padding-top: 1.5mm; font-size: 13pt; white-space: nowrap; }
.bao-cao .the-thuc td.dia-danh { font-style: italic; }
.bao-cao h1 { text-align: center; font-size: 14pt; font-weight: bold; margin: 4mm 0 0; }
.bao-cao p.trich-yeu { text-align: center; font-weight: bold; font-size: 14pt; margin: 0; text-indent: 0; }
.bao-cao .gach-trich-yeu { margin: 1mm auto 6mm; }
.bao-cao h2 { font-size: 13pt; font-weight: bold; margin: 4mm 0 2mm; text-transform: uppercase; break-after: avoid; }
.bao-cao p, .bao-cao li { text-align: justify; margin: 0 0 2mm; }
.bao-cao p { text-indent: 10mm; }
.bao-cao .so-lieu { width: 100%; table-layout: fixed; font-size: 12pt; margin: 2mm 0 4mm; break-inside: avoid; }
.bao-cao .so-lieu th, .bao-cao .so-lieu td { border: 1px solid #000; padding: 0.5mm 1mm; vertical-align: top; }
.bao-cao .so, .bao-cao td.so, .bao-cao th.so { text-align: right; white-space: nowrap; }
.bao-cao .ky { width: 100%; table-layout: fixed; margin-top: 6mm; break-inside: avoid; }
.bao-cao .ky td { vertical-align: top; border: 0; padding: 0; }
.bao-cao .noi-nhan { font-size: 11pt; }
.bao-cao .noi-nhan strong { font-style: italic; font-size: 12pt; }
.bao-cao .noi-nhan ul { list-style: none; padding: 0; margin: 0; }
.bao-cao .noi-nhan li { margin: 0; text-align: left; }
.bao-cao .nguoi-ky { text-align: center; }
.bao-cao .chuc-vu { font-weight: bold; }
.bao-cao .ho-ten { font-weight: bold; }
.bao-cao .ho-ten.de-trong { font-weight: normal; }
.bao-cao .phu-luc { page: phu-luc; break-before: page; }
.bao-cao .phu-luc h2 { text-align: center; text-transform: none; margin: 0; }
.bao-cao .phu-luc .so-phu-luc { display: block; font-size: 14pt; }
.bao-cao .phu-luc .ten-phu-luc { display: block; font-size: 13pt; }
.bao-cao .phu-luc p.kem-theo { text-align: center; font-style: italic; text-indent: 0; font-size: 13pt; margin: 0; }
.bao-cao .phu-luc .gach { margin: 1mm auto 4mm; }
.bao-cao .phu-luc p.khong-co { text-indent: 0; }
.bao-cao .bang { table-layout: fixed; font-size: 11pt; line-height: 1.15; margin: 0 auto; }
.bao-cao .bang th, .bao-cao .bang td { border: 1px solid #000; padding: 0.35mm 1mm; vertical-align: top; }
.bao-cao .bang th { font-weight: bold; text-align: center; vertical-align: middle; }
.bao-cao .bang td.stt { text-align: center; white-space: nowrap; }
.bao-cao .bang tr { break-inside: avoid; }
.bao-cao .bang thead { display: table-header-group; }
.bao-cao .bang tr.nhom td, .bao-cao .bang tr.tong td { font-weight: bold; }
.bao-cao .bang tr.con-lai td { font-style: italic; }
.bao-cao .an { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.bao-cao .phu-luc p.ghi-chu { font-size: 12pt; font-style: italic; text-indent: 0; margin-top: 2mm; }
@media screen {
  .bao-cao .to-giay { background: #fff; box-shadow: 0 0 4px rgba(0,0,0,.3); padding: 20mm 15mm 20mm 30mm; margin: 0 auto 8mm; max-width: 210mm; box-sizing: border-box; overflow-x: auto; }
  .bao-cao .phu-luc + .phu-luc { margin-top: 12mm; }
}
@media screen and (max-width: 40rem) {
  .bao-cao .to-giay { padding: 6mm 4mm; }
  .bao-cao .ho-ten { overflow-wrap: anywhere; }
}
@media print {
  .bao-cao .to-giay { padding: 0; margin: 0; box-shadow: none; }
}
`;
