// The staged rows of a night's parse (src/inputs/postfix/stagedRows.ts: one delimited file per kind of event) as
// DuckDB reads them: its parallel CSV reader over a kind's files, giving the staging table's relation (stage.ts
// loads it into a temporary table of the kind's name; dedup.ts and load.ts name those tables through STAGE_TABLES).
import { NULL, SEP, type StageTable } from '../../inputs/postfix/stagedRows.ts';

export { STAGE_KEYS, STAGE_TABLES, type StageKey, type StageTable } from '../../inputs/postfix/stagedRows.ts';

/**
 * DuckDB's CSV reader over delimited files of `table`, as a relation with `pos` first and absolute `ms`, with the
 * parameters it binds (one per file, and `base`).
 */
export function readCsvSource(table: StageTable, paths: readonly string[], prefix: string, base: number): { sql: string; params: Record<string, string | number> } {
  const columns = `{${table.columns.map(([name, type]) => `'${name}': '${type}'`).join(', ')}}`;
  const hasMs = table.columns.some(([name]) => name === 'ms');
  const params: Record<string, string | number> = { [`${prefix}sep`]: SEP, [`${prefix}null`]: NULL };
  if (hasMs) params[`${prefix}base`] = base;
  paths.forEach((p, i) => (params[`${prefix}${i}`] = p));
  const list = paths.map((_, i) => `$${prefix}${i}`).join(', ');
  return {
    sql: `(SELECT fi::BIGINT * 1099511627776 + off AS pos, * EXCLUDE (fi, off)${hasMs ? ` REPLACE (ms + $${prefix}base AS ms)` : ''} ` +
      `FROM read_csv([${list}], delim = $${prefix}sep, quote = '', escape = '', header = false, nullstr = $${prefix}null, ` +
      `auto_detect = false, columns = ${columns}, max_line_size = 4000000))`,
    params,
  };
}

/** Columns of the relation readCsvSource gives (pos first, then the rest), with their types. */
export function stagedColumns(table: StageTable): [string, string][] {
  return [['pos', 'BIGINT'], ...table.columns.filter(([name]) => name !== 'fi' && name !== 'off')];
}

