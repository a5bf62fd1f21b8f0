// The CLI compiled ahead of running: esbuild bundles the TypeScript entry points (src/cli/main.ts and the mail-log
// parser's worker) into a cache folder, and the bundle is reused until one of its inputs changes. Under tsx every
// module goes through loader hooks on another thread: the nightly ingest spent 0.8 s starting and each parser thread
// 0.4 s more; compiled, the CLI starts in about a tenth of a second.
//
// Plain JavaScript on purpose: this file runs before anything can load TypeScript. Each bundled module keeps
// `import.meta.url` pointing at its source file, so the SQL, policies and fonts it finds beside itself are found
// as under tsx; each package import is written into the bundle as the absolute address of that package in this
// project's node_modules, so a bundle works from any folder (a service user's cache, the system's temporary
// folder) with the install folder read-only. Concurrent runs are safe: each build writes a directory of its own,
// and the manifest that names it is renamed into place once it is complete.
//
// `node scripts/compiled.mjs` compiles and prints where: the installer runs it once as the owner of the install
// folder (docs/OPERATIONS.md), so the bundle lies in node_modules/.cache/ and the service user only reads it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Tells apart the caches of two installs sharing a cache folder. */
const TAG = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
/** Entry points, by output name. */
const ENTRIES = {
  main: 'src/cli/main.ts',
  parseWorker: 'src/inputs/postfix/parseWorker.ts',
};
/** Bundles older than this are removed when a new one is written (a run still using one is long finished). */
const KEEP_MS = 24 * 3600 * 1000;
/** Errors of a folder this user cannot write: the next place is tried. */
const NOT_WRITABLE = ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOENT'];

/**
 * Where a bundle may be, in the order they are looked in and tried for a build:
 * 1. THU_CONG_VU_CACHE, or CACHE_DIRECTORY, which systemd sets for a unit with `CacheDirectory=`;
 * 2. node_modules/.cache/thu-cong-vu/ of the install (where the installer compiles);
 * 3. the user's own cache folder ($XDG_CACHE_HOME or ~/.cache);
 * 4. the system's temporary folder, in a folder named for this user.
 */
export function cacheDirs(env = process.env) {
  const explicit = env.THU_CONG_VU_CACHE || env.CACHE_DIRECTORY?.split(':')[0];
  const home = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : join(homedir(), '.cache'));
  const uid = process.getuid?.() ?? 'nguoi-dung';
  return [
    ...(explicit ? [join(explicit, TAG)] : []),
    join(ROOT, 'node_modules', '.cache', 'thu-cong-vu'),
    join(home, 'thu-cong-vu', TAG),
    join(tmpdir(), `thu-cong-vu-${uid}-${TAG}`),
  ];
}

/**
 * The bundle's files as file URLs, building it first when a source changed since the last build, or when the
 * bundle found is not whole (`rebuild`: the caller could not load the one it was given).
 */
export async function compiledCli({ rebuild = false } = {}) {
  const dir = await compiledDir(rebuild);
  return Object.fromEntries(Object.keys(ENTRIES).map((name) => [name, pathToFileURL(join(dir, `${name}.js`)).href]));
}

async function compiledDir(rebuild) {
  const caches = cacheDirs();
  if (!rebuild) {
    for (const cache of caches) {
      const dir = fresh(cache);
      if (dir) return dir;
    }
  }
  let failure;
  for (const cache of caches) {
    try {
      return await build(cache);
    } catch (err) {
      if (!NOT_WRITABLE.includes(err?.code)) throw err;
      failure = err; // not writable here: the next place
    }
  }
  throw failure;
}

/** statSync, or null where there is nothing to stat (missing, or a file where a folder was expected). */
function statOrNull(path) {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

const stamp = (path) => {
  const s = statOrNull(path);
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
};

/** A cache folder whose bundle this user may run: its own, or one only root could have written. */
function trusted(cache) {
  const s = statOrNull(cache);
  if (!s?.isDirectory()) return false;
  const uid = process.getuid?.();
  if (uid === undefined || s.uid === uid) return true;
  return s.uid === 0 && (s.mode & 0o022) === 0;
}

/**
 * The directory of the last build in `cache` when none of its inputs (nor the lock file, nor this file) changed
 * and every file it wrote is still there with its size (a temporary-folder cleaner may have taken some).
 */
function fresh(cache) {
  if (!trusted(cache)) return null;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cache, 'cli.json'), 'utf8'));
  } catch {
    return null;
  }
  if (manifest.node !== process.version || typeof manifest.dir !== 'string' || dirname(manifest.dir) !== cache) return null;
  if (!manifest.outputs || !existsSync(join(manifest.dir, 'main.js'))) return null;
  for (const [path, seen] of Object.entries(manifest.inputs)) if (stamp(join(ROOT, path)) !== seen) return null;
  for (const [name, size] of Object.entries(manifest.outputs)) {
    if (statOrNull(join(manifest.dir, name))?.size !== size) return null;
  }
  return manifest.dir;
}

async function build(cache) {
  const { build: esbuild, version } = await import('esbuild');
  // a new directory each build, named before it (the worker's address is written into the bundle); the manifest
  // names it only once it is complete, so a run never sees half a bundle
  mkdirSync(cache, { recursive: true, mode: 0o755 });
  const dir = join(cache, `cli-${Date.now()}-${process.pid}`);
  mkdirSync(dir);
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
      plugins: [sourceImportMeta, packagesByAddress],
    });
    const inputs = {};
    for (const path of [...Object.keys(result.metafile.inputs), 'package-lock.json', relative(ROOT, fileURLToPath(import.meta.url))]) {
      inputs[path] = stamp(join(ROOT, path));
    }
    const outputs = {};
    for (const path of Object.keys(result.metafile.outputs)) outputs[relative(dir, join(ROOT, path))] = statSync(join(ROOT, path)).size;
    const manifest = join(cache, 'cli.json');
    const tmp = `${manifest}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ dir, node: process.version, esbuild: version, inputs, outputs }, null, 1));
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

const BUILTIN = new Set(builtinModules);

/**
 * A package import (`docx`, `@duckdb/node-api`, `astro`) is left to Node but written as the file URL Node resolves
 * it to from this project, so the bundle finds its packages wherever the bundle lies. A package that cannot be
 * resolved stays a bare name (and fails where it is used, as it would have without the bundle).
 */
const packagesByAddress = {
  name: 'packages-by-address',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path;
      if (name.startsWith('node:') || name.startsWith('file:') || BUILTIN.has(name) || BUILTIN.has(name.split('/')[0])) return undefined;
      try {
        return { path: import.meta.resolve(name), external: true };
      } catch {
        return undefined;
      }
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

// `node scripts/compiled.mjs`: compile now (at install, as the owner of the install folder) and say where.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { main } = await compiledCli();
  process.stdout.write(`Đã biên dịch CLI vào ${dirname(fileURLToPath(main))}\n`);
}
