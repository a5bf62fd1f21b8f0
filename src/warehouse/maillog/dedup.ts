// Lines an earlier load already holds are skipped before anything is counted (SPEC §3.3; the reasoning is in held.ts).
// Works on the staged event rows of a night: per file in reading order, rows in time held whole by an earlier load
// are dropped, rows at an earlier load's edge are dropped when that load had the very same line (by content, repeats
// counted), and what the file then holds is recorded: mail_log_held (time ranges per host) and mail_log_held_lines
// (the lines at its edges, by content). A night whose files meet nothing held before (the usual night) costs only
// the recording: its edge lines, a few per file.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../open.ts';
import { ANY_HOST, MIN_EDGE_MS, planFile, type Held, type HostPlan, type Interval } from './held.ts';
import type { DeliverySource, FileStats } from './stage.ts';
import { STAGE_TABLES, type StageKey } from './stageTables.ts';

/** The fields that make two rows of a staging table the same line, `ms` first (delay, which no two copies of a line
 * differ in, is left out of to= rows: mail_deliveries keeps it only as a number). */
const LINE_FIELDS: Record<StageKey, string[]> = {
  recv: ['ms', 'kind', 'cmd', 'qid', 'client_host', 'client_ip', 'received_from', 'sasl', 'orig_qid'],
  from: ['ms', 'qid', 'addr', 'addr_dom', 'size', 'size_truthy', 'nrcpt'],
  to: ['ms', 'cmd', 'qid', 'addr', 'orig_to', 'relay', 'dsn', 'status', 'detail', 'next_qid', 'forwarded', 'filter_hop'],
  hop: ['ms', 'qid', 'addr', 'next_qid', 'forwarded'],
  reject: ['ms', 'kind', 'cmd', 'qid', 'stage', 'client_host', 'client_ip', 'sender', 'addr', 'detail'],
  notice: ['ms', 'qid', 'next_qid'],
  removed: ['ms', 'qid'],
};

/** mail_deliveries' names for the to= fields (it keeps every to= line but the content filter's hand-offs). */
const DELIVERY_COLUMNS: Record<string, string> = {
  ms: 'epoch_ms(time)', cmd: 'program', addr: 'recipient', filter_hop: 'is_filter_hop',
};

/** A line's identity: md5 over its table and fields (stable across DuckDB versions, unlike hash()). */
function lineKey(key: StageKey, column: (name: string) => string = (n) => n): string {
  const parts = LINE_FIELDS[key].map((f) => `coalesce(CAST(${column(f)} AS VARCHAR), '\\N')`);
  return `md5(concat_ws(chr(31), '${key}', ${parts.join(', ')}))`;
}

/** Every staged event row in the temporary tables: (pos, ms, line) of table `key`, `where` on its own columns. */
function stagedRows(keys: readonly StageKey[], where: string, withLine: boolean): string {
  return keys
    .map((key) => `SELECT pos, ms${withLine ? `, ${lineKey(key)} AS line` : ''} FROM ${STAGE_TABLES[key].name} WHERE ${where}`)
    .join(' UNION ALL ');
}

const TEMP_KEYS: readonly StageKey[] = ['recv', 'from', 'hop', 'reject', 'notice', 'removed'];
const ALL_KEYS: readonly StageKey[] = [...TEMP_KEYS, 'to'];
const FILE_POS = 2 ** 40;

/** `ms` inside one of `ranges`, as SQL over literal numbers (ranges are few, and integers of ours): a cheap filter
 * before a line's md5 is computed; the rules join (ruled) decides. */
function inRanges(ranges: readonly Interval[]): string {
  if (ranges.length === 0) return 'false';
  return `(${ranges.map((r) => `ms BETWEEN ${Math.trunc(r.lo)} AND ${Math.trunc(r.hi)}`).join(' OR ')})`;
}

/** Rows of file `fi` (pos range). */
const ofFile = (fi: number) => `pos >= ${fi * FILE_POS} AND pos < ${(fi + 1) * FILE_POS}`;

export interface Deduplicated {
  /** Where the night's to= rows are now (a temporary table when some had to be skipped). */
  deliveries: DeliverySource;
  /** Event rows skipped per file (stats order). */
  skipped: number[];
  /** The nights whose lines were met, per file. */
  nights: string[][];
  /** Records the edge lines of files whose to= rows went straight into mail_deliveries; call after they did. */
  recordDeliveredEdges: () => Promise<void>;
}

