import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { FileSink } from '../../src/generate/fileSink.ts';
import { generateExports, type GenerateOptions, type GenerateSummary } from '../../src/generate/generateExports.ts';

/** Generates into a fresh temporary folder (quietly) and returns the folder and the summary. */
export function generateInto(opts: Omit<GenerateOptions, 'outDir'>): { dir: string; summary: GenerateSummary } {
  const dir = mkdtempSync(join(tmpdir(), 'tcv-generate-'));
  const summary = generateExports({ ...opts, outDir: dir }, {
    mkdir: (p) => mkdirSync(p, { recursive: true }),
    open: (p) => new FileSink(p),
    progress: () => {},
  });
  return { dir, summary };
}

/** sha256 of every file under `dir`, keyed by relative path. */
export function fingerprints(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const night of readdirSync(dir).sort()) {
    for (const file of readdirSync(join(dir, night)).sort()) {
      out[`${night}/${file}`] = createHash('sha256').update(readFileSync(join(dir, night, file))).digest('hex');
    }
  }
  return out;
}

/** The first line and the rows of a CSV file, parsed by header. */
export function readCsv(path: string): { header: string; rows: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  const header = text.slice(0, text.indexOf('\n'));
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return { header, rows };
}
