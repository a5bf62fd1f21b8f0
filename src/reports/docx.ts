/**
 * The report to UBND as a Word document (.docx, library `docx`), for officials to edit: the same blocks as the print
 * view (`document.ts`) in the format of Nghị định 30/2020/NĐ-CP Phụ lục I — A4, margins top/bottom 20 mm, left 30 mm,
 * right 15 mm, Times New Roman 13 pt, Quốc hiệu and tiêu ngữ, issuing agency, số/ký hiệu, place and date, page numbers
 * centred at the top from page 2 — then the annex tables on A4 landscape pages. Pure apart from the zip it returns.
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
  type ParagraphChild,
} from 'docx';
import type { Annex } from './annexes.ts';
import type { Cell } from './csv.ts';
import { dateLine, num, numberLine, reportBody, subject, type Block } from './document.ts';
import { inlineRuns, parseMarkdown } from './markdown.ts';
import type { ReportModel } from './model.ts';
import { PAGE_MARGINS_MM } from './printCss.ts';

/** Twips (1/1440 inch) per millimetre. */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** A4 in twips, as Word writes it (w:pgSz w:w="11906" w:h="16838"). */
export const A4 = { width: 11906, height: 16838 } as const;
const twips = (m: { top: number; right: number; bottom: number; left: number }) => ({ top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) });
/** The print view's margins (PAGE_MARGINS_MM, NĐ 30/2020 Phụ lục I) in twips. */
export const MARGINS = twips(PAGE_MARGINS_MM.report);
const ANNEX_MARGINS = twips(PAGE_MARGINS_MM.annex);
const FONT = 'Times New Roman';
/** Half-points. */
const pt = (x: number) => Math.round(x * 2);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  allCaps?: boolean;
}

function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: pt(s.size ?? 13), bold: s.bold, italics: s.italics, allCaps: s.allCaps });
}

function centered(children: ParagraphChild[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children });
}

/** A short centred rule under a line of the header block (NĐ 30/2020: the line under the agency and tiêu ngữ). */
function rule(cellTwips: number, fraction: number): Paragraph {
  const side = Math.round((cellTwips * (1 - fraction)) / 2);
  return new Paragraph({ border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, indent: { left: side, right: side }, spacing: { before: 20, after: 120 }, children: [] });
}

function headerBlock(m: ReportModel): Table {
  const width = A4.width - MARGINS.left - MARGINS.right;
  const left = Math.round(width * 0.42);
  const right = width - left;
  const leftCell = new TableCell({
    width: { size: left, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      ...(m.parentAgency ? [centered([run(m.parentAgency, { size: 12.5, allCaps: true })])] : []),
      centered([run(m.issuer, { size: 12.5, bold: true, allCaps: true })]),
      rule(left, 0.35),
      centered([run(numberLine(m))]),
    ],
  });
  const rightCell = new TableCell({
    width: { size: right, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      centered([run('Cộng hòa xã hội chủ nghĩa Việt Nam', { size: 12, bold: true, allCaps: true })]),
      centered([run('Độc lập - Tự do - Hạnh phúc', { size: 13.5, bold: true })]),
      rule(right, 0.62),
      centered([run(dateLine(m), { size: 13.5, italics: true })]),
    ],
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [leftCell, rightCell] })],
  });
}

function bodyParagraph(children: ParagraphChild[], firstLine = true): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: firstLine ? { firstLine: mm(10) } : undefined,
    spacing: { before: 0, after: 120, line: 324 },
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

function cellParagraph(text: string, opts: { bold?: boolean; right?: boolean; center?: boolean; size: number }): Paragraph {
  return new Paragraph({
    alignment: opts.right ? AlignmentType.RIGHT : opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 0, after: 0 },
    children: [run(text, { bold: opts.bold, size: opts.size })],
  });
}

