// Shared set-up for browser tests: headless system Chromium (playwright-core), a site served from a folder, the
// routes a build contains, axe-core injected from node_modules.
import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from '../../src/site/build/serve.ts';

export const AXE_PATH = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Launches the system Chromium with the flags the project's CI uses, plus `extraArgs`. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
  });
}

/** Serves `dir` (built for `base`) on a free loopback port; returns the site's origin + base and a close function. */
export async function serveSite(dir: string, base: string): Promise<{ url: string; origin: string; close: () => void }> {
  const server = await serveStatic(dir, 0, base);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}${base}`, origin, close: () => server.close() };
}

/** Every page of a build as a route relative to the base ("", "xep-hang/", "co-quan/SKHCN/" …), sorted. */
export function routesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => relative(dir, e.parentPath).split(sep).join('/'))
    .map((r) => (r === '' ? '' : `${r}/`))
    .sort();
}

export interface PageProblems {
  consoleErrors: string[];
  foreignRequests: string[];
  failedRequests: string[];
}

/** Records console errors, page errors, requests leaving `origin` and failed requests for one page. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], foreignRequests: [], failedRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.foreignRequests.push(url);
  });
  page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.failedRequests.push(`${r.url()} ${r.status()}`);
  });
  return problems;
}

/** Scrolls through the page so every `client:visible` island hydrates, then waits for the network to settle. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Runs axe-core (WCAG 2.0/2.1 A and AA plus best practices) and returns the violations, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** A file name for a route's screenshot: "public-co-quan-SKHCN.png". */
export function screenshotPath(audience: string, route: string): string {
  return join(SCREENSHOTS, `${audience}-${route.replace(/\/$/, '').replace(/\//g, '-') || 'tong-quan'}.png`);
}
