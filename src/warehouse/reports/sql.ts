import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../open.ts';

const SQL_DIR = new URL('./sql/', import.meta.url);

/** Runs `sql/<name>.sql` (one statement) binding only the `$names` it uses; returns its rows as plain objects. */
export async function queryReportSql<T>(conn: DuckDBConnection, name: string, params: Record<string, unknown>): Promise<T[]> {
  const sql = readFileSync(new URL(`${name}.sql`, SQL_DIR), 'utf8');
  const used: Record<string, unknown> = {};
  for (const m of sql.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const key = m[1]!;
    if (!(key in params)) throw new Error(`tham số $${key} của truy vấn ${name} chưa được gán`);
    used[key] = params[key];
  }
  return queryRows<T>(conn, sql, Object.keys(used).length > 0 ? used : undefined);
}
