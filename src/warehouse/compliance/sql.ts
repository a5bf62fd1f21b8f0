import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../open.ts';

const SQL_DIR = new URL('./sql/', import.meta.url);
const cache = new Map<string, string>();

/** The text of `sql/<name>.sql` (one statement per file). */
export function complianceSql(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.sql`, SQL_DIR), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Binds only the `$names` the statement uses, so one parameter object serves every file. */
function bind(sql: string, params: Record<string, unknown>): Record<string, unknown> | undefined {
  const used: Record<string, unknown> = {};
  for (const m of sql.replace(/--[^\n]*/g, '').matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const key = m[1]!;
    if (!(key in params)) throw new Error(`tham số $${key} của truy vấn chưa được gán`);
    used[key] = params[key];
  }
  return Object.keys(used).length > 0 ? used : undefined;
}

/** Runs `sql/<name>.sql` for its effect (temp tables), binding the parameters it names. */
export async function runComplianceSql(conn: DuckDBConnection, name: string, params: Record<string, unknown> = {}): Promise<void> {
  const sql = complianceSql(name);
  await conn.run(sql, bind(sql, params) as never);
}

/** Runs `sql/<name>.sql` and returns its rows as plain objects. */
export async function queryComplianceSql<T>(conn: DuckDBConnection, name: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const sql = complianceSql(name);
  return queryRows<T>(conn, sql, bind(sql, params));
}
