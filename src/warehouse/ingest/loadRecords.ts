/**
 * Logins, requests and incidents → warehouse (SPEC §3.2, §3.4, §3.5). Logins are deduplicated on (time, address)
 * across nights; requests and incidents are upserted by id, keeping the night they were first and last seen (a
 * later night's facts win; an older night never overwrites a newer one).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { incidentsSpec } from '../../inputs/incidents.ts';
import { loginsSpec } from '../../inputs/logins.ts';
import { requestsSpec } from '../../inputs/requests.ts';
import type { IngestContext } from '../ingestContext.ts';
import type { ExportFile } from './exportFolder.ts';
import type { AgencyCatalogue } from './loadAgencies.ts';
import { readTableInput } from './readInput.ts';
import { dropStaging, stageRows } from './staging.ts';

/** Loads `logins.csv`; returns the number of rows accepted (logins already stored are not duplicated). */
export async function loadLogins(ctx: IngestContext, file: ExportFile): Promise<number> {
  const table = await readTableInput(ctx, file, loginsSpec);
  if (table === null) return 0;
  const columns = { time: 'VARCHAR', address: 'VARCHAR', protocol: 'VARCHAR', client_ip: 'VARCHAR' } as const;
  await stageRows(ctx.conn, 'stg_logins', columns, table.rows, ({ row: r }) => [r.time, r.address, r.protocol, r.client_ip]);
  await ctx.conn.run(
    `INSERT OR IGNORE INTO logins (time, address, protocol, client_ip)
     SELECT CAST(time AS TIMESTAMPTZ), address, protocol, client_ip FROM stg_logins`,
  );
  await dropStaging(ctx.conn, 'stg_logins');
  return table.rows.length;
}

/**
 * Upserts staged rows into `table` by id: new ids get first_seen = last_seen = night; known ids get the staged facts
 * when the night is not older than their last_seen, and first_seen moves back if the night is older.
 */
async function upsertById(conn: DuckDBConnection, table: 'requests' | 'incidents', staging: string, facts: readonly string[], night: string) {
  const set = facts.map((c) => `${c} = excluded.${c}`).join(', ');
  await conn.run(
    `UPDATE ${table} SET first_seen = CAST($night AS DATE)
      WHERE first_seen > CAST($night AS DATE) AND id IN (SELECT id FROM ${staging})`,
    { night },
  );
  await conn.run(
    `INSERT INTO ${table} (id, ${facts.join(', ')}, first_seen, last_seen)
     SELECT id, ${facts.join(', ')}, CAST($night AS DATE), CAST($night AS DATE) FROM ${staging}
     ON CONFLICT (id) DO UPDATE SET ${set}, last_seen = excluded.last_seen
       WHERE excluded.last_seen >= ${table}.last_seen`,
    { night },
  );
}

/** Loads `requests.csv`; a request from an agency not in the catalogue is quarantined. Returns rows accepted. */
export async function loadRequests(ctx: IngestContext, file: ExportFile, catalogue: AgencyCatalogue): Promise<number> {
  const table = await readTableInput(ctx, file, requestsSpec);
  if (table === null) return 0;
  let rows = table.rows;
  if (catalogue.available) {
    rows = rows.filter((r) => {
      if (catalogue.knows(r.row.agency_code)) return true;
      ctx.quarantine(table.reject(r, 'agency_code', catalogue.unknownReason(r.row.agency_code)));
      return false;
    });
  } else if (rows.length > 0) {
    ctx.warn(`${file.name}: kho chưa có danh mục cơ quan (agencies.csv) — chưa kiểm tra được mã cơ quan của phiếu yêu cầu`);
  }
  const columns = {
    id: 'VARCHAR', type: 'VARCHAR', agency_code: 'VARCHAR', channel: 'VARCHAR', received_at: 'VARCHAR',
    completed_at: 'VARCHAR', result: 'VARCHAR', note: 'VARCHAR',
  } as const;
  await stageRows(ctx.conn, 'stg_requests_raw', columns, rows, ({ row: r }) => [
    r.id, r.type, r.agency_code, r.channel, r.received_at, r.completed_at, r.result, r.note,
  ]);
  await ctx.conn.run(
    `CREATE OR REPLACE TEMP TABLE stg_requests AS
     SELECT id, type, agency_code, channel, CAST(received_at AS TIMESTAMPTZ) AS received_at,
            CAST(completed_at AS TIMESTAMPTZ) AS completed_at, result, note
       FROM stg_requests_raw`,
  );
  const facts = ['type', 'agency_code', 'channel', 'received_at', 'completed_at', 'result', 'note'];
  await upsertById(ctx.conn, 'requests', 'stg_requests', facts, ctx.exportDate);
  await dropStaging(ctx.conn, 'stg_requests_raw');
  await dropStaging(ctx.conn, 'stg_requests');
  return rows.length;
}

/** Loads `incidents.csv`; returns rows accepted. */
export async function loadIncidents(ctx: IngestContext, file: ExportFile): Promise<number> {
  const table = await readTableInput(ctx, file, incidentsSpec);
  if (table === null) return 0;
  const columns = {
    id: 'VARCHAR', occurred_at: 'VARCHAR', reported_at: 'VARCHAR', kind: 'VARCHAR', severity: 'VARCHAR', summary: 'VARCHAR',
  } as const;
  await stageRows(ctx.conn, 'stg_incidents_raw', columns, table.rows, ({ row: r }) => [
    r.id, r.occurred_at, r.reported_at, r.kind, r.severity, r.summary,
  ]);
  await ctx.conn.run(
    `CREATE OR REPLACE TEMP TABLE stg_incidents AS
     SELECT id, CAST(occurred_at AS TIMESTAMPTZ) AS occurred_at, CAST(reported_at AS TIMESTAMPTZ) AS reported_at,
            kind, severity, summary
       FROM stg_incidents_raw`,
  );
  const facts = ['occurred_at', 'reported_at', 'kind', 'severity', 'summary'];
  await upsertById(ctx.conn, 'incidents', 'stg_incidents', facts, ctx.exportDate);
  await dropStaging(ctx.conn, 'stg_incidents_raw');
  await dropStaging(ctx.conn, 'stg_incidents');
  return table.rows.length;
}