/** A bordered table with a repeated bold header row; `numeric[j]` right-aligns column j. */
function gridTable(header: string[], rows: string[][], numeric: boolean[], width: number, widths: number[], size: number, boldLast = false): Table {
  const margins = { top: 30, bottom: 30, left: 60, right: 60 };
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.floor((w / total) * width));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map(
          (h, j) => new TableCell({ width: { size: cols[j]!, type: WidthType.DXA }, margins, verticalAlign: VerticalAlign.CENTER, children: [cellParagraph(h, { bold: true, center: true, size })] }),
        ),
      }),
      ...rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            children: r.map(
              (v, j) =>
                new TableCell({
                  width: { size: cols[j]!, type: WidthType.DXA },
                  margins,
                  children: [cellParagraph(v, { right: numeric[j], bold: boldLast && i === rows.length - 1, size })],
                }),
            ),
          }),
      ),
    ],
  });
}

function blockElements(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ keepNext: true, spacing: { before: 240, after: 120 }, children: [run(b.text, { bold: true, allCaps: true })] })];
    case 'paragraph':
      return [bodyParagraph([run(b.text)])];
    case 'table': {
      const width = A4.width - MARGINS.left - MARGINS.right;
      return [gridTable(b.columns, b.rows, [false, true], width, [4, 1], 12), new Paragraph({ spacing: { after: 120 }, children: [] })];
    }
    case 'markdown':
      return markdownParagraphs(b.markdown);
  }
}

function signature(m: ReportModel): Table {
  const width = A4.width - MARGINS.left - MARGINS.right;
  const half = Math.round(width / 2);
  const left = (t: string, s: RunStyle) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(t, s)] });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [half, width - half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: half, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: [left('Nơi nhận:', { bold: true, italics: true, size: 12 }), left(`- ${m.recipient};`, { size: 11 }), left('- Lưu: VT.', { size: 11 })],
          }),
          new TableCell({
            width: { size: width - half, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: [centered([run('Thủ trưởng cơ quan', { bold: true, allCaps: true })])],
          }),
        ],
      }),
    ],
  });
}

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? num(v) : v;
}

function annexElements(m: ReportModel, a: Annex, first: boolean): (Paragraph | Table)[] {
  const width = A4.height - ANNEX_MARGINS.left - ANNEX_MARGINS.right;
  const numeric = a.table.columns.map((c) => c.numFmt !== undefined);
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: !first, keepNext: true, spacing: { before: 0, after: 60 }, children: [run(a.title, { bold: true })] }),
    centered([run(`(Kèm theo Báo cáo ${m.period.label} của ${m.issuer})`, { italics: true, size: 12 })], 160),
  ];
  if (a.table.rows.length === 0) {
    out.push(bodyParagraph([run('Không có số liệu trong kỳ.')], false));
  } else {
    const last = a.table.rows.at(-1)!;
    out.push(
      gridTable(
        a.table.columns.map((c) => c.header),
        a.table.rows.map((r) => a.table.columns.map((_, j) => cellText(r[j]))),
        numeric,
        width,
        a.table.columns.map((c) => c.width ?? 12),
        10,
        last[2] === 'Tổng cộng',
      ),
    );
  }
  if (a.note) out.push(new Paragraph({ spacing: { before: 120 }, children: [run(a.note, { italics: true, size: 11 })] }));
  return out;
}

/** The report and its annexes as a .docx file. */
export async function toDocx(m: ReportModel, annexes: readonly Annex[]): Promise<Uint8Array> {
  const pageNumber = new Header({ children: [centered([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })])] });
  const doc = new Document({
    creator: 'Thư công vụ',
    title: `${m.title} — ${m.period.label}`,
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [
      {
        properties: { page: { size: { ...A4 }, margin: { ...MARGINS, header: mm(10), footer: mm(10) } }, titlePage: true },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: [
          headerBlock(m),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 }, children: [run('BÁO CÁO', { bold: true, size: 14 })] }),
          centered([run(subject(m), { bold: true, size: 14 })], 240),
          ...reportBody(m).flatMap(blockElements),
          new Paragraph({ spacing: { after: 240 }, children: [] }),
          signature(m),
        ],
      },
      {
        properties: {
          page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { ...ANNEX_MARGINS, header: mm(10), footer: mm(10) } },
        },
        headers: { default: pageNumber },
        children: annexes.flatMap((a, i) => annexElements(m, a, i === 0)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
