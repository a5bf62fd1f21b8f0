import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE_DATA_ENV } from '../data/siteData.ts';
import type { Audience } from './types.ts';

/** The repository root (where astro.config.mjs lives). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Pages only the internal build has (e.g. /kham-pha/): `src/site/internal-pages/<route>.astro`. */
const INTERNAL_PAGES = 'src/site/internal-pages';

function astroFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.astro'))
    .map((e) => join(e.parentPath, e.name));
}

/** Injects the internal-only pages when building for the internal audience; the public build never sees them. */
function audienceRoutes(audience: Audience, root: string): AstroIntegration {
  return {
    name: 'thu-cong-vu:audience-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (audience !== 'internal') return;
        const pages = join(root, INTERNAL_PAGES);
        for (const file of astroFiles(pages)) {
          const route = relative(pages, file).replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
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
  /** A folder of this run for Astro's and Vite's caches (default: a new one in the system's temporary folder,
   * removed after the build). Nothing is written into the project: it may be read-only (installed by root). */
  workDir?: string;
}

/** What Astro reads of the project: copied into the run's root (the sources are 2 MB), or linked. */
const ROOT_COPIES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src'];
const ROOT_LINKS = ['public', 'node_modules'];

/**
 * Astro's root for a build in `workDir`: a copy of the project's sources and configuration, with its packages and
 * public files linked. Astro writes its generated types under its root (`.astro/`), which in the project may be
 * read-only (installed by root, run by a service user) and is shared by builds running at once. A copy, not links:
 * Astro resolves page entry points to their real paths and then needs them under its root.
 */
function prepareRoot(workDir: string): string {
  const root = join(workDir, 'root');
  if (existsSync(join(root, 'astro.config.mjs'))) return root;
  mkdirSync(root, { recursive: true });
  for (const name of ROOT_COPIES) {
    const from = join(PROJECT_ROOT, name);
    if (name.includes('.')) copyFileSync(from, join(root, name));
    else cpSync(from, join(root, name), { recursive: true });
  }
  for (const name of ROOT_LINKS) symlinkSync(join(PROJECT_ROOT, name), join(root, name), 'dir');
  // the pages are rendered from <workDir>/.astro/ (below), whose imports of packages Node looks up from there
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  return root;
}

/** The build running in this process: one at a time, since the pages find their data through process.env. */
let running: Promise<void> = Promise.resolve();

/**
 * Runs the Astro static build with astro.config.mjs plus this build's outDir, base and audience routes. The pages
 * read the site data from the file named in the THU_CONG_VU_SITE_DATA environment variable. Telemetry is off.
 */
export async function runAstroBuild(options: AstroBuildOptions): Promise<void> {
  const previous = running;
  let done!: () => void;
  running = new Promise((resolve) => (done = resolve));
  await previous;
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'thu-cong-vu-astro-'));
  try {
    await buildOnce(options, workDir);
  } finally {
    if (!options.workDir) rmSync(workDir, { recursive: true, force: true });
    done();
  }
}

async function buildOnce(options: AstroBuildOptions, workDir: string): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env[SITE_DATA_ENV] = options.dataFile;
  const { build } = await import('astro');
  const root = prepareRoot(workDir);
  // An outDir outside the working directory is built in <cwd>/.astro/ and copied over: while Astro runs, the
  // working directory is the run's folder (it was the install folder, which the service's user cannot write).
  const cwd = process.cwd();
  process.chdir(workDir);
  try {
    await build(
      {
        root,
        outDir: options.outDir,
        base: options.base,
        // Astro keeps its content store in node_modules/.astro and Vite its dependency cache in node_modules/.vite
        // by default: here they are the run's own.
        cacheDir: join(workDir, 'astro'),
        vite: { cacheDir: join(workDir, 'vite') },
        logLevel: 'warn',
        integrations: [audienceRoutes(options.audience, root)],
      },
      { teardownCompiler: false },
    );
  } finally {
    process.chdir(cwd);
  }
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
