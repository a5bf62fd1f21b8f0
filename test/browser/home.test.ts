/**
 * The home page on the sample a fresh `npm start` loads (src/cli/sample.ts, fewer mailboxes): on a phone and on a
 * desktop, no console error, no outside request, zero axe violations, no sideways scrolling; the two lists that
 * answer leadership's first questions link to agency pages that exist; every headline figure links to its definition.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { sampleGenerateArgs } from '../../src/cli/sample.ts';
import { buildSite } from '../../src/site/build/buildSite.ts';
import { axeViolations, launchChromium, SCREENSHOTS, serveSite, settle, watchPage } from './harness.ts';

const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
let work: string;
let browser: Browser;
let site: { url: string; origin: string; close: () => void };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-home-'));
  const exports = join(work, 'exports');
  const db = join(work, 'warehouse.duckdb');
  expect(await runCli(sampleGenerateArgs(exports, ['--mailboxes', '300']), io)).toBe(0);
  expect(await runCli(['ingest', '--exports', exports, '--db', db], io)).toBe(0);
  const dir = join(work, 'public');
  await buildSite({ db, audience: 'public', out: dir, base: '/', today: '2026-11-21' }, io);
  site = await serveSite(dir, '/');
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.each([
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 900 },
])('home page on a $name ($width×$height)', ({ width, height }) => {
  it('loads cleanly: no console error, no outside or failed request, zero axe violations, no sideways scroll', async () => {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchPage(page, site.origin);
    await page.goto(site.url, { waitUntil: 'load' });
    await settle(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SCREENSHOTS, `home-sample-${width}.png`), fullPage: true });
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await page.close();
  });

  it('links every headline figure to its definition on the page', async () => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(site.url);
    const metrics = page.locator('.metrics > li');
    const n = await metrics.count();
    expect(n).toBe(7);
    for (let i = 0; i < n; i++) {
      const link = metrics.nth(i).getByRole('link', { name: /^Cách tính: / });
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^#dinh-nghia-/);
      const term = page.locator(`dt${href}`);
      expect(await term.count(), href).toBe(1);
      expect((await term.locator('+ dd').textContent())!.length, href).toBeGreaterThan(60);
    }
    await metrics.first().getByRole('link').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#dinh-nghia-co-quan');
    await page.close();
  });
});

describe('home page lists', () => {
  it.each([
    ['Giảm điểm nhiều nhất so với kỳ trước', /\d+(,\d)? điểm, kỳ trước \d+(,\d)?: giảm \d+(,\d)? điểm/],
    ['Nhiều phát hiện chưa xử lý nhất', /\d+ phát hiện, trong đó \d+ vi phạm; nhiều nhất là “.+” \(\d+\)/],
  ])('“%s” links each agency to its page', async (title, figures) => {
    const page = await browser.newPage();
    await page.goto(site.url);
    const section = page.getByRole('region', { name: title });
    const items = section.getByRole('listitem');
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(10);
    const targets: { name: string; href: string }[] = [];
    for (let i = 0; i < count; i++) {
      const link = items.nth(i).getByRole('link');
      targets.push({ name: (await link.textContent())!, href: (await link.getAttribute('href'))! });
      expect(await items.nth(i).textContent()).toMatch(figures);
    }
    for (const t of targets) {
      expect(t.href).toMatch(/^\/co-quan\/[^/]+\/$/);
      const response = await page.goto(new URL(t.href, site.url).toString());
      expect(response?.status(), t.href).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t.name);
    }
    await page.close();
  });

  it('shows twelve months on the trends, with mail traffic in each', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    // the chart's numbers, in its table (inside <details>, closed)
    const table = page.locator('table', { has: page.locator('caption', { hasText: 'Thư gửi và nhận theo tháng' }) });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(12);
    for (let i = 0; i < 12; i++) expect(await rows.nth(i).locator('td').first().textContent()).not.toBe('0');
    await page.close();
  });
});