/**
 * Drops the staged rows of lines loaded before (other nights, or an earlier file of this night) and records what the
 * night's files now hold. `files` are the staged files in reading order (FileStats with host spans); `deliveries`
 * the to= rows as staged. Replaces this night's earlier records (a re-ingested night).
 */
export async function skipHeldLines(
  conn: DuckDBConnection, night: string, files: readonly FileStats[], deliveries: DeliverySource,
): Promise<Deduplicated> {
  await conn.run('DELETE FROM mail_log_held WHERE export_date = $night::DATE', { night });
  await conn.run('DELETE FROM mail_log_held_lines WHERE export_date = $night::DATE', { night });
  await conn.run(BACKFILL_SQL, { night });
  const spans = files.flatMap((f) => f.spans);
  const skipped = files.map(() => 0);
  const nights: string[][] = files.map(() => []);
  if (spans.length === 0) return { deliveries, skipped, nights, recordDeliveredEdges: async () => {} };

  const prior = await priorHeld(conn, night, spans);
  const plans: HostPlan[][] = [];
  const mine: Held[] = [];
  for (const f of files) {
    const plan = planFile(f.spans, [...prior, ...mine]);
    plans.push(plan);
    for (const p of plan) mine.push(...p.holds);
  }
  for (const h of mine) {
    await conn.run('INSERT INTO mail_log_held VALUES ($night::DATE, $host, $lo, $hi, $whole)', { night, host: h.host, lo: h.lo, hi: h.hi, whole: h.whole });
  }
  await loadRulesAndHosts(conn, files, plans);
  await conn.run('CREATE OR REPLACE TEMP TABLE maillog_new_lines (host VARCHAR, ms BIGINT, line VARCHAR, n BIGINT, fi INTEGER)');

  const meets = plans.some((plan) => plan.some((p) => p.skipWhole.length + p.matchEdge.length > 0));
  if (!meets) {
    // the usual night: nothing to skip; the edges of the to= rows are read back from mail_deliveries once there
    await recordEdges(conn, night, plans, TEMP_KEYS, false);
    return {
      deliveries, skipped, nights,
      recordDeliveredEdges: async () => {
        await recordEdges(conn, night, plans, [], true);
        await saveNewLines(conn, night);
      },
    };
  }

  await conn.run(`CREATE OR REPLACE TEMP TABLE maillog_to AS SELECT * FROM ${deliveries.sql}`, deliveries.params);
  await loadPriorLines(conn, night, spans);
  for (const [fi, plan] of plans.entries()) {
    skipped[fi] = await skipFileRows(conn, fi, plan);
    nights[fi] = [...new Set(plan.flatMap((p) => p.nights))].sort();
    await recordEdges(conn, night, [plan], ALL_KEYS, false, fi);
    // the next file of the night also meets this one's edge lines
    await conn.run('INSERT INTO maillog_prior_lines SELECT host, ms, line, n FROM maillog_new_lines WHERE fi = $fi', { fi });
  }
  await saveNewLines(conn, night);
  return { deliveries: { sql: STAGE_TABLES.to.name, params: {} }, skipped, nights, recordDeliveredEdges: async () => {} };
}

/**
 * Nights loaded before holdings were recorded (warehouses older than this file) get them from their facts: from the
 * first to the last event of the night, any host, whole but for a second at each end (whose lines are not known:
 * a line there may count twice, once). Facts older than the retention window are gone, and so is any overlap.
 */
const BACKFILL_SQL = `
INSERT INTO mail_log_held
WITH missing AS (
  SELECT DISTINCT export_date FROM mail_log_files WHERE export_date <> $night::DATE
  EXCEPT SELECT DISTINCT export_date FROM mail_log_held
), span AS (
  SELECT export_date, min(ms) AS lo, max(ms) AS hi FROM (
    SELECT export_date, epoch_ms(received_at) AS ms FROM mail_messages WHERE export_date IN (SELECT export_date FROM missing)
    UNION ALL SELECT export_date, epoch_ms(time) FROM mail_deliveries WHERE export_date IN (SELECT export_date FROM missing)
    UNION ALL SELECT export_date, epoch_ms(time) FROM mail_rejects WHERE export_date IN (SELECT export_date FROM missing)
  ) GROUP BY export_date
)
SELECT export_date, '${ANY_HOST}', lo, lo + ${MIN_EDGE_MS - 1}, false FROM span
UNION ALL SELECT export_date, '${ANY_HOST}', lo + ${MIN_EDGE_MS}, hi - ${MIN_EDGE_MS}, true FROM span WHERE hi - lo >= ${2 * MIN_EDGE_MS}
UNION ALL SELECT export_date, '${ANY_HOST}', greatest(lo + ${MIN_EDGE_MS}, hi - ${MIN_EDGE_MS - 1}), hi, false FROM span WHERE hi > lo`;

