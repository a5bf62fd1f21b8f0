import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build/buildSite.ts';
import { createFixtureWarehouse } from '../site/fixture.ts';
import { axeViolations, launchChromium, serveSite, watchPage } from './harness.ts';

const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
const BASE = '/tcv/';

let work: string;
let browser: Browser;
let site: { url: string; origin: string; close: () => void };
let mailboxCount: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-explore-'));
  const db = join(work, 'warehouse.duckdb');
  await createFixtureWarehouse(db);
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  const reader = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM mailboxes WHERE seen_from <= DATE '2026-11-20' AND (seen_to IS NULL OR seen_to > DATE '2026-11-20')`,
  );
  mailboxCount = reader.getRows()[0]![0] as number;
  conn.closeSync();
  instance.closeSync();
  await buildSite({ db, audience: 'internal', out: join(work, 'internal'), base: BASE, today: '2026-11-21' }, io);
  await buildSite({ db, audience: 'public', out: join(work, 'public'), base: BASE, today: '2026-11-21' }, io);
  site = await serveSite(join(work, 'internal'), BASE);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openExplore(page: Page): Promise<void> {
  await page.goto(`${site.url}kham-pha/`, { waitUntil: 'load' });
  await page.waitForSelector('.explore[data-ready="true"]', { timeout: 120_000 });
}

describe('explore page (/kham-pha/)', () => {
  it('exists only in the internal build, with its Parquet and duckdb-wasm files', () => {
    const pub = join(work, 'public');
    expect(existsSync(join(pub, 'kham-pha'))).toBe(false);
    const files = readdirSync(pub, { recursive: true }).map(String);
    expect(files.filter((f) => /\.(parquet|wasm)$/.test(f) || f.includes('duckdb'))).toEqual([]);
    const html = files.filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(pub, f), 'utf8')).join('\n');
    expect(html).not.toContain('kham-pha');
    const internal = join(work, 'internal', 'kham-pha');
    expect(readdirSync(join(internal, 'du-lieu')).sort()).toEqual(
      ['agencies.parquet', 'findings.parquet', 'mail_daily_agency.parquet', 'mailboxes.parquet'],
    );
    expect(readdirSync(join(internal, 'duckdb')).sort()).toEqual(
      ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js', 'duckdb-eh.wasm', 'duckdb-mvp.wasm'],
    );
  });

  it('runs a saved question and a typed query, downloads the CSV, and no request leaves the site', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const problems = watchPage(page, site.origin);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const started = Date.now();
    await openExplore(page);

    await page.click('button[data-question="thu-ra-ngoai-tinh-theo-thang"]');
    await page.waitForSelector('.explore table tbody tr');
    const firstResultMs = Date.now() - started;
    const headers = await page.locator('.explore table thead th').allTextContents();
    expect(headers).toEqual(['thang', 'luot_gui_ra_ngoai_tinh', 'luot_gui_trong_tinh']);
    expect(await page.locator('.explore-chart canvas').count()).toBe(1);

    await page.fill('#sql', 'SELECT count(*) AS so_hop_thu FROM mailboxes');
    await page.click('.explore button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.explore table thead th')?.textContent === 'so_hop_thu');
    expect(await page.locator('.explore table tbody td').first().textContent()).toBe(String(mailboxCount));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.explore-count a[download]')]);
    expect(download.suggestedFilename()).toBe('ket-qua.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(Papa.parse<string[]>(csv.slice(1).trim()).data).toEqual([['so_hop_thu'], [String(mailboxCount)]]);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    expect(requested.every((u) => u.startsWith(site.origin) || u.startsWith('blob:') || u.startsWith('data:'))).toBe(true);
    const wasm = requested.filter((u) => u.endsWith('.wasm'));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]!.startsWith(`${site.origin}${BASE}kham-pha/duckdb/`)).toBe(true);
    expect(requested.some((u) => u.endsWith('mailboxes.parquet'))).toBe(true);
    process.stderr.write(`explore: first result ${firstResultMs} ms after navigation (cold, fixture)\n`);
    await page.close();
  });

  it('shows a Vietnamese message for a bad query, and the page keeps working', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page, site.origin);
    await openExplore(page);
    await page.fill('#sql', 'SELEC * FROM bang_khong_co');
    await page.click('.explore button[type="submit"]');
    const alert = page.locator('.explore-error[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Câu lệnh SQL không chạy được');
    expect(await alert.locator('pre').textContent()).toMatch(/syntax error|Parser Error/i);
    expect(await page.locator('#sql').isVisible()).toBe(true);

    await page.fill('#sql', 'SELECT name FROM agencies ORDER BY code LIMIT 1');
    await page.click('.explore button[type="submit"]');
    await page.waitForSelector('.explore table tbody tr');
    expect(await page.locator('.explore-error').count()).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], foreignRequests: [], failedRequests: [] });
    await page.close();
  });
});
