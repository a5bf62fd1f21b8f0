// The CLI compiled ahead of running: esbuild bundles the TypeScript entry points (src/cli/main.ts and the mail-log
// parser's worker) into node_modules/.cache/thu-cong-vu/, and the bundle is reused until one of its inputs changes.
// Under tsx every module goes through loader hooks on another thread: the nightly ingest spent 0.8 s starting and
// each parser thread 0.4 s more; compiled, the CLI starts in about a tenth of a second.
//
// Plain JavaScript on purpose: this file runs before anything can load TypeScript. Each bundled module keeps
// `import.meta.url` pointing at its source file, so the SQL, policies and fonts it finds beside itself are found
// as under tsx. Concurrent runs are safe: each build writes a directory of its own, and the manifest that names it
// is renamed into place once it is complete.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Beside the dependencies; where the service's user cannot write there, in the system's temporary folder. */
const CACHES = [
  join(ROOT, 'node_modules', '.cache', 'thu-cong-vu'),
  join(tmpdir(), `thu-cong-vu-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`),
];
/** Entry points, by output name. */
const ENTRIES = {
  main: 'src/cli/main.ts',
  parseWorker: 'src/warehouse/maillog/parseWorker.ts',
};
/** Bundles older than this are removed when a new one is written (a run still using one is long finished). */
const KEEP_MS = 24 * 3600 * 1000;

/** The bundle's files as file URLs, building it first when a source changed since the last build. */
export async function compiledCli() {
  const dir = await compiledDir();
  return Object.fromEntries(Object.keys(ENTRIES).map((name) => [name, pathToFileURL(join(dir, `${name}.js`)).href]));
}

async function compiledDir() {
  for (const cache of CACHES) {
    const dir = fresh(cache);
    if (dir) return dir;
  }
  let failure;
  for (const cache of CACHES) {
    try {
      return await build(cache);
    } catch (err) {
      if (!['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'].includes(err?.code)) throw err;
      failure = err; // not writable here: the next place
    }
  }
  throw failure;
}

const stamp = (path) => {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
};

/** The directory of the last build in `cache` when none of its inputs (nor the lock file, nor this file) changed. */
function fresh(cache) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, 'cli.json'), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.node !== process.version || !existsSync(join(manifest.dir, 'main.js'))) return null;
  for (const [path, seen] of Object.entries(manifest.inputs)) if (stamp(join(ROOT, path)) !== seen) return null;
  return manifest.dir;
}

async function build(cache) {
  const { build: esbuild, version } = await import('esbuild');
  // a new directory each build, named before it (the worker's address is written into the bundle); the manifest
  // names it only once it is complete, so a run never sees half a bundle
  const dir = join(cache, `cli-${Date.now()}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const result = await esbuild({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: dir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'silent',
      define: { __THU_CONG_VU_PARSE_WORKER__: JSON.stringify(pathToFileURL(join(dir, 'parseWorker.js')).href) },
      plugins: [sourceImportMeta],
    });
    const inputs = {};
    for (const path of [...Object.keys(result.metafile.inputs), 'package-lock.json', relative(ROOT, fileURLToPath(import.meta.url))]) {
      inputs[path] = stamp(join(ROOT, path));
    }
    const manifest = join(cache, 'cli.json');
    const tmp = `${manifest}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ dir, node: process.version, esbuild: version, inputs }, null, 1));
    renameSync(tmp, manifest);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  prune(cache, dir);
  return dir;
}

/** Each project module's `import.meta.url` becomes its source file's URL (its neighbours are read at run time). */
const sourceImportMeta = {
  name: 'source-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts', resolveDir: dirname(args.path) };
    });
  },
};

/** Removes bundles a day old but the current one (a run that used one has long finished). */
function prune(cache, keep) {
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path === keep || !name.startsWith('cli-')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}
