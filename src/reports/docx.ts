/**
 * The report to UBND as a Word document (.docx, library `docx`), for officials to edit and send as it is, in the
 * format of Nghị định 30/2020/NĐ-CP Phụ lục I:
 * - A4, margins top/bottom 20 mm, left 30 mm, right 15 mm (Phần II, định lề trang), Times New Roman, Vietnamese
 *   (w:lang vi-VN, so Word spell-checks it as Vietnamese), page numbers centred at the top from page 2;
 * - the header block as a two-row table: cơ quan chủ quản and cơ quan ban hành (name broken into balanced lines, a
 *   rule under it) beside Quốc hiệu and Tiêu ngữ (a rule as long as the tiêu ngữ); then số/ký hiệu beside địa danh
 *   and ngày tháng on one line;
 * - "BÁO CÁO" and the trích yếu with a rule under it; the body; nơi nhận beside quyền hạn, chức vụ, room for the
 *   signature and seal, and the signer's name;
 * - each annex (phụ lục) its own section on A4 landscape pages with the same margins, its own title ("Phụ lục I",
 *   the name in capitals, "(Kèm theo Báo cáo số …)") and its own page numbers from 1.
 * Pure apart from the zip it returns.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { Annex } from './annexes.ts';
import { annexIntro, HEADER, SIGNATURE_PLACEHOLDER } from './headerBlock.ts';
import { dateLine, numberLine, reportBody, subject, type Block } from './document.ts';
import { inlineRuns, parseMarkdown } from './markdown.ts';
import type { ReportModel } from './model.ts';
import { PAGE_MARGINS_MM } from './printCss.ts';
import { ANNEX_TABLE_PT, CELL_PAD_MM, columnWidthsMm, printCell, type PrintTable } from './printTable.ts';
import { balancedLines, textWidthMm } from './textWidth.ts';

/** Twips (1/1440 inch) per millimetre. */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** A4 in twips, as Word writes it (w:pgSz w:w="11906" w:h="16838"). */
export const A4 = { width: 11906, height: 16838 } as const;
const twips = (m: { top: number; right: number; bottom: number; left: number }) => ({ top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) });
/** The print view's margins (PAGE_MARGINS_MM, NĐ 30/2020 Phụ lục I) in twips. */
export const MARGINS = twips(PAGE_MARGINS_MM.report);
export const ANNEX_MARGINS = twips(PAGE_MARGINS_MM.annex);
const FONT = 'Times New Roman';
const LANG = { value: 'vi-VN' } as const;
/** Half-points. */
const pt = (x: number) => Math.round(x * 2);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const NO_CELL_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  allCaps?: boolean;
}

function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: pt(s.size ?? 13), bold: s.bold, italics: s.italics, allCaps: s.allCaps, language: LANG });
}

function centered(children: ParagraphChild[], after = 0, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after }, children });
}

/** A centred rule `lengthMm` long in a column `columnMm` wide (the lines under the agency, tiêu ngữ and trích yếu). */
function rule(columnMm: number, lengthMm: number, after = 60): Paragraph {
  const side = mm(Math.max(0, (columnMm - lengthMm) / 2));
  return new Paragraph({
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 80, after },
    children: [],
  });
}

const textMm = (m: { left: number; right: number }, pageMm: number) => pageMm - (m.left + m.right);
const REPORT_WIDTH_MM = textMm(PAGE_MARGINS_MM.report, 210);
const ANNEX_WIDTH_MM = textMm(PAGE_MARGINS_MM.annex, 297);

function cell(widthMm: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: mm(widthMm), type: WidthType.DXA }, borders: NO_BORDERS, margins: NO_CELL_MARGINS, children });
}

