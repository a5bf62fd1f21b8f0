// Measures the explore page as an analyst's browser sees it (issue 8 acceptance): cold-load time to DuckDB ready and
// to the first saved question's result, bytes of duckdb-wasm and Parquet transferred (raw and gzip, as a portal web
// server would send them), and the Parquet files' sizes on disk.
// Usage: npx tsx test/browser/explore-measure.ts DIR [BASE]   (DIR = an internal build). A measuring script beside
// measure.ts and directory-measure.ts, not part of the product: Chromium as the browser tests launch it (harness.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveSite } from './harness.ts';

/** Loads DIR's /kham-pha/ in a fresh headless Chromium and runs the first saved question. */
export async function measureExplore(dir: string, base = '/') {
  const site = await serveSite(dir, base);
  const origin = site.origin;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // Sizes from Content-Length (a 34 MB body does not stay in the inspector's cache); gzip of whole files from disk.
    const responses: { url: string; raw: number; gzip: number }[] = [];
    page.on('response', (r) => {
      const url = r.url().slice(origin.length);
      const raw = Number(r.headers()['content-length'] ?? 0);
      const whole = r.status() === 200 && /\.(wasm|js)$/.test(url);
      const gzip = whole ? Math.min(raw, gzipSync(readFileSync(join(dir, url.slice(base.length)))).length) : raw;
      responses.push({ url, raw, gzip });
    });
    const started = performance.now();
    await page.goto(`${origin}${base}kham-pha/`);
    await page.waitForSelector('.explore[data-ready="true"]', { timeout: 180_000 });
    const readyMs = performance.now() - started;
    await page.click('.explore-questions button');
    await page.waitForSelector('.explore table tbody tr, .explore-error', { timeout: 180_000 });
    const firstResultMs = performance.now() - started;
    const sum = (f: (u: string) => boolean) =>
      responses.filter((r) => f(r.url)).reduce((s, r) => ({ raw: s.raw + r.raw, gzip: s.gzip + r.gzip }), { raw: 0, gzip: 0 });
    const dataDir = join(dir, 'kham-pha', 'du-lieu');
    return {
      readyMs,
      firstResultMs,
      wasm: sum((u) => u.endsWith('.wasm')),
      worker: sum((u) => u.includes('/kham-pha/duckdb/') && u.endsWith('.js')),
      parquet: sum((u) => u.endsWith('.parquet')),
      total: sum(() => true),
      files: readdirSync(dataDir).map((f) => ({ file: f, bytes: statSync(join(dataDir, f)).size })),
    };
  } finally {
    await browser.close();
    site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, base] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('Cách dùng: npx tsx test/browser/explore-measure.ts THƯ_MỤC_BẢN_NỘI_BỘ [BASE]\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await measureExplore(dir, base ?? '/'), null, 2)}\n`);
}
