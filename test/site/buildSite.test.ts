import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, normaliseBase } from '../../src/site/build/buildSite.ts';
import { createFixtureWarehouse, HOSTILE, PERSONAL } from './fixture.ts';
import { siteTexts } from './scan.ts';

const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
let work: string;
let publicDir: string;
let internalDir: string;
const memo = new Map<string, Promise<unknown>>();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-site-'));
  const db = join(work, 'warehouse.duckdb');
  await createFixtureWarehouse(db);
  publicDir = join(work, 'public');
  internalDir = join(work, 'internal');
  await buildSite({ db, audience: 'public', out: publicDir, base: '/thu-cong-vu/', memo }, io);
  const shared = [...memo.values()];
  await buildSite({ db, audience: 'internal', out: internalDir, memo }, io);
  expect([...memo.values()]).toEqual(shared);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('normaliseBase', () => {
  it.each([
    [undefined, '/'],
    ['/', '/'],
    ['thu-cong-vu', '/thu-cong-vu/'],
    ['/a/b/', '/a/b/'],
  ])('%s → %s', (input, expected) => expect(normaliseBase(input)).toBe(expected));
  it('refuses anything but a plain path', () => {
    expect(() => normaliseBase('/a b/')).toThrow(/không hợp lệ/);
    expect(() => normaliseBase('https://x/')).toThrow(/không hợp lệ/);
  });
});

describe('shared memo', () => {
  it('computes scores per ranked period and findings once for both builds', () => {
    expect([...memo.keys()].sort()).toEqual([
      'findings:soctrang-2024:2026-11-20',
      'scores:soctrang-2024:2026',
      'scores:soctrang-2024:2026-H1',
      'scores:soctrang-2024:2026-H2',
    ]);
  });
});

describe('public build', () => {
  it('contains no personal phone, CCCD or birth date in any file (XLSX unpacked)', () => {
    const texts = siteTexts(publicDir);
    expect(texts.length).toBeGreaterThan(5);
    for (const [file, text] of texts) {
      for (const value of Object.values(PERSONAL)) {
        expect(text.includes(value), `${value} in ${file}`).toBe(false);
      }
    }
  });

  it('never carries a hostile name as live markup in any page', () => {
    for (const [file, text] of siteTexts(publicDir)) {
      if (file.endsWith('.html')) expect(text.includes(HOSTILE.script), file).toBe(false);
    }
  });

  it('omits the raw quarantined text but keeps file, line and reason', () => {
    const html = readFileSync(join(publicDir, 'du-lieu/index.html'), 'utf8');
    expect(html).toContain('mã cơ quan &quot;KHONGCO&quot; không có trong danh mục');
    expect(html).not.toContain('X1,Cơ quan X');
    const csv = readFileSync(join(publicDir, 'du-lieu/cach-ly.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).not.toContain('X1,Cơ quan X');
  });

  it('prefixes every internal link and asset with the base path', () => {
    const html = readFileSync(join(publicDir, 'index.html'), 'utf8');
    const urls = [...html.matchAll(/(?:href|src|component-url|renderer-url)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) if (!url.startsWith('#')) expect(url.startsWith('/thu-cong-vu/'), url).toBe(true);
  });

  it('publishes no per-mailbox list on agency pages', () => {
    const html = readFileSync(join(publicDir, 'co-quan/SKHCN/index.html'), 'utf8');
    expect(html).toContain('Sở Khoa học và Công nghệ');
    expect(html).not.toContain('dcnguyen@');
  });

  it('writes Vietnamese lang, dates and numbers', () => {
    const html = readFileSync(join(publicDir, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('20/11/2026');
  });
});

describe('internal build', () => {
  it('lists the hostile mailboxes with their names escaped as text', () => {
    const html = readFileSync(join(internalDir, 'co-quan/SKHCN/index.html'), 'utf8');
    expect(html).toContain('hacker1@soctrang.gov.vn');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain(HOSTILE.script);
  });

  it('neutralises the formula name in the CSV download', () => {
    const csv = readFileSync(join(internalDir, 'co-quan/MYXUYEN/hop-thu.csv'), 'utf8');
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const hostile = rows.find((r) => r[0] === 'hacker2@soctrang.gov.vn');
    expect(hostile?.[1]).toBe(`'${HOSTILE.formula}`);
  });

  it('still contains no personal phone, CCCD or birth date', () => {
    for (const [file, text] of siteTexts(internalDir)) {
      for (const value of Object.values(PERSONAL)) expect(text.includes(value), `${value} in ${file}`).toBe(false);
    }
  });

  it('shows a merged agency with a link to its successor', () => {
    const html = readFileSync(join(internalDir, 'co-quan/STTTT/index.html'), 'utf8');
    expect(html).toContain('Đã ngừng hoạt động từ 01/03/2025.');
    expect(html).toContain('href="/co-quan/SKHCN/"');
  });
});