/** The header block (NĐ 30/2020 Phụ lục I, ô 1–4): see `headerBlock.ts` for the layout decisions. */
function headerBlock(m: ReportModel): Table {
  const left = REPORT_WIDTH_MM * HEADER.leftShare;
  const right = REPORT_WIDTH_MM - left;
  const agencyLines = balancedLines(m.sender.agency.toLocaleUpperCase('vi'), left - 2, HEADER.agencyPt, true);
  const parentLines = m.sender.parent ? balancedLines(m.sender.parent.toLocaleUpperCase('vi'), left - 2, HEADER.parentPt, false) : [];
  const agencyWidth = Math.max(...agencyLines.map((l) => textWidthMm(l, HEADER.agencyPt, true)));
  const mottoWidth = textWidthMm(HEADER.motto, HEADER.mottoPt, true);
  const row1 = new TableRow({
    children: [
      cell(left, [
        ...parentLines.map((l) => centered([run(l, { size: HEADER.parentPt })])),
        ...agencyLines.map((l) => centered([run(l, { size: HEADER.agencyPt, bold: true })])),
        rule(left, agencyWidth * HEADER.agencyRuleShare),
      ]),
      cell(right, [
        centered([run(HEADER.nation, { size: HEADER.nationPt, bold: true })]),
        centered([run(HEADER.motto, { size: HEADER.mottoPt, bold: true })]),
        rule(right, mottoWidth),
      ]),
    ],
  });
  const row2 = new TableRow({
    children: [
      cell(left, [centered([run(numberLine(m), { size: 13 })], 0, 60)]),
      cell(right, [centered([run(dateLine(m), { size: 13, italics: true })], 0, 60)]),
    ],
  });
  return new Table({
    width: { size: mm(REPORT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(left), mm(right)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [row1, row2],
  });
}

function bodyParagraph(children: ParagraphChild[], firstLine = true): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: firstLine ? { firstLine: mm(10) } : undefined,
    spacing: { before: 0, after: 120, line: 312 },
    children,
  });
}

function markdownParagraphs(markdown: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of parseMarkdown(markdown)) {
    b.items.forEach((item, i) => {
      const lead = b.kind === 'ul' ? '- ' : b.kind === 'ol' ? `${i + 1}. ` : '';
      out.push(bodyParagraph([run(lead), ...inlineRuns(item).map((r) => run(r.text, { bold: r.bold }))]));
    });
  }
  return out;
}

function cellParagraph(text: string, opts: { bold?: boolean; italics?: boolean; align: 'left' | 'right' | 'center'; size: number }): Paragraph {
  const alignment = opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new Paragraph({ alignment, spacing: { before: 0, after: 0 }, children: [run(text, { bold: opts.bold, italics: opts.italics, size: opts.size })] });
}

const GRID_MARGINS = { top: 20, bottom: 20, left: mm(CELL_PAD_MM), right: mm(CELL_PAD_MM) };

/** The two-column summary tables of the body (label, figure). */
function summaryTable(columns: [string, string], rows: [string, string][]): Table {
  const widths = [REPORT_WIDTH_MM * 0.75, REPORT_WIDTH_MM * 0.25];
  const c = (text: string, j: number, bold = false) =>
    new TableCell({
      width: { size: mm(widths[j]!), type: WidthType.DXA },
      margins: GRID_MARGINS,
      children: [cellParagraph(text, { bold, align: bold ? 'center' : j === 1 ? 'right' : 'left', size: 12 })],
    });
  return new Table({
    width: { size: mm(REPORT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((h, j) => c(h, j, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, j) => c(v, j)) })),
    ],
  });
}

function blockElements(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ keepNext: true, spacing: { before: 180, after: 120 }, children: [run(b.text, { bold: true, allCaps: true })] })];
    case 'paragraph':
      return [bodyParagraph([run(b.text)])];
    case 'table':
      return [summaryTable(b.columns, b.rows), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'markdown':
      return markdownParagraphs(b.markdown);
  }
}

/** Nơi nhận beside quyền hạn and chức vụ, room for the signature and seal, and the signer's name (NĐ 30, ô 7–9). */
function signature(m: ReportModel): Table {
  const half = REPORT_WIDTH_MM * 0.45;
  const rest = REPORT_WIDTH_MM - half;
  const line = (t: string, s: RunStyle) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(t, s)] });
  return new Table({
    width: { size: mm(REPORT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(half), mm(rest)],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(half, [line('Nơi nhận:', { bold: true, italics: true, size: 12 }), line(`- ${m.recipient};`, { size: 11 }), line('- Lưu: VT.', { size: 11 })]),
          cell(rest, [
            ...m.sender.authority.map((a) => centered([run(a, { bold: true, size: 13 })])),
            centered([run(m.sender.signerName ?? SIGNATURE_PLACEHOLDER, { bold: m.sender.signerName !== null, size: 13 })], 0, mm(HEADER.signatureSpaceMm)),
          ]),
        ],
      }),
    ],
  });
}

