// Node-only: reads the self-hosted serif font files from the @fontsource/tinos package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @font-face rules for the report's fallback serif, embedded as data: URLs so report.html is self-contained and
 * prints the same on a machine without Times New Roman. Tinos is the design Liberation Serif 2 is built from
 * (metric-compatible with Times New Roman, full Vietnamese); a locally installed Liberation Serif is preferred.
 */
export function embeddedFontCss(): string {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@fontsource/tinos/package.json')), 'files');
  const subsets: [string, string][] = [
    ['vietnamese', 'U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, U+0300-0301, U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB'],
    ['latin-ext', 'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF'],
    ['latin', 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD'],
  ];
  const rules: string[] = [];
  for (const weight of [400, 700]) {
    for (const style of ['normal', 'italic']) {
      for (const [subset, range] of subsets) {
        const bytes = readFileSync(join(dir, `tinos-${subset}-${weight}-${style}.woff2`));
        rules.push(
          `@font-face{font-family:Tinos;font-style:${style};font-weight:${weight};font-display:swap;` +
            `src:url(data:font/woff2;base64,${bytes.toString('base64')}) format('woff2');unicode-range:${range};}`,
        );
      }
    }
  }
  return rules.join('\n');
}
