// Stage-1 strategies measured on the same file, each into a fresh in-memory DuckDB (issue 3: "parse in DuckDB … or
// stream-parse into DuckDB appenders — measure both on the same file and keep the faster"). Each strategy's totals
// are checked against the loader's before its time counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { stageMaillog, startParse } from '../warehouse/maillog/stage.ts';
import { mailTotals, type MailTotals } from '../warehouse/maillog/summary.ts';
import { loadNightFacts } from '../warehouse/maillog/facts.ts';
import { loadNightTotals } from '../warehouse/maillog/totals.ts';
import { schemaSql } from '../warehouse/open.ts';
import { stageWithAppenders } from './appenderStage.ts';
import { stageWithSql } from './sqlParse.ts';

export interface StrategyResult {
  name: string;
  wallMs: number;
  sameTotals: boolean;
}

type Stage = (conn: DuckDBConnection, file: string, night: string) => Promise<unknown>;

const jsStage = (threads?: number): Stage => async (conn, file, night) => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-stage-'));
  try {
    const job = startParse([{ kind: 'syslog', path: file, name: 'maillog' }], { exportDate: night, tmpDir: dir, threads });
    await stageMaillog(conn, job, [], { exportDate: night, tmpDir: dir, onBadLine: () => {} });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const STRATEGIES: [string, Stage][] = [
  ['JS, mọi lõi → tệp phân cách → DuckDB read_csv (đang dùng)', jsStage()],
  ['JS, một luồng → tệp phân cách → DuckDB read_csv', jsStage(1)],
  ['DuckDB read_csv cả dòng + biểu thức chính quy SQL', (conn, file, night) => stageWithSql(conn, file, night)],
  ['JS, một luồng → DuckDB appender', (conn, file, night) => stageWithAppenders(conn, file, night)],
];

async function once(stage: Stage, file: string, night: string): Promise<{ wallMs: number; totals: MailTotals }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run(schemaSql());
    const start = performance.now();
    await stage(conn, file, night);
    const wallMs = performance.now() - start;
    await loadNightFacts(conn, night, { sql: 'maillog_to', params: {} });
    await loadNightTotals(conn, night);
    return { wallMs, totals: await mailTotals(conn) };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Times each strategy once (after the loader's own run gives the reference totals). */
export async function compareStrategies(file: string, night: string, onResult?: (r: StrategyResult) => void): Promise<StrategyResult[]> {
  const out: StrategyResult[] = [];
  let reference: string | null = null;
  for (const [name, stage] of STRATEGIES) {
    const r = await once(stage, file, night);
    reference ??= JSON.stringify(r.totals);
    const result = { name, wallMs: r.wallMs, sameTotals: JSON.stringify(r.totals) === reference };
    out.push(result);
    onResult?.(result);
  }
  return out;
}
