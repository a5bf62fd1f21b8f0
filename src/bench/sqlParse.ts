// Alternative stage 1, kept for `npm run bench`: DuckDB's CSV reader on whole lines and pflogsumm's regular
// expressions in SQL (RE2), filling the same staging tables as src/warehouse/maillog/stage.ts. It covers what the
// Grand Totals need (receive, pickup, from=, to=, rejects), so the bench can check it gives the same totals before
// comparing speed. The loader keeps the faster strategy (the JavaScript stream parser); this one is the measured
// alternative, not used by ingest.
import type { DuckDBConnection } from '@duckdb/node-api';
import { STAGE_KEYS, STAGE_TABLES, stagedColumns } from '../warehouse/maillog/stageTables.ts';
import { LOCAL_OFFSET_MS } from '../inputs/postfix/syslogTime.ts';

const LINES_SQL = `
CREATE OR REPLACE TEMP TABLE bench_raw AS
SELECT line FROM read_csv($file, columns = {'line': 'VARCHAR'}, delim = '\\x01', quote = '', escape = '', header = false,
  auto_detect = false, strict_mode = false, max_line_size = 4000000)`;

// Timestamp, host, then pflogsumm's "$cmd, $qid" expression on the rest of the line.
const HEAD_SQL = `
CREATE OR REPLACE TEMP TABLE bench_head AS
WITH t AS (
  SELECT rowid AS pos, line,
    regexp_extract(line, '^(...) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) \\S+ (.+)$', ['mon', 'd', 'h', 'mi', 's', 'rest']) AS c
  FROM bench_raw
), u AS (
  SELECT pos, c, (strpos('JanFebMarAprMayJunJulAugSepOctNovDec', c.mon) + 2) // 3 AS month FROM t WHERE c.rest <> ''
), v AS (
  SELECT pos, c.rest AS rest,
    epoch_ms(make_timestamp(
      CASE WHEN month - $month > 6 THEN $year - 1 WHEN $month - month > 6 THEN $year + 1 ELSE $year END,
      month, c.d::INTEGER, c.h::INTEGER, c.mi::INTEGER, c.s::DOUBLE)) - ${LOCAL_OFFSET_MS} AS ms,
    regexp_extract(c.rest, '^postfix(?:/(?:smtps|submission))?/([^\\[:]*).*?: ([^:\\s]+)', ['cmd', 'qid']) AS q
  FROM u WHERE month > 0
)
SELECT pos, ms, q.cmd AS cmd, q.qid AS qid, rest FROM v WHERE q.cmd <> ''`;

const KIND_SQL = `
CREATE OR REPLACE TEMP TABLE bench_kind AS
SELECT *,
  CASE
    WHEN cmd = 'cleanup' AND regexp_matches(rest, '/cleanup\\[\\d+\\]: .*?\\b(?:milter-)?reject: (?:header|body|END-OF-MESSAGE) ') THEN 5
    WHEN qid IN ('warning', 'fatal', 'panic') THEN 0
    WHEN qid = 'reject' THEN 5
    WHEN cmd = 'master' THEN 0
    WHEN cmd IN ('smtpd', 'postscreen') THEN CASE
      WHEN regexp_matches(rest, '\\[\\d+\\]: \\w+: client=') THEN 1
      WHEN regexp_matches(rest, '\\[\\d+\\]: \\w+: reject: ') THEN 5 ELSE 0 END
    WHEN regexp_matches(rest, 'from=<[^>]*>, size=\\d+') THEN 3
    WHEN regexp_matches(rest, 'to=<[^>]*>, (?:orig_to=<[^>]*>, )?relay=[^,]+, (?:conn_use=[^,]+, )?delay=[^,]+, (?:delays=[^,]+, )?(?:dsn=[^,]+, )?status=\\S+') THEN 4
    WHEN cmd = 'pickup' AND regexp_matches(rest, ': (?:sender|uid)=') THEN 2
    ELSE 0 END AS kind
FROM bench_head`;

