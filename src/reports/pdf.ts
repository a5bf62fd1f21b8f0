// Node-only: prints the report's HTML to PDF with the system Chromium (playwright-core).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The system Chromium (Debian package `chromium`), or null when it is not installed. */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Prints a self-contained HTML page to an A4 PDF with Chromium, honouring the page's own @page rules (margins, page
 * numbers from page 2, landscape annex pages). Nothing is fetched from the network: the page embeds its fonts.
 */
export async function htmlToPdf(html: string, executablePath: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
