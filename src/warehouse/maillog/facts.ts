// Stage 2b: the night's per-message, per-recipient and per-reject facts (004 Điều 9 khoản 1: time, sender,
// recipient, client IP, size, errors), with content-filter hops linked so a message counts once.
import type { DuckDBConnection } from '@duckdb/node-api';
import { localDay } from './totals.ts';

const MESSAGES_SQL = `
INSERT INTO mail_messages
WITH recv AS (
  SELECT qid, unnest(arg_min({'ms': ms, 'kind': kind, 'program': cmd, 'client_host': client_host, 'client_ip': client_ip,
    'sasl': sasl, 'orig_qid': orig_qid}, pos))
  FROM maillog_recv GROUP BY qid
), frm AS (
  SELECT qid, unnest(arg_min({'ms': ms, 'sender': addr, 'size': size, 'nrcpt': nrcpt}, pos))
  FROM maillog_from GROUP BY qid
), hop AS (
  -- the content filter's hand-offs (maillog_hop), and any forwarded one kept as a delivery
  SELECT next_qid AS qid, arg_min(qid, pos) AS parent FROM (
    SELECT qid, pos, next_qid FROM maillog_hop
    UNION ALL
    SELECT qid, pos, next_qid FROM mail_deliveries
    WHERE export_date = $night::DATE AND is_filter_hop AND status = 'sent' AND next_qid IS NOT NULL
  ) GROUP BY next_qid
), notice AS (
  SELECT next_qid AS qid, arg_min(qid, pos) AS parent FROM maillog_notice GROUP BY next_qid
), m AS (
  SELECT coalesce(r.qid, f.qid) AS qid, coalesce(r.ms, f.ms) AS ms, r.kind, r.program, r.client_host, r.client_ip, r.sasl,
    f.sender, f.size, f.nrcpt, coalesce(r.orig_qid, h.parent) AS filter_parent, n.parent AS notice_parent
  FROM recv r FULL JOIN frm f ON f.qid = r.qid
  LEFT JOIN hop h ON h.qid = coalesce(r.qid, f.qid)
  LEFT JOIN notice n ON n.qid = coalesce(r.qid, f.qid)
)
SELECT $night::DATE, qid, to_timestamp(ms / 1000), ${localDay('ms')},
  CASE WHEN filter_parent IS NOT NULL OR kind = 10 THEN 'filter' WHEN kind = 1 THEN 'smtpd' WHEN kind = 2 THEN 'pickup'
       WHEN notice_parent IS NOT NULL THEN 'notice' ELSE 'local' END,
  program, client_host, client_ip, sasl, sender, size, nrcpt,
  coalesce(filter_parent, notice_parent), coalesce(filter_parent, qid),
  filter_parent IS NOT NULL OR coalesce(kind = 10, false)
FROM m`;

/** Moves root_qid up the filter hops until it names a message that is not a re-injection (Zimbra 8.8 outbound
 * mail takes two hops; `depth` bounds a cycle in a damaged log). */
async function linkRoots(conn: DuckDBConnection, night: string, depth = 6): Promise<void> {
  for (let i = 0; i < depth; i++) {
    const result = await conn.run(
      `UPDATE mail_messages AS c SET root_qid = p.parent_qid
       FROM mail_messages p
       WHERE c.export_date = $night::DATE AND p.export_date = $night::DATE AND c.is_reinjection
         AND p.qid = c.root_qid AND p.is_reinjection AND p.parent_qid IS NOT NULL AND p.parent_qid <> c.root_qid`,
      { night },
    );
    if (Number(result.rowsChanged) === 0) return;
  }
}

/** The night's to= lines from `source` (maillog_to, or DuckDB's CSV reader over the staged files), read once. */
const deliveriesSql = (source: string) => `
INSERT INTO mail_deliveries
SELECT $night::DATE, t.qid, to_timestamp(t.ms / 1000), ${localDay('t.ms')}, t.addr, t.orig_to, t.relay, t.cmd,
  TRY_CAST(t.delay AS DOUBLE), t.dsn, t.status, t.detail, t.forwarded, t.filter_hop, t.next_qid,
  CASE WHEN o.qid IS NOT NULL THEN $night::DATE END, t.pos
FROM ${source} t
LEFT JOIN (SELECT qid FROM maillog_recv UNION SELECT qid FROM maillog_from) o ON o.qid = t.qid`;

/** Deliveries of messages queued in an earlier night (a retry past the log rotation): the latest such night within
 * two weeks. Few rows, so an update. */
const EARLIER_NIGHT_SQL = `
UPDATE mail_deliveries AS d SET msg_export_date = e.export_date
FROM (
  SELECT qid, max(export_date) AS export_date FROM mail_messages
  WHERE export_date < $night::DATE AND export_date >= $night::DATE - INTERVAL 14 DAY
    AND qid IN (SELECT qid FROM mail_deliveries WHERE export_date = $night::DATE AND msg_export_date IS NULL)
  GROUP BY qid
) e
WHERE d.export_date = $night::DATE AND d.msg_export_date IS NULL AND d.qid = e.qid`;

const REJECTS_SQL = `
INSERT INTO mail_rejects
SELECT $night::DATE, to_timestamp(ms / 1000), ${localDay('ms')},
  CASE kind WHEN 5 THEN 'reject' WHEN 6 THEN 'reject_warning' WHEN 7 THEN 'hold' ELSE 'discard' END,
  cmd, qid, stage, client_host, client_ip, sender, addr, detail
FROM maillog_reject`;

/** Replaces the night's rows of mail_deliveries, mail_messages and mail_rejects. */
export async function loadNightFacts(
  conn: DuckDBConnection, night: string, deliveries: { sql: string; params: Record<string, string | number> },
): Promise<{ messages: number; deliveries: number; rejects: number }> {
  for (const table of ['mail_messages', 'mail_deliveries', 'mail_rejects']) {
    await conn.run(`DELETE FROM ${table} WHERE export_date = $night::DATE`, { night });
  }
  const delivered = await changed(conn, deliveriesSql(deliveries.sql), { night, ...deliveries.params });
  await conn.run(EARLIER_NIGHT_SQL, { night });
  const messages = await changed(conn, MESSAGES_SQL, { night });
  await linkRoots(conn, night);
  const rejects = await changed(conn, REJECTS_SQL, { night });
  return { messages, deliveries: delivered, rejects };
}

async function changed(conn: DuckDBConnection, sql: string, params: Record<string, string | number>): Promise<number> {
  const result = await conn.run(sql, params);
  return Number(result.rowsChanged);
}