/** Earlier nights' holdings that meet the night's spans. */
async function priorHeld(conn: DuckDBConnection, night: string, spans: readonly { host: string; first: number; last: number }[]): Promise<Held[]> {
  const lo = Math.min(...spans.map((s) => s.first));
  const hi = Math.max(...spans.map((s) => s.last));
  const rows = await queryRows<{ night: string; host: string; lo: number; hi: number; whole: boolean }>(
    conn,
    `SELECT CAST(export_date AS VARCHAR) AS night, host, from_ms::DOUBLE AS lo, to_ms::DOUBLE AS hi, whole FROM mail_log_held
     WHERE export_date <> $night::DATE AND to_ms >= $lo AND from_ms <= $hi AND (host = '${ANY_HOST}' OR list_contains(from_json($hosts, '["VARCHAR"]'), host))`,
    { night, lo, hi, hosts: JSON.stringify([...new Set(spans.map((s) => s.host))]) },
  );
  return rows.map((r) => ({ night: r.night, host: r.host, lo: Number(r.lo), hi: Number(r.hi), whole: r.whole }));
}

/** The edge lines earlier nights hold within the night's spans, summed by line (temporary maillog_prior_lines). */
async function loadPriorLines(conn: DuckDBConnection, night: string, spans: readonly { host: string; first: number; last: number }[]): Promise<void> {
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE maillog_prior_lines AS
     SELECT host, ms, line, sum(n)::BIGINT AS n FROM mail_log_held_lines
     WHERE export_date <> $night::DATE AND ms BETWEEN $lo AND $hi AND list_contains(from_json($hosts, '["VARCHAR"]'), host)
     GROUP BY ALL`,
    {
      night, lo: Math.min(...spans.map((s) => s.first)), hi: Math.max(...spans.map((s) => s.last)),
      hosts: JSON.stringify([...new Set(spans.map((s) => s.host))]),
    },
  );
}

/** What a rule row says of the rows in its time range. */
const RULE = { skipWhole: 0, matchEdge: 1, recordEdge: 2 } as const;

/**
 * Temporary maillog_rules (fi, rule, host, lo, hi): each file's ranges to skip, to match and to record; and
 * maillog_hosts (pos, host): where each run of one host's lines starts (one row a file, but for a log that several
 * servers write into). Loaded with appenders: host names come from the logs and are never pasted into SQL.
 */
async function loadRulesAndHosts(conn: DuckDBConnection, files: readonly FileStats[], plans: readonly (readonly HostPlan[])[]): Promise<void> {
  await conn.run('CREATE OR REPLACE TEMP TABLE maillog_rules (fi INTEGER, rule TINYINT, host VARCHAR, lo BIGINT, hi BIGINT)');
  const rules = await conn.createAppender('maillog_rules', 'main', 'temp');
  for (const [fi, plan] of plans.entries()) {
    for (const p of plan) {
      const add = (rule: number, ranges: readonly Interval[]) => {
        for (const r of ranges) {
          rules.appendInteger(fi);
          rules.appendTinyInt(rule);
          rules.appendVarchar(p.host);
          rules.appendBigInt(BigInt(r.lo));
          rules.appendBigInt(BigInt(r.hi));
          rules.endRow();
        }
      };
      add(RULE.skipWhole, p.skipWhole);
      add(RULE.matchEdge, p.matchEdge);
      add(RULE.recordEdge, p.holds.filter((h) => !h.whole));
    }
  }
  rules.closeSync();
  await conn.run('CREATE OR REPLACE TEMP TABLE maillog_hosts (pos BIGINT, host VARCHAR)');
  const hosts = await conn.createAppender('maillog_hosts', 'main', 'temp');
  for (const f of files) {
    for (const r of f.runs) {
      hosts.appendBigInt(BigInt(r.pos));
      hosts.appendVarchar(r.host);
      hosts.endRow();
    }
  }
  hosts.closeSync();
}

/** Rows of file `fi` with their host (the run their pos falls in), joined to the file's rules of kind `rule`. */
function ruled(rows: string, fi: number, rule: number): string {
  return `SELECT r.*, h.host FROM (${rows}) r ASOF JOIN maillog_hosts h ON r.pos >= h.pos
    JOIN maillog_rules w ON w.fi = ${fi} AND w.rule = ${rule} AND w.host = h.host AND r.ms BETWEEN w.lo AND w.hi`;
}

/** Drops file `fi`'s rows of lines held before; returns how many. */
async function skipFileRows(conn: DuckDBConnection, fi: number, plan: readonly HostPlan[]): Promise<number> {
  const whole = plan.flatMap((p) => p.skipWhole);
  const edge = plan.flatMap((p) => p.matchEdge);
  if (whole.length + edge.length === 0) return 0;
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE maillog_dup AS
     WITH whole_rows AS (
       SELECT pos FROM (${ruled(stagedRows(ALL_KEYS, `${ofFile(fi)} AND ${inRanges(whole)}`, false), fi, RULE.skipWhole)})
     ), edge_rows AS (
       SELECT pos, host, ms, line FROM (${ruled(stagedRows(ALL_KEYS, `${ofFile(fi)} AND ${inRanges(edge)}`, true), fi, RULE.matchEdge)})
     ), matched AS (
       SELECT e.pos FROM (SELECT *, row_number() OVER (PARTITION BY host, ms, line ORDER BY pos) AS k FROM edge_rows) e
       JOIN maillog_prior_lines p ON p.host = e.host AND p.ms = e.ms AND p.line = e.line AND e.k <= p.n
     )
     SELECT pos FROM whole_rows UNION ALL SELECT pos FROM matched`,
  );
  let dropped = 0;
  for (const key of ALL_KEYS) {
    const table = STAGE_TABLES[key].name;
    const result = await conn.run(`DELETE FROM ${table} WHERE ${ofFile(fi)} AND pos IN (SELECT pos FROM maillog_dup)`);
    dropped += Number(result.rowsChanged);
  }
  return dropped;
}

