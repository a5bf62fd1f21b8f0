import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE_DATA_ENV } from '../data/siteData.ts';
import type { Audience } from './types.ts';
import { acquireLock } from '../../warehouse/lock.ts';

/** The repository root (where astro.config.mjs lives). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Pages only the internal build has (e.g. /kham-pha/): `src/site/internal-pages/<route>.astro`. */
const INTERNAL_PAGES = join(PROJECT_ROOT, 'src/site/internal-pages');

function astroFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.astro'))
    .map((e) => join(e.parentPath, e.name));
}

/** Injects the internal-only pages when building for the internal audience; the public build never sees them. */
function audienceRoutes(audience: Audience): AstroIntegration {
  return {
    name: 'thu-cong-vu:audience-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (audience !== 'internal') return;
        for (const file of astroFiles(INTERNAL_PAGES)) {
          const route = relative(INTERNAL_PAGES, file).replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
          injectRoute({ pattern: `/${route}`, entrypoint: file });
        }
      },
    },
  };
}

export interface AstroBuildOptions {
  audience: Audience;
  outDir: string;
  /** Normalised base path: starts and ends with "/". */
  base: string;
  /** The JSON file holding the collected site data. */
  dataFile: string;
}

/**
 * Runs the Astro static build with astro.config.mjs plus this build's outDir, base and audience routes. The pages
 * read the site data from the file named in the THU_CONG_VU_SITE_DATA environment variable. Telemetry is off.
 */
export async function runAstroBuild(options: AstroBuildOptions): Promise<void> {
  // Astro keeps intermediate build files in the project (.astro/, node_modules/.astro): two builds at once (parallel
  // test files, a test beside `npm start`) overwrite each other's. One build at a time per checkout.
  const release = await acquireLock(join(PROJECT_ROOT, '.astro-build.lock'), 30 * 60_000);
  try {
    await buildOnce(options);
  } finally {
    release();
  }
}

async function buildOnce(options: AstroBuildOptions): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env[SITE_DATA_ENV] = options.dataFile;
  const { build } = await import('astro');
  await build(
    {
      root: PROJECT_ROOT,
      outDir: options.outDir,
      base: options.base,
      logLevel: 'warn',
      integrations: [audienceRoutes(options.audience)],
    },
    { teardownCompiler: false },
  );
  removeAstroLeftovers(options.outDir);
}

/**
 * Files Astro 5 leaves at the root of an outDir outside the project (withastro/astro#14903: the content layer's empty
 * `content-assets.mjs` / `content-modules.mjs`, sometimes `data-store.json` / `settings.json`). The site never
 * writes files of these names, and none of them may be published.
 */
export const ASTRO_LEFTOVERS = ['content-assets.mjs', 'content-modules.mjs', 'data-store.json', 'settings.json'] as const;

function removeAstroLeftovers(outDir: string): void {
  for (const name of ASTRO_LEFTOVERS) rmSync(join(outDir, name), { force: true });
}
