// Issue 18: the ranking and the agency list on a phone. A province made by the generator (429 agencies in eight
// groups, names like "UBND xã Châu Khánh, huyện Long Phú") goes through the real ingest and a public build under a
// sub-path; /xep-hang/ and /co-quan/ are then used at 390×844 and 1366×900: no horizontal scroll, the name before the
// figures, the search box and the group links filtering the rows, zero axe violations, and all of it without
// JavaScript too (plain tables, group links that jump).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { searchWords } from '../../src/directory/fold.ts';
import { axeViolations, launchChromium, SCREENSHOTS, serveSite, watchPage } from './harness.ts';

const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
const BASE = '/thu-cong-vu/';
const WIDTHS = [
  { name: 'dien-thoai', width: 390, height: 844 },
  { name: 'may-tinh', width: 1366, height: 900 },
];
const PAGES = ['xep-hang/', 'co-quan/'];

let work: string;
let browser: Browser;
let site: { url: string; origin: string; close: () => void };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-ranking-'));
  const exportsDir = join(work, 'exports');
  const db = join(work, 'warehouse.duckdb');
  const out = join(work, 'public');
  expect(await runCli(['generate', '--profile', 'soctrang-2024', '--out', exportsDir, '--mailboxes', '500', '--days', '1', '--months', '0'], io)).toBe(0);
  expect(await runCli(['ingest', '--exports', exportsDir, '--db', db], io)).toBe(0);
  expect(await runCli(['build', '--db', db, '--audience', 'public', '--out', out, '--base', BASE], io)).toBe(0);
  site = await serveSite(out, BASE);
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const visibleNames = (page: Page) => page.locator('tbody tr:visible [data-name]').allTextContents();
const rowCount = (page: Page) => page.locator('tbody tr').count();
const horizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `xep-hang-${name}.png`), animations: 'disabled', timeout: 120_000 });

describe.each(WIDTHS)('at $width×$height', ({ name, width, height }) => {
  it.each(PAGES)('%s: readable rows, no horizontal scroll, zero axe violations, before and after filtering', async (route) => {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchPage(page, site.origin);
    await page.goto(`${site.url}${route}`, { waitUntil: 'networkidle' });
    const total = await rowCount(page);
    expect(total).toBeGreaterThan(400);
    expect(await horizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);

    // The name comes first, on a line of its own on a phone, with the figures beneath.
    const row = page.locator('tbody tr').filter({ hasText: 'UBND xã' }).first();
    await row.scrollIntoViewIfNeeded();
    const nameBox = (await row.locator('[data-name]').boundingBox())!;
    const figureBox = (await row.locator('td.num').last().boundingBox())!;
    if (width < 640) {
      expect(nameBox.width).toBeGreaterThan(width * 0.5);
      expect(figureBox.y).toBeGreaterThan(nameBox.y + nameBox.height - 1);
    } else {
      expect(Math.abs(figureBox.y - nameBox.y)).toBeLessThan(12);
    }
    await shot(page, `${route.replace(/\//g, '')}-${name}`);
    await page.close();
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
  });
});

