/**
 * The warehouse's one convention for SQL kept in `.sql` files (STYLE §3): one statement per file, named parameters
 * `$name` bound as values (never pasted in), each file read once per process. A folder's statements share one
 * parameter object: each statement is bound only the `$names` it uses (found with its `--` comments left out, so a
 * comment may name a parameter), and a `$name` the caller did not give fails naming the file.
 * Used by the compliance statements (compliance/sql/) and the report's figures (reports/sql/).
 */
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './open.ts';

export interface SqlFolder {
  /** The text of `<name>.sql`. */
  text(name: string): string;
  /** Runs `<name>.sql` for its effect (a temporary table, a macro). */
  run(conn: DuckDBConnection, name: string, params?: Record<string, unknown>): Promise<void>;
  /** Runs `<name>.sql` and returns its rows as plain objects. */
  query<T>(conn: DuckDBConnection, name: string, params?: Record<string, unknown>): Promise<T[]>;
}

/** The statements of the folder `dir` (a URL ending in '/', usually `new URL('./sql/', import.meta.url)`). */
export function sqlFolder(dir: URL): SqlFolder {
  const cache = new Map<string, { sql: string; names: string[] }>();
  const load = (name: string) => {
    let file = cache.get(name);
    if (file === undefined) {
      const sql = readFileSync(new URL(`${name}.sql`, dir), 'utf8');
      const names = new Set<string>();
      for (const m of withoutComments(sql).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
      file = { sql, names: [...names] };
      cache.set(name, file);
    }
    return file;
  };
  const bind = (name: string, names: readonly string[], params: Record<string, unknown>) => {
    if (names.length === 0) return undefined;
    const used: Record<string, unknown> = {};
    for (const key of names) {
      if (!(key in params)) throw new Error(`tham số $${key} của truy vấn ${name}.sql chưa được gán`);
      used[key] = params[key];
    }
    return used;
  };
  return {
    text: (name) => load(name).sql,
    async run(conn, name, params = {}) {
      const { sql, names } = load(name);
      await conn.run(sql, bind(name, names, params) as never);
    },
    query(conn, name, params = {}) {
      const { sql, names } = load(name);
      return queryRows(conn, sql, bind(name, names, params));
    },
  };
}

/** The statement without its `--` comments (outside string literals). */
function withoutComments(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|--[^\n]*/g, (m) => (m.startsWith('--') ? '' : m));
}
