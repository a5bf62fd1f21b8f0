// pflogsumm and our `ingest` + `summary` on the same file, alternating, several runs (SPEC §6: "at least 10× faster
// than pflogsumm on the same file, with equal totals").
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MailTotals } from '../warehouse/maillog/summary.ts';
import { median, runChild, type ChildRun } from './measure.ts';

export interface SideBySide {
  pflogsumm: ChildRun[];
  ingest: ChildRun[];
  summary: ChildRun[];
  /** Totals compared at pflogsumm's printed precision (it prints 8383k / 3038m for big byte counts). */
  mismatches: string[];
}

export const PFLOGSUMM = '/usr/sbin/pflogsumm';

/** Whether pflogsumm (Debian's package) is on this machine: without it only our side is measured. */
export const pflogsummInstalled = () => existsSync(PFLOGSUMM);

/** pflogsumm's Grand Totals as printed: "  83619   received", "   3038m  bytes received". */
export function parsePflogsumm(text: string): Record<keyof MailTotals, string> {
  const grab = (label: string) => {
    const m = new RegExp(`^\\s*(\\d+)([km ])\\s+${label}\\b`, 'm').exec(text);
    return m ? `${m[1]}${m[2]!.trim()}` : '?';
  };
  const deferrals = /deferred\s+\((\d+)([km]?)\s+deferrals\)/.exec(text);
  return {
    received: grab('received'), delivered: grab('delivered'), deferred: grab('deferred'),
    deferrals: deferrals ? `${deferrals[1]}${deferrals[2]}` : '0', bounced: grab('bounced'), rejected: grab('rejected'),
    bytes_received: grab('bytes received'), bytes_delivered: grab('bytes delivered'), senders: grab('senders'),
    recipients: grab('recipients'), sending_domains: grab('sending hosts/domains'), recipient_domains: grab('recipient hosts/domains'),
  };
}

/** A number the way pflogsumm prints it (adj_int_units: k above 512 KiB, m above 512 MiB, truncated). */
export function pflogsummUnits(n: number): string {
  if (n > 536870912) return `${Math.floor(n / 1048576)}m`;
  if (n > 524288) return `${Math.floor(n / 1024)}k`;
  return String(n);
}

/**
 * Runs pflogsumm on `log` and `ingest --exports night --db (fresh) && summary --json`, `runs` times each,
 * alternating which goes first. `cli` is the argument list that starts our CLI (scripts/cli.mjs). Without pflogsumm
 * installed, only ours runs (`pflogsumm` stays empty).
 */
export async function sideBySide(opts: { log: string; night: string; workDir: string; runs: number; cli: string[]; root: string; onRun?: (text: string) => void }): Promise<SideBySide> {
  const result: SideBySide = { pflogsumm: [], ingest: [], summary: [], mismatches: [] };
  const db = join(opts.workDir, 'bench.duckdb');
  // a compressed log goes to pflogsumm through zcat, as an operator would pipe it (ingest reads .gz itself)
  const pf = () => (/\.gz$/i.test(opts.log) ? runChild('sh', ['-c', `zcat -- "$1" | ${PFLOGSUMM}`, 'sh', opts.log]) : runChild(PFLOGSUMM, [opts.log]));
  const ours = async () => {
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    const ingest = await runChild(process.execPath, [...opts.cli, 'ingest', '--exports', opts.night, '--db', db, '--json'], opts.root);
    const summary = await runChild(process.execPath, [...opts.cli, 'summary', '--db', db, '--json'], opts.root);
    return { ingest, summary };
  };
  const withPflogsumm = pflogsummInstalled();
  for (let i = 0; i < opts.runs; i++) {
    const order = (i % 2 === 0 ? ['pf', 'ours'] : ['ours', 'pf']).filter((w) => withPflogsumm || w === 'ours');
    for (const which of order) {
      if (which === 'pf') {
        const r = await pf();
        result.pflogsumm.push(r);
        opts.onRun?.(`  lượt ${i + 1}: pflogsumm ${(r.wallMs / 1000).toFixed(2)} s`);
      } else {
        const r = await ours();
        result.ingest.push(r.ingest);
        result.summary.push(r.summary);
        opts.onRun?.(`  lượt ${i + 1}: ingest ${(r.ingest.wallMs / 1000).toFixed(2)} s + summary ${(r.summary.wallMs / 1000).toFixed(2)} s`);
      }
    }
  }
  if (!withPflogsumm) return result;
  const theirs = parsePflogsumm(result.pflogsumm[0]!.stdout);
  const mine = JSON.parse(result.summary[0]!.stdout) as MailTotals;
  for (const key of Object.keys(theirs) as (keyof MailTotals)[]) {
    if (pflogsummUnits(mine[key]) !== theirs[key]) result.mismatches.push(`${key}: pflogsumm ${theirs[key]}, summary ${mine[key]}`);
  }
  return result;
}

export function medianWall(runs: ChildRun[]): number {
  return median(runs.map((r) => r.wallMs));
}
