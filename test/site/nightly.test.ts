import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { siteTexts } from './scan.ts';

// The acceptance test of issue 5: an export with hostile display names and personal phone, CCCD and birth date
// filled in goes through `nightly` (ingest, both builds, atomic publish).
const EXPORTS = fileURLToPath(new URL('./exports/hostile/', import.meta.url));
const PERSONAL = ['0912345678', '094088001234', '1988-04-15', '15/04/1988', '0987654321', '079199004321', '15/04/1990',
  '0977111222', '083200007777', '1979-12-31', '31/12/1979'];

// Every score and findings computation of the run, counted where the compliance engine computes them (issue 16).
const computed = vi.hoisted(() => ({ scores: [] as string[], findings: [] as string[] }));
vi.mock('../../src/warehouse/compliance/scores.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/warehouse/compliance/scores.ts')>();
  return {
    ...real,
    computeScores: (...args: Parameters<typeof real.computeScores>) => {
      computed.scores.push(args[2].id);
      return real.computeScores(...args);
    },
  };
});
vi.mock('../../src/warehouse/compliance/findings.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/warehouse/compliance/findings.ts')>();
  return {
    ...real,
    computeFindings: (...args: Parameters<typeof real.computeFindings>) => {
      computed.findings.push(`${args[2].asOf} ${args[2].eventsFrom ?? args[2].asOf}`);
      return real.computeFindings(...args);
    },
  };
});

let work: string;
let err = '';
let firstRun: { scores: string[]; findings: string[] };
const io = { stdout: () => {}, stderr: (t: string) => void (err += t), isTTY: false };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-nightly-'));
  const code = await runCli(['nightly', '--exports', EXPORTS, '--db', join(work, 'w.duckdb'), '--out', join(work, 'site')], io);
  expect(code, err).toBe(0);
  firstRun = { scores: [...computed.scores], findings: [...computed.findings] };
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('nightly on an export with hostile names and personal data', () => {
  it('publishes both audiences as symlinks into one release', () => {
    const links = ['public', 'internal'].map((a) => join(work, 'site', a));
    for (const l of links) expect(lstatSync(l).isSymbolicLink()).toBe(true);
    const [pub, internal] = links.map((l) => readlinkSync(l));
    expect(pub!.replace(/public$/, '')).toBe(internal!.replace(/internal$/, ''));
    expect(existsSync(join(work, 'site', 'public', 'index.html'))).toBe(true);
  });

  it('computes the scores of each period once for both builds and their reports, and findings once per scope', () => {
    // ranked on 20/11/2026: the year, its second and first half; reported: the year and its first half
    expect([...firstRun.scores].sort()).toEqual(['2026', '2026-H1', '2026-H2']);
    // the site's open findings on the night; each report's state on its last day with the events of its period
    expect([...firstRun.findings].sort()).toEqual(['2026-06-30 2026-01-01', '2026-11-20 2026-01-01', '2026-11-20 2026-11-20']);
  });

  it('public build: none of the personal data in any file', () => {
    for (const [file, text] of siteTexts(join(work, 'site', 'public'))) {
      for (const value of PERSONAL) expect(text.includes(value), `${value} in ${file}`).toBe(false);
    }
  });

  it('internal build: none of the personal data either', () => {
    for (const [file, text] of siteTexts(join(work, 'site', 'internal'))) {
      for (const value of PERSONAL) expect(text.includes(value), `${value} in ${file}`).toBe(false);
    }
  });

  it('public build: the directory still lists the script-named mailbox, escaped, and neutralises the formula in CSV', () => {
    const pages = siteTexts(join(work, 'site', 'public')).filter(([f, t]) => f.endsWith('.html') && t.includes('xss@soctrang.gov.vn'));
    expect(pages.length).toBeGreaterThan(0);
    for (const [file, text] of pages) expect(text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), file).toBe(true);
    const csvs = siteTexts(join(work, 'site', 'public')).filter(([f, t]) => f.endsWith('.csv') && t.includes('formula@soctrang.gov.vn'));
    expect(csvs.length).toBeGreaterThan(0);
    for (const [file, text] of csvs) {
      const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      const cells = rows.find((r) => r.includes('formula@soctrang.gov.vn'))!;
      expect(cells, file).toContain(`'=HYPERLINK("http://x","y")`);
      expect(cells, file).not.toContain('=HYPERLINK("http://x","y")');
    }
  });

  it('internal build: lists the script-named mailbox with its name escaped', () => {
    const html = readFileSync(join(work, 'site', 'internal', 'co-quan', 'SKHCN', 'index.html'), 'utf8');
    expect(html).toContain('xss@soctrang.gov.vn');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const [file, text] of siteTexts(join(work, 'site', 'public'))) {
      if (file.endsWith('.html')) expect(text.includes('<script>alert(1)</script>'), file).toBe(false);
    }
  });

  it('neutralises the formula name in the CSV download', () => {
    const csv = readFileSync(join(work, 'site', 'internal', 'co-quan', 'MYXUYEN', 'hop-thu.csv'), 'utf8');
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows.find((r) => r[0] === 'formula@soctrang.gov.vn')?.[1]).toBe(`'=HYPERLINK("http://x","y")`);
  });

  it('a failed night leaves the published site untouched', async () => {
    const before = readlinkSync(join(work, 'site', 'public'));
    const code = await runCli(['nightly', '--exports', join(work, 'khong-co'), '--db', join(work, 'w.duckdb'), '--out', join(work, 'site')], io);
    expect(code).toBe(1);
    expect(readlinkSync(join(work, 'site', 'public'))).toBe(before);
    expect(existsSync(join(work, 'site', 'public', 'index.html'))).toBe(true);
  });
});
