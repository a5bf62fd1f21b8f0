// A realistic province for the tests of what officials receive: the generator's Sóc Trăng of 1,500 mailboxes (about
// 430 agencies and units, Sở TT&TT merged into Sở KH&CN in 2025, districts and communes), one night, loaded by the
// real `ingest` (issue 15 was seen on this province). Its mail volume is cut to a fifth to keep the tests fast.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestCommand } from '../../src/cli/commands/ingest.ts';
import { generateInto } from '../generate/support.ts';

export const PROVINCE = { profile: 'soctrang-2024', seed: 1, mailboxes: 1500, days: 1, until: '2026-11-20', mailVolume: 0.2 } as const;

/** Generates and ingests the province; `cleanup` removes both folders. */
export async function generatedProvince(): Promise<{ work: string; db: string; cleanup: () => void }> {
  const { dir: exports } = generateInto(PROVINCE);
  const work = mkdtempSync(join(tmpdir(), 'tcv-province-'));
  const db = join(work, 'warehouse.duckdb');
  const errors: string[] = [];
  const code = await ingestCommand.run({ exports, db }, [], { stdout: () => {}, stderr: (t) => errors.push(t), isTTY: false });
  if (code !== 0) throw new Error(`ingest: ${errors.join('')}`);
  return {
    work,
    db,
    cleanup: () => {
      rmSync(exports, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}
