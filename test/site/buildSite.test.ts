import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, normaliseBase } from '../../src/site/build/buildSite.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';
import { createFixtureWarehouse, HOSTILE, PERSONAL } from './fixture.ts';
import { siteTexts } from './scan.ts';
import { codeFinder, csvCells, docxText, visibleHtmlText, xlsxCells, type CodeHit } from '../reports/codes.ts';

const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
let work: string;
let publicDir: string;
let internalDir: string;
const compliance = new ComplianceSession();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-site-'));
  const db = join(work, 'warehouse.duckdb');
  await createFixtureWarehouse(db);
  publicDir = join(work, 'public');
  internalDir = join(work, 'internal');
  await buildSite({ db, audience: 'public', out: publicDir, base: '/thu-cong-vu/', today: '2026-11-21', compliance }, io);
  const shared = compliance.keys();
  await buildSite({ db, audience: 'internal', out: internalDir, today: '2026-11-21', compliance }, io);
  expect(compliance.keys()).toEqual(shared);
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

describe('one compliance session', () => {
  it('computes scores per period, findings per scope and counts per day once for both builds and their reports', () => {
    expect(compliance.keys().sort()).toEqual([
      'soctrang-2024:counts:2026-10-21',
      'soctrang-2024:counts:2026-11-20',
      'soctrang-2024:findings:2026-06-30:2026-01-01', // the 6-month report: state on its last day, events of the half
      'soctrang-2024:findings:2026-11-20:2026-01-01', // the annual report: state on its last night, events of the year
      'soctrang-2024:findings:2026-11-20:2026-11-20', // the site: open findings on the night
      'soctrang-2024:scores:2026',
      'soctrang-2024:scores:2026-H1',
      'soctrang-2024:scores:2026-H2',
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

/**
 * The quarantine download is exempt: its "Lý do" and "Nội dung gốc" quote the operator's export file as it was written
 * (a code such as "ca-nhan" is what the file must hold), which is what a clerk fixing the file needs to see.
 */
const QUOTES_THE_EXPORT = /^du-lieu\/cach-ly\./;

async function codesShown(dir: string): Promise<string[]> {
  const finder = codeFinder();
  const hits: CodeHit[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const rel = relative(dir, file);
    if (QUOTES_THE_EXPORT.test(rel)) continue;
    if (rel.endsWith('.csv')) for (const v of csvCells(file)) hits.push(...finder.cell(rel, v));
    else if (rel.endsWith('.xlsx')) for (const v of await xlsxCells(file)) hits.push(...finder.cell(rel, v));
    else if (rel.startsWith('bao-cao/') && rel.endsWith('.html')) hits.push(...finder.text(rel, visibleHtmlText(readFileSync(file, 'utf8'))));
    else if (rel.endsWith('.docx')) hits.push(...finder.text(rel, docxText(new Uint8Array(readFileSync(file)))));
  }
  return hits.map((h) => `${h.where}: "${h.code}" trong «${h.context}»`);
}

describe('no machine code shown to a reader (SPEC §6, issue 15)', () => {
  it.each([
    ['public', () => publicDir],
    ['internal', () => internalDir],
  ])('%s build: no code in any download (CSV, XLSX) or report page and document', async (_audience, dir) => {
    expect(await codesShown(dir())).toEqual([]);
  });

  it('the downloads follow the CSV convention: ISO dates, numbers with a dot, no total row', () => {
    const runs = csvCells(join(internalDir, 'du-lieu/lich-su-nap.csv'));
    expect(runs).toContain('2026-11-20');
    expect(runs).toContain('2026-11-21T01:02+07:00');
    expect(runs).toContain('Đã nạp: Danh mục cơ quan');
    const mailboxes = readFileSync(join(internalDir, 'co-quan/SKHCN/hop-thu.csv'), 'utf8');
    expect(mailboxes).toMatch(/,2025-12-01,/);
    expect(mailboxes).toContain(',512.5');
    expect(mailboxes).not.toMatch(/\d\d\/\d\d\/\d{4}/);
  });

  it('a report period before the warehouse\'s first night says so and publishes no tables of zeros', () => {
    // The fixture's registry starts on 01/10/2026 and its mail log in October: the first half of 2026 is not covered.
    const html = readFileSync(join(publicDir, 'bao-cao/2026-H1/index.html'), 'utf8');
    expect(html).toContain('Kho dữ liệu không có số liệu của 6 tháng đầu năm 2026');
    expect(html).not.toContain('class="bao-cao"');
    expect(existsSync(join(publicDir, 'bao-cao/2026-H1/phu-luc-1-hop-thu.csv'))).toBe(false);
    expect(existsSync(join(publicDir, 'bao-cao/2026/phu-luc-1-hop-thu.csv'))).toBe(true);
  });

  it('leaves none of Astro\'s stray content-layer files at the site root', () => {
    for (const dir of [publicDir, internalDir]) {
      expect(readdirSync(dir).filter((n) => /^(content-(assets|modules)\.mjs|data-store\.json|settings\.json)$/.test(n))).toEqual([]);
    }
  });
});