/** A printed annex table: widths fitted to the content, header repeated on each page, rows never split. */
function annexTable(t: PrintTable): Table {
  const widths = columnWidthsMm(t, ANNEX_WIDTH_MM, ANNEX_TABLE_PT);
  const size = ANNEX_TABLE_PT;
  const numeric = t.columns.map((c) => c.decimals !== undefined);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c, j) =>
        new TableCell({
          width: { size: mm(widths[j]!), type: WidthType.DXA },
          margins: GRID_MARGINS,
          verticalAlign: VerticalAlign.CENTER,
          children: [cellParagraph(c.header, { bold: true, align: 'center', size })],
        }),
    ),
  });
  const rows = t.rows.map((r) => {
    const bold = r.kind === 'group' || r.kind === 'total';
    if (r.kind === 'rest') {
      const span = widths.slice(1).reduce((a, b) => a + b, 0);
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: mm(widths[0]!), type: WidthType.DXA }, margins: GRID_MARGINS, children: [cellParagraph('', { align: 'center', size })] }),
          new TableCell({ width: { size: mm(span), type: WidthType.DXA }, columnSpan: t.columns.length - 1, margins: GRID_MARGINS, children: [cellParagraph(String(r.cells[1] ?? ''), { italics: true, align: 'left', size })] }),
        ],
      });
    }
    return new TableRow({
      cantSplit: true,
      children: t.columns.map(
        (c, j) =>
          new TableCell({
            width: { size: mm(widths[j]!), type: WidthType.DXA },
            margins: GRID_MARGINS,
            children: [cellParagraph(printCell(r.cells[j], c), { bold, align: numeric[j] ? 'right' : j === 0 ? 'center' : 'left', size })],
          }),
      ),
    });
  });
  return new Table({
    width: { size: mm(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(mm),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: GRID,
    rows: [header, ...rows],
  });
}

function pageNumberHeader(): Header {
  return new Header({ children: [centered([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13), language: LANG })])] });
}

/** One annex as its own landscape section: title block, table (or why there is none), note; pages numbered from 1. */
function annexSection(m: ReportModel, a: Annex): ISectionOptions {
  const intro = annexIntro(m, a);
  const children: (Paragraph | Table)[] = [
    centered([run(intro.number, { bold: true, size: 14 })]),
    centered([run(intro.name.toLocaleUpperCase('vi'), { bold: true, size: 13 })]),
    centered([run(intro.attached, { italics: true, size: 13 })]),
    rule(ANNEX_WIDTH_MM, Math.min(60, textWidthMm(intro.name.toLocaleUpperCase('vi'), 13, true) * 0.4), 160),
  ];
  if (a.print.empty !== null) children.push(bodyParagraph([run(a.print.empty)], false));
  else children.push(annexTable(a.print));
  if (a.note) children.push(new Paragraph({ spacing: { before: 120 }, alignment: AlignmentType.JUSTIFIED, children: [run(`Ghi chú: ${a.note}`, { italics: true, size: 12 })] }));
  return {
    properties: {
      page: {
        size: { ...A4, orientation: PageOrientation.LANDSCAPE },
        margin: { ...ANNEX_MARGINS, header: mm(10), footer: mm(10) },
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children,
  };
}

/** The report and its annexes as a .docx file, with its document properties (title, subject, author) set. */
export async function toDocx(m: ReportModel, annexes: readonly Annex[]): Promise<Uint8Array> {
  const about = subject(m);
  const doc = new Document({
    creator: m.sender.agency,
    lastModifiedBy: m.sender.agency,
    title: `${m.title} — ${m.period.label}`,
    subject: about,
    description: `Báo cáo gửi ${m.recipient}, lập từ kho dữ liệu của Hệ thống thư điện tử tỉnh bằng Thư công vụ.`,
    keywords: 'báo cáo; thư điện tử công vụ; phụ lục',
    styles: { default: { document: { run: { font: FONT, size: pt(13), language: LANG } } } },
    sections: [
      {
        properties: { page: { size: { ...A4 }, margin: { ...MARGINS, header: mm(10), footer: mm(10) } }, titlePage: true },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [
          headerBlock(m),
          centered([run('BÁO CÁO', { bold: true, size: 14 })], 0, 360),
          ...balancedLines(about, REPORT_WIDTH_MM - 20, 14, true).map((l) => centered([run(l, { bold: true, size: 14 })])),
          rule(REPORT_WIDTH_MM, Math.min(60, textWidthMm(about, 14, true) / 3), 240),
          ...reportBody(m).flatMap(blockElements),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          signature(m),
        ],
      },
      ...annexes.map((a) => annexSection(m, a)),
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
