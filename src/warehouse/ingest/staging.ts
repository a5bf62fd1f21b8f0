/**
 * Temporary staging tables filled with DuckDB's appender (STYLE.md: values are appended or bound, never pasted into
 * SQL). Loaders stage validated rows here, then merge them into the warehouse with set-based SQL.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

export type StagingType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR[]';
export type StagingValue = string | number | boolean | readonly string[] | null;

/** Column name → type; names are fixed identifiers chosen in code, never taken from input. */
export type StagingColumns = Readonly<Record<string, StagingType>>;

function append(appender: DuckDBAppender, type: StagingType, value: StagingValue): void {
  if (value === null) return appender.appendNull();
  switch (type) {
    case 'VARCHAR':
      return appender.appendVarchar(String(value));
    case 'INTEGER':
      return appender.appendInteger(value as number);
    case 'DOUBLE':
      return appender.appendDouble(value as number);
    case 'BOOLEAN':
      return appender.appendBoolean(value as boolean);
    case 'VARCHAR[]':
      return appender.appendList(value as readonly string[]);
  }
}

/**
 * Creates (or replaces) the temporary table `name` with `columns` and appends one row per item, the values taken
 * by `values(item)` in column order. Returns the number of rows appended.
 */
export async function stageRows<T>(
  conn: DuckDBConnection,
  name: string,
  columns: StagingColumns,
  items: Iterable<T>,
  values: (item: T) => readonly StagingValue[],
): Promise<number> {
  const entries = Object.entries(columns);
  const ddl = entries.map(([col, type]) => `"${col}" ${type}`).join(', ');
  await conn.run(`CREATE OR REPLACE TEMP TABLE "${name}" (${ddl})`);
  const appender = await conn.createAppender(name, 'main', 'temp');
  let count = 0;
  try {
    for (const item of items) {
      const row = values(item);
      for (let i = 0; i < entries.length; i++) append(appender, entries[i]![1], row[i] ?? null);
      appender.endRow();
      count++;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return count;
}

/** Drops a staging table once merged. */
export async function dropStaging(conn: DuckDBConnection, name: string): Promise<void> {
  await conn.run(`DROP TABLE IF EXISTS temp.main."${name}"`);
}
