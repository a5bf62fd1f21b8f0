// Alternative stage 1, kept for `npm run bench`: the same JavaScript line parser, one thread, its events appended
// to the staging tables through DuckDB appenders (one call per value) instead of delimited files.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { LineParser, type MaillogEvent } from '../inputs/postfix/parseLine.ts';
import { readLines } from '../warehouse/maillog/readLines.ts';
import { STAGE_KEYS, STAGE_TABLES, isFilterHop, stageKeyOf, stagedColumns, type StageKey } from '../warehouse/maillog/stageTables.ts';

type Value = string | number | boolean | null;

/** Each staging table's values for an event, in column order (see stageTables.ts). */
const VALUES: Record<StageKey, (pos: number, e: MaillogEvent) => Value[]> = {
  recv: (pos, e) => [pos, e.epochMs, e.kind, e.cmd, e.qid, e.clientHost, e.clientIp, e.receivedFrom, e.sasl, e.origQid],
  from: (pos, e) => [pos, e.epochMs, e.qid, e.addr, e.addrDomain, e.size, e.sizeTruthy, e.nrcpt],
  to: (pos, e) => [pos, e.epochMs, e.cmd, e.qid, e.addr, e.origTo, e.relay, e.delay, e.dsn, e.status, e.detail,
    e.nextQid, e.forwarded, isFilterHop(e)],
  hop: (pos, e) => [pos, e.epochMs, e.qid, e.addr, e.nextQid, e.forwarded],
  reject: (pos, e) => [pos, e.epochMs, e.kind, e.cmd, e.qid, e.stage, e.clientHost, e.clientIp, e.sender, e.addr, e.detail],
  notice: (pos, e) => [pos, e.qid, e.nextQid],
};

function append(app: DuckDBAppender, types: [string, string][], values: Value[]): void {
  for (const [i, v] of values.entries()) {
    if (v === null) app.appendNull();
    else if (types[i]![1] === 'VARCHAR') app.appendVarchar(String(v));
    else if (types[i]![1] === 'BOOLEAN') app.appendBoolean(Boolean(v));
    else if (types[i]![1] === 'DOUBLE') app.appendDouble(Number(v));
    else if (types[i]![1] === 'BIGINT') app.appendBigInt(BigInt(v as number));
    else if (types[i]![1] === 'INTEGER') app.appendInteger(Number(v));
    else app.appendTinyInt(Number(v));
  }
  app.endRow();
}

/** Stages one syslog file through appenders; returns the number of lines read. */
export async function stageWithAppenders(conn: DuckDBConnection, file: string, exportDate: string): Promise<number> {
  const appenders = {} as Record<StageKey, DuckDBAppender>;
  for (const key of STAGE_KEYS) {
    const t = STAGE_TABLES[key];
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t.name} (${stagedColumns(t).map(([name, type]) => `${name} ${type}`).join(', ')})`);
    appenders[key] = await conn.createAppender(t.name, 'main', 'temp');
  }
  const parser = new LineParser(exportDate);
  const stats = await readLines(file, (line, _lineNo, _ascii, offset) => {
    const e = parser.parse(line);
    if (typeof e !== 'object') return;
    const key = stageKeyOf(e);
    append(appenders[key], stagedColumns(STAGE_TABLES[key]), VALUES[key](offset, e));
  });
  for (const key of STAGE_KEYS) appenders[key].closeSync();
  return stats.lines;
}