describe.each(WIDTHS)('the search box and the group links at $width×$height', ({ name, width, height }) => {
  it.each(PAGES)('%s: filter by folded words and by group, kept in the URL, zero axe violations while filtered', async (route) => {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchPage(page, site.origin);
    await page.goto(`${site.url}${route}`, { waitUntil: 'networkidle' });
    const total = await rowCount(page);
    const box = page.getByRole('searchbox', { name: 'Tìm cơ quan, đơn vị' });
    const status = page.getByRole('status');

    for (const query of ['nong nghiep', 'Nông nghiệp', 'ubnd long phu', 'van hoa the thao']) {
      await box.fill(query);
      const names = await visibleNames(page);
      expect(names.length, query).toBeGreaterThan(0);
      expect(names.length, query).toBeLessThan(total);
      const words = searchWords(query);
      for (const n of names) {
        const folded = searchWords(n).join(' ');
        // every query word starts a word of the name, or of its initials ("ubnd" for "Ủy ban nhân dân")
        expect(words.every((w) => ` ${folded}`.includes(` ${w}`) || (w === 'ubnd' && / ubnd/.test(` ${folded}`))), `${query}: ${n}`).toBe(true);
      }
      await expect.poll(() => status.textContent()).toBe(`Hiện ${names.length}/${total} cơ quan, đơn vị.`);
    }
    expect(new URL(page.url()).searchParams.get('q')).toBe('van hoa the thao');
    expect(await horizontalScroll(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, `${route.replace(/\//g, '')}-tim-kiem-${name}`);

    // A shared link opens filtered.
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => box.inputValue()).toBe('van hoa the thao');
    expect((await visibleNames(page)).length).toBeGreaterThan(0);

    await box.fill('khong co co quan nao ten nhu the nay');
    expect(await visibleNames(page)).toEqual([]);
    await expect.poll(() => status.textContent()).toBe('Không có cơ quan, đơn vị nào khớp "khong co co quan nao ten nhu the nay".');
    expect(await page.locator('section[data-group]:visible').count()).toBe(0);

    // A group link shows that group alone; with a query, the rows of that group that match.
    await box.fill('');
    const groupLink = page.getByRole('navigation', { name: 'Lọc theo nhóm' }).getByRole('link', { name: /^UBND cấp xã \(\d+\)$/ });
    const groupSize = Number(/\((\d+)\)/.exec((await groupLink.textContent())!)![1]);
    await groupLink.click();
    await expect.poll(() => groupLink.getAttribute('aria-current')).toBe('true');
    expect(await visibleNames(page)).toHaveLength(groupSize);
    expect(await page.locator('section[data-group]:visible').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('nhom')).toBe('ubnd-xa');
    await box.fill('long phu');
    const inGroup = await visibleNames(page);
    expect(inGroup.length).toBeGreaterThan(0);
    expect(inGroup.every((n) => /^UBND (xã|thị trấn|phường)/i.test(n))).toBe(true);
    await shot(page, `${route.replace(/\//g, '')}-nhom-${name}`);
    await page.getByRole('link', { name: /^Tất cả \(\d+\)$/ }).click();
    await box.fill('');
    expect(await visibleNames(page)).toHaveLength(total);
    await expect.poll(() => status.textContent()).toBe('');
    await page.close();
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
  });

});

describe('the ranking\'s filter', () => {
  it('carries the filter to the other periods of the ranking', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}xep-hang/?q=nong+nghiep`, { waitUntil: 'networkidle' });
    const other = page.getByRole('navigation', { name: 'Các kỳ khác' }).getByRole('link').nth(1);
    await expect.poll(() => other.getAttribute('href')).toMatch(/\?q=nong\+nghiep$/);
    await other.click();
    await page.waitForURL(/xep-hang\/20\d\d-H[12]\/\?q=nong\+nghiep$/);
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('nong nghiep');
    expect((await visibleNames(page)).length).toBeLessThan(await rowCount(page));
    await page.close();
  });

  it('keeps Chromium exposing every row and cell as a table in the phone layout', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}xep-hang/`, { waitUntil: 'networkidle' });
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; ignored?: boolean }[] };
    const roles = new Map<string, number>();
    for (const n of nodes) if (!n.ignored && n.role?.value) roles.set(n.role.value, (roles.get(n.role.value) ?? 0) + 1);
    const rows = await rowCount(page);
    expect(roles.get('table')).toBeGreaterThan(0);
    expect(roles.get('row') ?? 0).toBeGreaterThanOrEqual(rows);
    expect(roles.get('rowheader') ?? 0).toBeGreaterThanOrEqual(rows);
    expect(roles.get('cell') ?? 0).toBeGreaterThanOrEqual(rows * 4);
    // the column headers stay for screen readers though hidden on screen
    expect(roles.get('columnheader') ?? 0).toBeGreaterThanOrEqual(5 * (roles.get('table') ?? 0));
    // every group, down to the last row, is in the tree before it is scrolled to (no content-visibility: auto)
    const last = (await page.locator('tbody tr').last().locator('[data-name]').textContent())!.trim();
    const doc = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const found = (await cdp.send('Accessibility.queryAXTree', { nodeId: doc.root.nodeId, accessibleName: last, role: 'link' })) as { nodes: unknown[] };
    expect(found.nodes.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it.each(PAGES)('%s lists every agency in plain tables, and the group links jump to their table', async (route) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${site.url}${route}`);
    const total = await rowCount(page);
    expect(total).toBeGreaterThan(400);
    expect(await visibleNames(page)).toHaveLength(total);
    expect(await horizontalScroll(page)).toBeLessThanOrEqual(0);
    const link = page.getByRole('link', { name: /^UBND cấp xã \(\d+\)$/ });
    expect(await link.getAttribute('href')).toBe('#nhom-ubnd-xa');
    await link.click();
    await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('nhom-ubnd-xa')!.getBoundingClientRect().top))).toBeLessThan(10);
    await context.close();
  });
});
