import type { DuckDBConnection } from '@duckdb/node-api';
import { ruleParams, type RuleParams } from '../../rules/compliance/params.ts';
import type { Policy } from '../../rules/policy/schema.ts';
import { queryRows } from '../open.ts';
import { runComplianceSql } from './sql.ts';

/** SQL parameters: the profile's thresholds (see `rules/compliance/params.ts`). */
export function sqlParams(policy: Policy): Record<string, unknown> {
  return { ...(ruleParams(policy) satisfies RuleParams) };
}

/**
 * Builds the session's temp tables for the given as-of dates (YYYY-MM-DD, local): cmp_dates, cmp_agency_at,
 * cmp_successor, cmp_sent_days, cmp_use_last (exact logins and sending), cmp_versions, cmp_nights, cmp_activity and cmp_state (mailbox state and rule "since" days per date).
 * Temp tables work on a read-only warehouse; calling again replaces them.
 */
export async function prepareState(conn: DuckDBConnection, policy: Policy, dates: readonly string[]): Promise<void> {
  const params = sqlParams(policy);
  await appendTempTable(conn, 'cmp_dates_text', ['d'], [...new Set(dates)].sort().map((d) => [d]));
  await conn.run('CREATE OR REPLACE TEMP TABLE cmp_dates AS SELECT DISTINCT CAST(d AS DATE) AS d FROM cmp_dates_text');
  const [maillog] = await queryRows<{ n: number }>(
    conn,
    "SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_tables() WHERE table_name = 'mail_daily_mailbox' AND NOT temporary",
  );
  const sent = maillog && maillog.n > 0 ? 'sentDays' : 'sentDaysNone';
  for (const name of ['agencyAt', 'successors', sent, 'useLast', 'versions', 'nights', 'activityEmpty']) {
    await runComplianceSql(conn, name, params);
  }
  const nights = await queryRows<{ night: string }>(conn, 'SELECT DISTINCT CAST(night AS VARCHAR) AS night FROM cmp_nights ORDER BY night');
  for (const { night } of nights) await runComplianceSql(conn, 'activityNight', { night });
  await runComplianceSql(conn, 'state', params);
}

/**
 * (Re)creates a temp table of VARCHAR columns and appends `rows` (text or null); callers cast in SQL. Values go through
 * the appender, never into SQL text.
 */
export async function appendTempTable(
  conn: DuckDBConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): Promise<void> {
  if (!/^[a-z_]+$/.test(table) || !columns.every((c) => /^[a-z_]+$/.test(c))) throw new Error(`tên bảng tạm không hợp lệ: ${table}`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.map((c) => `${c} VARCHAR`).join(', ')})`);
  const appender = await conn.createAppender(table, 'main', 'temp');
  for (const row of rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** First and last export night in the warehouse (the data's span), or null when nothing was ingested. */
export async function dataSpan(conn: DuckDBConnection): Promise<{ from: string; to: string } | null> {
  const [row] = await queryRows<{ first: string | null; last: string | null }>(
    conn,
    `SELECT CAST((SELECT min(seen_from) FROM mailboxes) AS VARCHAR) AS first,
       CAST(greatest((SELECT max(seen_from) FROM mailboxes), (SELECT max(export_date) FROM mailbox_activity),
                     (SELECT max(export_date) FROM ingest_runs)) AS VARCHAR) AS last`,
  );
  return row?.first && row.last ? { from: row.first, to: row.last } : null;
}
