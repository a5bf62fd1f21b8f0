// Mail-log Grand Totals for a date range, from the daily aggregates (SPEC §4.3): same meaning as pflogsumm 1.1.5's
// "Grand Totals" on the same log. Reads only mail_daily_* tables, never the raw facts.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../open.ts';

/** SPEC §4.3, in pflogsumm's words. */
export interface MailTotals {
  received: number;
  delivered: number;
  deferred: number;
  deferrals: number;
  bounced: number;
  rejected: number;
  bytes_received: number;
  bytes_delivered: number;
  senders: number;
  recipients: number;
  sending_domains: number;
  recipient_domains: number;
}

/** Inclusive local days (YYYY-MM-DD); an open end means "from the first" / "to the last" day in the warehouse. */
export interface DayRange {
  from?: string;
  to?: string;
}

const SQL = `
WITH t AS (
  SELECT coalesce(sum(received), 0) AS received, coalesce(sum(delivered), 0) AS delivered,
    coalesce(sum(deferrals), 0) AS deferrals, coalesce(sum(bounced), 0) AS bounced, coalesce(sum(rejected), 0) AS rejected,
    coalesce(sum(bytes_received), 0) AS bytes_received, coalesce(sum(bytes_delivered), 0) AS bytes_delivered
  FROM mail_daily_totals WHERE day BETWEEN $from::DATE AND $to::DATE
), s AS (
  SELECT count(DISTINCT sender) AS senders, count(DISTINCT domain) AS sending_domains
  FROM mail_daily_senders WHERE day BETWEEN $from::DATE AND $to::DATE
), r AS (
  SELECT count(DISTINCT recipient) AS recipients, count(DISTINCT domain) AS recipient_domains
  FROM mail_daily_recipients WHERE day BETWEEN $from::DATE AND $to::DATE
), d AS (
  SELECT count(DISTINCT qid) AS deferred FROM mail_daily_deferred WHERE day BETWEEN $from::DATE AND $to::DATE
)
SELECT t.received::BIGINT AS received, t.delivered::BIGINT AS delivered, d.deferred::BIGINT AS deferred,
  t.deferrals::BIGINT AS deferrals, t.bounced::BIGINT AS bounced, t.rejected::BIGINT AS rejected,
  t.bytes_received::BIGINT AS bytes_received, t.bytes_delivered::BIGINT AS bytes_delivered,
  s.senders::BIGINT AS senders, r.recipients::BIGINT AS recipients, s.sending_domains::BIGINT AS sending_domains,
  r.recipient_domains::BIGINT AS recipient_domains
FROM t, s, r, d`;

/**
 * The totals over the days of `range`. pflogsumm's distinct counts (senders, recipients, their domains, deferred
 * queue ids) are counted over the whole range, not summed per day or night, so the whole warehouse equals pflogsumm
 * run once over every night's lines (SPEC §3.3), and one night's range that night's log.
 */
export async function mailTotals(conn: DuckDBConnection, range: DayRange = {}): Promise<MailTotals> {
  const [row] = await queryRows<Record<keyof MailTotals, number | string>>(conn, SQL, {
    from: range.from ?? '0001-01-01',
    to: range.to ?? '9999-12-31',
  });
  const out = {} as MailTotals;
  for (const [key, value] of Object.entries(row!)) out[key as keyof MailTotals] = Number(value);
  return out;
}
