// Danh bạ in real Chromium (issue 6): accent-free search under a base sub-path, the query kept in the URL,
// keyboard use, no console error, axe-core zero violations, the agency page, downloads.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build/buildSite.ts';
import { createFixtureWarehouse, PERSONAL } from '../site/fixture.ts';
import { axeViolations, launchChromium, SCREENSHOTS, serveSite, watchPage } from './harness.ts';

const BASE = '/cong-thong-tin/thu-cong-vu/';
const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
let work: string;
let out: string;
let site: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-danhba-'));
  const db = join(work, 'warehouse.duckdb');
  await createFixtureWarehouse(db);
  out = join(work, 'public');
  await buildSite({ db, audience: 'public', out, base: BASE, today: '2026-11-21' }, io);
  site = await serveSite(out, BASE);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('danh bạ in Chromium', () => {
  it('finds a person from an accent-free query, keeps it in the URL, and passes axe', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchPage(page, site.origin);
    const indexRequests: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('chi-muc.json')) indexRequests.push(r.url()); });
    await page.goto(`${site.url}danh-ba/`, { waitUntil: 'networkidle' });
    expect(indexRequests).toEqual([]); // loaded only when needed

    const box = page.getByRole('searchbox', { name: /Tìm trong danh bạ/ });
    await box.focus();
    await page.keyboard.type('nguyen thanh binh');
    const first = page.locator('#ket-qua-danh-ba li').first();
    await expect.poll(() => first.textContent()).toContain('Nguyễn Thanh Bình');
    expect(await first.textContent()).toContain('ntbinh@soctrang.gov.vn');
    expect(indexRequests).toEqual([`${site.origin}${BASE}danh-ba/chi-muc.json`]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('nguyen thanh binh');
    expect(await page.getByRole('status').textContent()).toMatch(/Tìm thấy 1 kết quả/);
    await page.screenshot({ path: join(SCREENSHOTS, 'danh-ba-tim-kiem.png'), fullPage: true });

    // Keyboard: ArrowDown moves from the box to the first result, Enter opens the agency's directory page.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nguyễn Thanh Bình');
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/danh-ba\/SKHCN\/$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Sở Khoa học và Công nghệ');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'danh-ba-co-quan.png'), fullPage: true });
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await page.close();
  });

  it('opens a shared link with the query already answered (đ = d, initials)', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page, site.origin);
    await page.goto(`${site.url}danh-ba/?q=${encodeURIComponent('duong chi nguyen')}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('#ket-qua-danh-ba li').first().textContent()).toContain('Dương Chí Nguyện');
    expect(await page.getByRole('searchbox').inputValue()).toBe('duong chi nguyen');
    await page.getByRole('searchbox').fill('so khcn');
    await expect.poll(() => page.locator('#ket-qua-danh-ba li').first().textContent()).toContain('sokhcn@soctrang.gov.vn');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await page.close();
  });

  it('lists the agency tree without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}danh-ba/`);
    expect(await page.locator('.directory-tree a').allTextContents()).toEqual(['Sở Khoa học và Công nghệ', 'Ủy ban nhân dân xã Mỹ Xuyên']);
    await page.goto(`${site.url}danh-ba/SKHCN/`);
    const people = await page.locator('#hop-thu-ca-nhan + .table-wrap tbody th').allTextContents();
    expect(people).toContain('Nguyễn Thanh Bình');
    await context.close();
  });

  it('publishes only active mailboxes and no personal data', () => {
    const csv = readFileSync(join(out, 'danh-ba/danh-ba.csv'), 'utf8');
    const vcf = readFileSync(join(out, 'danh-ba/danh-ba.vcf'), 'utf8');
    const index = readFileSync(join(out, 'danh-ba/chi-muc.json'), 'utf8');
    const html = readFileSync(join(out, 'danh-ba/MYXUYEN/index.html'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    for (const text of [csv, vcf, index, html]) {
      expect(text).not.toContain(PERSONAL.phone);
      expect(text).not.toContain('tson@'); // locked
      expect(text).not.toContain('old@'); // closed
    }
    expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(5);
  });
});
