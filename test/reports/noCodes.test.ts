// No machine code shown to a reader (SPEC §6, issue 15) in what the `report` and `score` commands write for the
// generator's province of 1,500 mailboxes: the report as HTML, PDF (when Chromium is installed) and DOCX, the annex
// CSVs and workbook, the score table and the regulation lists. Every code the profiles, rules, input schemas,
// generator and warehouse define (test/reports/codes.ts) is looked for as a whole value and inside the text, and so
// is a citation by our seed file id ("001 Điều 11") where a document is due. The site's downloads and report pages
// are scanned in test/site/buildSite.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report.ts';
import { scoreCommand } from '../../src/cli/commands/score.ts';
import { chromiumPath } from '../../src/reports/pdf.ts';
import { codeFinder, csvCells, definedCodes, docxText, visibleHtmlText, xlsxCells, type CodeHit } from './codes.ts';
import { generatedProvince } from './province.ts';

let province: Awaited<ReturnType<typeof generatedProvince>>;
let out: string;
let scoreText: string;
const finder = codeFinder();
const hasPdfTools = existsSync('/usr/bin/pdftotext');

beforeAll(async () => {
  province = await generatedProvince();
  out = join(province.work, 'bao-cao');
  const io = (sink: string[]) => ({ stdout: (t: string) => sink.push(t), stderr: (t: string) => sink.push(t), isTTY: false });
  const quiet: string[] = [];
  expect(await reportCommand.run({ db: province.db, period: '2026', out, today: '2026-11-21', 'no-pdf': chromiumPath() === null }, [], io(quiet))).toBe(0);
  const score: string[] = [];
  expect(await scoreCommand.run({ db: province.db, period: '2026', lists: join(out, 'danh-sach') }, [], io(score))).toBe(0);
  scoreText = score.join('');
}, 600_000);

afterAll(() => province?.cleanup());

const report = (hits: CodeHit[]) => hits.map((h) => `${h.where}: "${h.code}" trong «${h.context}»`);

describe('no code shown as a value (report and score outputs, generated province)', () => {
  it('knows the codes it looks for', () => {
    const codes = definedCodes();
    for (const c of ['so-nganh', 'dang-doan-the', 'dvsn', 'ubnd-xa', 'het-dung-luong', 'lo-mat-khau', 'trung-binh', 'vi-pham', 'forward-external', 'tcv-2024.1', 'tcv-2024.1+pp1', 'ca-nhan', 'active']) {
      expect(codes).toContain(c);
    }
    // The finder catches them where the issue saw them.
    expect(finder.text('x', 'Nhóm dang-doan-the (5 cơ quan)')).toHaveLength(1);
    expect(finder.text('x', '(phương pháp tcv-2024.1+pp1)')).toHaveLength(1);
    expect(finder.text('x', '(001 Điều 11 khoản 2 điểm i (dự thảo))')).toHaveLength(1);
    expect(finder.cell('x', 'trung-binh')).toHaveLength(1);
    expect(finder.text('x', 'Nhóm Đảng, đoàn thể; mức độ Trung bình; điểm i khoản 2 Điều 11')).toEqual([]);
  });

  it('the report: HTML print view, Word document and PDF', () => {
    const hits = [...finder.text('report.html', visibleHtmlText(readFileSync(join(out, 'report.html'), 'utf8')))];
    const docx = docxText(new Uint8Array(readFileSync(join(out, 'report.docx'))));
    expect(docx).toContain('Phụ lục V');
    hits.push(...finder.text('report.docx', docx));
    if (existsSync(join(out, 'report.pdf')) && hasPdfTools) {
      hits.push(...finder.text('report.pdf', execFileSync('pdftotext', ['-layout', join(out, 'report.pdf'), '-'], { encoding: 'utf8' })));
    } else {
      console.warn('noCodes: bỏ qua report.pdf (máy không có Chromium hoặc pdftotext)');
    }
    expect(report(hits)).toEqual([]);
  });

  it('the annexes: every CSV and the workbook', async () => {
    const hits: CodeHit[] = [];
    const csvs = readdirSync(out).filter((n) => n.endsWith('.csv'));
    expect(csvs).toHaveLength(6);
    for (const name of csvs) for (const v of csvCells(join(out, name))) hits.push(...finder.cell(name, v));
    const cells = await xlsxCells(join(out, 'phu-luc.xlsx'));
    expect(cells.length).toBeGreaterThan(3000);
    for (const v of cells) hits.push(...finder.cell('phu-luc.xlsx', v));
    expect(report(hits)).toEqual([]);
  });

  it('the score command: its table and the regulation lists', () => {
    expect(scoreText).toContain('Nhóm Sở, ban, ngành');
    const hits = finder.text('score', scoreText);
    for (const name of readdirSync(join(out, 'danh-sach'))) for (const v of csvCells(join(out, 'danh-sach', name))) hits.push(...finder.cell(name, v));
    expect(report(hits)).toEqual([]);
  });
});
