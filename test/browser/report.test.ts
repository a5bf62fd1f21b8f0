// The report to UBND printed by Chromium: A4 pages (annexes landscape), Vietnamese text intact (pdftotext), page
// numbers from page 2, and no table running into the margins or off the page (pages rasterised and measured).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedFontCss } from '../../src/reports/fonts.ts';
import { renderReportHtml } from '../../src/reports/html.ts';
import { htmlToPdf } from '../../src/reports/pdf.ts';
import { prepareReport } from '../../src/reports/writeReport.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { reportYearFixture } from '../reports/fixture.ts';
import { launchChromium, SCREENSHOTS } from './harness.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';

const MM = 72 / 25.4; // PDF points per millimetre
let dir: string;
let pdfFile: string;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tcv-report-pdf-'));
  const f = await reportYearFixture(':memory:', { mailLog: true });
  // Many agencies with long Vietnamese names, so the annexes run over several pages.
  for (let i = 1; i <= 60; i++) {
    const code = `UBX${String(i).padStart(2, '0')}`;
    await f.agency({ code, name: `Ủy ban nhân dân xã Thạnh Thới Thuận và các đơn vị sự nghiệp trực thuộc số ${i}`, grp: 'cap-xa', kind: 'cap-xa' });
    await f.mailbox({ address: `ngoc${i}@soctrang.gov.vn`, agency: code, seenFrom: '2025-01-01', createdAt: '2025-04-01T08:00:00+07:00' });
  }
  const { model, annexes } = await prepareReport(new ComplianceSession().on(f.conn, loadPolicy('soctrang-2024')), parsePeriod('2025'), '2026-01-05', join(dir, 'none'));
  f.close();
  html = renderReportHtml(model, annexes, embeddedFontCss());
  pdfFile = join(dir, 'report.pdf');
  writeFileSync(pdfFile, await htmlToPdf(html, '/usr/bin/chromium'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pageSizes(): { w: number; h: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdfFile], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}

/** Reads a binary PGM (P5) as written by pdftoppm -gray. */
function readPgm(file: string): { w: number; h: number; px: Buffer } {
  const buf = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  return { w: Number(header[1]), h: Number(header[2]), px: buf.subarray(header[0].length) };
}

describe('report PDF (Chromium print view)', () => {
  it('is A4: the document portrait, the annexes landscape', () => {
    const sizes = pageSizes();
    expect(sizes.length).toBeGreaterThan(4);
    expect(sizes[0]).toEqual({ w: expect.closeTo(595, 0) as number, h: expect.closeTo(842, 0) as number });
    expect(sizes.at(-1)).toEqual({ w: expect.closeTo(842, 0) as number, h: expect.closeTo(595, 0) as number });
  });

  it('keeps Vietnamese text intact and numbers pages from page 2', () => {
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Sóc Trăng, ngày 05 tháng 01 năm 2026',
      'BÁO CÁO', 'KIẾN NGHỊ, ĐỀ XUẤT', 'Phụ lục I', 'HỘP THƯ THEO CƠ QUAN, ĐƠN VỊ', 'sáp nhập vào Sở Khoa học và Công nghệ từ 01/03/2025',
      'Ủy ban nhân dân xã Thạnh Thới Thuận', 'Số liệu nhật ký thư có cho 3/365 ngày', 'Phụ lục VI', 'LƯU LƯỢNG THƯ ĐIỆN TỬ THEO CƠ QUAN, ĐƠN VỊ',
      'Lý do máy chủ từ chối thư', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']) {
      expect(text.replace(/\s+/g, ' ')).toContain(s);
    }
    const firstLine = (page: number) =>
      execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdfFile, '-'], { encoding: 'utf8' }).trim().split('\n')[0]!.trim();
    expect(firstLine(1)).not.toBe('1');
    expect(firstLine(2)).toBe('2');
    expect(firstLine(3)).toBe('3');
  });

  it('has no table clipped or running into the margins (every page rasterised and measured)', () => {
    const out = join(dir, 'png');
    mkdirSync(out);
    execFileSync('pdftoppm', ['-r', '40', '-gray', pdfFile, join(out, 'p')]);
    const sizes = pageSizes();
    const files = readdirSync(out).filter((n) => n.endsWith('.pgm')).sort();
    expect(files.length).toBe(sizes.length);
    files.forEach((name, i) => {
      const { w, h, px } = readPgm(join(out, name));
      const scale = w / sizes[i]!.w; // pixels per point
      let minX = w;
      let maxX = -1;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          if (px[y * w + x]! < 160) {
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
          }
        }
      }
      // NĐ 30/2020: left 30–35 mm, right 15–20 mm, on the annexes' landscape pages too. 3 mm tolerance.
      const [left, right] = [30, 15];
      expect(minX / scale, `trang ${i + 1}: lề trái`).toBeGreaterThanOrEqual((left - 3) * MM);
      expect((w - 1 - maxX) / scale, `trang ${i + 1}: lề phải`).toBeGreaterThanOrEqual((right - 3) * MM);
    });
    // Annex pages at 90 dpi: each table's right border is drawn as fully as its left one (not cut off at the
    // printable edge, where Chromium clips what overhangs the page area). The table is found by its longest unbroken
    // horizontal rule (a line of text always has gaps); its two ends are the table's left and right borders.
    sizes.forEach((size, i) => {
      if (size.w <= size.h) return;
      const file = join(out, `hi-${i + 1}`);
      execFileSync('pdftoppm', ['-r', '90', '-gray', '-singlefile', '-f', String(i + 1), '-l', String(i + 1), pdfFile, file]);
      const { w, h, px } = readPgm(`${file}.pgm`);
      // The longest unbroken run of ink on each pixel row.
      const runs = Array.from({ length: h }, (_, y) => {
        let best = { n: 0, from: 0, to: 0 };
        for (let x = 0, start = -1; x <= w; x++) {
          const dark = x < w && px[y * w + x]! < 160;
          if (dark && start < 0) start = x;
          if (!dark && start >= 0) {
            if (x - start > best.n) best = { n: x - start, from: start, to: x - 1 };
            start = -1;
          }
        }
        return best;
      });
      const rule = runs.reduce((a, b) => (b.n > a.n ? b : a));
      if (rule.n < w / 4) return; // an annex with no table ("Không có số liệu …")
      // The table spans the pixel rows from its first to its last rule as long as the longest.
      const ruled = runs.map((r, y) => (r.n >= 0.9 * rule.n ? y : -1)).filter((y) => y >= 0);
      const [top, bottom] = [ruled[0]!, ruled.at(-1)!];
      const darkRows = (x0: number) => {
        let n = 0;
        for (let y = top; y <= bottom; y++) if ([x0 - 1, x0, x0 + 1].some((x) => x >= 0 && x < w && px[y * w + x]! < 160)) n++;
        return n;
      };
      expect(bottom - top, `trang ${i + 1}: bảng`).toBeGreaterThan(5);
      expect(darkRows(rule.to), `trang ${i + 1}: viền phải của bảng`).toBeGreaterThanOrEqual(0.95 * darkRows(rule.from));
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', String(sizes.length), pdfFile, join(SCREENSHOTS, 'report-print')]);
  });

  it('prints at full size: Chromium did not shrink an overflowing page to fit (body words 13 pt high on page 1)', () => {
    const bbox = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdfFile, '-'], { encoding: 'utf8' });
    const heights = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">[^<]+</g)].map((m) => Number(m[2]) - Number(m[1]));
    heights.sort((a, b) => a - b);
    expect(heights[Math.floor(heights.length / 2)]!).toBeGreaterThanOrEqual(13);
  });
});

describe('report print view in Chromium (media print, printable width)', () => {
  it.each([
    ['document', '.to-giay:not(.ngang)', 165],
    ['annexes', '.to-giay.ngang', 252],
  ])('%s: no table is wider than the printable width of its page (%s, %i mm)', async (_what, selector, mm) => {
    const browser = await launchChromium();
    try {
      const px = (mm * 96) / 25.4;
      const page = await browser.newPage({ viewport: { width: Math.floor(px), height: 1000 } });
      await page.setContent(html);
      await page.emulateMedia({ media: 'print' });
      const tables = await page.$$eval(`${selector} table`, (ts) => ts.map((t) => ({ right: t.getBoundingClientRect().right, scroll: t.scrollWidth, client: t.clientWidth })));
      expect(tables.length).toBeGreaterThan(0);
      for (const t of tables) {
        expect(t.right).toBeLessThanOrEqual(px + 1.5); // half a border may overhang
        expect(t.scroll).toBeLessThanOrEqual(t.client + 1);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `report-print-view-${_what}.png`), fullPage: false });
    } finally {
      await browser.close();
    }
  });
});
