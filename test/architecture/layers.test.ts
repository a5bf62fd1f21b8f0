/**
 * Imports point down (STYLE §15, docs/ARCHITECTURE.md "Layers"): every import of every module in src/ — static,
 * `export … from`, type-only, dynamic `import()`, and a module loaded by address (`new URL('./x.ts',
 * import.meta.url)`, as the mail-log parser's worker is) — goes to the module's own layer or to one its layer may use.
 * A new folder in src/ fails here until it is placed in LAYERS; an import that points up or sideways fails naming
 * the file, the import and the rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

interface Layer {
  /** Folders (or files) of src/ in the layer. */
  paths: string[];
  /** The layers its modules may import, besides its own. */
  uses: string[];
  why: string;
}

/**
 * Bottom to top. A layer may import only the layers in its `uses` (and itself): an import of a layer above, or of a
 * side layer it does not list, is refused.
 */
export const LAYERS: Record<string, Layer> = {
  errors: {
    paths: ['errors.ts'],
    uses: [],
    why: 'RunError and explainFailure: every layer throws them, so they sit below all of them and import nothing',
  },
  text: {
    paths: ['text'],
    uses: ['errors'],
    why: 'words and their forms: labels, Vietnamese folding, legacy encodings, number/date formatting, the time zone, the table type of downloads; pure, safe in the browser',
  },
  rules: {
    paths: ['rules'],
    uses: ['text', 'errors'],
    why: 'the regulations as pure functions and data: profiles, address rules, findings, scores, the working-day calendar; no I/O',
  },
  directory: {
    paths: ['directory'],
    uses: ['text', 'errors'],
    why: 'the public directory\'s pure helpers (search, vCard, its download table) that the site\'s pages and islands share; pure, safe in the browser',
  },
  system: {
    paths: ['system'],
    uses: ['text', 'errors'],
    why: 'the process: its identity, lock files, local time stamps, temporary folders, the effects a run is given (io.ts); no domain, and the pure layers may not use it',
  },
  inputs: {
    paths: ['inputs'],
    uses: ['text', 'rules', 'system', 'errors'],
    why: 'parsing and validating each export kind, the mail log byte by byte included; knows nothing of DuckDB',
  },
  generate: {
    paths: ['generate'],
    uses: ['text', 'rules', 'system', 'errors'],
    why: 'sample exports for `generate` and the tests (the mirror of inputs); only the CLI and the bench use it, so no product layer depends on made-up data',
  },
  warehouse: {
    paths: ['warehouse'],
    uses: ['inputs', 'rules', 'text', 'system', 'errors'],
    why: 'DuckDB: the schema, the nightly load, and the queries (compliance, report figures) everything above reads',
  },
  reports: {
    paths: ['reports'],
    uses: ['warehouse', 'rules', 'text', 'system', 'errors'],
    why: 'the report to UBND (model, text, HTML, DOCX, PDF) and the CSV/XLSX writers, from the warehouse\'s figures',
  },
  site: {
    paths: ['site'],
    uses: ['reports', 'warehouse', 'directory', 'rules', 'text', 'system', 'errors'],
    why: 'the Astro site and its build; above reports because it publishes them (report pages, downloads), never the other way',
  },
  cli: {
    paths: ['cli'],
    uses: ['site', 'reports', 'warehouse', 'inputs', 'generate', 'directory', 'rules', 'text', 'system', 'errors'],
    why: 'the commands of SPEC §2 and the nightly job: on top, nothing imports them',
  },
  bench: {
    paths: ['bench'],
    uses: ['cli', 'site', 'reports', 'warehouse', 'inputs', 'generate', 'directory', 'rules', 'text', 'system', 'errors'],
    why: '`npm run bench` (SPEC §6), a measuring tool: it may use anything, and nothing in src/ may import it',
  },
};

/** The layer of a path relative to src/, or null when none holds it. */
export function layerOf(path: string): string | null {
  const parts = path.split(sep).join('/');
  for (const [name, layer] of Object.entries(LAYERS)) {
    if (layer.paths.some((p) => parts === p || parts.startsWith(`${p}/`))) return name;
  }
  return null;
}