/**
 * Adds the lines at the new edges of the plans' files to maillog_new_lines (with their file index): from the
 * temporary tables `keys`, and with `delivered`, the night's to= rows from mail_deliveries. `first`: the file index of
 * plans[0].
 */
async function recordEdges(
  conn: DuckDBConnection, night: string, plans: readonly (readonly HostPlan[])[], keys: readonly StageKey[], delivered: boolean, first = 0,
): Promise<void> {
  for (const [k, plan] of plans.entries()) {
    const fi = first + k;
    const edges = plan.flatMap((p) => p.holds.filter((h) => !h.whole));
    if (edges.length === 0) continue;
    const parts = keys.map((key) => `SELECT pos, ms, ${lineKey(key)} AS line FROM ${STAGE_TABLES[key].name} WHERE ${ofFile(fi)} AND ${inRanges(edges)}`);
    if (delivered) {
      const column = (f: string) => DELIVERY_COLUMNS[f] ?? f;
      parts.push(
        `SELECT pos, ms, line FROM (SELECT pos, epoch_ms(time) AS ms, ${lineKey('to', column)} AS line FROM mail_deliveries
         WHERE export_date = $night::DATE AND ${ofFile(fi)}) WHERE ${inRanges(edges)}`,
      );
    }
    if (parts.length === 0) continue;
    await conn.run(
      `INSERT INTO maillog_new_lines SELECT host, ms, line, count(*), ${fi} FROM (${ruled(parts.join(' UNION ALL '), fi, RULE.recordEdge)})
       GROUP BY host, ms, line`,
      delivered ? { night } : undefined,
    );
  }
}

async function saveNewLines(conn: DuckDBConnection, night: string): Promise<void> {
  await conn.run(
    'INSERT INTO mail_log_held_lines SELECT $night::DATE, host, ms, line, sum(n)::INTEGER FROM maillog_new_lines GROUP BY host, ms, line',
    { night },
  );
  await conn.run('DROP TABLE IF EXISTS maillog_new_lines');
}
