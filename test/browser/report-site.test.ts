// The /bao-cao/ pages of a built site: due dates and days left from the fixed build date, zero axe violations, and
// printing a report page gives A4 pages with only the document (the site frame hidden).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build/buildSite.ts';
import { reportYearFixture } from '../reports/fixture.ts';
import { axeViolations, launchChromium, serveSite, watchPage } from './harness.ts';

const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
let work: string;
let site: { url: string; origin: string; close: () => void };
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-report-site-'));
  const db = join(work, 'w.duckdb');
  (await reportYearFixture(db)).close();
  await buildSite({ db, audience: 'public', out: join(work, 'site'), base: '/tcv/', today: '2026-01-05' }, io);
  site = await serveSite(join(work, 'site'), '/tcv/');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('/bao-cao/', () => {
  it.each(['bao-cao/', 'bao-cao/2025/', 'bao-cao/2025-H1/'])('%s: no console error or outside request, zero axe violations', async (route) => {
    const page = await browser.newPage();
    const problems = watchPage(page, site.origin);
    await page.goto(`${site.url}${route}`, { waitUntil: 'networkidle' });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await page.close();
  });

  // "Trước ngày 20/01": the last day is 19/01 (002 Điều 10 khoản 3, read as written).
  it('lists the annual 2025 report due before 20/01/2026 with 14 days left on 05/01/2026', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}bao-cao/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('trước ngày 20/01/2026');
    expect(text).toContain('còn 14 ngày');
    expect(text).toContain('quá hạn 170 ngày'); // 2025-H1: before 20/07/2025, last day 19/07
    await page.close();
  });

  it('the internal build links the report as .docx for Word; the public build does not', async () => {
    const internal = join(work, 'site-internal');
    await buildSite({ db: join(work, 'w.duckdb'), audience: 'internal', out: internal, base: '/tcv/', today: '2026-01-05' }, io);
    const page = readFileSync(join(internal, 'bao-cao', '2025', 'index.html'), 'utf8');
    expect(page).toContain('href="/tcv/bao-cao/2025/bao-cao-2025.docx"');
    expect(page).toContain('Tải bản Word (.docx) để chỉnh sửa');
    const docx = readFileSync(join(internal, 'bao-cao', '2025', 'bao-cao-2025.docx'));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readFileSync(join(work, 'site', 'bao-cao', '2025', 'index.html'), 'utf8')).not.toContain('.docx');
    expect(existsSync(join(work, 'site', 'bao-cao', '2025', 'bao-cao-2025.docx'))).toBe(false);
  });

  it('prints a report page to A4 with only the document: no navigation, Vietnamese intact', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}bao-cao/2025/`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.locator('.report-tools').isVisible()).toBe(false);
    const file = join(work, 'page.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('sáp nhập vào Sở Khoa học và Công nghệ từ 01/03/2025');
    expect(text).not.toContain('Bỏ qua, đến nội dung chính');
    await page.close();
  });
});
