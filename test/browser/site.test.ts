import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build/buildSite.ts';
import type { Audience } from '../../src/site/build/types.ts';
import { createFixtureWarehouse, HOSTILE } from '../site/fixture.ts';
import { axeViolations, launchChromium, routesOf, screenshotPath, SCREENSHOTS, serveSite, settle, watchPage } from './harness.ts';

const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
const BUILDS: { audience: Audience; base: string }[] = [
  { audience: 'public', base: '/thu-cong-vu/' },
  { audience: 'internal', base: '/' },
];

let work: string;
let browser: Browser;
const sites = new Map<Audience, { dir: string; url: string; origin: string; close: () => void }>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-browser-'));
  const db = join(work, 'warehouse.duckdb');
  await createFixtureWarehouse(db);
  for (const b of BUILDS) {
    const dir = join(work, b.audience);
    await buildSite({ db, audience: b.audience, out: dir, base: b.base, today: '2026-11-21' }, io);
    sites.set(b.audience, { dir, ...(await serveSite(dir, b.base)) });
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const s of sites.values()) s.close();
  rmSync(work, { recursive: true, force: true });
});

describe.each(BUILDS)('$audience build', ({ audience }) => {
  it('loads every route with no console error, no failed or outside request, zero axe violations', async () => {
    const site = sites.get(audience)!;
    const routes = routesOf(site.dir);
    expect(routes).toEqual(expect.arrayContaining(['', 'xep-hang/', 'du-lieu/', 'co-quan/', 'co-quan/SKHCN/']));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchPage(page, site.origin);
    for (const route of routes) {
      await page.goto(`${site.url}${route}`, { waitUntil: 'load' });
      await settle(page);
      expect(await page.title(), route).not.toBe('');
      expect(await axeViolations(page), route).toEqual([]);
      await page.screenshot({ path: screenshotPath(audience, route), fullPage: true });
    }
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await page.close();
  });

  it('draws the charts on the home page, with the numbers also in a table', async () => {
    const site = sites.get(audience)!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.url);
    await settle(page);
    const charts = page.getByRole('img', { name: 'Hộp thư đã cấp (lũy kế theo ngày tạo)' });
    await charts.first().waitFor();
    const painted = await charts.first().evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) opaque += 1;
      return { width: canvas.width, height: canvas.height, opaque };
    });
    expect(painted.width).toBeGreaterThan(100);
    expect(painted.opaque).toBeGreaterThan(500);
    await page.getByText('Xem bảng số liệu').first().click();
    await expect.poll(() => page.getByRole('rowheader', { name: '11/2026' }).first().isVisible()).toBe(true);
    await page.close();
  });

  it('offers CSV and XLSX downloads that parse, with a BOM and Vietnamese headers', async () => {
    const site = sites.get(audience)!;
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(`${site.url}xep-hang/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).first().click()]);
    const csvText = (await readStream(await download.createReadStream())).toString('utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csvText.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(expect.arrayContaining(['Hạng', 'Cơ quan, đơn vị', 'Điểm']));
    expect(parsed.data.length).toBeGreaterThan(1);
    const xlsxHref = await page.getByRole('link', { name: 'Excel (XLSX)' }).first().getAttribute('href');
    const xlsx = await page.request.get(new URL(xlsxHref!, site.url).toString());
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(2).value).toBe('Hạng');
    await page.close();
  });

  it('works without JavaScript: ranking and agency tables are plain HTML', async () => {
    const site = sites.get(audience)!;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}xep-hang/`);
    await expect.poll(() => page.getByRole('link', { name: 'Sở Khoa học và Công nghệ' }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Sở Khoa học và Công nghệ' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sở Khoa học và Công nghệ');
    await context.close();
  });

  it('lists every duty of the regulation on the data page, readable on a 390 px phone without sideways scrolling', async () => {
    const site = sites.get(audience)!;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}du-lieu/`);
    const section = page.getByRole('region', { name: /Nghĩa vụ của quy chế và cách kiểm tra/ });
    await expect.poll(() => section.getByRole('row').count()).toBeGreaterThan(25);
    await expect.poll(() => page.getByText('Không kiểm tra được từ dữ liệu xuất').count()).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('section:has(#nghia-vu)').screenshot({ path: screenshotPath(audience, 'du-lieu-nghia-vu-390') });
    await page.close();
  });

  it('answers an unknown path with the Vietnamese 404 page', async () => {
    const site = sites.get(audience)!;
    const page = await browser.newPage();
    const response = await page.goto(`${site.url}khong-co-trang-nay/`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Không tìm thấy trang');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('prints without the navigation', async () => {
    const site = sites.get(audience)!;
    const page = await browser.newPage();
    await page.goto(`${site.url}xep-hang/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.getByRole('table').first().isVisible()).toBe(true);
    await page.close();
  });
});

describe('hostile names in the browser', () => {
  it('shows the script name as text in the internal build and never runs it', async () => {
    const site = sites.get('internal')!;
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    await page.goto(`${site.url}co-quan/SKHCN/`);
    await expect.poll(() => page.getByRole('cell', { name: HOSTILE.script }).count()).toBeGreaterThan(0);
    expect(dialogs).toBe(0);
    await page.close();
  });
});

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}
