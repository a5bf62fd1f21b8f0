// Parquet exports of the warehouse's aggregates for the internal explore page (/kham-pha/, issue 8). Heavy work stays
// in SQL: each table is one COPY (query) TO file, sorted on the columns analysts filter by so Parquet row-group
// statistics let duckdb-wasm fetch only the byte ranges a query needs.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Finding } from '../../rules/compliance/findings.ts';
import { queryRows } from '../../warehouse/open.ts';

/** One exported table: its SQL name in the browser, file name, rows, bytes and columns. */
export interface ParquetTable {
  name: ExploreTableName;
  file: string;
  rows: number;
  bytes: number;
  columns: { name: string; type: string }[];
}

export type ExploreTableName = 'agencies' | 'mail_daily_agency' | 'mailboxes' | 'findings';

/** Rows per Parquet row group: small enough that a filtered query skips most of a file, large enough to compress. */
export const ROW_GROUP_ROWS = 16_384;

/** What the exports are computed from: the as-of night, the profile's regular-use window (days), the zone's offset. */
export interface ParquetScope {
  asOf: string;
  /** Policy `ranking.regularUseDays` (soctrang-2024: 002 Điều 12 khoản 3, SPEC §4.5). */
  recentDays: number;
  /** Minutes east of UTC of the exports' local time (`ruleParams(policy).offsetMinutes`): a login's local day. */
  offsetMinutes: number;
}

/**
 * The SELECT behind each table (parameters $d = as-of date, $n = recent days, $o = the zone's offset in minutes).
 * `used_recent` is the ranking's regular use of the mailbox (schema/003_figures.sql `used_within` over its last use:
 * a login, mail sent, or Zimbra's weekly stamp with its margin). Only what the internal site already
 * shows: agency facts, daily mail aggregates, per-mailbox name/title/department/status/activity and findings — never a
 * phone, CCCD, birth date, client IP or message-level log fact.
 */
const QUERIES: Record<Exclude<ExploreTableName, 'findings'>, string> = {
  agencies: `SELECT code, name, abbr, parent_code, kind, grp, headcount
               FROM agencies_on($d::DATE) ORDER BY code`,
  mail_daily_agency: `SELECT * FROM mail_daily_agency WHERE day <= $d::DATE ORDER BY day, agency_code`,
  mailboxes: `WITH act AS (SELECT address, arg_max(used_mb, export_date) AS used_mb FROM mailbox_activity
                            WHERE export_date <= $d::DATE GROUP BY address),
                   use AS (SELECT address, sum(sent_messages) AS sent, sum(received_messages) AS received,
                                  sum(sent_rcpt_external) AS sent_ext
                             FROM mail_daily_mailbox WHERE day <= $d::DATE AND day > $d::DATE - $n::INTEGER
                            GROUP BY address)
              SELECT m.address, m.display_name, m.kind, m.agency_code, m.department, m.title, m.status,
                     m.created_at::DATE AS created_day, l.use_day AS last_use_day,
                     m.status = 'active' AND used_within(l.use_day, $d::DATE, $n::INTEGER) AS used_recent,
                     act.used_mb, m.quota_mb,
                     coalesce(use.sent, 0)::BIGINT AS sent_messages_recent,
                     coalesce(use.received, 0)::BIGINT AS received_messages_recent,
                     coalesce(use.sent_ext, 0)::BIGINT AS sent_rcpt_external_recent,
                     $n::INTEGER AS recent_days, $d::DATE AS as_of
                FROM mailboxes_on($d::DATE) m
                LEFT JOIN mailbox_use_on($d::DATE, $o::INTEGER) l USING (address)
                LEFT JOIN act USING (address)
                LEFT JOIN use USING (address)
               ORDER BY m.agency_code NULLS LAST, m.address`,
};

/** A file path as a SQL string literal (COPY TO takes no parameter); paths here are our own temporary files. */
function literal(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}

async function copyToParquet(conn: DuckDBConnection, select: string, file: string, params: Record<string, unknown>) {
  await conn.run(
    `COPY (${select}) TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`,
    params as never,
  );
}

async function describe(conn: DuckDBConnection, name: ExploreTableName, file: string): Promise<ParquetTable> {
  const [meta] = await queryRows<{ rows: number }>(conn, `SELECT count(*)::INTEGER AS rows FROM read_parquet(${literal(file)})`);
  const columns = await queryRows<{ column_name: string; column_type: string }>(
    conn,
    `DESCRIBE SELECT * FROM read_parquet(${literal(file)})`,
  );
  return {
    name,
    file: `${name}.parquet`,
    rows: meta?.rows ?? 0,
    bytes: (await stat(file)).size,
    columns: columns.map((c) => ({ name: c.column_name, type: c.column_type })),
  };
}

/** The findings table: written as JSON, then read back with explicit types and sorted in SQL. */
async function writeFindings(conn: DuckDBConnection, findings: readonly Finding[], dir: string, file: string) {
  const json = join(dir, 'findings.json');
  await writeFile(
    json,
    JSON.stringify(
      findings.map((f) => ({
        rule_id: f.ruleId, title: f.title, severity: f.severity, citation: f.citation, agency_code: f.agencyCode,
        agency_name: f.agencyName, subject: f.subject, subject_name: f.subjectName, since: f.since, detail: f.detail,
      })),
    ),
    'utf8',
  );
  const columns = `{rule_id: 'VARCHAR', title: 'VARCHAR', severity: 'VARCHAR', citation: 'VARCHAR',
    agency_code: 'VARCHAR', agency_name: 'VARCHAR', subject: 'VARCHAR', subject_name: 'VARCHAR', since: 'DATE',
    detail: 'VARCHAR'}`;
  await copyToParquet(
    conn,
    `SELECT * FROM read_json(${literal(json)}, format = 'array', columns = ${columns})
      ORDER BY agency_code NULLS LAST, rule_id, subject`,
    file,
    {},
  );
  await rm(json);
}

/**
 * Writes the explore tables as Parquet (zstd, row groups of ROW_GROUP_ROWS, sorted for range reads) into a new
 * temporary folder and describes them. `findings` are the engine's findings on `scope.asOf` (SPEC §4.4). Returns the
 * folder and the tables; the caller moves the files into the internal build.
 */
export async function writeExploreParquet(
  conn: DuckDBConnection,
  scope: ParquetScope,
  findings: readonly Finding[],
): Promise<{ dir: string; tables: ParquetTable[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'thu-cong-vu-parquet-'));
  const params = { d: scope.asOf, n: scope.recentDays, o: scope.offsetMinutes };
  const tables: ParquetTable[] = [];
  for (const [name, select] of Object.entries(QUERIES) as [ExploreTableName, string][]) {
    const file = join(dir, `${name}.parquet`);
    const used = select.includes('$n') ? params : { d: scope.asOf };
    await copyToParquet(conn, select, file, used);
    tables.push(await describe(conn, name, file));
  }
  const findingsFile = join(dir, 'findings.parquet');
  await writeFindings(conn, findings, dir, findingsFile);
  tables.push(await describe(conn, 'findings', findingsFile));
  return { dir, tables };
}