const FILL_SQL: Record<string, string> = {
  maillog_recv: `
    INSERT INTO maillog_recv
    SELECT pos, ms, kind, cmd, qid, NULL, NULL,
      CASE WHEN kind = 2 THEN 'pickup'
        -- pflogsumm's gimme_domain: name[address] → the name reduced to its last labels, or the address
        WHEN NOT (regexp_matches(client, '^[^\\[]*\\[(?:\\d{1,3}\\.){3}\\d{1,3}\\]')
                  OR regexp_matches(client, '^[^\\[\\(/]*[\\[\\(/][^\\]\\)]+[\\]\\)]:?\\d*$')) THEN NULL
        WHEN name IN ('', 'unknown') THEN regexp_extract(client, '[\\[\\(/]([^\\]\\)]+)', 1)
        WHEN regexp_matches(name, '^.*\\.[^.]+\\.(?:[^.]{3}|[^.]{2,3}\\.[^.]{2})$')
          THEN lower(regexp_extract(name, '^.*\\.([^.]+\\.(?:[^.]{3}|[^.]{2,3}\\.[^.]{2}))$', 1))
        ELSE name END,
      NULL, NULL
    FROM (SELECT *, regexp_extract(rest, 'client=(.+?)(?:,|$)', 1) AS client FROM bench_kind WHERE kind IN (1, 2)),
      LATERAL (SELECT regexp_extract(client, '^([^\\[\\(/]*)', 1) AS name)`,
  maillog_from: `
    INSERT INTO maillog_from
    SELECT pos, ms, qid, addr, CASE WHEN regexp_matches(addr, '^[^@]+@.+$') THEN regexp_extract(addr, '^[^@]+@(.+)$', 1) END,
      size::BIGINT, size <> '0', NULL
    FROM (SELECT pos, ms, qid, regexp_extract(rest, 'from=<([^>]*)>, size=(\\d+)', ['a', 'size']) AS f FROM bench_kind WHERE kind = 3),
      LATERAL (SELECT CASE WHEN strpos(f.a, '@') > 0 THEN split_part(f.a, '@', 1) || lower(substr(f.a, strpos(f.a, '@'))) ELSE f.a END AS addr, f.size AS size)`,
  maillog_to: `
    INSERT INTO maillog_to
    SELECT pos, ms, cmd, qid, addr, NULL, t.relay, t.delay, NULL, t.status,
      NULL, NULL, t.status = 'sent' AND strpos(t.rmdr, 'forwarded as ') > 0, false
    FROM (SELECT pos, ms, cmd, qid, regexp_extract(rest,
        'to=<([^>]*)>, (?:orig_to=<[^>]*>, )?relay=([^,]+), (?:conn_use=[^,]+, )?delay=([^,]+), (?:delays=[^,]+, )?(?:dsn=[^,]+, )?status=(\\S+)(.*)$',
        ['a', 'relay', 'delay', 'status', 'rmdr']) AS t FROM bench_kind WHERE kind = 4),
      LATERAL (SELECT CASE WHEN strpos(t.a, '@') > 0 THEN split_part(t.a, '@', 1) || lower(substr(t.a, strpos(t.a, '@'))) ELSE t.a END AS addr)`,
  maillog_reject: `
    INSERT INTO maillog_reject SELECT pos, ms, 5, cmd, qid, NULL, NULL, NULL, NULL, NULL, NULL FROM bench_kind WHERE kind = 5`,
};

/**
 * Stages `file` (one syslog file, export night `exportDate`) with SQL only. Returns the number of lines read.
 * Differences with the JavaScript parser are limited to detail columns the totals do not read.
 */
export async function stageWithSql(conn: DuckDBConnection, file: string, exportDate: string): Promise<number> {
  for (const key of STAGE_KEYS) {
    const t = STAGE_TABLES[key];
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${t.name} (${stagedColumns(t).map(([name, type]) => `${name} ${type}`).join(', ')})`);
  }
  await conn.run(LINES_SQL, { file });
  await conn.run(HEAD_SQL, { year: Number(exportDate.slice(0, 4)), month: Number(exportDate.slice(5, 7)) });
  await conn.run(KIND_SQL);
  for (const sql of Object.values(FILL_SQL)) await conn.run(sql);
  const reader = await conn.runAndReadAll('SELECT count(*)::BIGINT FROM bench_raw');
  const lines = Number(reader.getRows()[0]![0]);
  for (const t of ['bench_raw', 'bench_head', 'bench_kind']) await conn.run(`DROP TABLE IF EXISTS ${t}`);
  return lines;
}
