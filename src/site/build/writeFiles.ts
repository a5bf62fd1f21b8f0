import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toCsv } from '../../reports/csv.ts';
import type { DataTable } from '../../text/table.ts';
import { toXlsx } from '../../reports/xlsx.ts';

/** A table registered by a collector, written after the Astro build. */
export interface PendingDownload {
  path: string;
  title: string;
  table: DataTable;
}

/** A file registered by a collector (e.g. Parquet), produced after the Astro build. */
export interface PendingFile {
  path: string;
  write: (absolutePath: string) => Promise<void>;
}

/** Writes each download as `<path>.csv` (UTF-8 BOM, formulas neutralised) and `<path>.xlsx` under `outDir`. */
export async function writeDownloads(outDir: string, downloads: PendingDownload[]): Promise<void> {
  for (const d of downloads) {
    const base = join(outDir, d.path);
    mkdirSync(dirname(base), { recursive: true });
    writeFileSync(`${base}.csv`, toCsv(d.table), 'utf8');
    writeFileSync(`${base}.xlsx`, await toXlsx([{ ...d.table, name: d.table.sheet ?? d.title, title: d.title }]));
  }
}

/** Produces each registered file under `outDir`, creating folders as needed. */
export async function writeEmittedFiles(outDir: string, files: PendingFile[]): Promise<void> {
  for (const f of files) {
    const target = join(outDir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    await f.write(target);
  }
}
