// Measures the directory on a built site (issue 6 acceptance): bytes of /danh-ba/ before the search index is needed
// (raw and gzip, as a portal server would send them), bytes of the index, and keystroke-to-results time in Chromium.
// Usage: npx tsx test/browser/directory-measure.ts DIR [BASE]   (DIR = one build, e.g. tmp/site/public)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serveSite } from './harness.ts';

const QUERIES = ['nguyen van an', 'tran thi hoa', 'ntbinh', 'dang', 'so tttt', 'le minh', 'thach', 'lo van'];

const gz = (b: Buffer) => Math.min(gzipSync(b, { level: 6 }).length, b.length);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main(): Promise<void> {
  const [dir, base = '/'] = process.argv.slice(2);
  if (!dir) throw new Error('cách dùng: npx tsx test/browser/directory-measure.ts THƯ_MỤC_SITE [BASE]');
  const index = readFileSync(join(dir, 'danh-ba/chi-muc.json'));
  const entries = (JSON.parse(index.toString('utf8')) as { entries: unknown[] }).entries.length;
  const site = await serveSite(dir, base);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const bodies: Promise<{ url: string; raw: number; gzip: number }>[] = [];
    page.on('response', (r) => bodies.push(r.body().then((b) => ({ url: r.url().slice(site.origin.length), raw: b.length, gzip: gz(b) }))));
    await page.goto(`${site.url}danh-ba/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const before = await Promise.all(bodies);
    if (before.some((r) => r.url.endsWith('chi-muc.json'))) throw new Error('chỉ mục bị tải trước khi cần');

    const box = page.getByRole('searchbox');
    const loadStart = Date.now();
    await box.focus();
    await page.waitForFunction(() => document.querySelector('#ket-qua-danh-ba') !== null && !document.querySelector('.search-status')?.textContent?.includes('Đang tải'));
    await box.type('a');
    await page.waitForFunction(() => document.querySelector('#ket-qua-danh-ba')?.getAttribute('data-query') === 'a');
    const firstLoadMs = Date.now() - loadStart;
    await box.fill('');

    // Per keystroke: from the keydown to the results list showing that exact query (after React commits the DOM).
    await page.evaluate(() => {
      const w = window as unknown as { __t0: number; __times: number[] };
      w.__times = [];
      const input = document.querySelector<HTMLInputElement>('#tim-danh-ba')!;
      const list = document.querySelector('#ket-qua-danh-ba')!;
      input.addEventListener('keydown', () => (w.__t0 = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (w.__t0 && list.getAttribute('data-query') === input.value && input.value.trim() !== '') {
          w.__times.push(performance.now() - w.__t0);
          w.__t0 = 0;
        }
      }).observe(list, { attributes: true, childList: true, subtree: true });
    });
    for (const q of QUERIES) {
      await box.fill('');
      for (const ch of q) {
        await page.keyboard.press(ch === ' ' ? 'Space' : ch);
        await page.waitForFunction((v) => document.querySelector('#ket-qua-danh-ba')?.getAttribute('data-query') === v || v.trim() === '', await box.inputValue());
      }
    }
    const times = await page.evaluate(() => (window as unknown as { __times: number[] }).__times);
    const sum = (k: 'raw' | 'gzip') => before.reduce((s, r) => s + r[k], 0);
    console.log(JSON.stringify({
      entries,
      pageBeforeIndex: { requests: before.length, raw: sum('raw'), gzip: sum('gzip'), files: before },
      index: { raw: index.length, gzip: gz(index) },
      firstSearchIncludingIndexLoadMs: firstLoadMs,
      keystrokes: times.length,
      keystrokeToResultsMs: { median: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times) },
    }, null, 2));
  } finally {
    await browser.close();
    site.close();
  }
}

await main();
