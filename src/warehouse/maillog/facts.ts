// Stage 2b: the night's per-message, per-recipient and per-reject facts (004 Điều 9 khoản 1: time, sender,
// recipient, client IP, size, errors), with content-filter hops linked so a message counts once.
import type { DuckDBConnection } from '@duckdb/node-api';

/** A relay on the loopback (127.0.0.0/8, ::1, localhost) reached by smtp: a content filter, not a recipient. */
const FILTER_HOP = `(regexp_matches(relay, '^(?:[^\\[]*\\[)?(?:127\\.|::1\\]|localhost)') AND cmd NOT IN ('lmtp', 'local', 'virtual', 'pipe'))`;

const MESSAGES_SQL = `
INSERT INTO mail_messages
WITH recv AS (
  SELECT qid, arg_min(ms, pos) AS ms, arg_min(day, pos) AS day, arg_min(kind, pos) AS kind, arg_min(cmd, pos) AS program,
    arg_min(client_host, pos) AS client_host, arg_min(client_ip, pos) AS client_ip, arg_min(sasl, pos) AS sasl,
    arg_min(orig_qid, pos) AS orig_qid
  FROM maillog_stage WHERE kind IN (1, 2, 10) GROUP BY qid
), frm AS (
  SELECT qid, arg_min(ms, pos) AS ms, arg_min(day, pos) AS day, arg_min(addr, pos) AS sender,
    arg_min(size, pos) AS size, arg_min(nrcpt, pos) AS nrcpt
  FROM maillog_stage WHERE kind = 3 GROUP BY qid
), hop AS (
  SELECT next_qid AS qid, arg_min(qid, pos) AS parent FROM maillog_stage
  WHERE kind = 4 AND status = 'sent' AND next_qid IS NOT NULL AND ${FILTER_HOP} GROUP BY next_qid
), notice AS (
  SELECT next_qid AS qid, arg_min(qid, pos) AS parent FROM maillog_stage WHERE kind = 9 GROUP BY next_qid
)
SELECT $night::DATE, coalesce(r.qid, f.qid),
  to_timestamp(coalesce(r.ms, f.ms) / 1000), coalesce(r.day, f.day),
  CASE WHEN r.orig_qid IS NOT NULL OR h.parent IS NOT NULL OR r.kind = 10 THEN 'filter'
       WHEN r.kind = 1 THEN 'smtpd' WHEN r.kind = 2 THEN 'pickup' WHEN n.parent IS NOT NULL THEN 'notice' ELSE 'local' END,
  r.program, r.client_host, r.client_ip, r.sasl, f.sender, f.size, f.nrcpt,
  coalesce(r.orig_qid, h.parent, n.parent),
  CASE WHEN r.orig_qid IS NOT NULL OR h.parent IS NOT NULL THEN coalesce(r.orig_qid, h.parent) ELSE coalesce(r.qid, f.qid) END,
  r.orig_qid IS NOT NULL OR h.parent IS NOT NULL OR coalesce(r.kind = 10, false)
FROM recv r FULL JOIN frm f USING (qid)
LEFT JOIN hop h ON h.qid = coalesce(r.qid, f.qid)
LEFT JOIN notice n ON n.qid = coalesce(r.qid, f.qid)`;

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

const DELIVERIES_SQL = `
INSERT INTO mail_deliveries
WITH earlier AS (
  SELECT qid, max(export_date) AS export_date FROM mail_messages
  WHERE export_date < $night::DATE AND export_date >= $night::DATE - INTERVAL 14 DAY
    AND qid IN (SELECT qid FROM maillog_stage WHERE kind = 4)
  GROUP BY qid
)
SELECT $night::DATE, s.qid, to_timestamp(s.ms / 1000), s.day, s.addr, s.orig_to, s.relay, s.cmd, s.delay, s.dsn,
  s.status, s.detail, s.forwarded, ${FILTER_HOP.replaceAll('relay', 's.relay').replaceAll('cmd', 's.cmd')}, s.next_qid,
  CASE WHEN m.qid IS NOT NULL THEN $night::DATE ELSE e.export_date END
FROM maillog_stage s
LEFT JOIN (SELECT qid FROM mail_messages WHERE export_date = $night::DATE) m ON m.qid = s.qid
LEFT JOIN earlier e ON e.qid = s.qid
WHERE s.kind = 4
ORDER BY s.pos`;

const REJECTS_SQL = `
INSERT INTO mail_rejects
SELECT $night::DATE, to_timestamp(ms / 1000), day,
  CASE kind WHEN 5 THEN 'reject' WHEN 6 THEN 'reject_warning' WHEN 7 THEN 'hold' ELSE 'discard' END,
  cmd, qid, stage, client_host, client_ip, sender, addr, detail
FROM maillog_stage WHERE kind BETWEEN 5 AND 8 ORDER BY pos`;

/** Replaces the night's rows of mail_messages, mail_deliveries and mail_rejects. */
export async function loadNightFacts(conn: DuckDBConnection, night: string): Promise<{ messages: number; deliveries: number; rejects: number }> {
  for (const table of ['mail_messages', 'mail_deliveries', 'mail_rejects']) {
    await conn.run(`DELETE FROM ${table} WHERE export_date = $night::DATE`, { night });
  }
  const messages = await changed(conn, MESSAGES_SQL, night);
  await linkRoots(conn, night);
  const deliveries = await changed(conn, DELIVERIES_SQL, night);
  const rejects = await changed(conn, REJECTS_SQL, night);
  return { messages, deliveries, rejects };
}

async function changed(conn: DuckDBConnection, sql: string, night: string): Promise<number> {
  const result = await conn.run(sql, { night });
  return Number(result.rowsChanged);
}