const SOURCE = /\.(ts|tsx|mts|js|mjs|astro)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The script parts of an .astro file (its frontmatter and <script> elements); the whole text of any other. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const parts: string[] = [];
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (front) parts.push(front[1]!);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(m[1]!);
  return parts.join('\n');
}

/** Every module specifier `text` imports: static, re-exported, type-only, dynamic, and loaded by address. */
export function importsOf(file: string, text: string): string[] {
  const script = scriptOf(file, text);
  const info = ts.preProcessFile(script, true, true);
  const specs = info.importedFiles.map((f) => f.fileName);
  for (const m of script.matchAll(/new URL\(\s*['"`](\.{1,2}\/[^'"`]+\.(?:ts|tsx|mts|js|mjs))['"`]\s*,\s*import\.meta\.url\s*\)/g)) specs.push(m[1]!);
  return specs;
}

export interface Violation {
  file: string;
  spec: string;
  message: string;
}

/** The imports of `file` (relative to src/) that break the layer rule. */
export function violationsOf(file: string, specs: readonly string[]): Violation[] {
  const from = layerOf(file);
  if (from === null) return [{ file, spec: '', message: `src/${file} is in no layer: place its folder in LAYERS (test/architecture/layers.test.ts) and docs/ARCHITECTURE.md` }];
  const out: Violation[] = [];
  for (const spec of specs) {
    if (!spec.startsWith('.')) continue; // a package or node: builtin
    const target = relative(SRC, resolve(SRC, dirname(file), spec));
    if (target.startsWith('..')) continue; // data/, package.json…: files, not layers
    const to = layerOf(target);
    if (to === null || to === from || LAYERS[from]!.uses.includes(to)) continue;
    const allowed = LAYERS[from]!.uses;
    out.push({
      file,
      spec,
      message:
        `src/${file} imports '${spec}' (src/${target.split(sep).join('/')}): ${from} may not import ${to}. ` +
        `${from} may import ${allowed.length > 0 ? allowed.join(', ') : 'nothing else'} (${LAYERS[from]!.why}); ` +
        `${to}: ${LAYERS[to]!.why}.`,
    });
  }
  return out;
}

describe('layers point one way', () => {
  const files = sourceFiles(SRC).map((f) => relative(SRC, f));

  it('every folder of src/ is placed in a layer', () => {
    const unplaced = [...new Set(files.filter((f) => layerOf(f) === null).map((f) => `src/${f.split(sep)[0]}`))];
    expect(unplaced, 'place each in LAYERS (test/architecture/layers.test.ts) and docs/ARCHITECTURE.md').toEqual([]);
  });

  it('every layer it names exists, and none lists one above it that lists it back', () => {
    for (const [name, layer] of Object.entries(LAYERS)) {
      for (const used of layer.uses) {
        expect(LAYERS[used], `${name} uses ${used}`).toBeDefined();
        expect(LAYERS[used]!.uses, `${name} and ${used} use each other`).not.toContain(name);
      }
    }
  });

  it('no import in src/ points up or sideways', () => {
    const violations = files.flatMap((f) => violationsOf(f, importsOf(f, readFileSync(join(SRC, f), 'utf8'))));
    expect(violations.map((v) => v.message).join('\n')).toBe('');
    expect(files.length).toBeGreaterThan(200); // the scan saw the tree
  });

  it('sees every kind of import, and refuses one that points up with the file, the import and the rule', () => {
    const text = [
      "import { a } from '../reports/csv.ts';",
      "import type { B } from '../site/build/types.ts';",
      "export { c } from '../cli/command.ts';",
      "const d = await import('../warehouse/open.ts');",
      "const w = new URL('../bench/run.ts', import.meta.url);",
      "import { e } from '../text/fold.ts';",
      "import { f } from './lists.ts';",
      "import ts from 'typescript';",
    ].join('\n');
    const specs = importsOf('rules/x.ts', text);
    expect(specs).toEqual(expect.arrayContaining(['../reports/csv.ts', '../site/build/types.ts', '../cli/command.ts', '../warehouse/open.ts', '../bench/run.ts']));
    const found = violationsOf('rules/x.ts', specs);
    expect(found.map((v) => v.spec)).toEqual(['../reports/csv.ts', '../site/build/types.ts', '../cli/command.ts', '../warehouse/open.ts', '../bench/run.ts']);
    expect(found[0]!.message).toBe(
      "src/rules/x.ts imports '../reports/csv.ts' (src/reports/csv.ts): rules may not import reports. rules may import text, errors " +
        `(${LAYERS.rules!.why}); reports: ${LAYERS.reports!.why}.`,
    );
    // an .astro page's frontmatter and scripts are read too
    const astro = "---\nimport X from '../../cli/main.ts';\n---\n<p>import nothing from 'here'</p>\n<script>import('../../bench/run.ts');</script>";
    expect(violationsOf('site/pages/x.astro', importsOf('site/pages/x.astro', astro)).map((v) => v.spec)).toEqual(['../../cli/main.ts', '../../bench/run.ts']);
    // a file in no layer is said
    expect(violationsOf('explore/measure.ts', [])[0]!.message).toMatch(/^src\/explore\/measure\.ts is in no layer/);
  });
});

describe('islands run in the browser', () => {
  // An island (src/site/islands/) is bundled for the browser: nothing it reaches, however indirectly, may need Node
  // (node: builtins, the Node DuckDB client, the Node-only siteData()).
  const NODE_ONLY = [/^node:/, /^@duckdb\/node-api/, /^(fs|path|os|url|child_process|worker_threads|zlib|crypto)$/];
  const NODE_ONLY_MODULES = ['site/data/siteData.ts'];

  it('no island reaches a Node-only module', () => {
    const seen = new Map<string, string[]>(); // module (relative to src/) -> the chain that reached it
    const problems: string[] = [];
    const visit = (file: string, chain: string[]) => {
      if (seen.has(file)) return;
      seen.set(file, chain);
      const path = join(SRC, file);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return; // a JSON file or an asset
      }
      for (const spec of importsOf(file, text)) {
        const via = [...chain, file].map((f) => `src/${f}`).join(' → ');
        if (!spec.startsWith('.')) {
          if (NODE_ONLY.some((re) => re.test(spec))) problems.push(`${via} imports '${spec}', which the browser does not have`);
          continue;
        }
        const target = relative(SRC, resolve(SRC, dirname(file), spec));
        if (target.startsWith('..')) continue;
        if (NODE_ONLY_MODULES.includes(target.split(sep).join('/'))) problems.push(`${via} imports src/${target}, which is Node-only`);
        else visit(target, [...chain, file]);
      }
    };
    const islands = sourceFiles(join(SRC, 'site', 'islands')).map((f) => relative(SRC, f));
    expect(islands.length).toBeGreaterThan(3);
    for (const island of islands) visit(island, []);
    expect(problems.join('\n')).toBe('');
  });
});

describe('one time zone', () => {
  // src/text/time.ts is the one place the zone and its offset are written (issue 16): a second definition is a date
  // waiting to disagree with the first
  const ZONE_WRITTEN = [
    { what: "the zone's name as a string", pattern: /['"`]Asia\/Ho_Chi_Minh['"`]/ },
    { what: 'the offset as arithmetic', pattern: /\b7\s*\*\s*(?:60\b|3_?600|36e5)/ },
  ];

  it('only src/text/time.ts writes Asia/Ho_Chi_Minh or the +07:00 offset', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const rel = relative(SRC, file);
      if (rel === join('text', 'time.ts')) continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$|^\s*\*.*$|^\s*\/\*.*$/, '');
        for (const { what, pattern } of ZONE_WRITTEN) if (pattern.test(code)) found.push(`src/${rel}:${i + 1} writes ${what}: use src/text/time.ts`);
      });
    }
    expect(found.join('\n')).toBe('');
  });
});
