// Measures a built site as a visitor's browser sees it (issue 5 acceptance): bytes of the home page and everything it
// loads, raw and gzip-compressed (as a portal web server would send them), plus paint timings in Chromium.
// Usage: npx tsx test/browser/measure.ts DIR [BASE]   (DIR = one build, e.g. data/sample/site/public)
import { gzipSync } from 'node:zlib';
import { launchChromium, serveSite } from './harness.ts';

/** Per-request bytes of one page load without scrolling (islands below the fold are not loaded). */
export async function measureHomePage(dir: string, base = '/'): Promise<{
  requests: { url: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
  fcpMs: number | null;
  lcpMs: number | null;
  cls: number;
}> {
  const site = await serveSite(dir, base);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1350, height: 940 } });
    const bodies: Promise<{ url: string; raw: number; gzip: number }>[] = [];
    page.on('response', (r) => {
      bodies.push(
        r.body().then((b) => {
          // Already-compressed formats (woff2, png) gain nothing: count whichever is smaller.
          const gz = gzipSync(b, { level: 6 }).length;
          return { url: r.url().slice(site.origin.length), raw: b.length, gzip: Math.min(gz, b.length) };
        }),
      );
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number; __cls: number };
      w.__lcp = 0;
      w.__cls = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__lcp = e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => (w.__cls += (e as unknown as { value: number }).value)),
      ).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site.url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const timings = await page.evaluate(() => {
      const w = window as unknown as { __lcp: number; __cls: number };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      return { fcpMs: fcp, lcpMs: w.__lcp || null, cls: w.__cls };
    });
    const requests = await Promise.all(bodies);
    return {
      requests,
      raw: requests.reduce((s, r) => s + r.raw, 0),
      gzip: requests.reduce((s, r) => s + r.gzip, 0),
      ...timings,
    };
  } finally {
    await browser.close();
    site.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, base] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('Cách dùng: npx tsx test/browser/measure.ts THƯ_MỤC_BẢN_DỰNG [BASE]\n');
    process.exit(2);
  }
  const m = await measureHomePage(dir, base ?? '/');
  for (const r of m.requests) process.stdout.write(`${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)}  ${r.url}\n`);
  process.stdout.write(`${String(m.raw).padStart(9)} ${String(m.gzip).padStart(9)}  TỔNG (byte thô / gzip)\n`);
  process.stdout.write(`FCP ${m.fcpMs?.toFixed(0)} ms, LCP ${m.lcpMs?.toFixed(0)} ms, CLS ${m.cls.toFixed(3)}\n`);
}
